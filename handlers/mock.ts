import type { RequestHandler } from "msw";
import { deepMerge } from "../factories/core/merge.js";
import { createFactories, type Factories } from "../factories/index.js";
import { checkAccount } from "../factories/core/factory.js";
import type { GetSessionResponse as DeadlineSession } from "../src/contracts/deadline/shapes.js";
import type { RemoteAccessSession, TestGridSession } from "../src/contracts/device-farm/shapes.js";
import type { Session as GlueSession } from "../src/contracts/glue/shapes.js";
import { formatDateTime, formatEpochSeconds, MAX_DEPTH, registry, type Routed, type ErrorNameOf, type InputOf, type SdkOf, type Shape, type StructureShape, type TimestampFormat, type DeepPartial, type ErrorContract, type Finding, type Operation, type OperationId, type OutputOf } from "../src/index.js";
import { setOwn } from "../src/model/own.js";
import { nodeRequire, randomUUID, sha256Base64 } from "../src/platform.js";
import { resources, type ResourceBinding, type StoreName } from "./resources.js";
import { COMMON_ERRORS, commonError, KNOWN_MESSAGES, type CommonErrorName } from "../src/contracts/common-errors.js";
import { withKnownDrift } from "../src/contracts/known-drift.js";
import { SessionStore } from "./store.js";
import { ManualClock, type Clock } from "./clock.js";
import type { Answer, Family } from "./families/family.js";
import { DeadlineFarms } from "./families/deadline-farms.js";
import { GlueCatalog } from "./families/glue-catalog.js";
import { GlueRegistry } from "./families/glue-registry.js";
import { Tags } from "./families/tags.js";
import { broken as brokenRule } from "../src/contracts/service-rules.js";
import { DeviceFarmFamily } from "./families/device-farm.js";
import { GlueSessions, type StatementOutcome } from "./families/glue-sessions.js";
import { canonical, GeneratedAnswers, tokenMembers } from "./generated.js";
import { ResourceEngine } from "./engine.js";
import { directHandler, type DirectHandler } from "./transport.js";
import { credentialScope, errorResponse, frameworkError, messageMember, route, successResponse, validationErrors, validationMessage, type WireResponse } from "./wire.js";

/**
 * What the mock does with a request for a resource nobody created or added: `"not-found"` (a fresh account:
 * the service's not-found error, empty lists) or `"generate"` (a populated account: built from its identity).
 */
export type UnknownIds = "not-found" | "generate";

export interface AwsMockOptions {
  /**
   * `"not-found"` (default): a fresh account, where a resource nobody created is the service's not-found error
   * and lists are empty; `"generate"`: a populated account, where it is built from its id (the same id, the same one).
   */
  readonly unknownIds?: UnknownIds;
  /** Seed of the factories behind generated sessions. */
  readonly seed?: number;
  /** The AWS account the mock's resources live in (twelve digits); by default one the seed gives (`mock.account`). */
  readonly account?: string;
  /** Direct transport only: what to do with a request that is not one of our operations. Default `"error"`. */
  readonly onUnhandledRequest?: "error" | ((request: Request) => Response | Promise<Response>);
  /** How many calls (and responses) the log keeps, the latest ones; unbounded by default, 1000 in `serve`. */
  readonly maxLoggedCalls?: number;
  /**
   * How many bytes of request and response bodies the log keeps, the latest calls first; unbounded by
   * default, 32 MiB in `serve`. The latest call is always kept, whatever its size.
   */
  readonly maxLoggedBytes?: number;
  /**
   * The clock resources age by: give one (`{ now: () => Date.now() }` with `vi.useFakeTimers()`) and
   * states last their real durations on it. Without one, states last a few polls each, and
   * `mock.clock.advance(ms)` also moves them on.
   */
  readonly clock?: Clock;
  /**
   * Answers carry what AWS is known to send beyond its model (Device Farm's `IOS_APP` platform, Glue's
   * `Table.DatabaseId`…, listed by `aws-sdk-contracts drift`), so code is tested against it. Off by default.
   */
  readonly knownDrift?: boolean;
}

const OPTION_KEYS = ["unknownIds", "seed", "account", "onUnhandledRequest", "maxLoggedCalls", "maxLoggedBytes", "clock", "knownDrift"];
/** Idempotency tokens remembered per mock (AWS keeps them for hours; a test never needs more). */
const IDEMPOTENCY_LIMIT = 10_000;
/** setTimeout's largest delay: anything above it fires at once. */
const MAX_DELAY_MS = 2_147_483_647;

const fail = (what: string): never => {
  throw new TypeError(`[aws-sdk-contracts] ${what}`);
};

function checkOptions(options: unknown): AwsMockOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) return fail("createAwsMock takes an options object: { unknownIds?, seed?, onUnhandledRequest?, maxLoggedCalls? }.");
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !OPTION_KEYS.includes(k));
  if (unknown.length) fail(`Unknown createAwsMock option ${unknown.map((k) => `"${k}"`).join(", ")}; known: ${OPTION_KEYS.join(", ")}.`);
  if (o.unknownIds !== undefined && o.unknownIds !== "not-found" && o.unknownIds !== "generate") fail(`unknownIds must be "not-found" or "generate"; got ${JSON.stringify(o.unknownIds)}.`);
  if (o.onUnhandledRequest !== undefined && o.onUnhandledRequest !== "error" && typeof o.onUnhandledRequest !== "function") {
    fail(
      `onUnhandledRequest of the direct transport must be "error" or a function answering the request; got ${JSON.stringify(o.onUnhandledRequest)}. ` +
        `("bypass" and "warn" are msw's: pass them to server.listen(onUnhandled(...)) when you use mock.handlers.)`,
    );
  }
  if (o.maxLoggedCalls !== undefined && !(Number.isSafeInteger(o.maxLoggedCalls) && (o.maxLoggedCalls as number) >= 0)) fail(`maxLoggedCalls must be a whole number; got ${String(o.maxLoggedCalls)}.`);
  if (o.maxLoggedBytes !== undefined && !(Number.isSafeInteger(o.maxLoggedBytes) && (o.maxLoggedBytes as number) >= 0)) fail(`maxLoggedBytes must be a whole number of bytes; got ${String(o.maxLoggedBytes)}.`);
  checkAccount(o.account, "createAwsMock");
  if (o.knownDrift !== undefined && typeof o.knownDrift !== "boolean") fail(`knownDrift must be true or false; got ${JSON.stringify(o.knownDrift)}.`);
  if (o.clock !== undefined && (o.clock === null || typeof (o.clock as Clock).now !== "function")) fail("clock must be an object with a now() method returning milliseconds (e.g. { now: () => Date.now() }).");
  return o as AwsMockOptions;
}

/** The number of calls a plan covers: a positive whole number, or Infinity for every call. */
function checkTimes(times: unknown, what: string): number {
  if (times === Number.POSITIVE_INFINITY || (Number.isSafeInteger(times) && (times as number) >= 1)) return times as number;
  return fail(`${what}: times must be a whole number of calls, 1 or more (or Infinity); got ${String(times)}.`);
}

function checkFault(id: string, op: Operation, fault: unknown): Fault {
  const where = `Failed to plan a fault for ${id}`;
  if (!fault || typeof fault !== "object") return fail(`${where}: a fault is { error } | { status } | { delay } | { malformed: true }; got ${JSON.stringify(fault)}.`);
  const kinds = ["error", "status", "delay", "malformed"].filter((k) => k in fault);
  if (kinds.length !== 1) return fail(`${where}: a fault is exactly one of { error } | { status } | { delay } | { malformed: true }; got ${kinds.length ? kinds.join(" and ") : "none of them"}.`);
  const f = fault as Record<string, unknown>;
  const extra = Object.keys(f).filter((k) => k !== kinds[0] && !(kinds[0] === "error" && k === "members"));
  if (extra.length) fail(`${where}: unknown fault member ${extra.map((k) => `"${k}"`).join(", ")}.`);
  // Names only: a fault is planned before a browser has loaded the service's shapes.
  if ("error" in f && !op.modelledErrors.includes(f.error as string) && !commonError(String(f.error))) {
    fail(`${where}: ${String(f.error)} is neither one of its errors (${op.modelledErrors.join(" | ")}) nor one every AWS service can send (${COMMON_ERRORS.map((e) => e.name).join(" | ")}).`);
  }
  if ("members" in f && (f.members === null || typeof f.members !== "object")) fail(`${where}: members must be an object.`);
  if ("members" in f && !op.modelledErrors.includes(f.error as string) && Object.keys(f.members as object).some((k) => k.toLowerCase() !== "message")) {
    fail(`${where}: ${String(f.error)} is not modelled for this operation, so its body holds only a message; got members ${Object.keys(f.members as object).join(", ")}.`);
  }
  if ("status" in f && ![500, 502, 503, 504].includes(f.status as number)) fail(`${where}: status must be 500, 502, 503 or 504 (a server fault the SDK may retry); got ${String(f.status)}. For a client error, inject one of the operation's errors.`);
  if ("delay" in f && !(typeof f.delay === "number" && Number.isFinite(f.delay) && f.delay >= 0 && f.delay <= MAX_DELAY_MS)) fail(`${where}: delay must be a number of milliseconds from 0 to ${MAX_DELAY_MS}; got ${JSON.stringify(f.delay)}.`);
  if ("malformed" in f && f.malformed !== true) fail(`${where}: malformed must be true.`);
  return f as Fault;
}

/** Waits, unless the caller gives up first (an aborted SDK call): then rejects as fetch does. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error("Request aborted"), { name: "AbortError" }));
    };
    if (signal?.aborted) return abort();
    const timer = setTimeout(() => {
      signal?.removeEventListener?.("abort", abort);
      resolve();
    }, ms);
    signal?.addEventListener?.("abort", abort, { once: true });
  });
}

/** One faulty answer, injected before the mock looks at its state. */
export type Fault<Id extends OperationId = OperationId> =
  | { readonly error: ErrorNameOf<Id> | CommonErrorName; readonly members?: Record<string, unknown> }
  | { readonly status: 500 | 502 | 503 | 504 }
  | { readonly delay: number }
  | { readonly malformed: true };

/** A request reduced to what the mock reads. */
export interface WireRequest {
  readonly method: string;
  readonly url: URL;
  header(name: string): string | undefined;
  body(): Promise<string>;
  /** Aborts a delayed answer when the caller gives up. */
  readonly signal?: AbortSignal;
}

export interface Call {
  readonly operation: OperationId;
  /** The decoded input, as the SDK was given it. */
  readonly input: Record<string, unknown>;
  readonly method: string;
  readonly url: string;
  /** 1 for the first try, 2 for the SDK's first retry, … (from `amz-sdk-request`). */
  readonly attempt: number;
  /** The HTTP status it was answered with, once answered. */
  readonly status?: number;
}

export interface SentResponse {
  readonly operation: OperationId;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface Planned<T> {
  remaining: number;
  readonly value: T;
}

interface Override {
  readonly partial: unknown;
  readonly validate: boolean;
}

/** AWS's words for an error where they are known; otherwise a message that says the test planned it. */
const defaultMessage = (name: string) => KNOWN_MESSAGES[name] ?? `${name} injected by aws-sdk-contracts.`;

/**
 * A mock of the AWS services in the registry: MSW handlers (or a direct transport) that route,
 * validate, answer from stores, run lifecycles, inject faults and record calls. It owns all its state.
 */
export class AwsMock {
  readonly factories: Factories;
  /** The AWS account the mock's resources live in: its ARNs, buckets and error messages name it (from the seed). */
  readonly account: string;
  readonly calls: Call[] = [];
  readonly responses: SentResponse[] = [];
  readonly glue: {
    readonly sessions: SessionStore<GlueSession, NonNullable<SdkOf<GlueSession>["Status"]>, InputOf<"glue:GetSession">>;
    /** Plans how the next statement run ends: `{ output }` or `{ error: { name, value, traceback? } }`. */
    planStatement(outcome: StatementOutcome): void;
    /** The ARN of a session, for TagResource and GetTags. */
    sessionArn(id: string, region?: string): string;
  };
  /** The mock's clock: its own (advance it with `mock.clock.advance(ms)`), or the one given as `clock`. */
  readonly clock: ManualClock;
  readonly deadline: {
    readonly sessions: SessionStore<DeadlineSession, SdkOf<DeadlineSession>["lifecycleStatus"], InputOf<"deadline:GetSession">>;
    /** Starts a session of a job on a worker (both created first), as Deadline's scheduler does. */
    startSession(ids: { farmId: string; queueId: string; jobId: string; fleetId: string; workerId: string }): SdkOf<DeadlineSession>;
    /** Every farm, queue, fleet, job and worker the mock holds (those its sessions name included). */
    resources(): ReturnType<DeadlineFarms["resources"]>;
  };
  readonly deviceFarm: {
    readonly testGridSessions: SessionStore<TestGridSession, NonNullable<SdkOf<TestGridSession>["status"]>, InputOf<"deviceFarm:GetTestGridSession">>;
    readonly remoteAccessSessions: SessionStore<RemoteAccessSession, NonNullable<SdkOf<RemoteAccessSession>["status"]>, InputOf<"deviceFarm:GetRemoteAccessSession">>;
    /** The public device catalogue ListDevices and GetDevice answer (the same for the same seed). */
    devices(): ReturnType<DeviceFarmFamily["devices"]>;
    /** Opens a Selenium session in a test grid project, as a browser does with the project's URL. */
    openTestGridSession(projectArn: string, options?: { browser?: "chrome" | "firefox" | "MicrosoftEdge" }): SdkOf<TestGridSession>;
    /** Ends a test grid session as WebDriver's `quit()` does: CLOSED, its minutes billed. */
    closeTestGridSession(arn: string): SdkOf<TestGridSession>;
    /** The projects and test grid projects the mock holds (those its sessions name included). */
    projects(): ReturnType<DeviceFarmFamily["projects"]>;
  };
  /**
   * The resources the mock keeps beyond the session families, by service and resource name as
   * `models/RESOURCES.md` lists them (`mock.resources.add("glue", "Table", { DatabaseName, Name, … })`).
   */
  readonly resources: {
    /** Adds a resource as a test needs it; its identifiers come from it, the rest is generated; returns it as Get answers it. */
    add(service: string, resource: string, entity: Record<string, unknown>, identifiers?: Record<string, unknown>): Record<string, unknown>;
    /** The resources of a kind the mock holds now (created through the API or added). */
    list(service: string, resource: string): Record<string, unknown>[];
    /** The read operation's input naming a resource the mock holds (one `list` gave), or undefined. */
    inputFor(service: string, resource: string, entity: Record<string, unknown>): Record<string, unknown> | undefined;
  };
  readonly #stores: Record<StoreName, SessionStore<any>>;
  readonly #faults = new Map<OperationId, Planned<Fault>[]>();
  readonly #overrides = new Map<OperationId, Planned<Override>[]>();
  readonly #options: AwsMockOptions;
  readonly #wireCache = new WeakMap<object, string>();
  /** Wire bodies of the engine's stored entities, by operation: a Get of an unchanged entity costs a lookup. */
  readonly #entityWire = new Map<string, WeakMap<object, string>>();
  readonly #generated: GeneratedAnswers;
  readonly #engine: ResourceEngine;
  readonly #families: Family[];
  /** Bumped by reset(): a call that began before it changes nothing after it. */
  #generation = 0;
  /** Bytes behind each logged call and each logged response, oldest first. */
  readonly #callSizes: number[] = [];
  readonly #responseSizes: number[] = [];
  /** First answers by idempotency token: `op\0token` → the request's digest and the answer. */
  readonly #idempotent = new Map<string, { readonly digest: string; readonly answer: WireResponse }>();

  constructor(options: AwsMockOptions = {}) {
    this.#options = options = checkOptions(options);
    this.factories = createFactories({ seed: options.seed ?? 1, ...(options.account ? { account: options.account } : {}) });
    this.account = this.factories.account;
    this.#generated = new GeneratedAnswers(this.factories, options.seed ?? 1);
    const f = this.factories;
    const store = (name: StoreName, factory: SessionStore<any>["factory"]) =>
      new SessionStore(name, Object.values(resources).find((r) => r.store === name)!, factory);
    this.#stores = {
      "glue.sessions": store("glue.sessions", f.glue.session),
      "deadline.sessions": store("deadline.sessions", f.deadline.session),
      "deviceFarm.testGridSessions": store("deviceFarm.testGridSessions", f.deviceFarm.testGridSession),
      "deviceFarm.remoteAccessSessions": store("deviceFarm.remoteAccessSessions", f.deviceFarm.remoteAccessSession),
    };
    const given = options.clock;
    this.clock = given ? new GivenClock(given) : new ManualClock();
    this.#engine = new ResourceEngine(this.#generated, options.unknownIds !== "generate", (read, ids) => this.#familyHolds(read, ids), this.clock, options.clock !== undefined);
    this.#generated.project = (op, input, output) => this.#engine.project(op, input, output);

    const glueSessions = new GlueSessions(this.#stores["glue.sessions"] as AwsMock["glue"]["sessions"], f, this.clock, given !== undefined, options.seed ?? 1);
    const farms = new DeadlineFarms(this.#stores["deadline.sessions"] as AwsMock["deadline"]["sessions"], f, this.clock, given !== undefined, options.seed ?? 1, this.#engine);
    const deviceFarm = new DeviceFarmFamily(
      this.#stores["deviceFarm.remoteAccessSessions"] as AwsMock["deviceFarm"]["remoteAccessSessions"],
      this.#stores["deviceFarm.testGridSessions"] as AwsMock["deviceFarm"]["testGridSessions"],
      f,
      this.clock,
      given !== undefined,
      options.seed ?? 1,
      this.#engine,
    );
    const fresh = options.unknownIds !== "generate";
    const tags = registry.services.map((service) => new Tags(service, this.#engine, fresh));
    this.#families = [glueSessions, new GlueCatalog(this.#engine, fresh), new GlueRegistry(this.#engine), farms, deviceFarm, ...tags];
    this.resources = {
      add: (service, resource, entity, identifiers) => this.#engine.add(service, resource, entity, identifiers),
      // The sessions are the session stores' (`mock.glue.sessions`): the same entities, by their read operation.
      list: (service, resource) => (this.#sessionStore(service, resource)?.list() as Record<string, unknown>[] | undefined) ?? this.#engine.entities(service, resource),
      inputFor: (service, resource, entity) => {
        const store = this.#sessionStore(service, resource);
        return store ? (store.inputFor(entity as never) as Record<string, unknown>) : this.#engine.inputFor(service, resource, entity);
      },
    };
    this.glue = {
      // The families hold the same stores; the public view types what inputFor() gives (the Get operation's input).
      sessions: glueSessions.sessions as AwsMock["glue"]["sessions"],
      planStatement: (outcome) => glueSessions.planStatement(outcome),
      sessionArn: (id, region) => glueSessions.arn(id, region),
    };
    this.deadline = { sessions: farms.sessions as AwsMock["deadline"]["sessions"], startSession: (ids) => farms.startSession(ids), resources: () => farms.resources() };
    this.deviceFarm = {
      testGridSessions: deviceFarm.testGridSessions as AwsMock["deviceFarm"]["testGridSessions"],
      remoteAccessSessions: deviceFarm.remoteAccessSessions as AwsMock["deviceFarm"]["remoteAccessSessions"],
      devices: () => deviceFarm.devices(),
      openTestGridSession: (projectArn, options) => deviceFarm.openTestGridSession(projectArn, options),
      closeTestGridSession: (arn) => deviceFarm.closeTestGridSession(arn),
      projects: () => deviceFarm.projects(),
    };
  }

  /** MSW request handlers: `setupServer(...mock.handlers)` or `server.use(...mock.handlers)`. */
  get handlers(): RequestHandler[] {
    const { http } = msw();
    return [
      http.all(
        ({ request }) => route(request.method, new URL(request.url), (name) => request.headers.get(name) ?? undefined).kind !== "foreign",
        async ({ request }) => (await this.handle(request)) ?? undefined,
      ),
    ];
  }

  /**
   * A Smithy request handler serving the same answers without global interception.
   * @example new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() })
   */
  requestHandler(): DirectHandler {
    return directHandler(this, this.#options.onUnhandledRequest ?? "error");
  }

  /** Answers `count` calls of an operation (default 1) with a fault, then goes back to normal. */
  fault<Id extends OperationId>(id: Id, fault: Fault<Id>, { times = 1 }: { times?: number } = {}): this {
    const op = registry.get(id);
    this.#plan(this.#faults, id, checkFault(id, op, fault) as Fault, checkTimes(times, `Failed to plan a fault for ${id}`));
    return this;
  }

  /**
   * Answers the next call(s) of an operation with a factory build merged with `partial`; the answer
   * is checked against the wire contract unless `validate: false` (for testing malformed responses).
   * @example mock.respondWith("glue:GetSession", { Session: { Status: "FAILED" } })
   */
  respondWith<Id extends OperationId>(id: Id, partial: DeepPartial<OutputOf<Id>>, { times = 1, validate = true }: { times?: number; validate?: boolean } = {}): this {
    // Fail at the call site, where the mistake is, not later inside the SDK.
    const count = checkTimes(times, `Failed to plan a response for ${id}`);
    if (typeof validate !== "boolean") fail(`Failed to plan a response for ${id}: validate must be true or false.`);
    registry.get(id);
    if (validate) this.factories.operation(id).build(partial as never, { seed: 0 });
    this.#plan(this.#overrides, id, { partial, validate }, count);
    return this;
  }

  #plan<T>(plans: Map<OperationId, Planned<T>[]>, id: OperationId, value: T, times: number): void {
    const list = plans.get(id) ?? [];
    list.push({ remaining: times, value });
    plans.set(id, list);
  }

  #take<T>(plans: Map<OperationId, Planned<T>[]>, id: OperationId): T | undefined {
    if (plans.size === 0) return undefined;
    const list = plans.get(id);
    const head = list?.[0];
    if (!head) return undefined;
    if (--head.remaining <= 0) list.shift();
    return head.value;
  }

  /** Whether the mock keeps state for this operation (a family of resources), rather than generating its answers. */
  keepsState(id: OperationId): boolean {
    const op = registry.get(id);
    return this.#families.some((f) => f.service === op.service.id && f.operations.includes(op.name));
  }

  /** Forgets the calls and responses logged so far (state, faults and plans stay). */
  clearCalls(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.#callSizes.length = 0;
    this.#responseSizes.length = 0;
  }

  /** The calls made to one operation. */
  callsTo(id: OperationId): Call[] {
    return this.calls.filter((c) => c.operation === id);
  }

  /**
   * Forgets every resource, session, fault, override, call and response; with a service (`"glue"`), only that
   * service's, and calls of other services go on undisturbed.
   */
  reset(service?: string): void {
    if (service !== undefined) return this.#resetService(service);
    this.#generation++;
    this.clearCalls();
    this.#idempotent.clear();
    for (const store of Object.values(this.#stores)) store.reset();
    this.#faults.clear();
    this.#overrides.clear();
    this.factories.reset();
    this.#generated.reset();
    this.#engine.reset();
    for (const family of this.#families) family.reset();
  }

  #resetService(service: string): void {
    if (!registry.services.includes(service)) fail(`reset: unknown service ${JSON.stringify(service)}; known: ${registry.services.join(", ")}.`);
    const mine = (id: string) => id.startsWith(`${service}:`);
    for (const [name, store] of Object.entries(this.#stores)) if (name.startsWith(`${service}.`)) store.reset();
    for (const id of [...this.#faults.keys()]) if (mine(id)) this.#faults.delete(id);
    for (const id of [...this.#overrides.keys()]) if (mine(id)) this.#overrides.delete(id);
    for (const key of [...this.#idempotent.keys()]) if (mine(key)) this.#idempotent.delete(key);
    // The logs keep the other services' entries, with their sizes.
    const keep = (log: { operation: string }[], sizes: number[]) => {
      const kept = log.map((entry, i) => [entry, sizes[i]!] as const).filter(([entry]) => !mine(entry.operation));
      log.splice(0, log.length, ...kept.map(([entry]) => entry));
      sizes.splice(0, sizes.length, ...kept.map(([, size]) => size));
    };
    keep(this.calls, this.#callSizes);
    keep(this.responses, this.#responseSizes);
    this.#generated.reset();
    this.#engine.reset(service);
    for (const family of this.#families) if (family.service === service) family.reset();
  }

  /** Answers one HTTP request, or returns undefined when it is not an AWS call we model. */
  async handle(request: Request): Promise<Response | undefined> {
    const wire = await this.answer({
      method: request.method,
      url: new URL(request.url),
      header: (name) => request.headers.get(name) ?? undefined,
      body: () => request.text(),
      signal: request.signal,
    });
    // 204 and 304 answers have no body (a Response with one cannot be made).
    return wire && new Response(wire.status === 204 || wire.status === 304 ? null : wire.body, { status: wire.status, headers: wire.headers });
  }

  /** Answers a request given as its parts (what both MSW and the direct transport reduce to); `routed`: its route, where the caller found it already. */
  async answer(request: WireRequest, routed: Routed = route(request.method, request.url, request.header)): Promise<WireResponse | undefined> {
    if (routed.kind === "foreign") return undefined;
    if (routed.kind === "unmodelled") {
      const modelled = registry.operations.filter((op) => op.service.id === routed.service.id).map((op) => op.name);
      return frameworkError(
        routed.service,
        400,
        "UnknownOperationException",
        `[aws-sdk-contracts] ${routed.service.title} operation ${routed.name} is not modelled by aws-sdk-contracts; modelled operations: ${modelled.join(", ")}.`,
      );
    }
    const op = routed.operation as Operation;
    // Outside Node a service's contracts arrive as a module, on its first call; in Node nothing is pending.
    if (registry.pending(op.service.id)) await registry.preload(op.service.id);
    const generation = this.#generation;
    const logged: { call?: Call } = {};
    let wire = await this.#answer(op, request, routed.labels, generation, logged);
    if (logged.call) (logged.call as { status?: number }).status = wire.status;
    if (this.#options.knownDrift && wire.status < 300 && wire.body !== "") wire = { ...wire, body: JSON.stringify(withKnownDrift(op.response.shape, JSON.parse(wire.body))) };
    // A call that began before a reset is not logged after it: calls and responses stay in step.
    if (generation === this.#generation) {
      this.responses.push({ operation: op.id as OperationId, ...wire });
      this.#responseSizes.push(wire.body.length);
      this.#trimLog();
    }
    return wire;
  }

  /** Keeps the latest `maxLoggedCalls` calls and responses, each log within `maxLoggedBytes`, so a long-running mock stays bounded. */
  #trimLog(): void {
    if (this.#options.maxLoggedCalls === undefined && this.#options.maxLoggedBytes === undefined) return;
    const max = this.#options.maxLoggedCalls ?? Number.POSITIVE_INFINITY;
    const bytes = this.#options.maxLoggedBytes ?? Number.POSITIVE_INFINITY;
    trim(this.calls, this.#callSizes, max, bytes);
    trim(this.responses, this.#responseSizes, max, bytes);
  }

  async #answer(op: Operation, request: WireRequest, labels: Readonly<Record<string, string>>, generation: number, logged: { call?: Call }): Promise<WireResponse> {
    const id = op.id as OperationId;
    let input: Record<string, unknown> = { ...labels };
    let size = request.url.href.length;
    // awsJson: the body is the input. restJson: labels, query parameters and headers bound by the model, and the body for the rest.
    if (op.protocol.targetHeader || !["GET", "HEAD", "DELETE"].includes(request.method.toUpperCase())) {
      const text = await request.body();
      size += text.length;
      try {
        const parsed: unknown = text === "" ? {} : JSON.parse(text);
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
        // (A fresh parse is this call's own: labels, if any, go over a copy.)
        input = Object.keys(input).length ? { ...(parsed as Record<string, unknown>), ...input } : (parsed as Record<string, unknown>);
      } catch {
        return frameworkError(op.service, 400, "SerializationException", "Request body is not a JSON object.");
      }
    }
    if (!op.protocol.targetHeader) Object.assign(input, boundMembers(op.request.shape, request));
    // One walk: the input without null members, this call's own copy (the logged call keeps the input as it came),
    // or the finding that the body nests too deep (bound members are flat).
    const clean = withoutNulls(input);
    if (clean === TOO_DEEP) return frameworkError(op.service, 400, "SerializationException", `Request body nests deeper than ${MAX_DEPTH} levels.`);
    if (generation !== this.#generation) return resetDuringCall(op);
    const attempt = Number(/attempt=(\d+)/.exec(request.header("amz-sdk-request") ?? "")?.[1] ?? 1);
    const call: Call = { operation: id, input, method: request.method, url: request.url.href, attempt };
    this.calls.push(call);
    logged.call = call;
    this.#callSizes.push(size);

    const fault = this.#take(this.#faults, id);
    // A delay slows this one call, which is then answered as usual, unless the mock was reset meanwhile.
    if (fault && "delay" in fault) {
      await sleep(fault.delay, request.signal);
      if (generation !== this.#generation) return resetDuringCall(op);
    }
    // Answers name the client's region (read when answering: another call may have been answered meanwhile).
    this.#generated.region = regionOf(request);
    if (fault && !("delay" in fault)) return this.#faultResponse(op, fault, input);

    // AWS's JSON protocols read a null member as an absent one.
    input = clean as Record<string, unknown>;
    // (The input is this call's own copy: a clean one that decodes to itself is its decoded value.)
    const checked = op.request.validate(input, { reuse: true });
    // An unknown enum value is refused, as AWS refuses it; an unknown map key is not: AWS takes keys outside a
    // key enum (Glue's ConnectionProperties: aws/aws-sdk#564, hashicorp/terraform-provider-aws#37731).
    const broken = checked.findings.filter((f) => f.severity === "violation" || (f.code === "unknown_enum_value" && !isMapKey(op.request.shape, f.path)));
    if (broken.length) return this.#validationError(op, input, broken);
    // What the service checks that the model cannot say (a job's capacity given twice), in the service's words.
    const rule = brokenRule(op.id, input);
    if (rule && op.errors.some((e) => e.name === rule.error)) return this.#error(op, rule.error, { message: rule.message });

    // A token seen before: the first answer again, nothing created; the same token on another request: the service's conflict.
    const token = idempotencyKey(op, input);
    if (token) {
      const seen = this.#idempotent.get(token.key);
      if (seen && seen.digest === token.digest) return { ...seen.answer, headers: { ...seen.answer.headers, "x-amzn-requestid": randomUUID() } };
      if (seen) return this.#idempotencyMismatch(op, token.member);
    }
    // What a family must load before it can answer (outside Node, the YAML parser): nothing to wait for in Node.
    let loading: Promise<void>[] | undefined;
    for (const family of this.#families) {
      const prepared = family.service === op.service.id ? family.prepare?.(op.name, input) : undefined;
      if (prepared) (loading ??= []).push(prepared);
    }
    if (loading) {
      await Promise.all(loading);
      if (generation !== this.#generation) return resetDuringCall(op);
    }
    const answered = this.#respond(op, id, input, (checked.value as Record<string, unknown> | undefined) ?? input);
    if (token && answered.status < 300) {
      if (this.#idempotent.size >= IDEMPOTENCY_LIMIT) this.#idempotent.delete(this.#idempotent.keys().next().value!);
      this.#idempotent.set(token.key, { digest: token.digest, answer: answered });
    }
    return answered;
  }

  /** The answer to a validated request: planned, from a family's state, generated, or from a store. */
  #respond(op: Operation, id: OperationId, input: Record<string, unknown>, decoded: Record<string, unknown>): WireResponse {
    const binding = resources[id];
    const override = this.#take(this.#overrides, id);
    if (override) {
      const factory = this.factories.operation(id);
      const seed = this.calls.length;
      if (override.validate) {
        // Where the mock keeps state, the planned members go over the stored entity's own answer; elsewhere over
        // the answer generated for this request: either way the request's identifiers stay.
        for (const family of this.#families) {
          const answered = family.service === op.service.id ? family.answer(op.name, input) : undefined;
          if (answered && "output" in answered) return successResponse(op, op.response.encodeJson(deepMerge(answered.output, override.partial)));
        }
        const kept = binding ? undefined : this.#engine.answer(op, input, decoded);
        if (kept && "output" in kept) return successResponse(op, op.response.encodeJson(deepMerge(kept.output, override.partial)));
        return successResponse(op, this.#generated.planned(op, input, override.partial));
      }
      // Deliberately malformed: merge without validation, and write timestamps as the protocol would.
      const merged = deepMerge(factory.build(undefined, { seed }), override.partial);
      return successResponse(op, looseWire(op.response.shape, merged, op.protocol.defaultTimestampFormat));
    }

    for (const family of this.#families) {
      const answered = family.service === op.service.id ? family.answer(op.name, input) : undefined;
      // An unknown id, with `unknownIds: "generate"`: answered as any operation is, below.
      if (answered && !("error" in answered && answered.missing && this.#options.unknownIds === "generate")) return this.#family(op, answered);
    }

    // Resources a test created, changed or deleted keep that state; the others are generated as before.
    const kept = binding ? undefined : this.#engine.answer(op, input, decoded);
    if (kept) return this.#family(op, kept);

    if (!binding) {
      const generated = this.#generated.answer(op, input);
      if ("invalidToken" in generated) return this.#invalidInput(op, generated.invalidToken);
      return successResponse(op, generated.body);
    }
    const located = binding.key(input);
    if ("argumentError" in located) return this.#error(op, binding.validationError, { message: located.argumentError, reason: "FIELD_VALIDATION_FAILED" });
    if ("invalid" in located) return this.#frameworkValidation(op, located.invalid, []);
    const store = this.#stores[binding.store];
    let entity = store.next(located.key);
    if (!entity && this.#options.unknownIds === "generate") entity = store.generate(input, located.key);
    if (!entity) {
      const nf = binding.notFound(input, located.key);
      return this.#error(op, nf.error, nf.members);
    }
    return successResponse(op, this.#encoded(op, binding, entity as object));
  }

  /** The session store holding a kind of resource (Glue's `Session`), found by the kind's read operation. */
  #sessionStore(service: string, name: string): SessionStore<any> | undefined {
    const read = registry.resources(service).find((r) => r.name === name)?.operations.read;
    const binding = read ? resources[`${service}:${read}` as OperationId] : undefined;
    return binding && this.#stores[binding.store];
  }

  /** Whether a family keeps this kind of resource and holds this one (asked with its read operation); undefined when no family keeps it. */
  #familyHolds(read: Operation, ids: Record<string, unknown>): boolean | undefined {
    for (const family of this.#families) {
      if (family.service !== read.service.id || !family.operations.includes(read.name)) continue;
      const answered = family.answer(read.name, ids);
      return answered !== undefined && "output" in answered;
    }
    return undefined;
  }

  /** The wire body of a stored entity, encoded (and so checked) once per value the store holds. */
  #encoded(op: Operation, binding: ResourceBinding, entity: object): string {
    let body = this.#wireCache.get(entity);
    if (body === undefined) {
      const output = binding.entityMember ? { [binding.entityMember]: entity } : entity;
      body = op.response.encodeJson(output);
      this.#wireCache.set(entity, body);
    }
    return body;
  }

  /** Plausible values of an error's required members (a quota's code, a resource type), built by its factory. */
  #errorMembers(op: Operation, name: string): Record<string, unknown> {
    const built = this.factories.error(op.id as OperationId, name).build(undefined, { seed: this.calls.length }) as Record<string, unknown>;
    const required = new Set<string>(op.errors.find((e) => e.name === name)!.shape.required);
    return Object.fromEntries(Object.entries(built).filter(([k, v]) => required.has(k) && k.toLowerCase() !== "message" && (typeof v === "string" || typeof v === "number" || typeof v === "boolean")));
  }

  #family(op: Operation, answer: Answer): WireResponse {
    if ("error" in answer) return this.#error(op, answer.error, answer.members);
    if (!answer.entity) return successResponse(op, op.response.encodeJson(answer.output as never));
    // A stored entity that has not changed: its body as encoded (and so checked) the first time this operation answered it.
    let byEntity = this.#entityWire.get(op.id);
    if (!byEntity) this.#entityWire.set(op.id, (byEntity = new WeakMap()));
    let body = byEntity.get(answer.entity);
    if (body === undefined) byEntity.set(answer.entity, (body = op.response.encodeJson(answer.output as never)));
    return successResponse(op, body);
  }

  /** A request the service rejects after reading it (a page token it did not give): its own validation error. */
  #invalidInput(op: Operation, message: string): WireResponse {
    const own = op.errors.find((e) => INVALID_INPUT.includes(e.name));
    if (own) return this.#error(op, own.name, { message, reason: "OTHER" });
    return frameworkError(op.service, 400, "ValidationException", message);
  }

  #error(op: Operation, name: string, members: Record<string, unknown>): WireResponse {
    const error = op.errors.find((e) => e.name === name);
    if (!error) throw new Error(`[aws-sdk-contracts] ${op.id} has no error ${name}.`);
    return errorResponse(op, error, fillError(error, members));
  }

  /**
   * A request that breaks the model is answered by AWS's front end before the service runs: a wrong
   * JSON type is a `SerializationException`; a broken constraint a `ValidationException` in the
   * framework's words, the service's own when it models one (Deadline, with `reason` and `fieldList`).
   */
  #validationError(op: Operation, input: Record<string, unknown>, findings: readonly Finding[]): WireResponse {
    const types = findings.filter((f) => SERIALIZATION.has(f.code));
    if (types.length) {
      const f = types[0]!;
      const located = validationErrors(op.request.shape, input, [f])[0]!;
      return frameworkError(op.service, 400, "SerializationException", `Value at '${located.at}' must be ${f.expected}, not ${located.sensitive ? "the value given" : f.received}.`);
    }
    const errors = validationErrors(op.request.shape, input, findings);
    return this.#frameworkValidation(op, validationMessage(errors), errors);
  }

  #frameworkValidation(op: Operation, message: string, errors: readonly { at: string; text: string }[]): WireResponse {
    if (op.errors.some((e) => e.name === "ValidationException")) {
      return this.#error(op, "ValidationException", { message, reason: "FIELD_VALIDATION_FAILED", fieldList: errors.map((e) => ({ name: e.at, message: e.text })) });
    }
    return frameworkError(op.service, 400, "ValidationException", message);
  }

  /**
   * The same idempotency token on a different request: the service's conflict error where it models one
   * (Deadline's ConflictException), else its own validation error, else the framework's.
   */
  #idempotencyMismatch(op: Operation, member: string): WireResponse {
    const message = `The request uses the same ${member} as a previous, but not identical, request. Do not reuse ${member}s for different requests.`;
    for (const name of ["IdempotentParameterMismatchException", "ConflictException"]) {
      if (op.errors.some((e) => e.name === name)) return this.#error(op, name, { ...this.#errorMembers(op, name), message });
    }
    return this.#invalidInput(op, message);
  }

  /** A common error's message with the caller's action and account filled in. */
  #commonMessage(op: Operation, template: string): string {
    return template.replaceAll("{action}", `${op.service.signingName}:${op.name}`).replaceAll("{account}", this.account);
  }

  #faultResponse(op: Operation, fault: Fault, input: Record<string, unknown>): WireResponse {
    if ("malformed" in fault) return { status: 200, headers: { "content-type": op.protocol.responseContentType }, body: '{"truncated": ' };
    if ("status" in fault) return frameworkError(op.service, fault.status, fault.status === 503 ? "ServiceUnavailableException" : "InternalFailure", "Injected server error.");
    if ("error" in fault) {
      const common = op.errors.some((e) => e.name === fault.error) ? undefined : commonError(fault.error);
      // An error the operation does not model: the front end's answer, in the protocol's form and AWS's words.
      if (common) return frameworkError(op.service, common.status[op.protocol.name], common.name, String(fault.members?.message ?? fault.members?.Message ?? this.#commonMessage(op, common.message)));
      const notFound = resources[op.id as OperationId]?.notFound(input, "");
      // The not-found error's modelled members (resource id and type) only make sense on that error.
      const defaults = notFound && fault.error === notFound.error ? withoutMessage(notFound.members) : requested(op, op.errors.find((e) => e.name === fault.error)!, input);
      // A modelled error that every service sends (Deadline's AccessDeniedException) keeps the front end's words.
      const known = commonError(fault.error);
      const message = known ? { message: this.#commonMessage(op, known.message) } : {};
      return this.#error(op, fault.error, { ...this.#errorMembers(op, fault.error), ...retryAfter(op.errors.find((e) => e.name === fault.error)!), ...defaults, ...message, ...fault.members });
    }
    return frameworkError(op.service, 500, "InternalFailure", "Unknown fault.");
  }
}

/** Drops the oldest entries of a log (and their sizes) beyond `max` entries or `bytes` in all; the latest stays. */
function trim(log: unknown[], sizes: number[], max: number, bytes: number): void {
  // A log the user emptied by hand starts its sizes again.
  if (sizes.length > log.length) sizes.splice(0, sizes.length - log.length);
  let drop = Math.max(0, log.length - max);
  let total = 0;
  for (let i = drop; i < sizes.length; i++) total += sizes[i]!;
  while (total > bytes && drop < log.length - 1) total -= sizes[drop++]!;
  if (drop === 0) return;
  log.splice(0, drop);
  sizes.splice(0, drop);
}

/**
 * An injected error's members that name what was asked for: `resourceId` is the request's most specific
 * id (its last URI label, `sessionId` of `…/sessions/{sessionId}`), `resourceType` that label's kind.
 */
function requested(op: Operation, error: ErrorContract, input: Record<string, unknown>): Record<string, unknown> {
  const members = error.shape.members as Record<string, Shape>;
  const labels = [...op.http.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!).filter((l) => typeof input[l] === "string");
  const last = labels[labels.length - 1];
  if (!last) return {};
  const out: Record<string, unknown> = {};
  if (members.resourceId?.kind === "string") out.resourceId = input[last];
  if (members.resourceType?.kind === "string") out.resourceType = last.replace(/(Id|Arn|Name)$/, "").replace(/[A-Z]/g, (c: string) => `_${c.toLowerCase()}`);
  return out;
}

/** A throttling or server error that names a `Retry-After` header gets one (a second), as AWS's 429s do. */
function retryAfter(error: ErrorContract): Record<string, unknown> {
  const member = Object.entries(error.headers).find(([, header]) => header.toLowerCase() === "retry-after")?.[0];
  return member ? { [member]: 1 } : {};
}

/** The answer to a call that was still in flight when the mock was reset: nothing is changed, the SDK does not retry it. */
function resetDuringCall(op: Operation): WireResponse {
  return frameworkError(op.service, 400, "RequestCanceledException", "[aws-sdk-contracts] The mock was reset while this call was in flight; it changed nothing.");
}

/** The member marked `@idempotencyToken` that the request sets, and a digest of the rest of the request. */
function idempotencyKey(op: Operation, input: Record<string, unknown>): { key: string; member: string; digest: string } | undefined {
  for (const name of tokenMembers(op)) {
    const value = input[name];
    if (typeof value !== "string") continue;
    return { key: `${op.id}\0${value}`, member: name, digest: sha256Base64(canonical(input, new Set([name]))) };
  }
  return undefined;
}

let mswModule: Pick<typeof import("msw"), "http"> | undefined;

/** Gives the mock msw's `http` where it cannot load msw itself: the package's browser entry calls it. */
export function useMsw(module: Pick<typeof import("msw"), "http">): void {
  mswModule = module;
}

/**
 * msw, loaded when `mock.handlers` is first read: it is an optional peer, and `requestHandler()` and
 * `serve` need none of it. msw tells its handlers by their `kind`, so this copy serves any `setupServer`.
 */
function msw(): Pick<typeof import("msw"), "http"> {
  if (mswModule) return mswModule;
  const require = nodeRequire();
  if (!require) throw new Error('[aws-sdk-contracts] mock.handlers needs msw: import createAwsMock from "aws-sdk-contracts/handlers" through a bundler, which takes the browser entry.');
  try {
    return (mswModule = require("msw") as typeof import("msw"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND" && (error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error("[aws-sdk-contracts] mock.handlers needs msw (npm install --save-dev msw); mock.requestHandler() and serve work without it.");
  }
}

function fillError(error: ErrorContract, members: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const message = messageMember(error);
  const shape = error.shape.members as Record<string, { kind: string; values?: readonly string[] }>;
  for (const [name, value] of Object.entries(members)) {
    const target = name.toLowerCase() === "message" ? message : name;
    if (target in shape) out[target] = value;
  }
  if (out[message] === undefined) out[message] = defaultMessage(error.name);
  for (const name of error.shape.required as string[]) {
    if (out[name] !== undefined) continue;
    const member = shape[name]!;
    out[name] = member.kind === "enum" ? member.values![0] : "unknown";
  }
  const body = Object.fromEntries(Object.entries(out).filter(([k]) => !(k in error.headers)));
  // errorResponse writes __type where the protocol wants it; check the body as it will be sent.
  if ("__type" in error.body.shape.members) body.__type = error.name;
  const check = error.body.validate(body, { strict: true });
  const problems = check.findings.map((f) => `${f.path} ${f.message}`);
  for (const name of Object.keys(error.headers)) {
    const member = shape[name];
    const value = out[name];
    if (value !== undefined && (member?.kind === "integer" || member?.kind === "long") && !Number.isInteger(value)) problems.push(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  }
  if (problems.length) throw new Error(`[aws-sdk-contracts] Failed to build ${error.name}: ${problems.join("; ")}`);
  return out;
}

/** Query parameters and headers as the model binds them to input members, read as their member types. */
function boundMembers(shape: StructureShape, request: WireRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const read = (member: Shape, text: string): unknown => {
    if (member.kind === "integer" || member.kind === "long" || member.kind === "double") return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    if (member.kind === "boolean") return text === "true" ? true : text === "false" ? false : text;
    return text;
  };
  for (const [name, member] of Object.entries(shape.members as Record<string, Shape>)) {
    if (member.httpQuery) {
      const values = request.url.searchParams.getAll(member.httpQuery);
      if (values.length) out[name] = member.kind === "list" ? values.map((v) => read(member.member, v)) : read(member, values[0]!);
    } else if (member.httpHeader) {
      const value = request.header(member.httpHeader);
      if (value !== undefined) out[name] = member.kind === "list" ? value.split(",").map((v) => read(member.member, v.trim())) : read(member, value);
    }
  }
  return out;
}

/** The errors a service answers a request it read but cannot serve with, in the order we prefer them. */
const INVALID_INPUT = ["InvalidInputException", "ArgumentException", "ValidationException", "InvalidParameterException"];

/** Finding codes that are a wrong JSON type, which AWS's deserializer rejects before any constraint is read. */
const SERIALIZATION = new Set(["wrong_type", "not_integer", "timestamp_encoding", "invalid_timestamp", "timestamp_range"]);

/** What `withoutNulls` gives for a value that nests deeper than MAX_DEPTH. */
const TOO_DEEP = Symbol("too deep");

/** A copy of a request's value without its null members, or TOO_DEEP (the copy is the walk that finds it). */
function withoutNulls(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if ((out[i] = withoutNulls(value[i], depth + 1)) === TOO_DEEP) return TOO_DEEP;
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === null) continue;
    const w = withoutNulls(v, depth + 1);
    if (w === TOO_DEEP) return TOO_DEEP;
    setOwn(out, k, w);
  }
  return out;
}

function withoutMessage(members: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(members).filter(([k]) => k.toLowerCase() !== "message"));
}


/** Writes a value as the wire would without validating it: Dates in the member's timestamp format, the rest as given. */
function looseWire(shape: Shape | undefined, value: unknown, defaultFormat: TimestampFormat): unknown {
  if (value instanceof Date) {
    const format = shape?.kind === "timestamp" ? (shape.format ?? defaultFormat) : defaultFormat;
    return format === "date-time" ? formatDateTime(value) : formatEpochSeconds(value);
  }
  if (Array.isArray(value)) return value.map((v) => looseWire(shape?.kind === "list" ? shape.member : undefined, v, defaultFormat));
  if (value && typeof value === "object") {
    const members = shape?.kind === "structure" ? (shape.members as Record<string, Shape>) : undefined;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, looseWire(members ? members[k] : shape?.kind === "map" ? shape.value : undefined, v, defaultFormat)]),
    );
  }
  return value;
}

/** A clock the test gave: the mock reads it, and the test moves it (fake timers), not the mock. */
class GivenClock extends ManualClock {
  constructor(readonly given: Clock) {
    super();
  }

  override now(): number {
    return this.given.now();
  }

  override advance(): void {
    throw new Error("[aws-sdk-contracts] This mock reads the clock it was given: move that clock (vi.advanceTimersByTime) instead of mock.clock.advance.");
  }
}

/**
 * Creates a mock that owns its stores, faults, overrides and call log.
 * @example const mock = createAwsMock(); const server = setupServer(...mock.handlers);
 */
export function createAwsMock(options?: AwsMockOptions): AwsMock {
  return new AwsMock(options);
}

/** Whether a finding's JSON path ends at a key of a map (`$.ConnectionInput.ConnectionProperties.NEW_KEY`), not at a value. */
function isMapKey(root: Shape, path: string): boolean {
  const segments = [...path.matchAll(/\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) => m[1] ?? m[2] ?? JSON.parse(m[3]!));
  let shape: Shape | undefined = root;
  for (const [i, segment] of segments.entries()) {
    if (!shape) return false;
    if (shape.kind === "map") {
      // A map of enum values names its unknown values at their keys too: only an enum of keys is a key's finding.
      if (i === segments.length - 1) return shape.key.kind === "enum" && shape.value.kind !== "enum";
      shape = shape.value;
    } else if (shape.kind === "list") shape = shape.member;
    else if (shape.kind === "structure") shape = (shape.members as Record<string, Shape>)[segment];
    else return false;
  }
  return false;
}

/**
 * The region a request is for: the endpoint's (`glue.eu-west-1.amazonaws.com`), else the signature's credential
 * scope (a client pointed at `serve` signs for its region), else none.
 */
function regionOf(request: WireRequest): string | undefined {
  const host = /\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com$/.exec(request.url.hostname)?.[1];
  if (host) return host;
  return credentialScope(request.header("authorization"))?.region;
}

