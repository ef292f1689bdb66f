export { AwsMock, createAwsMock } from "./mock.js";
export type { AwsMockOptions, Call, Fault, SentResponse, UnknownIds } from "./mock.js";
export { SessionStore } from "./store.js";
export type { AddOptions } from "./store.js";
export { testClientConfig, testCredentials, noDelayRetryStrategy } from "./client.js";
export type { DirectHandler } from "./transport.js";
