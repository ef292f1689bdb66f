/**
 * Service hints for the generic factory: data only. Each says what a member name cannot: a service's
 * own id formats, where it runs, how its ARNs are written, and which members a state decides.
 * Keyed by the registry's service id; the generic factory reads whichever table its operation's
 * service has, and works without one.
 */

export interface StateRule {
  /** The enum member that holds the state. */
  readonly member: string;
  /**
   * By state value: members always present, and members never present, in that state; values the state sets
   * (an unfinished run's result is `PENDING`); and the keys a count map may hold (a succeeded job counts only
   * succeeded tasks).
   */
  readonly when: Readonly<
    Record<
      string,
      {
        readonly present?: readonly string[];
        readonly absent?: readonly string[];
        readonly values?: Readonly<Record<string, unknown>>;
        readonly keys?: Readonly<Record<string, readonly string[]>>;
        /** Pairs of members equal in this state (a completed run has completed all its jobs): the first takes the second's value. */
        readonly same?: readonly (readonly [string, string])[];
        /** Counts of a count map that are zero in this state, whatever the total (an unfinished run has counted no result yet). */
        readonly zero?: Readonly<Record<string, readonly string[]>>;
      }
    >
  >;
}

/**
 * Members of a structure that go together, as a real resource has them (a Parquet table's formats and SerDe):
 * `null` leaves a member out; in strings `{account}`, `{region}` and `{subject}` stand for the build's own.
 */
export type Profile = Readonly<Record<string, unknown>>;

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
  /**
   * A verdict read from counts, by structure name: the member takes the verdict of the first count above zero
   * (Device Farm's result from its counters: errored, then failed, warned, stopped, skipped, else passed).
   */
  readonly verdicts?: Readonly<Record<string, { readonly member: string; readonly from: string; readonly order: readonly (readonly [string, string])[]; readonly otherwise: string; readonly unless?: readonly string[] }>>;
  /** Profiles by structure name: one is chosen per build and sets the members it names. */
  readonly profiles?: Readonly<Record<string, readonly Profile[]>>;
  /** The optional members a structure usually has, by structure name: the others are rare. */
  readonly usual?: Readonly<Record<string, readonly string[]>>;
  /** How many items a list holds, by `Structure.member`: a table's columns. */
  readonly counts?: Readonly<Record<string, readonly [number, number]>>;
  /** Optional members the service always returns, by structure name (a run's state, a job's device). */
  readonly always?: Readonly<Record<string, readonly string[]>>;
  /** Times a duration after another, by structure name: `{ CompletedOn: ["StartedOn", 60000, 7200000] }` (milliseconds, applied in order). */
  readonly after?: Readonly<Record<string, Readonly<Record<string, readonly [string, number, number]>>>>;
  /** Members that are the time between two others, by structure name: `[from, to, milliseconds per unit]`. */
  readonly spans?: Readonly<Record<string, Readonly<Record<string, readonly [string, string, number]>>>>;
  /**
   * Members present only when another member (or the member at a path, `device.fleetType`) has one of some values, by
   * structure name: `{ DPUSeconds: { ExecutionClass: ["FLEX"] } }`.
   */
  readonly only?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>>>;
  /**
   * Members written from another member's value, by structure name: where `match` finds its groups in the member
   * `from` (or at a path of members, `device.name`), the value is drawn from `format` with `{match1}`, `{match2}`, …
   * in their place (`{match}` or `{match0}`: the whole match; a group that matched nothing: empty), as a run's
   * console URL names the project and run of its ARN; `format` may give one pattern per whole match (a run's test type
   * by its platform). Where it does not, the member keeps its usual value.
   */
  readonly derived?: Readonly<Record<string, Readonly<Record<string, { readonly from: string; readonly match: string; readonly format: string | Readonly<Record<string, string>> }>>>>;
}

const UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";
/** A UUID in a format: `{uuid}` is drawn as one (faster than its pattern, character by character). */
const U = "{uuid}";
/** The ids of a Device Farm resource's parents, shared by the whole answer: its project, run, job, suite and test. */
const P = "{uuid:project}";
const R = "{uuid:run}";
const J = "{digits:job}";
const S = "{digits:suite}";
const T = "{digits:test}";
/**
 * The test types each platform runs (AWS Device Farm Developer Guide, "Test frameworks and built-in tests": Appium and
 * its web tests on both, Instrumentation on Android, XCTest and XCTest UI on iOS, the built-in fuzz test on both).
 */
const APPIUM = "APPIUM_JAVA_JUNIT|APPIUM_JAVA_TESTNG|APPIUM_PYTHON|APPIUM_NODE|APPIUM_RUBY|APPIUM_WEB_JAVA_JUNIT|APPIUM_WEB_JAVA_TESTNG|APPIUM_WEB_PYTHON|APPIUM_WEB_NODE|APPIUM_WEB_RUBY";
const TEST_TYPES = { ANDROID: `^(${APPIUM}|INSTRUMENTATION|BUILTIN_FUZZ)$`, IOS: `^(${APPIUM}|XCTEST|XCTEST_UI|BUILTIN_FUZZ)$` };

/** A job's file, presigned in its results bucket (AWS Device Farm API reference, Artifact `url`), by its file name. */
const ARTIFACT_URL = (file: string) =>
  `^https://prod-us-west-2-results\\.s3\\.dualstack\\.us-west-2\\.amazonaws\\.com/{account}/${P}/${R}/${J}/${file}\\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-SignedHeaders=host$`;

/**
 * A presigned S3 PUT URL for an upload of a project, as CreateUpload answers (the AWS CLI's create-upload
 * example), without a key id; `project` and `upload` as pattern text.
 */
const UPLOAD_URL = (project: string, upload: string) =>
  `^https://prod-us-west-2-uploads\\.s3-us-west-2\\.amazonaws\\.com/arn%3Aaws%3Adevicefarm%3Aus-west-2%3A{account}%3Aproject%3A${project}/uploads/arn%3Aaws%3Adevicefarm%3Aus-west-2%3A{account}%3Aupload%3A${upload}/{uuid}/app\\.apk\\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260115T120000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400&X-Amz-Signature=[0-9a-f]{64}$`;
/** A Device Farm ARN of a resource type and id path (AWS Device Farm API reference, ARN formats). */
const df = (type: string, path: string) => `^arn:aws:devicefarm:us-west-2:{account}:${type}:${path}$`;

/** Glue run states: a run that ended has a completion time; a failed one says why. */
const glueRun = (member: string, ended: readonly string[], failed: readonly string[], completed = "CompletedOn", error = "ErrorMessage", failure: readonly string[] = []): StateRule => ({
  member,
  when: Object.fromEntries([
    // DPU-seconds are counted once a run has ended; one that ended started and says how long it ran (a job run's
    // `DPUSeconds` and `ExecutionTime`, an ML task run's `ExecutionTime`; other runs have neither member).
    ...["STARTING", "RUNNING", "STOPPING", "WAITING"].map((s) => [s, { absent: [completed, error, "DPUSeconds", ...failure] }]),
    ...ended.map((s) => [s, failed.includes(s) ? { present: ["StartedOn", completed, error, "ExecutionTime"] } : { present: ["StartedOn", completed, "ExecutionTime"], absent: [error, ...failure] }]),
  ]),
});

/** An ML task run's type decides which of its properties it has: exactly its own. */
const ML_TASK_PROPERTIES: Readonly<Record<string, string>> = {
  IMPORT_LABELS: "ImportLabelsTaskRunProperties",
  EXPORT_LABELS: "ExportLabelsTaskRunProperties",
  LABELING_SET_GENERATION: "LabelingSetGenerationTaskRunProperties",
  FIND_MATCHES: "FindMatchesTaskRunProperties",
};
const mlTaskType: StateRule = {
  member: "TaskType",
  when: Object.fromEntries(
    ["EVALUATION", ...Object.keys(ML_TASK_PROPERTIES)].map((type) => {
      const own = ML_TASK_PROPERTIES[type];
      return [type, { ...(own ? { present: [own] } : {}), absent: Object.values(ML_TASK_PROPERTIES).filter((p) => p !== own) }];
    }),
  ),
};

/**
 * A Glue catalog table as Athena and Glue crawlers write one, per data format: the table type and
 * parameters, and the storage descriptor's location, formats and SerDe that go with the classification
 * (Amazon Athena, "Supported SerDes and data formats"; AWS Glue, "Table API").
 */
const glueTable = (classification: string, input: string, output: string, serde: string, serdeParameters: Record<string, string>, extra: Record<string, string> = {}): Profile => ({
  TableType: "EXTERNAL_TABLE",
  IsRegisteredWithLakeFormation: false,
  IsMultiDialectView: false,
  IsMaterializedView: null,
  ViewOriginalText: null,
  ViewExpandedText: null,
  ViewDefinition: null,
  Parameters: { classification, EXTERNAL: "TRUE", ...extra },
  Retention: 0,
  StorageDescriptor: {
    Location: "s3://{subject}-data-{account}-{region}/{subject}/",
    InputFormat: input,
    OutputFormat: output,
    Compressed: false,
    NumberOfBuckets: -1,
    SerdeInfo: { Name: null, SerializationLibrary: serde, Parameters: serdeParameters },
    BucketColumns: [],
    SortColumns: [],
    Parameters: { classification },
    StoredAsSubDirectories: false,
    SkewedInfo: null,
    SchemaReference: null,
    AdditionalLocations: null,
  },
});
const TEXT_IN = "org.apache.hadoop.mapred.TextInputFormat";
const TEXT_OUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
const GLUE_TABLES: readonly Profile[] = [
  glueTable("parquet", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", { "serialization.format": "1" }, { "parquet.compression": "SNAPPY" }),
  glueTable("parquet", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", { "serialization.format": "1" }),
  glueTable("orc", "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat", "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat", "org.apache.hadoop.hive.ql.io.orc.OrcSerde", { "serialization.format": "1" }, { "orc.compress": "ZLIB" }),
  glueTable("json", TEXT_IN, TEXT_OUT, "org.openx.data.jsonserde.JsonSerDe", { paths: "id,created_at,amount,status" }),
  glueTable("csv", TEXT_IN, TEXT_OUT, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", { "field.delim": "," }, { delimiter: ",", "skip.header.line.count": "1" }),
  glueTable("avro", "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat", "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat", "org.apache.hadoop.hive.serde2.avro.AvroSerDe", { "serialization.format": "1" }),
  {
    ...glueTable("iceberg", "org.apache.hadoop.mapred.FileInputFormat", "org.apache.hadoop.mapred.FileOutputFormat", "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", {}),
    Parameters: { table_type: "ICEBERG", metadata_location: "s3://{subject}-data-{account}-{region}/{subject}/metadata/00001-3f1a2b7c-9d4e-4f5a-8b6c-0d1e2f3a4b5c.metadata.json" },
  },
];

/** Columns as tables have them: a name, its Hive type, and sometimes a comment. */
const GLUE_COLUMNS: readonly Profile[] = [
  ["id", "bigint", "Primary key"],
  ["order_id", "string"],
  ["customer_id", "string"],
  ["created_at", "timestamp", "Event time in UTC"],
  ["updated_at", "timestamp"],
  ["amount", "decimal(10,2)", "Amount in USD"],
  ["quantity", "int"],
  ["status", "string"],
  ["country", "string", "ISO 3166 country code"],
  ["is_active", "boolean"],
  ["tags", "array<string>"],
  ["address", "struct<street:string,city:string,zip:string>"],
  ["score", "double"],
  ["event_date", "date"],
].map(([Name, Type, Comment]) => ({ Name, Type, Comment: Comment ?? null, Parameters: null }));

/** Partition keys: Hive-style date parts and a region, strings as crawlers make them. */
const GLUE_PARTITION_KEYS: readonly Profile[] = ["dt", "year", "month", "day", "region"].map((Name) => ({ Name, Type: "string", Comment: null, Parameters: null }));

/**
 * Glue jobs as the console and the API reference write them: a command with its script in the account's
 * Glue assets bucket, a Glue version with the worker types it runs, and the capacity those workers make
 * (a G.1X worker is 1 DPU, a G.2X worker 2; a Python shell job runs on 0.0625 or 1 DPU, without workers).
 * (AWS Glue, "Jobs" API and "Configuring job properties for Spark jobs".)
 */
const glueJob = (command: string, version: string, workers: [string, number, number] | undefined, maxCapacity: number, language = "python"): Profile => ({
  Command: { Name: command, ScriptLocation: `s3://aws-glue-assets-{account}-{region}/scripts/{subject}_${command}.${language === "scala" ? "scala" : "py"}`, ...(command === "pythonshell" ? { PythonVersion: "3.9" } : command === "glueray" ? { Runtime: "Ray2.4", PythonVersion: "3.9" } : { PythonVersion: "3" }), ...(command === "glueray" ? {} : { Runtime: null }) },
  GlueVersion: version,
  ...(workers ? { WorkerType: workers[0], NumberOfWorkers: workers[1] } : { WorkerType: null, NumberOfWorkers: null }),
  MaxCapacity: maxCapacity,
  AllocatedCapacity: workers && Number.isInteger(maxCapacity) ? maxCapacity : null,
  DefaultArguments: {
    "--job-language": language,
    "--TempDir": "s3://aws-glue-assets-{account}-{region}/temporary/",
    ...(command === "glueetl" ? { "--enable-metrics": "true", "--enable-continuous-cloudwatch-log": "true", "--job-bookmark-option": "job-bookmark-enable" } : {}),
  },
  MaxRetries: 0,
  Timeout: 2880,
  ExecutionProperty: { MaxConcurrentRuns: 1 },
  // Only Spark ETL jobs of Glue 3.0 and later may run Flex (the model's ExecutionClass).
  ...(command === "glueetl" ? {} : { ExecutionClass: "STANDARD" }),
});
/** The cron schedules a trigger or a crawler runs on (AWS Glue, "Time-based schedules for jobs and crawlers"). */
const GLUE_CRON = "^cron\\((0|15|30) (1|2|6|12) \\* \\* \\? \\*\\)$";
const GLUE_JOBS: readonly Profile[] = [
  glueJob("glueetl", "4.0", ["G.1X", 10, 10], 10),
  glueJob("glueetl", "5.0", ["G.2X", 5, 10], 10),
  glueJob("glueetl", "4.0", ["G.1X", 2, 2], 2, "scala"),
  glueJob("gluestreaming", "4.0", ["G.025X", 2, 0.5], 0.5),
  glueJob("pythonshell", "3.0", undefined, 0.0625),
  glueJob("glueray", "4.0", ["Z.2X", 5, 10], 10),
];

/**
 * Glue connections by type, with the properties that type takes (AWS Glue, "Glue connection properties"): a JDBC
 * URL and user for JDBC, bootstrap servers for Kafka, none for a network connection.
 */
const GLUE_CONNECTIONS: readonly Profile[] = [
  {
    ConnectionType: "JDBC",
    ConnectionProperties: { JDBC_CONNECTION_URL: "jdbc:postgresql://{subject}-db.cluster-c9akciq32.{region}.rds.amazonaws.com:5432/{subject}", USERNAME: "etl_user", JDBC_ENFORCE_SSL: "true" },
    MatchCriteria: null,
    SparkProperties: null,
    AthenaProperties: null,
    PythonProperties: null,
    Status: "READY",
    StatusReason: null,
  },
  {
    ConnectionType: "KAFKA",
    ConnectionProperties: { KAFKA_BOOTSTRAP_SERVERS: "b-1.{subject}.a1b2c3.c2.kafka.{region}.amazonaws.com:9094,b-2.{subject}.a1b2c3.c2.kafka.{region}.amazonaws.com:9094", KAFKA_SSL_ENABLED: "true" },
    MatchCriteria: null,
    SparkProperties: null,
    AthenaProperties: null,
    PythonProperties: null,
    Status: "READY",
    StatusReason: null,
  },
  { ConnectionType: "NETWORK", ConnectionProperties: {}, MatchCriteria: null, SparkProperties: null, AthenaProperties: null, PythonProperties: null, Status: "READY", StatusReason: null },
];

/** A crawler of the account's S3 data lake (AWS Glue, "Crawler API": targets, classifiers, table prefix). */
const GLUE_CRAWLERS: readonly Profile[] = [
  {
    Targets: { S3Targets: [{ Path: "s3://{subject}-data-{account}-{region}/{subject}/", Exclusions: [] }], JdbcTargets: [], MongoDBTargets: [], DynamoDBTargets: [], CatalogTargets: [], DeltaTargets: [], IcebergTargets: [], HudiTargets: [] },
    Classifiers: [],
    TablePrefix: null,
    RecrawlPolicy: { RecrawlBehavior: "CRAWL_EVERYTHING" },
    SchemaChangePolicy: { UpdateBehavior: "UPDATE_IN_DATABASE", DeleteBehavior: "DEPRECATE_IN_DATABASE" },
  },
  {
    Targets: { S3Targets: [{ Path: "s3://{subject}-data-{account}-{region}/{subject}/raw/", Exclusions: ["**/_temporary/**"] }], JdbcTargets: [], MongoDBTargets: [], DynamoDBTargets: [], CatalogTargets: [], DeltaTargets: [], IcebergTargets: [], HudiTargets: [] },
    Classifiers: [],
    TablePrefix: "raw_",
    RecrawlPolicy: { RecrawlBehavior: "CRAWL_EVERYTHING" },
    SchemaChangePolicy: { UpdateBehavior: "LOG", DeleteBehavior: "LOG" },
  },
];

/** A job run with the capacity its job gives it, in the same pairs. */
const GLUE_RUNS: readonly Profile[] = GLUE_JOBS.map((job) => ({
  GlueVersion: job.GlueVersion,
  ...(job.ExecutionClass ? { ExecutionClass: job.ExecutionClass } : {}),
  WorkerType: job.WorkerType,
  NumberOfWorkers: job.NumberOfWorkers,
  MaxCapacity: job.MaxCapacity,
  AllocatedCapacity: job.AllocatedCapacity,
  Timeout: 2880,
  Attempt: 0,
  LogGroupName: "/aws-glue/jobs",
  Arguments: { "--job-bookmark-option": "job-bookmark-enable" },
}));

/** Glue schema registry structures whose times are text: the last update is the creation until something changes. */
const GLUE_REGISTRY_TIMED = ["GetRegistryResponse", "GetSchemaResponse", "GetSchemaByDefinitionResponse", "GetSchemaVersionResponse", "RegistryListItem", "SchemaVersionListItem", "SchemaListItem", "MetadataInfo", "OtherMetadataValueListItem"];

/** Deadline structures of a job and of a step: their task run status decides times and counts. */
const DEADLINE_JOBS = ["GetJobResponse", "JobSummary", "JobSearchSummary", "BatchGetJobItem"];
const DEADLINE_STEPS = ["GetStepResponse", "StepSummary", "StepSearchSummary", "BatchGetStepItem"];

/**
 * A Deadline job or step by its task run status (AWS Deadline Cloud, "Job states"): a job that has not started
 * has no start, one running has no end, one that ended has both; its counts hold only the statuses its tasks
 * can be in (a succeeded job's tasks all succeeded).
 */
const deadlineRun: StateRule = {
  member: "taskRunStatus",
  when: {
    PENDING: { absent: ["startedAt", "endedAt", "targetTaskRunStatus"], keys: { taskRunStatusCounts: ["PENDING"] } },
    READY: { absent: ["startedAt", "endedAt", "targetTaskRunStatus"], keys: { taskRunStatusCounts: ["READY"] } },
    ASSIGNED: { absent: ["endedAt", "targetTaskRunStatus"], keys: { taskRunStatusCounts: ["ASSIGNED", "READY"] } },
    STARTING: { absent: ["endedAt", "targetTaskRunStatus"], keys: { taskRunStatusCounts: ["STARTING", "READY"] } },
    SCHEDULED: { absent: ["endedAt", "targetTaskRunStatus"], keys: { taskRunStatusCounts: ["SCHEDULED", "READY"] } },
    RUNNING: { present: ["startedAt"], absent: ["endedAt", "targetTaskRunStatus"], keys: { taskRunStatusCounts: ["RUNNING", "SUCCEEDED", "READY"] } },
    INTERRUPTING: { present: ["startedAt"], absent: ["endedAt"], keys: { taskRunStatusCounts: ["INTERRUPTING", "SUCCEEDED"] } },
    SUSPENDED: { present: ["startedAt"], absent: ["endedAt"], keys: { taskRunStatusCounts: ["SUSPENDED", "SUCCEEDED"] } },
    CANCELED: { present: ["startedAt", "endedAt"], keys: { taskRunStatusCounts: ["CANCELED", "SUCCEEDED"] } },
    FAILED: { present: ["startedAt", "endedAt"], absent: ["targetTaskRunStatus"], keys: { taskRunStatusCounts: ["FAILED", "SUCCEEDED"] } },
    SUCCEEDED: { present: ["startedAt", "endedAt"], absent: ["targetTaskRunStatus"], keys: { taskRunStatusCounts: ["SUCCEEDED"] } },
    NOT_COMPATIBLE: { absent: ["startedAt", "endedAt", "targetTaskRunStatus"], keys: { taskRunStatusCounts: ["NOT_COMPATIBLE"] } },
  },
};

/**
 * A Deadline task by its run status, as a job's or step's by theirs (AWS Deadline Cloud API reference, TaskSummary:
 * `endedAt` is when it "ended running"; a pending task waits for resources and has run in no session yet).
 */
const deadlineTask: StateRule = {
  member: "runStatus",
  when: {
    ...Object.fromEntries(["PENDING", "READY", "NOT_COMPATIBLE"].map((s) => [s, { absent: ["startedAt", "endedAt", "targetRunStatus", "latestSessionActionId"] }])),
    ...Object.fromEntries(["ASSIGNED", "STARTING", "SCHEDULED"].map((s) => [s, { absent: ["endedAt", "targetRunStatus"] }])),
    RUNNING: { present: ["startedAt"], absent: ["endedAt", "targetRunStatus"] },
    INTERRUPTING: { present: ["startedAt"], absent: ["endedAt"] },
    SUSPENDED: { absent: ["endedAt"] },
    FAILED: { present: ["startedAt", "endedAt"], absent: ["targetRunStatus"] },
    SUCCEEDED: { present: ["startedAt", "endedAt"], absent: ["targetRunStatus"] },
  },
};

/** Counters of tests not run yet: the total is known, no result is counted (as the mock's runs count them). */
const UNCOUNTED = { counters: ["passed", "failed", "warned", "errored", "stopped", "skipped"] };
/**
 * A Device Farm run, job, suite or test: until it completes its result is PENDING, it has no stop time, and its
 * counters count no result yet.
 */
const deviceFarmRun: StateRule = {
  member: "status",
  when: {
    ...Object.fromEntries(["PENDING", "PENDING_CONCURRENCY", "PENDING_DEVICE", "PROCESSING", "SCHEDULING", "PREPARING"].map((s) => [s, { absent: ["started", "stopped", "deviceMinutes", "resultCode"], values: { result: "PENDING", completedJobs: 0 }, zero: UNCOUNTED }])),
    RUNNING: { present: ["started"], absent: ["stopped", "resultCode"], values: { result: "PENDING" }, zero: UNCOUNTED },
    STOPPING: { present: ["started"], absent: ["stopped", "resultCode"], values: { result: "PENDING" }, zero: UNCOUNTED },
    // (The result set here is a placeholder: the counters' verdict replaces it, so a completed run is never PENDING.)
    COMPLETED: { present: ["result", "started", "stopped", "counters"], values: { result: "PASSED" }, same: [["completedJobs", "totalJobs"]] },
  },
};

export const hints: Readonly<Record<string, Hints>> = {
  glue: {
    arnSeparator: "/",
    // Capacity is MaxCapacity or a worker type with a number of workers, never both (Glue's API reference).
    oneOf: {
      ...Object.fromEntries(["CreateSessionRequest", "CreateJobRequest", "StartJobRunRequest", "JobUpdate", "CreateMLTransformRequest", "UpdateMLTransformRequest"].map((s) => [s, [["MaxCapacity"], ["WorkerType", "NumberOfWorkers"]]])),
      // An action starts a job or a crawler, not both (AWS Glue API reference, Action).
      Action: [["JobName", "Arguments", "Timeout", "SecurityConfiguration", "NotificationProperty"], ["CrawlerName"]],
    },
    ranges: {
      "JobRun.Attempt": [0, 2],
      "JobRun.Timeout": [60, 2880],
      "Job.Timeout": [60, 2880],
      "Job.MaxRetries": [0, 3],
      "Crawler.Version": [1, 12],
      "Crawler.CrawlElapsedTime": [0, 0],
      // Sessions run on two workers or more, and idle out within their timeout (minutes).
      "CreateSessionRequest.NumberOfWorkers": [2, 10],
      "CreateSessionRequest.Timeout": [480, 2880],
      "CreateSessionRequest.IdleTimeout": [15, 480],
    },
    profiles: {
      // A database's default permissions are none, or ALL for IAM_ALLOWED_PRINCIPALS (Lake Formation, "CreateTableDefaultPermissions").
      Database: [{ CreateTableDefaultPermissions: [] }, { CreateTableDefaultPermissions: [{ Principal: { DataLakePrincipalIdentifier: "IAM_ALLOWED_PRINCIPALS" }, Permissions: ["ALL"] }] }],
      Crawler: GLUE_CRAWLERS, Connection: GLUE_CONNECTIONS, Column: GLUE_COLUMNS, "Table.PartitionKey": GLUE_PARTITION_KEYS, "TableInput.PartitionKey": GLUE_PARTITION_KEYS, Table: GLUE_TABLES, TableInput: GLUE_TABLES, Job: GLUE_JOBS, CreateJobRequest: GLUE_JOBS, JobRun: GLUE_RUNS,
    },
    // What GetTable, GetJob, GetJobRun and GetCrawler answer for resources made the usual way (AWS Glue API
    // reference; views, federation and Lake Formation features aside): always these members, sometimes those.
    always: {
      Table: ["DatabaseName", "CatalogId", "CreateTime", "UpdateTime", "Retention", "StorageDescriptor", "PartitionKeys", "TableType", "Parameters", "CreatedBy", "IsRegisteredWithLakeFormation", "VersionId"],
      StorageDescriptor: ["Columns", "Location", "InputFormat", "OutputFormat", "Compressed", "NumberOfBuckets", "SerdeInfo", "BucketColumns", "SortColumns", "Parameters", "StoredAsSubDirectories"],
      Column: ["Type"],
      SerDeInfo: ["SerializationLibrary", "Parameters"],
      Database: ["CreateTime", "CatalogId", "CreateTableDefaultPermissions"],
      Partition: ["Values", "DatabaseName", "TableName", "CreationTime", "StorageDescriptor", "CatalogId"],
      Job: ["Role", "CreatedOn", "LastModifiedOn", "ExecutionProperty", "Command", "DefaultArguments", "MaxRetries", "Timeout", "MaxCapacity", "GlueVersion", "ExecutionClass"],
      JobRun: ["Id", "JobRunState", "StartedOn", "Attempt", "JobName", "JobMode", "LastModifiedOn", "Arguments", "Timeout", "MaxCapacity", "LogGroupName", "GlueVersion", "ExecutionClass"],
      Crawler: ["State", "Role", "Targets", "DatabaseName", "RecrawlPolicy", "SchemaChangePolicy", "LineageConfiguration", "CrawlElapsedTime", "CreationTime", "LastUpdated", "Version", "LakeFormationConfiguration"],
      DevEndpoint: ["Status"],
      Trigger: ["Type", "State", "Actions"],
      WorkflowRunStatistics: ["TotalActions", "TimeoutActions", "FailedActions", "StoppedActions", "SucceededActions", "RunningActions", "ErroredActions", "WaitingActions"],
    },
    usual: {
      Table: ["Owner", "LastAccessTime", "Description"],
      StorageDescriptor: [],
      Column: ["Comment"],
      SerDeInfo: [],
      Database: ["Description", "LocationUri", "Parameters"],
      Partition: ["LastAccessTime", "Parameters"],
      Job: ["Description", "JobMode", "WorkerType", "NumberOfWorkers", "AllocatedCapacity"],
      // (A run started by a trigger names it; one started by StartJobRun does not.)
      JobRun: ["CompletedOn", "ErrorMessage", "AllocatedCapacity", "ExecutionTime", "WorkerType", "NumberOfWorkers", "DPUSeconds"],
      Crawler: ["Description", "LastCrawl", "Schedule", "Classifiers", "TablePrefix"],
    },
    counts: { "Partition.Values": [1, 2], "StorageDescriptor.Columns": [3, 8], "Table.PartitionKeys": [0, 2], "StorageDescriptor.BucketColumns": [0, 0], "StorageDescriptor.SortColumns": [0, 0] },
    // A run's execution time is its span, in seconds; DPU-seconds are reported for Flex runs only.
    // So is an ML task run's (AWS Glue API reference, TaskRun `ExecutionTime`); a blueprint run ends minutes after it starts.
    spans: { JobRun: { ExecutionTime: ["StartedOn", "CompletedOn", 1000] }, TaskRun: { ExecutionTime: ["StartedOn", "CompletedOn", 1000] } },
    after: {
      JobRun: { CompletedOn: ["StartedOn", 60_000, 5_400_000], LastModifiedOn: ["CompletedOn", 0, 2_000] },
      TaskRun: { CompletedOn: ["StartedOn", 60_000, 5_400_000], LastModifiedOn: ["CompletedOn", 0, 2_000] },
      BlueprintRun: { CompletedOn: ["StartedOn", 30_000, 1_800_000] },
    },
    only: { JobRun: { DPUSeconds: { ExecutionClass: ["FLEX"] } } },
    // A schema registry resource not updated since it was made was last updated when it was made.
    derived: Object.fromEntries(GLUE_REGISTRY_TIMED.map((s) => [s, { UpdatedTime: { from: "CreatedTime", match: "^(.+)$", format: "^{match1}$" } }])),
    // A workflow run's statistics add up to its total (AWS Glue API reference, WorkflowRunStatistics).
    sums: { WorkflowRunStatistics: { TotalActions: ["TimeoutActions", "FailedActions", "StoppedActions", "SucceededActions", "RunningActions", "ErroredActions", "WaitingActions"] } },
    formats: {
      // Hive column types, as Glue and Athena write them, and column names as tables have them.
      TableType: "^(EXTERNAL_TABLE|EXTERNAL_TABLE|EXTERNAL_TABLE|VIRTUAL_VIEW|GOVERNED)$",
      "Table.Owner": "^(hadoop|owner)$",
      "Table.VersionId": "^[0-9]$",
      "Database.LocationUri": "^s3://{subject}-data-{account}-{region}/$",
      "Partition.Value": "^(2025-12-0[1-9]|2025-12-1[0-9])$",
      "Job.LogUri": "^s3://aws-glue-assets-{account}-{region}/logs/$",
      // A blueprint run's parameters are the JSON text of the values its blueprint asks for (AWS Glue, "Blueprint parameters").
      "BlueprintRun.Parameters": '^\\{"DatabaseName":"{subject}","S3Paths":"s3://{subject}-data-{account}-{region}/raw/"\\}$',
      "Command.Name": "^(glueetl|pythonshell|gluestreaming|glueray)$",
      "JobCommand.Name": "^(glueetl|pythonshell|gluestreaming|glueray)$",
      LogGroupName: "^/aws-glue/(jobs|crawlers|sessions)$",
      "LastCrawl.LogGroup": "^/aws-glue/crawlers$",
      "LastCrawl.LogStream": "^{subject}-crawler$",
      // A storage descriptor outside a table's profile (a partition's, a view's) reads Parquet.
      InputFormat: "^org\\.apache\\.hadoop\\.hive\\.ql\\.io\\.parquet\\.MapredParquetInputFormat$",
      OutputFormat: "^org\\.apache\\.hadoop\\.hive\\.ql\\.io\\.parquet\\.MapredParquetOutputFormat$",
      SerializationLibrary: "^org\\.apache\\.hadoop\\.hive\\.ql\\.io\\.parquet\\.serde\\.ParquetHiveSerDe$",
      Classification: "^(json|csv|parquet|xml|avro)$",
      ConnectionType: "^(JDBC|JDBC|KAFKA|NETWORK|MONGODB)$",
      WorkerType: "^G\\.(1|2)X$",
      "JobCommand.Runtime": "^Ray2\\.4$",
      "DevEndpoint.Status": "^(READY|READY|PROVISIONING|STOPPED)$",
      "CreateDevEndpointResponse.Status": "^PROVISIONING$",
      "DevEndpoint.LastUpdateStatus": "^(COMPLETED|PENDING)$",
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
      // The Data Catalog of an account is named by the account's id.
      CatalogId: "^{account}$",
      "Trigger.Schedule": GLUE_CRON,
      "Schedule.ScheduleExpression": GLUE_CRON,
      // Workflow run ids (AWS Glue API reference, GetWorkflowRun; a published GetWorkflow response).
      "WorkflowRun.WorkflowRunId": "^wr_[0-9a-f]{64}$",
      "WorkflowRun.PreviousRunId": "^wr_[0-9a-f]{64}$",
      // The schema registry's times are ISO 8601 text (AWS Glue API reference, GetSchema `CreatedTime`).
      ...Object.fromEntries(GLUE_REGISTRY_TIMED.map((s) => [`${s}.CreatedTime`, "^2025-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T(0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\\.[0-9]{3}Z$"])),
    },
    states: {
      JobRun: glueRun("JobRunState", ["STOPPED", "SUCCEEDED", "FAILED", "TIMEOUT", "ERROR", "EXPIRED"], ["FAILED", "TIMEOUT", "ERROR"]),
      TaskRun: glueRun("Status", ["STOPPED", "SUCCEEDED", "FAILED", "TIMEOUT"], ["FAILED", "TIMEOUT"], "CompletedOn", "ErrorString"),
      // A blueprint run's rollback is of a failed run (AWS Glue API reference, BlueprintRun `RollbackErrorMessage`).
      BlueprintRun: glueRun("State", ["SUCCEEDED", "FAILED", "ROLLING_BACK"], ["FAILED", "ROLLING_BACK"], "CompletedOn", "ErrorMessage", ["RollbackErrorMessage"]),
      // A task run's properties are those of its own type; an evaluation has none (AWS Glue API reference, TaskRunProperties).
      TaskRunProperties: mlTaskType,
      // A trigger has what its type needs: a schedule, a predicate, or a batching condition (AWS Glue API reference, Trigger).
      Trigger: {
        member: "Type",
        when: {
          SCHEDULED: { present: ["Schedule"], absent: ["Predicate", "EventBatchingCondition"] },
          CONDITIONAL: { present: ["Predicate"], absent: ["Schedule", "EventBatchingCondition"] },
          ON_DEMAND: { absent: ["Schedule", "Predicate", "EventBatchingCondition"] },
          EVENT: { absent: ["Schedule", "Predicate"] },
        },
      },
      // A workflow run that ended has its end; only one that failed says why (AWS Glue API reference, WorkflowRun).
      WorkflowRun: {
        member: "Status",
        when: {
          RUNNING: { absent: ["CompletedOn", "ErrorMessage"] },
          STOPPING: { absent: ["CompletedOn", "ErrorMessage"] },
          COMPLETED: { present: ["CompletedOn"], absent: ["ErrorMessage"] },
          STOPPED: { present: ["CompletedOn"], absent: ["ErrorMessage"] },
          ERROR: { present: ["CompletedOn", "ErrorMessage"] },
        },
      },
    },
  },
  deadline: {
    arnSeparator: "/",
    states: {
      ...Object.fromEntries([...DEADLINE_JOBS, ...DEADLINE_STEPS].map((name) => [name, deadlineRun])),
      // A queue says why it is blocked only when it is (Deadline API reference, GetQueue `blockedReason`).
      ...Object.fromEntries(["GetQueueResponse", "QueueSummary"].map((name) => [name, { member: "status", when: { IDLE: { absent: ["blockedReason"] }, SCHEDULING: { absent: ["blockedReason"] }, SCHEDULING_BLOCKED: { present: ["blockedReason"] } } }])),
      GetTaskResponse: deadlineTask,
      TaskSummary: deadlineTask,
      // A session ends once (SessionSummary: `endedAt`, `targetLifecycleStatus` ENDED); one just started has not been updated.
      SessionSummary: {
        member: "lifecycleStatus",
        when: {
          STARTED: { absent: ["endedAt", "targetLifecycleStatus", "updatedAt", "updatedBy"] },
          ...Object.fromEntries(["UPDATE_IN_PROGRESS", "UPDATE_SUCCEEDED", "UPDATE_FAILED"].map((s) => [s, { absent: ["endedAt"] }])),
          ENDED: { present: ["endedAt"] },
        },
      },
      // A session action runs once it is scheduled; one never attempted has no times or progress (SessionActionSummary).
      SessionActionSummary: {
        member: "status",
        when: {
          ...Object.fromEntries(["ASSIGNED", "SCHEDULED"].map((s) => [s, { absent: ["startedAt", "endedAt", "progressPercent"] }])),
          NEVER_ATTEMPTED: { absent: ["startedAt", "endedAt", "progressPercent", "workerUpdatedAt"] },
          ...Object.fromEntries(["RUNNING", "CANCELING", "RECLAIMING"].map((s) => [s, { present: ["startedAt"], absent: ["endedAt"] }])),
          SUCCEEDED: { present: ["startedAt", "endedAt"], values: { progressPercent: 100 } },
        },
      },
    },
    // A fleet keeps its workers between its minimum and maximum (Deadline Cloud user guide, "Auto scaling"); a range
    // starts at its minimum.
    ordered: {
      ...Object.fromEntries(
        ["GetFleetResponse", "FleetSummary"].map((name) => [
          name,
          [["minWorkerCount", "maxWorkerCount"], ["minWorkerCount", "workerCount"], ["workerCount", "maxWorkerCount"], ["minWorkerCount", "targetWorkerCount"], ["targetWorkerCount", "maxWorkerCount"]] as const,
        ]),
      ),
      ...Object.fromEntries(["VCpuCountRange", "MemoryMiBRange", "AcceleratorCountRange", "AcceleratorTotalMemoryMiBRange", "FleetAmountCapability", "StepAmountCapability"].map((name) => [name, [["min", "max"]] as const])),
      Stats: [["min", "max"], ["min", "avg"], ["avg", "max"]],
    },
    // A job created as submitted says so (Deadline Cloud user guide, "Job states": `deadline job get`); a monitor's URL
    // is its subdomain in its Region (GetMonitor `url`).
    derived: {
      ...Object.fromEntries(DEADLINE_JOBS.map((name) => [name, { lifecycleStatusMessage: { from: "lifecycleStatus", match: "^CREATE_COMPLETE$", format: "^Job creation completed successfully$" } }])),
      GetMonitorResponse: { url: { from: "subdomain", match: "^(.+)$", format: "^https://{match1}\\.{region}\\.deadlinecloud\\.amazonaws\\.com$" } },
    },
    always: {
      ...Object.fromEntries([...DEADLINE_JOBS, ...DEADLINE_STEPS].map((name) => [name, ["taskRunStatus", "taskRunStatusCounts", "lifecycleStatus", "createdAt", "createdBy"]])),
      // A search finds jobs in the queues it names: each says which (SearchJobs, JobSearchSummary).
      JobSearchSummary: ["queueId", "taskRunStatus", "taskRunStatusCounts", "lifecycleStatus", "createdAt", "createdBy"],
    },
    usual: Object.fromEntries([...DEADLINE_JOBS, ...DEADLINE_STEPS].map((name) => [name, ["priority", "startedAt", "endedAt", "updatedAt", "updatedBy", "maxFailedTasksCount", "maxRetriesPerTask", "taskFailureRetryCount", "parameters", "jobParameters", "description", "maxWorkerCount", "dependencyCounts", "parameterSpace", "storageProfileId", "attachments", "requiredCapabilities"]])),
    formats: {
      ...Object.fromEntries([...DEADLINE_JOBS, ...DEADLINE_STEPS].map((name) => [`${name}.lifecycleStatus`, "^(CREATE_COMPLETE|CREATE_COMPLETE|CREATE_COMPLETE|UPDATE_SUCCEEDED)$"])),
      // GPU runtimes the API reference lists for an accelerator (AcceleratorSelection.runtime).
      "AcceleratorSelection.runtime": "^(latest|grid:r570|grid:r535)$",
      // A worker's log goes to CloudWatch Logs from its EC2 instance (the worker agent's logging documentation).
      "LogConfiguration.logDriver": "^awslogs$",
      "HostPropertiesResponse.ec2InstanceArn": "^arn:aws:ec2:{region}:{account}:instance/i-[0-9a-f]{17}$",
      // An IAM Identity Center application (GetMonitor), and a license endpoint's interface VPC endpoint DNS name
      // (GetLicenseEndpoint `dnsName`).
      "GetMonitorResponse.identityCenterApplicationArn": "^arn:aws:sso::{account}:application/ssoins-[0-9a-f]{16}/apl-[0-9a-f]{16}$",
      "GetLicenseEndpointResponse.dnsName": "^vpce-[0-9a-f]{17}-[0-9a-z]{8}\\.vpce-svc-[0-9a-f]{17}\\.{region}\\.vpce\\.amazonaws\\.com$",
    },
    ranges: Object.fromEntries([...DEADLINE_JOBS, ...DEADLINE_STEPS].flatMap((name) => [[`${name}.priority`, [1, 100]], [`${name}.maxFailedTasksCount`, [1, 100]], [`${name}.maxRetriesPerTask`, [0, 5]], [`${name}.taskFailureRetryCount`, [0, 3]]])),
  },
  deviceFarm: {
    // Device Farm is served from us-west-2 only, and writes `project:<uuid>`.
    regions: ["us-west-2"],
    arnSeparator: ":",
    arns: {
      // A resource's own id, under the ids of its parents that the whole answer shares: the runs of a list are
      // in one project, the suites of a list in one job (AWS Device Farm API reference, ARN formats).
      Project: df("project", U),
      Run: df("run", `${P}/${U}`),
      Job: df("job", `${P}/${R}/[0-9]{5}`),
      Suite: df("suite", `${P}/${R}/${J}/[0-9]{5}`),
      Test: df("test", `${P}/${R}/${J}/${S}/[0-9]{5}`),
      Artifact: df("artifact", `${P}/${R}/${J}/${S}/${T}/[0-9]{5}`),
      Upload: df("upload", `${P}/${U}`),
      DevicePool: df("devicepool", `${P}/${U}`),
      RemoteAccessSession: df("session", `${P}/${U}/[0-9]{5}`),
      TestGridProject: df("testgrid-project", U),
      TestGridSession: df("testgrid-session", `${U}/[0-9a-f]{32}`),
      NetworkProfile: df("networkprofile", `${P}/${U}`),
      InstanceProfile: df("instanceprofile", U),
      DeviceInstance: df("deviceinstance", U),
      VPCEConfiguration: df("vpceconfiguration", U),
      Device: "^arn:aws:devicefarm:us-west-2::device:[0-9A-F]{32}$",
    },
    formats: {
      "Run.appUpload": `^arn:aws:devicefarm:us-west-2:{account}:upload:${P}/${U}$`,
      // A test package and a test spec are uploads of the project (AWS Device Farm API reference, ScheduleRunTest).
      testPackageArn: `^arn:aws:devicefarm:us-west-2:{account}:upload:${P}/${U}$`,
      testSpecArn: `^arn:aws:devicefarm:us-west-2:{account}:upload:${P}/${U}$`,
      "Run.locale": "^en_US$",
      "Run.webUrl": `^https://us-west-2\\.console\\.aws\\.amazon\\.com/devicefarm/home\\?region=us-west-2#/mobile/projects/${P}/runs/${U}$`,
      "Job.instanceArn": `^arn:aws:devicefarm:us-west-2:{account}:deviceinstance:${U}$`,
      "Job.videoEndpoint": `^https://prod-us-west-2-results\\.s3-us-west-2\\.amazonaws\\.com/{account}/${P}/${R}/00000/video\\.mp4$`,
      // A job's files, presigned in its results bucket, as the mock's runs list them.
      "Artifact.url": ARTIFACT_URL("(Logcat\\.logcat|TestSpec_Output\\.txt|Video\\.mp4|Customer_Artifacts\\.zip)"),
      "Upload.contentType": "^application/octet-stream$",
      // A project's own uploads; curated ones are Device Farm's (Upload `category`).
      "Upload.category": "^PRIVATE$",
      // The suites of a job and their tests, as Device Farm names them (and the mock's runs do).
      "Suite.name": "^(Setup Suite|Tests Suite|Teardown Suite)$",
      "Test.name": "^(Setup Test|Tests|Teardown Test)$",
      "Upload.url": UPLOAD_URL(P, `${P}/${U}`),
      "Upload.metadata": '^\\{"device_admin":false,"activity_name":"com\\.example\\.{subject}\\.MainActivity","package_name":"com\\.example\\.{subject}","sdk_version":"26","version_name":"1\\.4\\.2"\\}$',
    },
    // A run's console URL names the project and the run of its ARN; an upload's URL names the upload; a job, which
    // "represents a device" (AWS Device Farm API reference, Job), is named as its device is; a run's and a job's test
    // type is one their platform runs.
    derived: {
      Job: {
        name: { from: "device.name", match: "^(.+)$", format: "^{match1}$" },
        type: { from: "device.platform", match: "^(ANDROID|IOS)$", format: TEST_TYPES },
        // A job on a private device ran on one of its instances.
        instanceArn: { from: "device.instances.0.arn", match: "^(.+)$", format: "^{match1}$" },
      },
      Run: {
        type: { from: "platform", match: "^(ANDROID|IOS)$", format: TEST_TYPES },
        webUrl: { from: "arn", match: "^arn:aws:devicefarm:[^:]*:[0-9]*:run:([0-9a-f-]{36})/([0-9a-f-]{36})$", format: "^https://us-west-2\\.console\\.aws\\.amazon\\.com/devicefarm/home\\?region=us-west-2#/mobile/projects/{match1}/runs/{match2}$" },
      },
      // An artifact's URL is its own file's.
      Artifact: {
        url: {
          from: "type",
          match: "^.+$",
          format: { DEVICE_LOG: ARTIFACT_URL("Logcat\\.logcat"), TESTSPEC_OUTPUT: ARTIFACT_URL("TestSpec_Output\\.txt"), VIDEO: ARTIFACT_URL("Video\\.mp4"), CUSTOMER_ARTIFACT: ARTIFACT_URL("Customer_Artifacts\\.zip") },
        },
      },
      Upload: {
        url: { from: "arn", match: "^arn:aws:devicefarm:[^:]*:[0-9]*:upload:([0-9a-f-]{36})/([0-9a-f-]{36})$", format: UPLOAD_URL("{match1}", "{match1}/{match2}") },
      },
    },
    // A run cannot have completed more jobs than it has; a default timeout is within the maximum.
    ordered: { ...Object.fromEntries(["Run", "Job", "Suite"].map((s) => [s, [["completedJobs", "totalJobs"]] as const])), AccountSettings: [["defaultJobTimeoutMinutes", "maxJobTimeoutMinutes"]] },
    // Rules a pool selects devices by, each once in a pool (the AWS CLI's create-device-pool example); the files a job
    // leaves, each with its type, name and extension, as the mock's runs list them.
    profiles: {
      Artifact: [
        { name: "Logcat", type: "DEVICE_LOG", extension: "logcat" },
        { name: "TestSpec Output", type: "TESTSPEC_OUTPUT", extension: "txt" },
        { name: "Video", type: "VIDEO", extension: "mp4" },
        { name: "Customer Artifacts", type: "CUSTOMER_ARTIFACT", extension: "zip" },
      ],
      Rule: [
        { attribute: "PLATFORM", operator: "EQUALS", value: '"ANDROID"' },
        { attribute: "FORM_FACTOR", operator: "EQUALS", value: '"PHONE"' },
        { attribute: "MANUFACTURER", operator: "IN", value: '["Google","Samsung"]' },
        { attribute: "REMOTE_ACCESS_ENABLED", operator: "EQUALS", value: "true" },
        { attribute: "FLEET_TYPE", operator: "EQUALS", value: '"PUBLIC"' },
      ],
    },
    states: {
      Run: deviceFarmRun,
      Job: deviceFarmRun,
      Suite: deviceFarmRun,
      Test: deviceFarmRun,
      // An upload's metadata is what processing found: none before (AWS Device Farm API reference, Upload).
      Upload: { member: "status", when: { INITIALIZED: { absent: ["metadata"] }, PROCESSING: { absent: ["metadata"] }, FAILED: { absent: ["metadata"] } } },
    },
    // A run's result is its counters' verdict (AWS Device Farm API reference, "ExecutionResult").
    verdicts: Object.fromEntries(
      ["Run", "Job", "Suite", "Test"].map((name) => [
        name,
        { member: "result", from: "counters", order: [["errored", "ERRORED"], ["failed", "FAILED"], ["warned", "WARNED"], ["stopped", "STOPPED"], ["skipped", "SKIPPED"]], otherwise: "PASSED", unless: ["PENDING"] },
      ]),
    ),
    after: Object.fromEntries(["Run", "Job", "Suite", "Test"].map((name) => [name, { started: ["created", 20_000, 600_000], stopped: ["started", 120_000, 3_600_000] }])),
    sums: { Counters: { total: ["passed", "failed", "warned", "errored", "stopped", "skipped"] }, DeviceMinutes: { total: ["metered", "unmetered"] } },
    // A result code says why a run errored (PARSING_FAILED, VPC_ENDPOINT_SETUP_FAILED): only an errored run has one.
    // Only a fuzz test has a seed and an event count; only a private device has a device instance; an upload's
    // metadata is what processing an Android app found (AWS Device Farm API reference, Run, Job, Upload).
    only: {
      Run: { resultCode: { result: ["ERRORED"] }, eventCount: { type: ["BUILTIN_FUZZ"] }, seed: { type: ["BUILTIN_FUZZ"] } },
      Job: { instanceArn: { "device.fleetType": ["PRIVATE"] } },
      Upload: { metadata: { type: ["ANDROID_APP"] } },
    },
    // What GetRun and GetJob answer (AWS Device Farm API reference, "Run" and "Job"; the AWS CLI's get-run example).
    always: {
      Run: ["arn", "name", "type", "platform", "created", "status", "result", "counters", "totalJobs", "completedJobs", "billingMethod", "appUpload", "jobTimeoutMinutes", "devicePoolArn", "locale", "radios", "location", "webUrl", "skipAppResign"],
      Job: ["arn", "name", "type", "created", "status", "result", "counters", "device", "instanceArn"],
      Suite: ["arn", "name", "type", "created", "status", "result", "counters"],
      Test: ["arn", "name", "type", "created", "status", "result", "counters"],
      Upload: ["arn", "name", "created", "type", "status", "category"],
      Project: ["arn", "name", "created"],
      DevicePool: ["arn", "name", "type", "rules"],
      Artifact: ["arn", "name", "type", "extension", "url"],
      // A device pool's rule names an attribute, an operator and a JSON value (the AWS CLI's create-device-pool example).
      Rule: ["attribute", "operator", "value"],
      Counters: ["total", "passed", "failed", "warned", "errored", "stopped", "skipped"],
      DeviceMinutes: ["total", "metered", "unmetered"],
    },
    usual: {
      Run: ["started", "stopped", "deviceMinutes", "eventCount", "customerArtifactPaths", "testSpecArn", "seed"],
      Counters: [],
      DeviceMinutes: [],
      Job: ["started", "stopped", "deviceMinutes", "videoEndpoint", "videoCapture"],
      Suite: ["started", "stopped", "deviceMinutes"],
      Test: ["started", "stopped", "deviceMinutes"],
      Upload: ["url", "metadata", "contentType"],
      Project: ["defaultJobTimeoutMinutes"],
      DevicePool: ["description", "maxDevices"],
    },
    ranges: {
      // Most tests pass; a run runs on a handful of devices (one job each); Device Farm's default location is Seattle.
      "Counters.passed": [5, 60],
      "Counters.failed": [0, 2],
      "Counters.warned": [0, 1],
      "Counters.errored": [0, 1],
      "Counters.stopped": [0, 0],
      "Counters.skipped": [0, 3],
      "Run.totalJobs": [1, 5],
      "Location.latitude": [47.6204, 47.6204],
      "Location.longitude": [-122.3491, -122.3491],
      "Run.jobTimeoutMinutes": [10, 150],
      "Project.defaultJobTimeoutMinutes": [10, 150],
      "Run.eventCount": [1, 10000],
      // A run on at most a handful of devices, one job each; a job runs 150 minutes at most (Device Farm quotas).
      "Run.completedJobs": [0, 5],
      "AccountSettings.maxJobTimeoutMinutes": [60, 150],
      "AccountSettings.defaultJobTimeoutMinutes": [10, 150],
      "Run.seed": [0, 999999],
    },
  },
};
