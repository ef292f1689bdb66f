import type { GetSessionResponse } from "../../src/contracts/deadline/shapes.js";
import { registry, type Operation, type SdkOf, type Shape, type StructureShape } from "../../src/index.js";
import type { Factories } from "../../factories/index.js";
import { hashSeed, hex32 } from "../../factories/core/random.js";
import { Progress, type Clock, type Phase } from "../clock.js";
import type { SessionStore } from "../store.js";
import type { Answer, Family } from "./family.js";
import { pageOf } from "./page.js";

type Session = SdkOf<GetSessionResponse>;
type Lifecycle = Session["lifecycleStatus"];
type Rec = Record<string, unknown>;

const UPDATING: Phase<Lifecycle> = { state: "UPDATE_IN_PROGRESS", polls: 1, ms: 5_000 };
const ENDED: Phase<Lifecycle> = { state: "ENDED", polls: 0, ms: 0 };

/** The kinds of resource the farm hierarchy holds: their id prefix, the ids above them, and their Get operation. */
const KINDS = {
  farm: { parents: [], get: "deadline:GetFarm", list: "farms" },
  queue: { parents: ["farmId"], get: "deadline:GetQueue", list: "queues" },
  fleet: { parents: ["farmId"], get: "deadline:GetFleet", list: "fleets" },
  job: { parents: ["farmId", "queueId"], get: "deadline:GetJob", list: "jobs" },
  worker: { parents: ["farmId", "fleetId"], get: "deadline:GetWorker", list: "workers" },
} as const;
type Kind = keyof typeof KINDS;

const idMember = (kind: Kind) => `${kind}Id`;

/**
 * Deadline Cloud's farm hierarchy: farms hold queues and fleets, queues hold jobs, fleets hold workers,
 * and a job's sessions run on a worker. Ids are consistent through it; what a session names (its job,
 * worker and fleet) exists and answers. Sessions added to `mock.deadline.sessions` join it.
 */
export class DeadlineFarms implements Family {
  readonly service = "deadline";
  readonly operations = [
    ...(["Farm", "Queue", "Fleet", "Job", "Worker"] as const).flatMap((k) => [`Create${k}`, `Get${k}`, `List${k}s`]),
    ...["GetSession", "ListSessions", "ListSessionsForWorker", "UpdateSession", "ListSessionActions", "GetSessionAction"],
  ];
  readonly #records: Record<Kind, Map<string, Rec>> = { farm: new Map(), queue: new Map(), fleet: new Map(), job: new Map(), worker: new Map() };
  readonly #progress = new Map<string, Progress<Lifecycle>>();
  /** Store keys of the sessions whose farm, queue, job, fleet and worker are already in the hierarchy. */
  readonly #adopted = new Set<string>();
  #counter = 0;

  constructor(
    readonly sessions: SessionStore<GetSessionResponse, Lifecycle>,
    readonly factories: Factories,
    readonly clock: Clock,
    readonly timeOnly: boolean,
    readonly seed: number,
  ) {}

  reset(): void {
    for (const map of Object.values(this.#records)) map.clear();
    this.#progress.clear();
    this.#adopted.clear();
    this.#counter = 0;
  }

  /** Every farm, queue, fleet, job and worker the mock holds, as their Get operations answer them. */
  resources(): Record<`${Kind}s`, Rec[]> {
    this.#adopt();
    return Object.fromEntries(Object.entries(this.#records).map(([kind, map]) => [`${kind}s`, [...map.values()]])) as Record<`${Kind}s`, Rec[]>;
  }

  answer(operation: string, input: Record<string, unknown>): Answer | undefined {
    this.#adopt();
    const m = /^(Create|Get|List)(Farm|Queue|Fleet|Job|Worker)s?$/.exec(operation);
    if (m) {
      const kind = m[2]!.toLowerCase() as Kind;
      if (m[1] === "Create") return this.#create(kind, input);
      if (m[1] === "Get") return this.#get(kind, input);
      return this.#list(kind, input);
    }
    switch (operation) {
      case "GetSession":
        return this.#session(input, true);
      case "ListSessions":
        return this.#sessions(input);
      case "ListSessionsForWorker":
        return this.#workerSessions(input);
      case "UpdateSession":
        return this.#update(input);
      case "ListSessionActions":
        return this.#actions(input);
      case "GetSessionAction":
        return this.#action(input);
      default:
        return undefined;
    }
  }

  /** A new id of a kind, in Deadline's form (`farm-` and 32 hex digits), the same for the same mock and order. */
  #id(prefix: string): string {
    const n = this.#counter++;
    return `${prefix}-${hex32(this.seed, `${prefix}${n}.`)}`;
  }

  #key(kind: Kind, ids: Rec): string {
    return [...KINDS[kind].parents, idMember(kind)].map((k) => String(ids[k])).join("/");
  }

  /** The resource the input names, or the error Deadline answers for the first missing one (the farm before the queue). */
  #find(kind: Kind, input: Rec): { record: Rec } | { answer: Answer } {
    for (const parent of KINDS[kind].parents) {
      const parentKind = parent.replace(/Id$/, "") as Kind;
      if (!this.#records[parentKind].has(this.#key(parentKind, input))) return { answer: notFound(parentKind, String(input[parent]), input) };
    }
    const record = this.#records[kind].get(this.#key(kind, input));
    return record ? { record } : { answer: notFound(kind, String(input[idMember(kind)]), input) };
  }

  /** A full resource: what its Get operation answers, built by the factories and agreeing with what is known. */
  #build(kind: Kind, known: Rec): Rec {
    const built = this.factories.operation(KINDS[kind].get as never).build(undefined, { seed: hashSeed(this.seed, this.#key(kind, known)) }) as Rec;
    const out: Rec = { ...built, ...known };
    for (const k of ["updatedAt", "updatedBy", "startedAt", "endedAt"]) if (!(k in known)) delete out[k];
    return out;
  }

  #create(kind: Kind, input: Rec): Answer {
    for (const parent of KINDS[kind].parents) {
      const parentKind = parent.replace(/Id$/, "") as Kind;
      if (!this.#records[parentKind].has(this.#key(parentKind, input))) return notFound(parentKind, String(input[parent]), input);
    }
    const id = this.#id(kind);
    const now = new Date(this.clock.now());
    const ids: Rec = Object.fromEntries(KINDS[kind].parents.map((p) => [p, input[p]]));
    ids[idMember(kind)] = id;
    const fields: Rec = { ...ids, createdAt: now };
    const shape = (registry.get(KINDS[kind].get as never) as Operation).response.shape as StructureShape;
    // What the request sets and the resource shows under the same name (displayName, priority, roleArn, …).
    for (const [name, value] of Object.entries(input)) if (name in shape.members && name !== "clientToken" && value !== undefined) fields[name] = value;
    if (kind === "job") Object.assign(fields, { name: input.nameOverride ?? `job ${id.slice(4, 12)}`, lifecycleStatus: "CREATE_COMPLETE", lifecycleStatusMessage: "Job created.", taskRunStatus: input.targetTaskRunStatus ?? "READY" });
    if (kind === "queue") Object.assign(fields, { status: "IDLE", defaultBudgetAction: input.defaultBudgetAction ?? "NONE" });
    if (kind === "fleet") Object.assign(fields, { status: "ACTIVE", workerCount: 0, minWorkerCount: input.minWorkerCount ?? 0 });
    if (kind === "worker") Object.assign(fields, { status: "CREATED" });
    if (kind === "farm") fields.costScaleFactor = input.costScaleFactor ?? 1;
    this.#records[kind].set(this.#key(kind, ids), this.#build(kind, fields));
    if (kind === "worker") this.#bump(input, 1);
    return { output: { [idMember(kind)]: id } };
  }

  /** A fleet's worker count follows its workers. */
  #bump(ids: Rec, by: number): void {
    const fleet = this.#records.fleet.get(this.#key("fleet", ids));
    if (fleet) fleet.workerCount = Number(fleet.workerCount ?? 0) + by;
  }

  #get(kind: Kind, input: Rec): Answer {
    const found = this.#find(kind, input);
    return "answer" in found ? found.answer : { output: found.record };
  }

  #list(kind: Kind, input: Rec): Answer {
    const parents = KINDS[kind].parents;
    for (const parent of parents) {
      const parentKind = parent.replace(/Id$/, "") as Kind;
      if (!this.#records[parentKind].has(this.#key(parentKind, input))) return notFound(parentKind, String(input[parent]), input);
    }
    const records = [...this.#records[kind].values()].filter((r) => parents.every((p) => r[p] === input[p]));
    return this.#page(`deadline:List${kind.charAt(0).toUpperCase()}${kind.slice(1)}s`, KINDS[kind].list, records, input);
  }

  /** One page of summaries: each record projected onto the list's item shape. */
  #page(id: string, member: string, records: readonly Rec[], input: Rec): Answer {
    const op = registry.get(id as never) as Operation;
    const list = (op.response.shape as StructureShape).members[member] as Shape & { kind: "list" };
    const item = list.member as StructureShape;
    const page = pageOf(records, input.maxResults === undefined ? 100 : Number(input.maxResults), input.nextToken);
    if ("invalid" in page) return { error: "ValidationException", members: { message: "The nextToken is not valid.", reason: "OTHER" } };
    const items = page.items.map((r) => Object.fromEntries(Object.keys(item.members).filter((k) => r[k] !== undefined).map((k) => [k, r[k]])));
    return { output: { [member]: items, ...(page.next ? { nextToken: page.next } : {}) } };
  }

  /** The stored sessions with the ids they live under, read from their store keys (`farm/queue/job/session`). */
  #stored(): { key: string; ids: Rec; session: Session }[] {
    return this.sessions.keys().map((key) => {
      const [farmId, queueId, jobId, sessionId] = key.split("/");
      return { key, ids: { farmId, queueId, jobId, sessionId }, session: this.sessions.get(key)! };
    });
  }

  /** Every session a test added joins the hierarchy: its farm, queue, job, fleet and worker exist. */
  #adopt(): void {
    for (const { key: sessionKey, ids: stored, session } of this.#stored()) {
      if (this.#adopted.has(sessionKey)) continue;
      this.#adopted.add(sessionKey);
      const ids: Rec = { ...stored, fleetId: session.fleetId, workerId: session.workerId };
      for (const kind of ["farm", "queue", "job", "fleet", "worker"] as const) {
        const key = this.#key(kind, ids);
        if (this.#records[kind].has(key)) continue;
        const fields: Rec = Object.fromEntries([...KINDS[kind].parents, idMember(kind)].map((k) => [k, ids[k]]));
        this.#records[kind].set(key, this.#build(kind, { ...fields, createdAt: new Date(session.startedAt.getTime() - 600_000), ...(kind === "worker" ? { status: "RUNNING" } : {}), ...(kind === "job" ? { lifecycleStatus: "CREATE_COMPLETE", taskRunStatus: "RUNNING" } : {}) }));
        if (kind === "worker") this.#bump(ids, 1);
      }
    }
  }

  /**
   * Starts a session of a job on a worker, as Deadline's scheduler does when a worker picks the job up.
   * @example mock.deadline.startSession({ farmId, queueId, jobId, fleetId, workerId })
   */
  startSession(ids: { farmId: string; queueId: string; jobId: string; fleetId: string; workerId: string }): Session {
    const job = this.#find("job", ids);
    const worker = this.#find("worker", ids);
    if ("answer" in job || "answer" in worker) throw new Error(`[aws-sdk-contracts] Failed to start a session: ${"answer" in job ? `job ${ids.jobId}` : `worker ${ids.workerId}`} does not exist in this mock; create it first.`);
    const now = new Date(this.clock.now());
    worker.record.status = "RUNNING";
    job.record.taskRunStatus = "RUNNING";
    job.record.startedAt ??= now;
    return this.sessions.add({ sessionId: this.#id("session"), fleetId: ids.fleetId, workerId: ids.workerId, lifecycleStatus: "STARTED", startedAt: now }, { farmId: ids.farmId, queueId: ids.queueId, jobId: ids.jobId });
  }

  #sessionKey(input: Rec): string {
    return `${String(input.farmId)}/${String(input.queueId)}/${String(input.jobId)}/${String(input.sessionId)}`;
  }

  /** GetSession of a session being ended: a poll moves it on. Others are the store's (its lifecycle option). */
  #session(input: Rec, poll: boolean): Answer | undefined {
    const key = this.#sessionKey(input);
    const progress = this.#progress.get(key);
    if (!progress) return undefined;
    return { output: this.#current(key, progress, poll) };
  }

  #current(key: string, progress: Progress<Lifecycle>, poll: boolean): Session {
    const stored = this.sessions.get(key)!;
    const state = progress.state(poll);
    if (state === stored.lifecycleStatus) return stored;
    const at = new Date(progress.enteredAt(state)!);
    return this.sessions.update(key, { lifecycleStatus: state, updatedAt: at, ...(state === "ENDED" ? { endedAt: at } : {}) } as never);
  }

  /** The sessions under a job (or on a worker), as they are now. */
  #all(): { session: Session; ids: Rec }[] {
    return this.#stored().map(({ key, ids, session }) => {
      const progress = this.#progress.get(key);
      return { session: progress ? this.#current(key, progress, false) : session, ids };
    });
  }

  #sessions(input: Rec): Answer {
    const job = this.#find("job", input);
    if ("answer" in job) return job.answer;
    const found = this.#all().filter(({ ids }) => ids.farmId === input.farmId && ids.queueId === input.queueId && ids.jobId === input.jobId);
    return this.#page("deadline:ListSessions", "sessions", found.map(({ session }) => session as Rec), input);
  }

  #workerSessions(input: Rec): Answer {
    const worker = this.#find("worker", input);
    if ("answer" in worker) return worker.answer;
    const found = this.#all().filter(({ session, ids }) => ids.farmId === input.farmId && session.fleetId === input.fleetId && session.workerId === input.workerId);
    return this.#page("deadline:ListSessionsForWorker", "sessions", found.map(({ session, ids }) => ({ ...session, queueId: ids.queueId, jobId: ids.jobId })), input);
  }

  #update(input: Rec): Answer {
    const job = this.#find("job", input);
    if ("answer" in job) return job.answer;
    const key = this.#sessionKey(input);
    const stored = this.sessions.get(key);
    if (!stored) return notFound("session", String(input.sessionId), input);
    if (stored.lifecycleStatus === "ENDED" || stored.targetLifecycleStatus === "ENDED") {
      return { error: "ConflictException", members: { message: `Session ${String(input.sessionId)} is already ${stored.lifecycleStatus === "ENDED" ? "ENDED" : "ending"}.`, reason: "STATUS_CONFLICT", resourceId: String(input.sessionId), resourceType: "session" } };
    }
    this.sessions.update(key, { targetLifecycleStatus: "ENDED" } as never);
    const progress = new Progress<Lifecycle>([{ state: stored.lifecycleStatus, polls: 0, ms: 0 }, UPDATING, ENDED], this.clock, this.timeOnly);
    this.#progress.set(key, progress);
    this.#current(key, progress, false);
    return { output: {} };
  }

  /** A session's actions: attachments synced, the environment entered, a task run, and the environment left when it ended. */
  #actionsOf(session: Session, ids: Rec): Rec[] {
    const hex = session.sessionId.slice("session-".length);
    const ended = session.lifecycleStatus === "ENDED";
    const start = session.startedAt.getTime();
    const end = session.endedAt?.getTime() ?? this.clock.now();
    const step = `step-${hashSeed(this.seed, String(ids.jobId)).toString(16).padStart(8, "0").repeat(4)}`;
    const definitions: Rec[] = [
      { syncInputJobAttachments: {} },
      { envEnter: { environmentId: "JOB:" + String(ids.jobId) + ":render-env" } },
      { taskRun: { taskId: `task-${step.slice(5)}-0`, stepId: step, parameters: {} } },
      ...(ended ? [{ envExit: { environmentId: "JOB:" + String(ids.jobId) + ":render-env" } }] : []),
    ];
    return definitions.map((definition, i) => {
      const last = i === definitions.length - 1;
      const running = !ended && last;
      const at = (k: number) => new Date(start + ((end - start) * k) / definitions.length);
      return {
        sessionActionId: `sessionaction-${hex}-${i}`,
        sessionId: session.sessionId,
        status: running ? "RUNNING" : "SUCCEEDED",
        definition,
        startedAt: at(i),
        ...(running ? { progressPercent: 50 } : { endedAt: at(i + 1), progressPercent: 100, processExitCode: 0 }),
      };
    });
  }

  #actions(input: Rec): Answer {
    const job = this.#find("job", input);
    if ("answer" in job) return job.answer;
    const actions = this.#all()
      .filter(({ ids }) => ids.farmId === input.farmId && ids.queueId === input.queueId && ids.jobId === input.jobId && (input.sessionId === undefined || ids.sessionId === input.sessionId))
      .flatMap(({ session, ids }) => this.#actionsOf(session, ids))
      .filter((a) => input.taskId === undefined || (a.definition as { taskRun?: { taskId: string } }).taskRun?.taskId === input.taskId);
    // Summaries carry the definition's summary form: the same members, as the model names them.
    return this.#page("deadline:ListSessionActions", "sessionActions", actions, input);
  }

  #action(input: Rec): Answer {
    const job = this.#find("job", input);
    if ("answer" in job) return job.answer;
    const action = this.#all()
      .filter(({ ids }) => ids.farmId === input.farmId && ids.queueId === input.queueId && ids.jobId === input.jobId)
      .flatMap(({ session, ids }) => this.#actionsOf(session, ids))
      .find((a) => a.sessionActionId === input.sessionActionId);
    return action ? { output: action } : notFound("session-action", String(input.sessionActionId), input);
  }
}

/** Deadline's ResourceNotFoundException: the id, its type, and the ids above it as context. */
function notFound(kind: string, id: string, input: Rec): Answer {
  const context = Object.fromEntries(["farmId", "queueId", "fleetId", "jobId"].filter((k) => typeof input[k] === "string" && k !== `${kind}Id`).map((k) => [k, String(input[k])]));
  return { error: "ResourceNotFoundException", members: { message: `Resource of type ${kind} with id ${id} does not exist.`, resourceId: id, resourceType: kind, ...(Object.keys(context).length ? { context } : {}) }, missing: true };
}
