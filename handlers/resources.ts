import type { OperationId } from "../src/index.js";

/**
 * How each operation finds its resource: the store it reads, the key its input names, the member
 * that holds the lifecycle state, and the not-found error AWS answers with. Keyed by `OperationId`,
 * so the compiler fails when the registry gains an operation this table does not bind.
 */
export interface ResourceBinding {
  readonly store: StoreName;
  /** The store key the input names, or a sentence saying what is missing. */
  readonly key: (input: Record<string, unknown>) => { key: string } | { argumentError: string } | { invalid: string };
  /** The member of the stored entity (under `entityMember` of the output) that holds its state. */
  readonly stateMember: string;
  /** Where the entity sits in the operation output (`Session`), or undefined when it is the output. */
  readonly entityMember?: string;
  /** The error and members AWS answers with when the key names nothing. */
  readonly notFound: (input: Record<string, unknown>, key: string) => { error: string; members: Record<string, unknown> };
  /** The validation error the service answers a bad request with. */
  readonly validationError: string;
  /** The store key of an entity (with the ids it was added under, for Deadline). */
  readonly entityKey: (entity: Record<string, unknown>, ids: Record<string, unknown>) => string;
  /** Ids the entity lives under that are not members of it (Deadline's farm, queue and job), made from a seed. */
  readonly parentIds?: (random: (name: string) => string) => Record<string, string>;
  /** The operation input that names a stored entity. */
  readonly inputOf: (entity: Record<string, unknown>, ids: Record<string, unknown>) => Record<string, unknown>;
  /** Overrides and factory parameters that make a generated entity answer to this input. */
  readonly generate: (input: Record<string, unknown>, key: string) => { overrides: Record<string, unknown>; params: Record<string, unknown> };
}

export type StoreName = "glue.sessions" | "deadline.sessions" | "deviceFarm.testGridSessions" | "deviceFarm.remoteAccessSessions";

/** Deadline keys a session by all four labels: the same session id under another job is another session. */
const deadlineKey = (ids: { farmId: unknown; queueId: unknown; jobId: unknown; sessionId: unknown }): string =>
  `${String(ids.farmId)}/${String(ids.queueId)}/${String(ids.jobId)}/${String(ids.sessionId)}`;

/** The session ARN a test grid project ARN and session id name. */
function testGridSessionArn(projectArn: string, sessionId: string): string | undefined {
  const m = /^arn:aws:devicefarm:([^:]*):([^:]*):testgrid-project:(.+)$/.exec(projectArn);
  return m ? `arn:aws:devicefarm:${m[1]}:${m[2]}:testgrid-session:${m[3]}/${sessionId}` : undefined;
}

export const resources: Partial<Record<OperationId, ResourceBinding>> = {
  "glue:GetSession": {
    store: "glue.sessions",
    key: (input) => ({ key: String(input.Id) }),
    stateMember: "Status",
    entityMember: "Session",
    notFound: (_, key) => ({ error: "EntityNotFoundException", members: { Message: `Session ${key} not found.`, FromFederationSource: false } }),
    validationError: "InvalidInputException",
    entityKey: (entity) => String(entity.Id),
    inputOf: (entity) => ({ Id: entity.Id }),
    generate: (_, key) => ({ overrides: { Id: key }, params: {} }),
  },
  "deadline:GetSession": {
    store: "deadline.sessions",
    key: (input) => ({ key: deadlineKey(input as never) }),
    stateMember: "lifecycleStatus",
    notFound: (input) => ({
      error: "ResourceNotFoundException",
      members: {
        message: `Session ${String(input.sessionId)} not found.`,
        resourceId: String(input.sessionId),
        resourceType: "session",
        context: { farmId: String(input.farmId), queueId: String(input.queueId), jobId: String(input.jobId) },
      },
    }),
    validationError: "ValidationException",
    entityKey: (entity, ids) => deadlineKey({ farmId: ids.farmId, queueId: ids.queueId, jobId: ids.jobId, sessionId: entity.sessionId }),
    parentIds: (random) => ({ farmId: `farm-${random("farm")}`, queueId: `queue-${random("queue")}`, jobId: `job-${random("job")}` }),
    inputOf: (entity, ids) => ({ farmId: ids.farmId, queueId: ids.queueId, jobId: ids.jobId, sessionId: entity.sessionId }),
    generate: (input) => ({ overrides: {}, params: { farmId: input.farmId, queueId: input.queueId, jobId: input.jobId, sessionId: input.sessionId } }),
  },
  "deviceFarm:GetTestGridSession": {
    store: "deviceFarm.testGridSessions",
    key: (input) => {
      if (typeof input.sessionArn === "string") return { key: input.sessionArn };
      if (typeof input.projectArn === "string" && typeof input.sessionId === "string") {
        const arn = testGridSessionArn(input.projectArn, input.sessionId);
        return arn ? { key: arn } : { invalid: `Invalid arn ${input.projectArn}` };
      }
      return { argumentError: "Either sessionArn, or projectArn and sessionId, must be specified." };
    },
    stateMember: "status",
    entityMember: "testGridSession",
    notFound: () => ({ error: "NotFoundException", members: { message: "Test grid session not found." } }),
    validationError: "ArgumentException",
    entityKey: (entity) => String(entity.arn),
    inputOf: (entity) => ({ sessionArn: entity.arn }),
    generate: (_, key) => ({ overrides: {}, params: { arn: key } }),
  },
  "deviceFarm:GetRemoteAccessSession": {
    store: "deviceFarm.remoteAccessSessions",
    // Device Farm answers a well-formed ARN of another resource with the framework's `Invalid arn`.
    key: (input) => (/^arn:aws[\w-]*:devicefarm:[^:]*:[^:]*:session:/.test(String(input.arn)) ? { key: String(input.arn) } : { invalid: `Invalid arn ${String(input.arn)}` }),
    stateMember: "status",
    entityMember: "remoteAccessSession",
    notFound: (input) => ({ error: "NotFoundException", members: { message: `Remote access session ${String(input.arn)} not found.` } }),
    validationError: "ArgumentException",
    entityKey: (entity) => String(entity.arn),
    inputOf: (entity) => ({ arn: entity.arn }),
    generate: (_, key) => ({ overrides: {}, params: { arn: key } }),
  },
};
