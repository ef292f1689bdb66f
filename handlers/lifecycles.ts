import type { Phase } from "./clock.js";

/**
 * How a resource moves once created, as data: the member that holds its state, the phases it passes
 * (each lasting some polls of the resource, or some time on the mock's clock), the timestamps entered
 * states set, and what a stop does. Keyed by `service:Resource` as the resource model names them.
 * Durations are the services' usual ones, shortened where a test would wait for nothing.
 */
export interface LifecycleData {
  readonly member: string;
  readonly phases: readonly Phase[];
  /** Timestamp members set when a state is entered (`{ RUNNING: ["StartedOn"] }`). */
  readonly entered?: Readonly<Record<string, readonly string[]>>;
  /** Members set in a state (`{ COMPLETED: { result: "PASSED" } }`). */
  readonly values?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** A member that holds the seconds between two timestamps, once the second is set (Glue's `ExecutionTime`). */
  readonly duration?: { readonly member: string; readonly from: string; readonly to: string };
  /** The phases a stop starts (from the state the resource is in). */
  readonly stop?: readonly Phase[];
}

const phase = (state: string, polls: number, seconds: number): Phase => ({ state, polls, ms: seconds * 1000 });

export const lifecycles: Readonly<Record<string, LifecycleData>> = {
  // A Glue job run: STARTING, RUNNING, SUCCEEDED (Glue's job run states); a stop goes through STOPPING to STOPPED.
  "glue:JobRun": {
    member: "JobRunState",
    phases: [phase("STARTING", 1, 10), phase("RUNNING", 2, 120), phase("SUCCEEDED", 0, 0)],
    entered: { STARTING: ["StartedOn", "LastModifiedOn"], RUNNING: ["LastModifiedOn"], SUCCEEDED: ["CompletedOn", "LastModifiedOn"], STOPPING: ["LastModifiedOn"], STOPPED: ["CompletedOn", "LastModifiedOn"] },
    duration: { member: "ExecutionTime", from: "StartedOn", to: "CompletedOn" },
    stop: [phase("STOPPING", 1, 5), phase("STOPPED", 0, 0)],
  },
  // A Device Farm run: PENDING, SCHEDULING, PREPARING, RUNNING, COMPLETED with a result (the Run API's statuses).
  "deviceFarm:Run": {
    member: "status",
    phases: [phase("PENDING", 1, 5), phase("SCHEDULING", 1, 10), phase("PREPARING", 1, 30), phase("RUNNING", 2, 300), phase("COMPLETED", 0, 0)],
    entered: { PENDING: ["created"], RUNNING: ["started"], COMPLETED: ["stopped"] },
    values: { COMPLETED: { result: "PASSED" } },
    stop: [phase("STOPPING", 1, 10), phase("COMPLETED", 0, 0)],
  },
  // A Device Farm upload: INITIALIZED until the file is put to its URL, PROCESSING, SUCCEEDED.
  "deviceFarm:Upload": {
    member: "status",
    phases: [phase("INITIALIZED", 1, 5), phase("PROCESSING", 1, 10), phase("SUCCEEDED", 0, 0)],
    entered: { INITIALIZED: ["created"] },
  },
};
