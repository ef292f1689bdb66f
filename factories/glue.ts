import type { SdkOf } from "../src/index.js";
import { shapes as glueShapes, type Session } from "../src/contracts/glue/shapes.js";
import type { EntityDefinition, FactoryDefinition, Invariant } from "./core/factory.js";
import { REFERENCE_DATE, type Gen } from "./core/random.js";
import { accountId, region, roundTo } from "./core/values.js";

type GlueSession = SdkOf<Session>;
type Status = NonNullable<GlueSession["Status"]>;

/** DPUs per worker, by worker type (Glue documentation; `Standard` counts one DPU). */
const DPU_PER_WORKER: Record<string, number> = {
  Standard: 1,
  "G.025X": 0.25,
  "G.1X": 1,
  "G.2X": 2,
  "G.4X": 4,
  "G.8X": 8,
  "G.12X": 12,
  "G.16X": 16,
  "R.1X": 1,
  "R.2X": 2,
  "R.4X": 4,
  "R.8X": 8,
  "Z.2X": 2,
};

/** Worker types that need Glue 4.0 or later. */
const NEWER_WORKERS = new Set(["G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"]);
// glueetl sessions: G.025X is for streaming and Z.2X for Ray, so neither appears here.
const SPARK_WORKERS = ["G.1X", "G.1X", "G.2X", "G.2X", "G.4X", "G.8X", "G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"] as const;
const IDLE_TIMEOUTS = [15, 30, 60, 120, 480, 2880];

const SUBJECTS = ["orders", "customers", "clickstream", "inventory", "billing", "sensor readings", "marketing spend", "shipments"];

const ENDED: ReadonlySet<Status> = new Set(["FAILED", "TIMEOUT", "STOPPED"]);

const FAILURES = [
  "Session failed to start: the role does not have permission to access the Glue Data Catalog.",
  "Session failed: Python kernel died unexpectedly.",
  "Session provisioning failed: insufficient capacity for the requested worker type.",
  "Session failed: the connection orders-postgres-connection could not be reached from the VPC.",
];

export interface GlueSessionParams {
  readonly status: Status;
  readonly sessionType: "LIVY" | "SPARK_CONNECT";
  /** Minutes; drawn when absent. A TIMEOUT session ran at least this long. */
  readonly idleTimeout?: number;
}

/** Glue interactive sessions, one trait per `SessionStatus`. */
export const glueSession: EntityDefinition<Session, GlueSessionParams, "provisioning" | "ready" | "failed" | "timeout" | "stopping" | "stopped" | "sparkConnect"> = {
  name: "glue Session",
  service: "glue",
  get shape() { return glueShapes().Session; },
  timestampFormat: "epoch-seconds",
  defaults: { status: "READY", sessionType: "LIVY" },
  traits: {
    provisioning: { status: "PROVISIONING" },
    ready: { status: "READY" },
    failed: { status: "FAILED" },
    timeout: { status: "TIMEOUT" },
    stopping: { status: "STOPPING" },
    stopped: { status: "STOPPED" },
    sparkConnect: { sessionType: "SPARK_CONNECT" },
  },
  fromOverrides: (o) => ({
    ...(o.Status ? { status: o.Status } : {}),
    ...(o.SessionType ? { sessionType: o.SessionType } : {}),
    ...(typeof o.IdleTimeout === "number" ? { idleTimeout: o.IdleTimeout } : {}),
  }),
  generate(gen: Gen, { status, sessionType, idleTimeout }): GlueSession {
    const noun = gen.faker("Id").word.noun();
    const id = `${noun.toLowerCase().replace(/[^a-z0-9]/g, "")}-${gen.pick("IdKind", ["etl", "notebook", "analysis", "dev"])}-session-${gen.digits("IdNumber", 4)}`;
    const workerType = gen.pick("WorkerType", SPARK_WORKERS);
    // Spark Connect needs Glue 5.1 or later; the newer worker types 4.0 or later.
    const glueVersion =
      sessionType === "SPARK_CONNECT"
        ? "5.1"
        : NEWER_WORKERS.has(workerType)
          ? gen.pick("GlueVersion", ["4.0", "5.0", "5.1"])
          : gen.pick("GlueVersion", ["3.0", "4.0", "4.0", "5.0", "5.1"]);
    const workers = gen.int("NumberOfWorkers", 2, 20);
    const maxCapacity = workers * DPU_PER_WORKER[workerType]!;
    const idle = idleTimeout ?? gen.pick("IdleTimeout", IDLE_TIMEOUTS);
    // CreatedOn depends only on the seed and the idle timeout, so every state of one session (a lifecycle)
    // shares it; it is old enough that even the longest run ends before the reference date.
    const longestRunMs = Math.max(4 * 3_600_000, idle * 60_000 + 300_000);
    const createdOn = new Date(REFERENCE_DATE.getTime() - longestRunMs - gen.int("Age", 60_000, 6 * 3_600_000));
    let completedOn: Date | undefined;
    if (ENDED.has(status)) {
      const idleMs = idle * 60_000;
      const ranMs = status === "TIMEOUT" ? idleMs + gen.int("Overrun", 1_000, 300_000) : gen.int("Runtime", 60_000, 4 * 3_600_000);
      completedOn = new Date(createdOn.getTime() + ranMs);
    }
    const roleName = gen.pick("RoleName", ["GlueInteractiveSessionRole", "AWSGlueServiceRole-notebooks", "GlueNotebookRole", "DataEngineeringGlueRole"]);
    const session: GlueSession = {
      Id: id,
      CreatedOn: createdOn,
      Status: status,
      Description: `Interactive session for the ${gen.pick("Subject", SUBJECTS)} ${gen.pick("Purpose", ["ETL", "exploration", "backfill", "data quality"])} notebook`,
      Role: `arn:aws:iam::${accountId(gen)}:role/${roleName}`,
      Command: { Name: "glueetl", PythonVersion: "3" },
      DefaultArguments: {
        "--enable-glue-datacatalog": "true",
        "--job-language": "python",
        "--enable-spark-ui": gen.pick("SparkUi", ["true", "false"]),
        ...(gen.bool("HasTempDir", 0.6) ? { "--TempDir": `s3://aws-glue-assets-${accountId(gen)}-${region(gen)}/temporary/` } : {}),
      },
      Progress: 0,
      MaxCapacity: maxCapacity,
      GlueVersion: glueVersion,
      NumberOfWorkers: workers,
      WorkerType: workerType,
      IdleTimeout: idle,
      SessionType: sessionType,
    };
    if (gen.bool("HasConnections", 0.4)) {
      session.Connections = { Connections: [gen.pick("Connection", ["orders-postgres-connection", "analytics-redshift", "vpc-network-connection", "crm-mysql"])] };
    }
    if (gen.bool("HasSecurityConfiguration", 0.3)) session.SecurityConfiguration = gen.pick("SecurityConfiguration", ["glue-kms-encryption", "default-security-config"]);
    if (status === "FAILED") session.ErrorMessage = gen.pick("ErrorMessage", FAILURES);
    if (status === "READY" || status === "STOPPING" || ENDED.has(status)) session.Progress = 1;
    if (completedOn) {
      // ExecutionTime is in seconds; DPUSeconds = ExecutionTime * MaxCapacity, as the model documents.
      const executionTime = roundTo((completedOn.getTime() - createdOn.getTime()) / 1000, 3);
      session.CompletedOn = completedOn;
      session.ExecutionTime = executionTime;
      session.DPUSeconds = roundTo(executionTime * maxCapacity, 3);
    }
    return session;
  },
  invariants: glueSessionInvariants(),
};

function glueSessionInvariants(): Invariant<GlueSession>[] {
  return [
    {
      name: "ended fields only on ended sessions",
      check: (s) => {
        const ended = s.Status !== undefined && ENDED.has(s.Status);
        const has = s.CompletedOn !== undefined || s.ExecutionTime !== undefined || s.DPUSeconds !== undefined;
        if (ended && (s.CompletedOn === undefined || s.ExecutionTime === undefined || s.DPUSeconds === undefined)) return `status ${s.Status} lacks CompletedOn/ExecutionTime/DPUSeconds`;
        if (!ended && has) return `status ${s.Status} has CompletedOn/ExecutionTime/DPUSeconds`;
        return undefined;
      },
    },
    {
      name: "ErrorMessage only on FAILED",
      check: (s) => ((s.Status === "FAILED") === (s.ErrorMessage !== undefined) ? undefined : `status ${s.Status} with ErrorMessage ${s.ErrorMessage ?? "absent"}`),
    },
    {
      name: "CompletedOn >= CreatedOn",
      check: (s) => (s.CompletedOn && s.CreatedOn && s.CompletedOn < s.CreatedOn ? "CompletedOn before CreatedOn" : undefined),
    },
    {
      name: "ExecutionTime matches CreatedOn..CompletedOn",
      check: (s) =>
        s.CompletedOn && s.CreatedOn && s.ExecutionTime !== undefined && Math.abs(s.ExecutionTime - (s.CompletedOn.getTime() - s.CreatedOn.getTime()) / 1000) > 0.001
          ? `ExecutionTime ${s.ExecutionTime} != ${(s.CompletedOn.getTime() - s.CreatedOn.getTime()) / 1000}`
          : undefined,
    },
    {
      name: "DPUSeconds = ExecutionTime * MaxCapacity",
      check: (s) =>
        s.DPUSeconds !== undefined && s.ExecutionTime !== undefined && s.MaxCapacity !== undefined && Math.abs(s.DPUSeconds - s.ExecutionTime * s.MaxCapacity) > 0.01
          ? `DPUSeconds ${s.DPUSeconds} != ${s.ExecutionTime} * ${s.MaxCapacity}`
          : undefined,
    },
    {
      name: "MaxCapacity = NumberOfWorkers * DPU per worker",
      check: (s) =>
        s.WorkerType && s.NumberOfWorkers !== undefined && s.MaxCapacity !== undefined && DPU_PER_WORKER[s.WorkerType] !== undefined && s.MaxCapacity !== s.NumberOfWorkers * DPU_PER_WORKER[s.WorkerType]!
          ? `MaxCapacity ${s.MaxCapacity} for ${s.NumberOfWorkers} x ${s.WorkerType}`
          : undefined,
    },
    {
      name: "newer worker types need Glue 4.0 or later",
      check: (s) => (s.WorkerType && NEWER_WORKERS.has(s.WorkerType) && s.GlueVersion && Number.parseFloat(s.GlueVersion) < 4 ? `${s.WorkerType} on Glue ${s.GlueVersion}` : undefined),
    },
    {
      name: "timestamps not after the reference date",
      check: (s) => ([s.CreatedOn, s.CompletedOn].some((d) => d && d > REFERENCE_DATE) ? "a timestamp after the reference date" : undefined),
    },
    {
      name: "a TIMEOUT session ran at least its idle timeout",
      check: (s) =>
        s.Status === "TIMEOUT" && s.ExecutionTime !== undefined && s.IdleTimeout !== undefined && s.ExecutionTime < s.IdleTimeout * 60
          ? `ExecutionTime ${s.ExecutionTime} s below IdleTimeout ${s.IdleTimeout} min`
          : undefined,
    },
    {
      name: "Spark Connect needs Glue 5.1 or later",
      check: (s) => (s.SessionType === "SPARK_CONNECT" && s.GlueVersion && Number.parseFloat(s.GlueVersion) < 5.1 ? `Spark Connect on Glue ${s.GlueVersion}` : undefined),
    },
  ];
}
