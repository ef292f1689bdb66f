import type { SdkOf } from "../src/index.js";
import { shapes as deadlineShapes, type GetSessionResponse, type HostPropertiesResponse, type LogConfiguration } from "../src/contracts/deadline/shapes.js";
import type { EntityDefinition, FactoryDefinition, Invariant } from "./core/factory.js";
import type { Gen } from "./core/random.js";
import { accountId, ec2HostName, fullIpv6, privateIpv4, region } from "./core/values.js";
import { REFERENCE_DATE } from "./core/random.js";

type Session = SdkOf<GetSessionResponse>;
type Lifecycle = Session["lifecycleStatus"];
type Log = SdkOf<LogConfiguration>;
type Host = SdkOf<HostPropertiesResponse>;

/** EC2 instance types Deadline Cloud service-managed and customer-managed fleets run on. */
const INSTANCE_TYPES = ["c5.2xlarge", "c5.4xlarge", "c6i.2xlarge", "c6i.4xlarge", "m5.xlarge", "m5.2xlarge", "m6i.4xlarge", "r5.2xlarge", "g4dn.xlarge", "g5.2xlarge"] as const;

export interface DeadlineIds {
  readonly farmId: string;
  readonly queueId: string;
  readonly jobId: string;
}

export interface DeadlineSessionParams extends Partial<DeadlineIds> {
  /** The session id to build (a mock answers with the id it was asked for). */
  readonly sessionId?: string;
  readonly lifecycleStatus: Lifecycle;
  readonly host: boolean;
}

const id = (gen: Gen, prefix: string) => `${prefix}-${gen.hex(`$id.${prefix}`, 32)}`;

function deadlineIds(gen: Gen, given: Partial<DeadlineIds> = {}): DeadlineIds {
  const root = gen.root();
  return { farmId: given.farmId ?? id(root, "farm"), queueId: given.queueId ?? id(root, "queue"), jobId: given.jobId ?? id(root, "job") };
}

/** A Deadline `LogConfiguration` for CloudWatch Logs, as sessions and workers use it. */
function awslogs(group: string, stream: string): Log {
  return { logDriver: "awslogs", options: { logGroupName: group, logStreamName: stream } };
}

/** The EC2 host a worker runs on. */
function hostProperties(gen: Gen): Host {
  const ip = privateIpv4(gen, "ipV4");
  return {
    ipAddresses: { ipV4Addresses: [ip], ipV6Addresses: [fullIpv6(gen, "ipV6", region(gen))] },
    hostName: ec2HostName(ip, region(gen)),
    ec2InstanceArn: `arn:aws:ec2:${region(gen)}:${accountId(gen)}:instance/i-${gen.hex("instance", 17)}`,
    ec2InstanceType: gen.pick("ec2InstanceType", INSTANCE_TYPES),
  };
}

export const deadlineHostProperties: FactoryDefinition<HostPropertiesResponse, object, never> = {
  name: "deadline HostPropertiesResponse",
  get shape() { return deadlineShapes().HostPropertiesResponse; },
  timestampFormat: "date-time",
  defaults: {},
  traits: {},
  generate: (gen) => hostProperties(gen.at("hostProperties")),
};

export const deadlineLogConfiguration: FactoryDefinition<LogConfiguration, Partial<DeadlineIds>, never> = {
  name: "deadline LogConfiguration",
  get shape() { return deadlineShapes().LogConfiguration; },
  timestampFormat: "date-time",
  defaults: {},
  traits: {},
  generate: (gen, params) => {
    const ids = deadlineIds(gen, params);
    return awslogs(`/aws/deadline/${ids.farmId}/${ids.queueId}`, id(gen.root(), "session"));
  },
};

/** Deadline Cloud worker sessions, one trait per `SessionLifecycleStatus`. */
export const deadlineSession: EntityDefinition<
  GetSessionResponse,
  DeadlineSessionParams,
  "started" | "updateInProgress" | "updateSucceeded" | "updateFailed" | "ended" | "withoutHost"
> = {
  name: "deadline GetSession response",
  service: "deadline",
  get shape() { return deadlineShapes().GetSessionResponse; },
  timestampFormat: "date-time",
  defaults: { lifecycleStatus: "STARTED", host: true },
  traits: {
    started: { lifecycleStatus: "STARTED" },
    updateInProgress: { lifecycleStatus: "UPDATE_IN_PROGRESS" },
    updateSucceeded: { lifecycleStatus: "UPDATE_SUCCEEDED" },
    updateFailed: { lifecycleStatus: "UPDATE_FAILED" },
    ended: { lifecycleStatus: "ENDED" },
    withoutHost: { host: false },
  },
  fromOverrides: (o) => (o.lifecycleStatus ? { lifecycleStatus: o.lifecycleStatus } : {}),
  generate(gen, params): Session {
    const ids = deadlineIds(gen, params);
    const root = gen.root();
    const sessionId = params.sessionId ?? id(root, "session");
    const fleetId = id(root, "fleet");
    const workerId = id(root, "worker");
    // startedAt depends only on the seed, so every state of one session shares it; updates come within
    // three hours and the end two minutes after, all before the reference date.
    const status = params.lifecycleStatus;
    const startedAt = new Date(REFERENCE_DATE.getTime() - gen.int("startedAt", 3 * 3_600_000 + 180_000, 12 * 3_600_000));
    const updatedAt = status === "STARTED" ? undefined : new Date(startedAt.getTime() + gen.int("updatedAt", 60_000, 3 * 3_600_000));
    const endedAt = status === "ENDED" ? new Date(updatedAt!.getTime() + gen.int("endedAt", 500, 120_000)) : undefined;
    const session: Session = {
      sessionId,
      fleetId,
      workerId,
      startedAt,
      lifecycleStatus: status,
      log: awslogs(`/aws/deadline/${ids.farmId}/${ids.queueId}`, sessionId),
      workerLog: awslogs(`/aws/deadline/${ids.farmId}/${fleetId}`, workerId),
    };
    if (params.host) session.hostProperties = hostProperties(gen.at("hostProperties"));
    if (updatedAt) {
      session.updatedAt = updatedAt;
      session.updatedBy = `arn:aws:sts::${accountId(gen)}:assumed-role/DeadlineWorkerRole/${workerId}`;
    }
    if (status === "ENDED") {
      session.targetLifecycleStatus = "ENDED";
      session.endedAt = endedAt!;
    }
    return session;
  },
  invariants: deadlineSessionInvariants(),
};

function deadlineSessionInvariants(): Invariant<Session>[] {
  return [
    {
      name: "timestamps not after the reference date",
      check: (s) => ([s.startedAt, s.updatedAt, s.endedAt].some((d) => d && d > REFERENCE_DATE) ? "a timestamp after the reference date" : undefined),
    },
    {
      name: "endedAt only on ENDED",
      check: (s) => ((s.lifecycleStatus === "ENDED") === (s.endedAt !== undefined) ? undefined : `${s.lifecycleStatus} with endedAt ${s.endedAt?.toISOString() ?? "absent"}`),
    },
    {
      name: "updatedAt >= startedAt",
      check: (s) => (s.updatedAt && s.updatedAt < s.startedAt ? "updatedAt before startedAt" : undefined),
    },
    {
      name: "endedAt >= updatedAt >= startedAt",
      check: (s) => (s.endedAt && (s.endedAt < s.startedAt || (s.updatedAt && s.endedAt < s.updatedAt)) ? "endedAt before startedAt or updatedAt" : undefined),
    },
    {
      name: "updatedAt and updatedBy together, and only after an update",
      check: (s) =>
        (s.updatedAt === undefined) !== (s.updatedBy === undefined) || (s.lifecycleStatus === "STARTED" && s.updatedAt !== undefined)
          ? `updatedAt ${s.updatedAt?.toISOString() ?? "absent"}, updatedBy ${s.updatedBy ?? "absent"} on ${s.lifecycleStatus}`
          : undefined,
    },
    {
      name: "log stream is the session, worker log stream is the worker",
      check: (s) =>
        s.log.options?.logStreamName !== undefined && s.log.options.logStreamName !== s.sessionId
          ? `log stream ${s.log.options.logStreamName} for ${s.sessionId}`
          : s.workerLog?.options?.logStreamName !== undefined && s.workerLog.options.logStreamName !== s.workerId
            ? `worker log stream ${s.workerLog.options.logStreamName} for ${s.workerId}`
            : undefined,
    },
  ];
}
