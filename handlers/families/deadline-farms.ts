import type { GetSessionResponse } from "../../src/contracts/deadline/shapes.js";
import { registry, type Operation, type SdkOf, type Shape, type StructureShape } from "../../src/index.js";
import type { Factories } from "../../factories/index.js";
import { hashSeed, hex32 } from "../../factories/core/random.js";
import { Progress, type Clock, type Phase } from "../clock.js";
import type { ResourceEngine } from "../engine.js";
import { loadYaml, planJob, TemplateError, type JobPlan } from "./openjd.js";
import type { SessionStore } from "../store.js";
import type { Answer, Family } from "./family.js";
import { pageOf } from "./page.js";

type Session = SdkOf<GetSessionResponse>;
type Lifecycle = Session["lifecycleStatus"];
type Rec = Record<string, unknown>;

const UPDATING: Phase<Lifecycle> = { state: "UPDATE_IN_PROGRESS", polls: 1, ms: 5_000 };
const ENDED: Phase<Lifecycle> = { state: "ENDED", polls: 0, ms: 0 };

/** The kinds of resource the farm hierarchy holds: the resource model's name, the ids above them, and their listing's member. */
const KINDS = {
  farm: { resource: "Farm", parents: [], get: "deadline:GetFarm" },
  queue: { resource: "Queue", parents: ["farmId"], get: "deadline:GetQueue" },
  fleet: { resource: "Fleet", parents: ["farmId"], get: "deadline:GetFleet" },
  job: { resource: "Job", parents: ["farmId", "queueId"], get: "deadline:GetJob" },
  worker: { resource: "Worker", parents: ["farmId", "fleetId"], get: "deadline:GetWorker" },
} as const;
type Kind = keyof typeof KINDS;

const idMember = (kind: Kind) => `${kind}Id`;

/** Deadline's task run statuses: every job and step counts its tasks in each. */
const TASK_STATUSES = ["PENDING", "READY", "ASSIGNED", "SCHEDULED", "INTERRUPTING", "RUNNING", "SUSPENDED", "CANCELED", "FAILED", "SUCCEEDED", "NOT_COMPATIBLE", "STARTING"] as const;
/** How long a job waits to be picked up, and how long each wave of steps runs (its tasks on the fleet's workers at once). */
const PICKED_UP: Phase = { state: "READY", polls: 1, ms: 10_000 };
const WAVE = (level: number): Phase => ({ state: `RUNNING ${level}`, polls: 2, ms: 60_000 });
const DONE: Phase = { state: "DONE", polls: 0, ms: 0 };

/** A job made from its template: its steps' ids, waves (a step runs after those it depends on) and tasks. */
interface JobRun {
  readonly ids: Rec;
  readonly steps: readonly { readonly stepId: string; readonly name: string; readonly wave: number; readonly taskIds: readonly string[]; readonly dependsOn: readonly string[] }[];
  readonly waves: number;
  /** Made when the job's queue first can schedule it (a fleet associated, not blocked by its budget action). */
  progress?: Progress;
  /** A target status a test set (`UpdateJob`): the tasks not done take it and the job stops moving. */
  frozen?: { readonly status: string; readonly at: number };
  /** The session each step ran in, by step id (its store key), made when the step's wave started. */
  readonly sessions: Map<string, string>;
}

/**
 * Deadline Cloud's farm hierarchy, kept by the resource engine: farms hold queues and fleets, queues hold jobs,
 * fleets hold workers, and a job's sessions run on a worker. This family adds what data cannot say: a job is
 * built from its Open Job Description template (steps, dependencies, tasks from the parameter space) and runs
 * once its queue is associated with a fleet; a queue's status follows its jobs and budget action; a fleet counts
 * its workers; sessions added to `mock.deadline.sessions` bring their farm, queue, job, fleet and worker.
 */
export class DeadlineFarms implements Family {
  readonly service = "deadline";
  readonly operations = ["CreateJob", "SearchJobs", "SearchSteps", "SearchTasks", "SearchWorkers", "GetSession", "ListSessions", "ListSessionsForWorker", "UpdateSession", "ListSessionActions", "GetSessionAction"];
  readonly #progress = new Map<string, Progress<Lifecycle>>();
  /** Jobs made from templates, by `farm/queue/job`. */
  readonly #runs = new Map<string, JobRun>();
  /** Store keys of the sessions whose farm, queue, job, fleet and worker are already in the hierarchy. */
  readonly #adopted = new Set<string>();
  #counter = 0;

  constructor(
    readonly sessions: SessionStore<GetSessionResponse, Lifecycle>,
    readonly factories: Factories,
    readonly clock: Clock,
    readonly timeOnly: boolean,
    readonly seed: number,
    readonly engine: ResourceEngine,
  ) {
    engine.derive("deadline", "Job", (job, ids, poll) => this.#job(job, ids, poll));
    engine.derive("deadline", "Step", (step, ids) => this.#step(step, ids));
    engine.derive("deadline", "Task", (task, ids) => this.#task(task, ids));
    engine.derive("deadline", "Queue", (queue, ids) => this.#queue(queue, ids));
    engine.derive("deadline", "Fleet", (_, ids) => ({ workerCount: engine.all("deadline", "Worker").filter((w) => w.ids.farmId === ids.farmId && w.ids.fleetId === ids.fleetId).length }));
  }

  reset(): void {
    this.#progress.clear();
    this.#runs.clear();
    this.#adopted.clear();
    this.#counter = 0;
  }

  /** Every farm, queue, fleet, job and worker the mock holds, as their Get operations answer them. */
  resources(): Record<`${Kind}s`, Rec[]> {
    this.#adopt();
    return Object.fromEntries(Object.entries(KINDS).map(([kind, { resource }]) => [`${kind}s`, this.engine.all("deadline", resource).map((e) => e.entity)])) as Record<`${Kind}s`, Rec[]>;
  }

  prepare(_operation: string, input: Record<string, unknown>): Promise<void> | undefined {
    return input.templateType === "YAML" ? loadYaml() : undefined;
  }

  answer(operation: string, input: Record<string, unknown>): Answer | undefined {
    this.#adopt();
    if (/Session/.test(operation)) this.#runSessions();
    switch (operation) {
      case "CreateJob":
        return this.#createJob(input);
      case "SearchJobs":
        return this.#search("deadline:SearchJobs", "Job", "jobs", input);
      case "SearchSteps":
        return this.#search("deadline:SearchSteps", "Step", "steps", input);
      case "SearchTasks":
        return this.#search("deadline:SearchTasks", "Task", "tasks", input);
      case "SearchWorkers":
        return this.#search("deadline:SearchWorkers", "Worker", "workers", input);
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

  #ids(kind: Kind, input: Rec): Rec {
    return Object.fromEntries([...KINDS[kind].parents, idMember(kind)].map((k) => [k, input[k]]));
  }

  /** The resource the input names, or the error Deadline answers for the first missing one (the farm before the queue). */
  #find(kind: Kind, input: Rec): { record: Rec } | { answer: Answer } {
    for (const parent of KINDS[kind].parents) {
      const parentKind = parent.replace(/Id$/, "") as Kind;
      if (!this.engine.get("deadline", KINDS[parentKind].resource, this.#ids(parentKind, input))) return { answer: notFound(parentKind, String(input[parent]), input) };
    }
    const record = this.engine.get("deadline", KINDS[kind].resource, this.#ids(kind, input));
    return record ? { record } : { answer: notFound(kind, String(input[idMember(kind)]), input) };
  }

  /** A full resource: what its Get operation answers, built by the factories and agreeing with what is known. */
  #build(kind: Kind, known: Rec): Rec {
    return this.#made(KINDS[kind].get, Object.values(this.#ids(kind, known)).join("/"), known);
  }

  /** What a Get operation answers for an entity made here: generated from its key, with what is known over it. */
  #made(get: string, key: string, known: Rec): Rec {
    const built = this.factories.operation(get as never).build(undefined, { seed: hashSeed(this.seed, key) }) as Rec;
    const members = ((registry.get(get as never) as Operation).response.shape as StructureShape).members;
    // What the Get answers: the ids above a job (its farm and queue) are not members of it.
    const out: Rec = Object.fromEntries(Object.entries({ ...built, ...known }).filter(([k]) => Object.hasOwn(members, k)));
    for (const k of ["updatedAt", "updatedBy", "startedAt", "endedAt"]) if (!(k in known)) delete out[k];
    return out;
  }

  /**
   * CreateJob: the job, its steps and its tasks, from the template and the job's parameters. A template that is not
   * JSON or YAML, or that breaks the specification, is the operation's ValidationException saying where.
   */
  #createJob(input: Rec): Answer {
    for (const parent of KINDS.job.parents) {
      const parentKind = parent.replace(/Id$/, "") as Kind;
      if (!this.engine.get("deadline", KINDS[parentKind].resource, this.#ids(parentKind, input))) return notFound(parentKind, String(input[parent]), input);
    }
    if (typeof input.template !== "string") return { error: "ValidationException", members: { message: "A job needs a template (a job bundle's template or a job attachment's).", reason: "FIELD_VALIDATION_FAILED", fieldList: [{ name: "template", message: "Member must not be null" }] } };
    let plan: JobPlan;
    try {
      plan = planJob(input.template, String(input.templateType ?? "JSON"), input.parameters as never);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      return { error: "ValidationException", members: { message: e.message, reason: e.reason, fieldList: [{ name: "template", message: e.message }] } };
    }
    const now = new Date(this.clock.now());
    const ids: Rec = { farmId: input.farmId, queueId: input.queueId, jobId: this.#id("job") };
    const fields: Rec = { ...ids, name: input.nameOverride ?? plan.name, priority: input.priority, createdAt: now, lifecycleStatus: "CREATE_COMPLETE", lifecycleStatusMessage: "Job creation completed successfully" };
    for (const k of ["maxFailedTasksCount", "maxRetriesPerTask", "maxWorkerCount", "storageProfileId", "parameters"] as const) if (input[k] !== undefined) fields[k] = input[k];
    const description = input.descriptionOverride ?? plan.description;
    const job = this.#build("job", fields);
    delete job.targetTaskRunStatus;
    if (description !== undefined) job.description = description;
    else delete job.description;
    delete job.sourceJobId;
    // Steps run in waves: a step after every step it depends on.
    const waveOf = new Map<string, number>();
    const wave = (name: string): number => waveOf.get(name) ?? (waveOf.set(name, Math.max(-1, ...plan.steps.find((s) => s.name === name)!.dependsOn.map(wave)) + 1), waveOf.get(name)!);
    const steps = plan.steps.map((step) => {
      const stepId = this.#id("step");
      const hex = stepId.slice("step-".length);
      return { stepId, name: step.name, wave: wave(step.name), dependsOn: step.dependsOn, taskIds: step.tasks.map((_, i) => `task-${hex}-${i}`), plan: step };
    });
    const run: JobRun = { ids, steps, waves: Math.max(...steps.map((s) => s.wave)) + 1, sessions: new Map() };
    if (input.targetTaskRunStatus === "SUSPENDED") run.frozen = { status: "SUSPENDED", at: now.getTime() };
    this.#runs.set(jobKey(ids), run);
    this.engine.keep("deadline", "Job", ids, job);
    for (const step of steps) {
      const stepIds = { ...ids, stepId: step.stepId };
      const consumers = steps.filter((s) => s.dependsOn.includes(step.name)).length;
      const made = (get: string, key: string, known: Rec) => {
        const entity = this.#made(get, key, { createdBy: job.createdBy, ...known });
        for (const k of ["targetTaskRunStatus", "targetRunStatus", "taskFailureRetryCount", "latestSessionActionId", "requiredCapabilities", "lifecycleStatusMessage"]) if (!(k in known)) delete entity[k];
        return entity;
      };
      this.engine.keep("deadline", "Step", stepIds, made("deadline:GetStep", step.stepId, {
        stepId: step.stepId,
        name: step.name,
        lifecycleStatus: "CREATE_COMPLETE",
        lifecycleStatusMessage: "Step creation completed successfully",
        createdAt: now,
        ...(step.plan.parameterSpace ? { parameterSpace: step.plan.parameterSpace } : {}),
        ...(step.dependsOn.length || consumers ? { dependencyCounts: { dependenciesResolved: 0, dependenciesUnresolved: step.dependsOn.length, consumersResolved: 0, consumersUnresolved: consumers } } : {}),
      }));
      step.plan.tasks.forEach((parameters, i) => {
        const task = made("deadline:GetTask", step.taskIds[i]!, { taskId: step.taskIds[i], createdAt: now, failureRetryCount: 0 });
        if (Object.keys(parameters).length) task.parameters = parameters;
        else delete task.parameters;
        this.engine.keep("deadline", "Task", { ...stepIds, taskId: step.taskIds[i] }, task);
      });
    }
    return { output: { jobId: ids.jobId } };
  }

  /** Whether a queue's budget action stops its scheduling: an action other than NONE, and no budget tracking the queue. */
  #blocked(queue: Rec, ids: Readonly<Rec>): boolean {
    if (queue.defaultBudgetAction === undefined || queue.defaultBudgetAction === "NONE") return false;
    return !this.engine.all("deadline", "Budget").some((b) => b.ids.farmId === ids.farmId && (b.entity.usageTrackingResource as Rec | undefined)?.queueId === ids.queueId);
  }

  /** Whether a job's queue schedules it now: a fleet associated and active, and no budget action blocking the queue. */
  #schedules(ids: Rec): boolean {
    const queue = this.engine.get("deadline", "Queue", { farmId: ids.farmId, queueId: ids.queueId }, { stored: true });
    if (!queue || this.#blocked(queue, ids)) return false;
    return this.engine.all("deadline", "QueueFleetAssociation").some((a) => a.ids.farmId === ids.farmId && a.ids.queueId === ids.queueId && a.entity.status === "ACTIVE" && this.engine.get("deadline", "Fleet", { farmId: ids.farmId, fleetId: a.ids.fleetId }) !== undefined);
  }

  /**
   * A template job's steps run in sessions on the queue's fleet: one session per step, on a worker of an associated
   * fleet (one is registered when the fleet has none, as a service-managed fleet starts one), STARTED when the
   * step's wave starts and ENDED when it ends.
   */
  #runSessions(): void {
    for (const run of this.#runs.values()) {
      const p = run.progress;
      if (!p) continue;
      p.state(false);
      for (const step of run.steps) {
        const started = p.enteredAt(`RUNNING ${step.wave}`);
        if (started === undefined) continue;
        const ended = p.enteredAt(step.wave + 1 < run.waves ? `RUNNING ${step.wave + 1}` : "DONE");
        const key = run.sessions.get(step.stepId);
        if (key) {
          const stored = this.sessions.get(key);
          if (ended !== undefined && stored && stored.lifecycleStatus !== "ENDED" && !this.#progress.has(key)) this.sessions.update(key, { lifecycleStatus: "ENDED", endedAt: new Date(ended), updatedAt: new Date(ended) } as never);
          continue;
        }
        const worker = this.#workerFor(run.ids);
        if (!worker) continue;
        const session = this.sessions.add(
          { sessionId: this.#id("session"), fleetId: worker.fleetId as string, workerId: worker.workerId as string, lifecycleStatus: ended === undefined ? "STARTED" : "ENDED", startedAt: new Date(started), ...(ended !== undefined ? { endedAt: new Date(ended) } : {}) } as never,
          { farmId: run.ids.farmId as string, queueId: run.ids.queueId as string, jobId: run.ids.jobId as string },
        );
        const sessionKey = `${String(run.ids.farmId)}/${String(run.ids.queueId)}/${String(run.ids.jobId)}/${session.sessionId}`;
        run.sessions.set(step.stepId, sessionKey);
        this.#adopted.add(sessionKey);
      }
    }
  }

  /** A worker of a fleet associated with the job's queue: one the fleet has, or one it starts. */
  #workerFor(ids: Rec): Rec | undefined {
    const association = this.engine.all("deadline", "QueueFleetAssociation").find((a) => a.ids.farmId === ids.farmId && a.ids.queueId === ids.queueId);
    if (!association) return undefined;
    const fleetId = association.ids.fleetId;
    const existing = this.engine.all("deadline", "Worker").find((w) => w.ids.farmId === ids.farmId && w.ids.fleetId === fleetId);
    if (existing) return existing.ids as Rec;
    const workerIds = { farmId: ids.farmId, fleetId, workerId: this.#id("worker") };
    this.engine.keep("deadline", "Worker", workerIds, this.#build("worker", { ...workerIds, status: "STARTED", createdAt: new Date(this.clock.now()) }));
    return workerIds;
  }

  /** A task's status in its step's wave, as the job's run has it now; with when it started and ended. */
  #taskState(run: JobRun, wave: number, poll: boolean): { status: string; startedAt?: Date; endedAt?: Date } {
    if (!run.progress && !run.frozen && this.#schedules(run.ids)) run.progress = new Progress([PICKED_UP, ...Array.from({ length: run.waves }, (_, l) => WAVE(l)), DONE], this.clock, this.timeOnly);
    const p = run.progress;
    const state = p ? p.state(poll) : "READY";
    const at = (s: string) => (p?.enteredAt(s) === undefined ? undefined : new Date(p.enteredAt(s)!));
    const started = at(`RUNNING ${wave}`);
    const ended = at(wave + 1 < run.waves ? `RUNNING ${wave + 1}` : "DONE");
    const current = state === "DONE" ? run.waves : state === "READY" ? -1 : Number(state.slice("RUNNING ".length));
    const status = current > wave ? "SUCCEEDED" : current === wave ? "RUNNING" : wave === 0 ? "READY" : "PENDING";
    if (run.frozen && status !== "SUCCEEDED") return { status: run.frozen.status, ...(started ? { startedAt: started, endedAt: new Date(run.frozen.at) } : {}) };
    return { status, ...(started ? { startedAt: started } : {}), ...(ended && status === "SUCCEEDED" ? { endedAt: ended } : {}) };
  }

  #runOf(ids: Readonly<Rec>): JobRun | undefined {
    return this.#runs.get(jobKey(ids));
  }

  /** A job made from a template: its status and counts from its tasks; started when its first wave did, ended with its last. */
  #job(job: Rec, ids: Readonly<Rec>, poll: boolean): Rec {
    const run = this.#runOf(ids);
    if (!run) return {};
    // A target status set by UpdateJob stops the job where it is (a cancel, a suspend); READY resumes it.
    const target = job.targetTaskRunStatus as string | undefined;
    if (target && target !== "READY" && !run.frozen) run.frozen = { status: target, at: this.clock.now() };
    if (target === "READY" && run.frozen) delete run.frozen;
    const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<string, number>;
    for (const step of run.steps) counts[this.#taskState(run, step.wave, false).status]! += step.taskIds.length;
    const first = this.#taskState(run, 0, poll);
    const last = this.#taskState(run, run.waves - 1, false);
    const status = aggregate(counts);
    return { taskRunStatus: status, taskRunStatusCounts: counts, ...(first.startedAt ? { startedAt: first.startedAt } : {}), ...(last.endedAt && ["SUCCEEDED", "CANCELED", "FAILED"].includes(status) ? { endedAt: last.endedAt } : {}) };
  }

  #step(step: Rec, ids: Readonly<Rec>): Rec {
    const run = this.#runOf(ids);
    const planned = run?.steps.find((s) => s.stepId === ids.stepId);
    if (!run || !planned) return {};
    const state = this.#taskState(run, planned.wave, false);
    const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, s === state.status ? planned.taskIds.length : 0]));
    const resolved = state.status === "RUNNING" || state.status === "SUCCEEDED" ? planned.dependsOn.length : 0;
    const consumers = run.steps.filter((s) => s.dependsOn.includes(planned.name)).length;
    const dependencyCounts = step.dependencyCounts ? { dependencyCounts: { dependenciesResolved: resolved, dependenciesUnresolved: planned.dependsOn.length - resolved, consumersResolved: state.status === "SUCCEEDED" ? consumers : 0, consumersUnresolved: state.status === "SUCCEEDED" ? 0 : consumers } } : {};
    return { taskRunStatus: state.status, taskRunStatusCounts: counts, ...dependencyCounts, ...(state.startedAt ? { startedAt: state.startedAt } : {}), ...(state.endedAt ? { endedAt: state.endedAt } : {}) };
  }

  #task(_: Rec, ids: Readonly<Rec>): Rec {
    const run = this.#runOf(ids);
    const planned = run?.steps.find((s) => s.stepId === ids.stepId);
    if (!run || !planned) return {};
    const state = this.#taskState(run, planned.wave, false);
    return { runStatus: state.status, ...(state.startedAt ? { startedAt: state.startedAt } : {}), ...(state.endedAt ? { endedAt: state.endedAt } : {}) };
  }

  /**
   * A queue's status: blocked when its budget action stops scheduling and no budget tracks it (Deadline's
   * `NO_BUDGET_CONFIGURED`), scheduling while it holds jobs with tasks to run, idle otherwise.
   */
  #queue(queue: Rec, ids: Readonly<Rec>): Rec {
    // (`blockedReason: undefined` takes a reason away once the queue is no longer blocked.)
    if (this.#blocked(queue, ids)) return { status: "SCHEDULING_BLOCKED", blockedReason: "NO_BUDGET_CONFIGURED" };
    const busy = [...this.#runs.values()].some((run) => run.ids.farmId === ids.farmId && run.ids.queueId === ids.queueId && !run.frozen && this.#taskState(run, run.waves - 1, false).status !== "SUCCEEDED");
    return { status: busy ? "SCHEDULING" : "IDLE", blockedReason: undefined };
  }

  /**
   * Deadline's searches read the farm's store: the jobs, steps or tasks of the queues named (a job's only, when
   * named), the workers of the fleets named; filtered by their string and search-term filters (grouped with AND or
   * OR), sorted by their field sorts, and paged by item offset, with the total.
   */
  #search(id: string, resource: string, member: string, input: Rec): Answer {
    const farm = this.#find("farm", input);
    if ("answer" in farm) return farm.answer;
    const within = (ids: Readonly<Rec>) =>
      ids.farmId === input.farmId &&
      (input.queueIds === undefined || (input.queueIds as unknown[]).includes(ids.queueId)) &&
      (input.fleetIds === undefined || (input.fleetIds as unknown[]).includes(ids.fleetId)) &&
      (input.jobId === undefined || ids.jobId === input.jobId);
    let found = this.engine.all("deadline", resource).filter((e) => within(e.ids)).map((e) => ({ ...e.ids, ...e.entity }) as Rec);
    const filters = input.filterExpressions as Rec | undefined;
    if (filters) found = found.filter((item) => matchesFilters(item, filters));
    for (const sort of [...((input.sortExpressions as Rec[] | undefined) ?? [])].reverse()) {
      const field = sort.fieldSort as { name: string; sortOrder: string } | undefined;
      if (!field) continue;
      const key = camel(field.name);
      const order = field.sortOrder === "DESCENDING" ? -1 : 1;
      found = [...found].sort((a, b) => order * compareValues(a[key], b[key]));
    }
    const offset = Number(input.itemOffset ?? 0);
    const size = Number(input.pageSize ?? 100);
    const page = this.#page(id, member, found.slice(offset, offset + size), { maxResults: size });
    if ("error" in page) return page;
    return { output: { ...(page.output as Rec), totalResults: found.length, ...(offset + size < found.length ? { nextItemOffset: offset + size } : {}) } };
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
        const own = this.#ids(kind, ids);
        if (this.engine.get("deadline", KINDS[kind].resource, own)) continue;
        const fields: Rec = { ...own, createdAt: new Date(session.startedAt.getTime() - 600_000), ...(kind === "worker" ? { status: "RUNNING" } : {}), ...(kind === "job" ? { lifecycleStatus: "CREATE_COMPLETE", taskRunStatus: "RUNNING" } : {}) };
        this.engine.keep("deadline", KINDS[kind].resource, own, this.#build(kind, fields));
      }
    }
  }

  /**
   * Starts a session of a job on a worker, as Deadline's scheduler does when a worker picks the job up.
   * @example mock.deadline.startSession({ farmId, queueId, jobId, fleetId, workerId })
   */
  startSession(ids: { farmId: string; queueId: string; jobId: string; fleetId: string; workerId: string }): Session {
    this.#adopt();
    const job = this.#find("job", ids);
    const worker = this.#find("worker", ids);
    if ("answer" in job || "answer" in worker) throw new Error(`[aws-sdk-contracts] Failed to start a session: ${"answer" in job ? `job ${ids.jobId}` : `worker ${ids.workerId}`} does not exist in this mock; create it first.`);
    const now = new Date(this.clock.now());
    this.engine.patch("deadline", "Worker", this.#ids("worker", ids), { status: "RUNNING" });
    this.engine.patch("deadline", "Job", this.#ids("job", ids), { taskRunStatus: "RUNNING", startedAt: job.record.startedAt ?? now });
    // A job made from its template: the worker has picked it up, so its first wave runs from now.
    const run = this.#runOf(ids);
    if (run && !run.progress) run.progress = new Progress([...Array.from({ length: run.waves }, (_, l) => WAVE(l)), DONE], this.clock, this.timeOnly);
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
    const run = this.#runOf(ids);
    const ran = run?.steps.find((st) => run.sessions.get(st.stepId) === `${String(ids.farmId)}/${String(ids.queueId)}/${String(ids.jobId)}/${session.sessionId}`);
    if (run && ran) return this.#stepActions(session, ran);
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

  /** A template job's session: its attachments synced, then each task of its step run, each one after the other. */
  #stepActions(session: Session, step: JobRun["steps"][number]): Rec[] {
    const hex = session.sessionId.slice("session-".length);
    const ended = session.lifecycleStatus === "ENDED";
    const start = session.startedAt.getTime();
    const end = session.endedAt?.getTime() ?? start + 60_000;
    const definitions: Rec[] = [{ syncInputJobAttachments: {} }, ...step.taskIds.map((taskId) => ({ taskRun: { taskId, stepId: step.stepId, parameters: (this.engine.all("deadline", "Task").find((t) => t.ids.taskId === taskId)?.entity.parameters as Rec | undefined) ?? {} } }))];
    const now = this.clock.now();
    return definitions.map((definition, i) => {
      const from = start + ((end - start) * i) / definitions.length;
      const to = start + ((end - start) * (i + 1)) / definitions.length;
      const done = ended || to <= now;
      return { sessionActionId: `sessionaction-${hex}-${i}`, sessionId: session.sessionId, status: done ? "SUCCEEDED" : from <= now ? "RUNNING" : "ASSIGNED", definition, ...(from <= now || done ? { startedAt: new Date(from) } : {}), ...(done ? { endedAt: new Date(to), progressPercent: 100, processExitCode: 0 } : from <= now ? { progressPercent: 50 } : {}) };
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

/** A search's field name as the summaries name it (`TASK_RUN_STATUS` → `taskRunStatus`). */
const camel = (name: string) => (/[_A-Z]/.test(name) && name === name.toUpperCase() ? name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : name);

function compareValues(a: unknown, b: unknown): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : (x as number) < (y as number) ? -1 : 1;
}

/** Deadline's grouped filter expressions: string filters by operator, search terms on the name, nested groups; AND or OR. */
function matchesFilters(item: Rec, group: Rec): boolean {
  const each = ((group.filters as Rec[] | undefined) ?? []).map((f) => {
    if (f.groupFilter) return matchesFilters(item, f.groupFilter as Rec);
    const term = f.searchTermFilter as { searchTerm?: string } | undefined;
    if (term) return String(item.name ?? item.displayName ?? "").toLowerCase().includes(String(term.searchTerm).toLowerCase());
    const string = f.stringFilter as { name: string; operator: string; value: string } | undefined;
    if (string) {
      const c = compareValues(String(item[camel(string.name)] ?? ""), string.value);
      return { EQUAL: c === 0, NOT_EQUAL: c !== 0, GREATER_THAN: c > 0, GREATER_THAN_EQUAL_TO: c >= 0, LESS_THAN: c < 0, LESS_THAN_EQUAL_TO: c <= 0 }[string.operator] ?? true;
    }
    const list = f.stringListFilter as { name: string; operator: string; values: string[] } | undefined;
    if (list) return list.values.includes(String(item[camel(list.name)])) === (list.operator !== "NOT_EQUAL");
    return true;
  });
  return group.operator === "OR" ? each.some(Boolean) : each.every(Boolean);
}

/** A job's key among the jobs made from templates. */
const jobKey = (ids: Readonly<Rec>) => `${String(ids.farmId)}/${String(ids.queueId)}/${String(ids.jobId)}`;

/** A job's status from its tasks' counts: what its tasks are doing, the most pressing first. */
function aggregate(counts: Readonly<Record<string, number>>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  for (const s of ["RUNNING", "STARTING", "ASSIGNED", "SCHEDULED", "INTERRUPTING"]) if (counts[s]) return "RUNNING";
  for (const s of ["SUCCEEDED", "CANCELED", "FAILED", "SUSPENDED", "NOT_COMPATIBLE"]) if (counts[s] === total) return s;
  if (counts.FAILED) return "FAILED";
  if (counts.CANCELED) return "CANCELED";
  if (counts.SUSPENDED) return "SUSPENDED";
  return counts.READY ? "READY" : "PENDING";
}

/** Deadline's ResourceNotFoundException: the id, its type, and the ids above it as context. */
function notFound(kind: string, id: string, input: Rec): Answer {
  const context = Object.fromEntries(["farmId", "queueId", "fleetId", "jobId"].filter((k) => typeof input[k] === "string" && k !== `${kind}Id`).map((k) => [k, String(input[k])]));
  return { error: "ResourceNotFoundException", members: { message: `Resource of type ${kind} with id ${id} does not exist.`, resourceId: id, resourceType: kind, ...(Object.keys(context).length ? { context } : {}) }, missing: true };
}
