/**
 * Service hints for the generic factory: data only. Each says what a member name cannot: a service's
 * own id formats, where it runs, how its ARNs are written, and which members a state decides.
 * Keyed by the registry's service id; the generic factory reads whichever table its operation's
 * service has, and works without one.
 */

export interface StateRule {
  /** The enum member that holds the state. */
  readonly member: string;
  /** By state value: members always present, and members never present, in that state. */
  readonly when: Readonly<Record<string, { readonly present?: readonly string[]; readonly absent?: readonly string[] }>>;
}

export interface Hints {
  /** Regions the service runs in. */
  readonly regions?: readonly string[];
  /** How the service's ARNs join resource type and id: `project:<uuid>` (`:`) or `job/<name>` (`/`). */
  readonly arnSeparator?: ":" | "/";
  /** Value formats, as patterns to draw from, by `Structure.member` or by member name. */
  readonly formats?: Readonly<Record<string, string>>;
  /**
   * ARN formats by resource (the structure or member subject: `RemoteAccessSession`), as patterns;
   * `{account}` and `{region}` stand for the build's own.
   */
  readonly arns?: Readonly<Record<string, string>>;
  /** Numbers by `Structure.member`: the range a realistic value is drawn from (within the model's). */
  readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
  /** Groups of members of which a structure sets at most one, by structure name (a group's members go together). */
  readonly oneOf?: Readonly<Record<string, readonly (readonly string[])[]>>;
  /** Members that are the sum of others, by structure name: `{ Counters: { total: ["passed", …] } }`. */
  readonly sums?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** Pairs of members whose values are in order (the first at most the second), by structure name. */
  readonly ordered?: Readonly<Record<string, readonly (readonly [string, string])[]>>;
  /** State rules, by structure name. */
  readonly states?: Readonly<Record<string, StateRule>>;
}

const UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";
const U = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
/** A Device Farm ARN of a resource type and id path (AWS Device Farm API reference, ARN formats). */
const df = (type: string, path: string) => `^arn:aws:devicefarm:us-west-2:{account}:${type}:${path}$`;

/** Glue run states: a run that ended has a completion time; a failed one says why. */
const glueRun = (member: string, ended: readonly string[], failed: readonly string[], completed = "CompletedOn", error = "ErrorMessage"): StateRule => ({
  member,
  when: Object.fromEntries([
    ...["STARTING", "RUNNING", "STOPPING", "WAITING"].map((s) => [s, { absent: [completed, error] }]),
    ...ended.map((s) => [s, failed.includes(s) ? { present: [completed, error] } : { present: [completed], absent: [error] }]),
  ]),
});

export const hints: Readonly<Record<string, Hints>> = {
  glue: {
    arnSeparator: "/",
    // Capacity is MaxCapacity or a worker type with a number of workers, never both (Glue's API reference).
    oneOf: Object.fromEntries(["CreateSessionRequest", "CreateJobRequest", "StartJobRunRequest", "JobUpdate", "CreateMLTransformRequest", "UpdateMLTransformRequest"].map((s) => [s, [["MaxCapacity"], ["WorkerType", "NumberOfWorkers"]]])),
    ranges: {
      // Sessions run on two workers or more, and idle out within their timeout (minutes).
      "CreateSessionRequest.NumberOfWorkers": [2, 10],
      "CreateSessionRequest.Timeout": [480, 2880],
      "CreateSessionRequest.IdleTimeout": [15, 480],
    },
    formats: {
      // Job run ids: `jr_` and 64 hex digits, as Glue writes them.
      "JobRun.Id": "^jr_[0-9a-f]{64}$",
      RunId: "^jr_[0-9a-f]{64}$",
      PreviousRunId: "^jr_[0-9a-f]{64}$",
      JobRunId: "^jr_[0-9a-f]{64}$",
      "Predecessor.RunId": "^jr_[0-9a-f]{64}$",
      // Crawls, ML task runs and data quality runs use their own prefixes.
      TaskRunId: "^tsk[0-9a-f]{32}$",
      "CrawlerHistory.CrawlId": UUID,
      GlueVersion: "^(3\\.0|4\\.0|5\\.0)$",
      PythonVersion: "^3$",
      "Statement.Code": "^df\\.show\\(\\)$",
      // Interactive sessions run Spark (glueetl) or streaming jobs.
      "SessionCommand.Name": "^(glueetl|gluestreaming)$",
      "CreateSessionRequest.WorkerType": "^G\\.(1|2|4|8)X$",
      CatalogId: "^[1-9][0-9]{11}$",
    },
    states: {
      JobRun: glueRun("JobRunState", ["STOPPED", "SUCCEEDED", "FAILED", "TIMEOUT", "ERROR", "EXPIRED"], ["FAILED", "TIMEOUT", "ERROR"]),
      TaskRun: glueRun("Status", ["STOPPED", "SUCCEEDED", "FAILED", "TIMEOUT"], ["FAILED", "TIMEOUT"], "CompletedOn", "ErrorString"),
      BlueprintRun: glueRun("State", ["SUCCEEDED", "FAILED", "ROLLING_BACK"], ["FAILED", "ROLLING_BACK"], "CompletedOn", "ErrorMessage"),
    },
  },
  deadline: {
    arnSeparator: "/",
  },
  deviceFarm: {
    // Device Farm is served from us-west-2 only, and writes `project:<uuid>`.
    regions: ["us-west-2"],
    arnSeparator: ":",
    arns: {
      Project: df("project", U),
      Run: df("run", `${U}/${U}`),
      Job: df("job", `${U}/${U}/[0-9]{5}`),
      Suite: df("suite", `${U}/${U}/[0-9]{5}/[0-9]{5}`),
      Test: df("test", `${U}/${U}/[0-9]{5}/[0-9]{5}/[0-9]{5}`),
      Artifact: df("artifact", `${U}/${U}/[0-9]{5}/[0-9]{5}/[0-9]{5}/[0-9]{5}`),
      Upload: df("upload", `${U}/${U}`),
      DevicePool: df("devicepool", `${U}/${U}`),
      RemoteAccessSession: df("session", `${U}/${U}/[0-9]{5}`),
      TestGridProject: df("testgrid-project", U),
      TestGridSession: df("testgrid-session", `${U}/[0-9a-f]{32}`),
      NetworkProfile: df("networkprofile", `${U}/${U}`),
      InstanceProfile: df("instanceprofile", U),
      DeviceInstance: df("deviceinstance", U),
      VPCEConfiguration: df("vpceconfiguration", U),
      Device: "^arn:aws:devicefarm:us-west-2::device:[0-9A-F]{32}$",
    },
    formats: {
      "Device.platform": "^(ANDROID|IOS)$",
      "Device.os": "^(13|14|15|16|17)$",
    },
    // A run's counters add up, and it cannot have completed more jobs than it has.
    sums: { Counters: { total: ["passed", "failed", "warned", "errored", "stopped", "skipped"] } },
    ordered: Object.fromEntries(["Run", "Job", "Suite"].map((s) => [s, [["completedJobs", "totalJobs"]] as const])),
    states: {
      Run: { member: "status", when: { COMPLETED: { present: ["result", "stopped"] }, PENDING: { absent: ["stopped", "result", "deviceMinutes"] }, RUNNING: { absent: ["stopped"] } } },
      Job: { member: "status", when: { COMPLETED: { present: ["result", "stopped"] }, PENDING: { absent: ["stopped", "result", "deviceMinutes"] }, RUNNING: { absent: ["stopped"] } } },
    },
  },
};
