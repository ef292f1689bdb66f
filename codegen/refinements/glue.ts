import type { Refinements } from "../refine.js";

/** Hand knowledge of Glue the model and the SDK do not carry, each with its reason. */
export const refinements: Refinements = {};
