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
  /** The phases a start begins, from the state the resource rests in (a crawler crawls, a trigger is activated). */
  readonly start?: readonly Phase[];
  /** A create whose request sets this member true starts the resource at once (a trigger's `StartOnCreation`). */
  readonly startOn?: string;
  /** The operation's modelled errors: a start while the resource is not at rest, a stop while it is. */
  readonly errors?: { readonly busy?: string; readonly idle?: string };
  /**
   * A record of the latest run, set once it enters `when` (a crawler's `LastCrawl`): these members, with `since`
   * holding when it entered that state; `stopped` instead when a stop ended the run.
   */
  readonly last?: { readonly member: string; readonly when: string; readonly values: Readonly<Record<string, unknown>>; readonly stopped: Readonly<Record<string, unknown>>; readonly since: { readonly member: string; readonly state: string } };
  /**
   * How many may run at once under one parent: the parent's member that says so (a Glue job's
   * `ExecutionProperty.MaxConcurrentRuns`, default 1), and the error beyond it (`{JobName}` from the request).
   */
  readonly concurrency?: { readonly of: string; readonly default: number; readonly error: string; readonly message: string };
  /** The phases an update that sets the state member starts, by the state it sets (`STOP_SCHEDULING_AND_COMPLETE_TASKS` → `STOPPED`). */
  readonly after?: Readonly<Record<string, readonly Phase[]>>;
}

const phase = (state: string, polls: number, seconds: number): Phase => ({ state, polls, ms: seconds * 1000 });

/**
 * What the service sets on a resource it creates or changes, by `service:Resource` (or `service:*` for all of a
 * service's resources): the timestamp members set to the mock's time at creation and at each update, members a new
 * resource does not have yet, and values a new resource starts with (a queue `IDLE`). Members the entity's
 * structure lacks are skipped.
 */
export interface CreationData {
  readonly createdAt?: readonly string[];
  readonly updatedAt?: readonly string[];
  /** Members a resource has only once something happened to it (`updatedAt`, `startedAt`). */
  readonly absent?: readonly string[];
  readonly values?: Readonly<Record<string, unknown>>;
  /** Members set from elsewhere in the create's request, by dotted path (a Device Farm run's `type` is its request's `test.type`). */
  readonly from?: Readonly<Record<string, string>>;
  /** Values a new resource has when the request does not give them (the API's documented defaults). */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /**
   * A request member given as a string where the resource holds a structure: the structure's member it sets, and the
   * members that come with it (Glue's `Schedule: "cron(0 12 * * ? *)"` is a crawler's `Schedule.ScheduleExpression`).
   */
  readonly wraps?: Readonly<Record<string, { readonly into: string; readonly with?: Readonly<Record<string, unknown>> }>>;
  /** Members set whole by the operation that made the resource (which of Glue's four starts began an ML task run). */
  readonly byOperation?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export const creation: Readonly<Record<string, CreationData>> = {
  // An ML task run's type is the operation that started it (Glue's TaskType).
  "glue:MLTaskRun": {
    byOperation: {
      StartMLEvaluationTaskRun: { Properties: { TaskType: "EVALUATION" } },
      StartMLLabelingSetGenerationTaskRun: { Properties: { TaskType: "LABELING_SET_GENERATION" } },
      StartImportLabelsTaskRun: { Properties: { TaskType: "IMPORT_LABELS" } },
      StartExportLabelsTaskRun: { Properties: { TaskType: "EXPORT_LABELS" } },
    },
  },
  // Glue stamps create and update times on catalog objects, jobs, crawlers and triggers.
  "glue:*": { createdAt: ["CreateTime", "CreatedOn", "CreationTime", "CreatedTime", "CreateDate"], updatedAt: ["UpdateTime", "LastModifiedOn", "LastUpdated", "LastModifiedTime", "LastUpdatedTime"], absent: ["LastAccessTime", "LastAnalyzedTime"], wraps: { Schedule: { into: "ScheduleExpression", with: { State: "SCHEDULED" } } } },
  // Deadline: `createdAt` on creation; `updatedAt`/`updatedBy` only once updated; runs have no start or end yet.
  "deadline:*": { createdAt: ["createdAt"], updatedAt: ["updatedAt"], absent: ["updatedAt", "updatedBy", "startedAt", "endedAt"] },
  // CreateQueue's `defaultBudgetAction` is NONE unless given; CreateFleet's `minWorkerCount` 0 (Deadline API reference).
  "deadline:Queue": { values: { status: "IDLE" }, defaults: { defaultBudgetAction: "NONE" } },
  "deadline:Fleet": { values: { workerCount: 0 }, defaults: { minWorkerCount: 0 } },
  "deadline:Worker": { values: { status: "CREATED" } },
  "deviceFarm:*": { createdAt: ["created"] },
  // A pool a user creates is PRIVATE; CURATED pools are Device Farm's own (AWS Device Farm API reference, DevicePool).
  "deviceFarm:DevicePool": { values: { type: "PRIVATE" } },
  // ScheduleRun names the run's test type, test package and spec under `test`, its app as `appArn` (Device Farm API reference).
  "deviceFarm:Run": { from: { type: "test.type", testSpecArn: "test.testSpecArn", appUpload: "appArn" } },
  // A job runs one at a time unless it says otherwise (ExecutionProperty: "The default is 1", Glue API reference).
  "glue:Job": { defaults: { ExecutionProperty: { MaxConcurrentRuns: 1 } } },
  // A new crawler has not crawled: no LastCrawl, no elapsed time.
  "glue:Crawler": { absent: ["LastAccessTime", "LastAnalyzedTime", "LastCrawl", "CrawlElapsedTime"] },
};

export const lifecycles: Readonly<Record<string, LifecycleData>> = {
  // A Glue job run: STARTING, RUNNING, SUCCEEDED (Glue's job run states); a stop goes through STOPPING to STOPPED.
  "glue:JobRun": {
    member: "JobRunState",
    phases: [phase("STARTING", 1, 10), phase("RUNNING", 2, 120), phase("SUCCEEDED", 0, 0)],
    entered: { STARTING: ["StartedOn", "LastModifiedOn"], RUNNING: ["LastModifiedOn"], SUCCEEDED: ["CompletedOn", "LastModifiedOn"], STOPPING: ["LastModifiedOn"], STOPPED: ["CompletedOn", "LastModifiedOn"] },
    duration: { member: "ExecutionTime", from: "StartedOn", to: "CompletedOn" },
    stop: [phase("STOPPING", 1, 5), phase("STOPPED", 0, 0)],
    // Glue: MaxConcurrentRuns defaults to 1; beyond it, "Concurrent runs exceeded for <job>" (aws-solutions/amazon-marketing-cloud-uploader-from-aws#51).
    concurrency: { of: "ExecutionProperty.MaxConcurrentRuns", default: 1, error: "ConcurrentRunsExceededException", message: "Concurrent runs exceeded for {JobName}" },
  },
  // A Device Farm run: PENDING, SCHEDULING, PREPARING, RUNNING, COMPLETED with a result (the Run API's statuses).
  "deviceFarm:Run": {
    member: "status",
    phases: [phase("PENDING", 1, 5), phase("SCHEDULING", 1, 10), phase("PREPARING", 1, 30), phase("RUNNING", 2, 300), phase("COMPLETED", 0, 0)],
    entered: { PENDING: ["created"], RUNNING: ["started"], COMPLETED: ["stopped"] },
    values: { COMPLETED: { result: "PASSED" } },
    stop: [phase("STOPPING", 1, 10), phase("COMPLETED", 0, 0)],
  },
  // A Glue crawler rests READY; a start crawls (RUNNING), then STOPPING, READY again with its LastCrawl (Glue's crawler states).
  "glue:Crawler": {
    member: "State",
    phases: [phase("READY", 0, 0)],
    start: [phase("RUNNING", 2, 60), phase("STOPPING", 1, 10), phase("READY", 0, 0)],
    stop: [phase("STOPPING", 1, 10), phase("READY", 0, 0)],
    errors: { busy: "CrawlerRunningException", idle: "CrawlerNotRunningException" },
    last: { member: "LastCrawl", when: "STOPPING", values: { Status: "SUCCEEDED", LogGroup: "/aws-glue/crawlers" }, stopped: { Status: "CANCELLED", LogGroup: "/aws-glue/crawlers" }, since: { member: "StartTime", state: "RUNNING" } },
  },
  // A Glue trigger is CREATED; StartTrigger activates it, StopTrigger deactivates it; `StartOnCreation` activates it at once.
  "glue:Trigger": {
    member: "State",
    phases: [phase("CREATED", 0, 0)],
    start: [phase("ACTIVATING", 1, 5), phase("ACTIVATED", 0, 0)],
    stop: [phase("DEACTIVATING", 1, 5), phase("DEACTIVATED", 0, 0)],
    startOn: "StartOnCreation",
  },
  // A workflow run RUNNING, then COMPLETED; StopWorkflowRun: STOPPING, STOPPED (Glue's WorkflowRunStatus).
  "glue:WorkflowRun": {
    member: "Status",
    phases: [phase("RUNNING", 2, 120), phase("COMPLETED", 0, 0)],
    entered: { RUNNING: ["StartedOn"], COMPLETED: ["CompletedOn"], STOPPED: ["CompletedOn"] },
    stop: [phase("STOPPING", 1, 5), phase("STOPPED", 0, 0)],
  },
  // Data quality runs: STARTING, RUNNING, SUCCEEDED, with ExecutionTime the span they report (Glue's TaskStatusType).
  "glue:DataQualityRulesetEvaluationRun": {
    member: "Status",
    phases: [phase("STARTING", 1, 10), phase("RUNNING", 2, 120), phase("SUCCEEDED", 0, 0)],
    entered: { STARTING: ["StartedOn", "LastModifiedOn"], RUNNING: ["LastModifiedOn"], SUCCEEDED: ["CompletedOn", "LastModifiedOn"] },
    duration: { member: "ExecutionTime", from: "StartedOn", to: "CompletedOn" },
  },
  "glue:DataQualityRuleRecommendationRun": {
    member: "Status",
    phases: [phase("STARTING", 1, 10), phase("RUNNING", 2, 120), phase("SUCCEEDED", 0, 0)],
    entered: { STARTING: ["StartedOn", "LastModifiedOn"], RUNNING: ["LastModifiedOn"], SUCCEEDED: ["CompletedOn", "LastModifiedOn"] },
    duration: { member: "ExecutionTime", from: "StartedOn", to: "CompletedOn" },
  },
  // An ML task run: STARTING, RUNNING, SUCCEEDED; CancelMLTaskRun: STOPPING, STOPPED (Glue's TaskStatusType).
  "glue:MLTaskRun": {
    member: "Status",
    phases: [phase("STARTING", 1, 10), phase("RUNNING", 2, 120), phase("SUCCEEDED", 0, 0)],
    entered: { STARTING: ["StartedOn", "LastModifiedOn"], RUNNING: ["LastModifiedOn"], SUCCEEDED: ["CompletedOn", "LastModifiedOn"], STOPPED: ["CompletedOn", "LastModifiedOn"] },
    duration: { member: "ExecutionTime", from: "StartedOn", to: "CompletedOn" },
    stop: [phase("STOPPING", 1, 5), phase("STOPPED", 0, 0)],
  },
  // Column statistics and materialized view refresh task runs: STARTING, RUNNING, SUCCEEDED.
  "glue:ColumnStatisticsTaskRun": {
    member: "Status",
    phases: [phase("STARTING", 1, 10), phase("RUNNING", 2, 120), phase("SUCCEEDED", 0, 0)],
    entered: { STARTING: ["CreationTime", "LastUpdated"], RUNNING: ["StartTime", "LastUpdated"], SUCCEEDED: ["EndTime", "LastUpdated"] },
  },
  "glue:MaterializedViewRefreshTaskRun": {
    member: "Status",
    phases: [phase("STARTING", 1, 10), phase("RUNNING", 2, 120), phase("SUCCEEDED", 0, 0)],
    entered: { STARTING: ["CreationTime", "LastUpdated"], RUNNING: ["StartTime", "LastUpdated"], SUCCEEDED: ["EndTime", "LastUpdated"] },
  },
  // A blueprint run RUNNING, then SUCCEEDED (Glue's BlueprintRunState).
  "glue:BlueprintRun": {
    member: "State",
    phases: [phase("RUNNING", 2, 60), phase("SUCCEEDED", 0, 0)],
    entered: { RUNNING: ["StartedOn"], SUCCEEDED: ["CompletedOn"] },
  },
  // A Deadline fleet is created, then ACTIVE (`waitUntilFleetActive`); a license endpoint is created, then READY (`waitUntilLicenseEndpointValid`).
  "deadline:Fleet": { member: "status", phases: [phase("CREATE_IN_PROGRESS", 1, 30), phase("ACTIVE", 0, 0)] },
  "deadline:LicenseEndpoint": { member: "status", phases: [phase("CREATE_IN_PROGRESS", 1, 60), phase("READY", 0, 0)] },
  // A queue's association with a fleet or a limit: an update that stops it is STOPPED once its tasks are done or canceled.
  "deadline:QueueFleetAssociation": {
    member: "status",
    phases: [phase("ACTIVE", 0, 0)],
    after: { STOP_SCHEDULING_AND_COMPLETE_TASKS: [phase("STOP_SCHEDULING_AND_COMPLETE_TASKS", 1, 30), phase("STOPPED", 0, 0)], STOP_SCHEDULING_AND_CANCEL_TASKS: [phase("STOP_SCHEDULING_AND_CANCEL_TASKS", 1, 10), phase("STOPPED", 0, 0)], ACTIVE: [phase("ACTIVE", 0, 0)] },
  },
  "deadline:QueueLimitAssociation": {
    member: "status",
    phases: [phase("ACTIVE", 0, 0)],
    after: { STOP_LIMIT_USAGE_AND_COMPLETE_TASKS: [phase("STOP_LIMIT_USAGE_AND_COMPLETE_TASKS", 1, 30), phase("STOPPED", 0, 0)], STOP_LIMIT_USAGE_AND_CANCEL_TASKS: [phase("STOP_LIMIT_USAGE_AND_CANCEL_TASKS", 1, 10), phase("STOPPED", 0, 0)], ACTIVE: [phase("ACTIVE", 0, 0)] },
  },
  // A Device Farm upload: INITIALIZED until the file is put to its URL, PROCESSING, SUCCEEDED.
  "deviceFarm:Upload": {
    member: "status",
    phases: [phase("INITIALIZED", 1, 5), phase("PROCESSING", 1, 10), phase("SUCCEEDED", 0, 0)],
    entered: { INITIALIZED: ["created"] },
  },
};
