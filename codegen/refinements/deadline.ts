import type { Refinements } from "../refine.js";

/** Hand knowledge of Deadline Cloud the model and the SDK do not carry, each with its reason. */
export const refinements: Refinements = {
  "HostPropertiesResponse.hostName": {
    traits: { redact: "host" },
    why: "A worker's host name (EC2's ip-a-b-c-d form): identifying, so the recorder keeps its link to the address pseudonym.",
  },
};
