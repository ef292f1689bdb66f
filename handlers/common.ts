// What the handlers entry has in Node and in a browser alike; `index.ts` (Node) adds `serve`, `browser.ts` gives the mock msw.
export { AwsMock, createAwsMock } from "./mock.js";
export type { AwsMockOptions, Call, Fault, SentResponse, UnknownIds } from "./mock.js";
export { SessionStore } from "./store.js";
export type { AddOptions } from "./store.js";
export { testClientConfig, testCredentials, noDelayRetryStrategy } from "./client.js";
export type { DirectHandler } from "./transport.js";
export { onUnhandled } from "./msw-options.js";
export type { UnhandledStrategy } from "./msw-options.js";
export { ManualClock } from "./clock.js";
export type { Clock } from "./clock.js";
export type { StatementOutcome } from "./families/glue-sessions.js";
export { preload } from "../src/contracts/registry.js";
