import type { Refinements } from "../refine.js";

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
