import type { Refinements } from "../refine.js";
import type { ResourceRefinements } from "../resources.js";

/** Hand knowledge of Device Farm the model and the SDK do not carry, each with its reason. */
export const refinements: Refinements = {
  "RemoteAccessSession.endpoint": {
    traits: { redact: "secret", deprecated: "2025-11-17" },
    why: "The same URL as the @sensitive endpoints.interactiveEndpoint that supersedes it, yet not marked @sensitive; deprecated by the SDK on 2025-11-17.",
  },
  "DeviceProxy.host": {
    traits: { redact: "host" },
    why: "A customer's proxy host name: identifying, so the recorder replaces it with a pseudonym host.",
  },
};

/**
 * Every Device Farm resource is named by one `arn`, so identifiers cannot tell a parent: its ARN does
 * (`run:<project>/<run>`, `job:<project>/<run>/<job>`; the Device Farm API reference's ARN formats).
 */
export const resources: ResourceRefinements = {
  parents: {
    Run: "Project",
    Job: "Run",
    Suite: "Job",
    Test: "Suite",
    Upload: "Project",
    DevicePool: "Project",
    NetworkProfile: "Project",
    RemoteAccessSession: "Project",
    TestGridSession: "TestGridProject",
  },
};
