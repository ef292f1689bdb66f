import type { Refinements } from "../refine.js";
import type { ResourceRefinements } from "../resources.js";

/** Hand knowledge of Glue the model and the SDK do not carry, each with its reason. */
export const refinements: Refinements = {};

/**
 * A workflow run is named by its workflow's `Name` and its `RunId` (`GetWorkflowRun`), so its identifiers do not
 * say that the workflow is its parent; `StartWorkflowRun` takes the workflow's `Name` (Glue API reference, Workflows).
 */
export const resources: ResourceRefinements = {
  parents: { WorkflowRun: "Workflow" },
};
