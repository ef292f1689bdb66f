import { Recent } from "./recent.js";
import { deepMerge } from "../factories/core/merge.js";
import { registry, type Operation, type Resource, type Shape, type StructureShape } from "../src/index.js";
import { hints, type StateRule } from "../factories/hints.js";
import { Progress, type Clock } from "./clock.js";
import type { Answer } from "./families/family.js";
import { creation, lifecycles, type CreationData, type LifecycleData } from "./lifecycles.js";
import { hex32 } from "../factories/core/random.js";
import { arnUnder, ownMember, renamed, renamedIds, type GeneratedAnswers } from "./generated.js";

type Rec = Record<string, unknown>;

/** Marks an answer the engine leaves to the generator (a family holds the resource). */
const GENERATED: Answer = { output: Symbol.for("aws-sdk-contracts.generated") };
type Kind = keyof Resource["operations"];

interface Entry {
  /** The store it is in (`glue:Table`). */
  readonly store: string;
  /** The resource's identifiers, by name, with their values. */
  readonly ids: Readonly<Record<string, unknown>>;
  entity: Rec;
  /** Where it is in its lifecycle (a run that progresses), with the data that says how it moves. */
  readonly progress?: { readonly steps: Progress; readonly data: LifecycleData; stopped: boolean; /** When the latest start began (a crawl). */ started?: number };
  /** The state rules of its structure (a FAILED run has its error; a RUNNING one none). */
  readonly rule?: StateRule;
  /** Its tags, by key: given at creation or by the service's tagging operations. */
  tags?: Record<string, string>;
}

/**
 * The generic resource engine: keeps what a test creates for every resource of the resource model
 * (`registry.resources`), so a Create is read back by Get and listed by List, an Update changes it and
 * a Delete removes it (with what lives under it) and makes it not-found. Resources a test never touched
 * are answered as before, from the generator; the session families keep their own state in front of it.
 */
export class ResourceEngine {
  readonly #stores = new Map<string, Map<string, Entry>>();
  readonly #deleted = new Set<string>();
  readonly #index = new Map<string, Map<string, { resource: Resource; kind: Kind }>>();
  /** Members a keeper computes when an entity is read (a Deadline job's task counts), by store. */
  readonly #derived = new Map<string, (entity: Rec, ids: Readonly<Rec>, poll: boolean) => Rec>();
  /** A keeper's filter of a listing (Glue's partition expression), by store: the entities it keeps, or its error. */
  readonly #filters = new Map<string, (input: Rec, entities: { ids: Readonly<Rec>; entity: Rec }[]) => { ids: Readonly<Rec>; entity: Rec }[] | Answer>();
  /** What a keeper makes when a resource of a kind is created (a Device Farm run's jobs), by store. */
  readonly #created = new Map<string, (entity: Rec, ids: Readonly<Rec>, input: Rec) => void>();
  /** A keeper's check of a request before the engine acts on it (a partition's values against its table's keys), by operation. */
  readonly #guards = new Map<string, (input: Rec) => Answer | undefined>();
  readonly #identified = new Map<string, (ids: Rec) => Rec | undefined>();
  readonly #named = new Map<Resource, (input: Rec) => Rec | undefined>();
  /** How a request names a kind named by a structure, from its identifiers (`{ RegistryId: { RegistryName } }`). */
  readonly #requestForms = new Map<Resource, (ids: Readonly<Rec>) => Rec>();
  /** Service-made ids handed out so far: a second create of the same request gets another. */
  #made = 0;
  /** Entities of a populated account made from their identity, with the read's answer, by operation, region and identifiers. */
  readonly #identities = new Recent<string, { readonly entity: Rec; readonly output: Rec }>(IDENTITY_LIMIT);

  /**
   * @param fresh A fresh account (the default): a resource nobody created is not found, a list is empty, and a
   *   parent that does not exist is its not-found error. Otherwise (`unknownIds: "generate"`) what a test never
   *   touched is generated from its identity.
   * @param exists Whether a resource another keeper holds (a session family's project or farm) exists: asked with
   *   that resource's read operation and identifiers; undefined when no other keeper holds that kind.
   */
  constructor(
    readonly generated: GeneratedAnswers,
    readonly fresh: boolean,
    readonly exists: (read: Operation, ids: Rec) => boolean | undefined,
    readonly clock: Clock,
    readonly timeOnly: boolean,
  ) {}

  /** Forgets every resource, or those of one service. */
  reset(service?: string): void {
    this.#identities.clear();
    if (service === undefined) {
      this.#stores.clear();
      this.#deleted.clear();
      this.#made = 0;
      return;
    }
    for (const store of [...this.#stores.keys()]) if (store.startsWith(`${service}:`)) this.#stores.delete(store);
    for (const key of [...this.#deleted]) if (key.startsWith(`${service}:`)) this.#deleted.delete(key);
  }

  /**
   * For a keeper of hand-made state (a session family): members computed whenever an entity of a kind is read,
   * from the entity and its identifiers (a Deadline job's status from its tasks).
   */
  derive(service: string, resource: string, compute: (entity: Rec, ids: Readonly<Rec>, poll: boolean) => Rec): void {
    this.#derived.set(`${service}:${resource}`, compute);
  }

  /** For a keeper: filters what a listing of a kind answers by what its request asks (an expression), or refuses it. */
  filter(service: string, resource: string, keep: (input: Rec, entities: { ids: Readonly<Rec>; entity: Rec }[]) => { ids: Readonly<Rec>; entity: Rec }[] | Answer): void {
    this.#filters.set(`${service}:${resource}`, keep);
  }

  /** For a keeper: what it makes once a resource of a kind is created (a run's jobs, suites and tests). */
  onCreate(service: string, resource: string, make: (entity: Rec, ids: Readonly<Rec>, input: Rec) => void): void {
    this.#created.set(`${service}:${resource}`, make);
  }

  /**
   * For a keeper: the identifiers a populated account's listed entity has, given its parent (a partition has one
   * value per key of its table), or undefined when the parent can have none.
   */
  identify(service: string, resource: string, fit: (ids: Rec) => Rec | undefined): void {
    this.#identified.set(`${service}:${resource}`, fit);
  }

  /**
   * For a keeper: the identifiers of a kind named by a structure, from a request in any of its forms (`RegistryId:
   * { RegistryArn }` or `{ RegistryName }`, or a create's `RegistryName`), or undefined when it names none.
   */
  namedBy(service: string, resource: string, of: (input: Rec) => Rec | undefined, request: (ids: Readonly<Rec>) => Rec): void {
    this.#named.set(this.#resource(service, resource), of);
    this.#requestForms.set(this.#resource(service, resource), request);
  }

  /** The entity a populated account has for these identifiers (what a read of them answers), or undefined. */
  generatedEntity(service: string, name: string, ids: Rec): Rec | undefined {
    const resource = this.#resource(service, name);
    const read = this.#readOf(service, resource);
    return resource && read ? this.#identity(resource, read, ids) : undefined;
  }

  /** For a keeper: a check of an operation's request the service makes before it acts (an error, or undefined to go on). */
  guard(service: string, operation: string, check: (input: Rec) => Answer | undefined): void {
    this.#guards.set(`${service}:${operation}`, check);
  }

  /** Keeps an entity a keeper built (no generation, no check): the identifiers name it. */
  keep(service: string, name: string, ids: Readonly<Rec>, entity: Rec): Rec {
    const resource = this.#resource(service, name);
    const store = `${service}:${name}`;
    const key = this.#key(store, ids, resource);
    const data = lifecycles[store];
    const existing = this.#stores.get(store)?.get(key);
    const entry: Entry = existing ?? { store, ids: { ...ids }, entity, ...(data ? { progress: { steps: new Progress(data.phases, this.clock, this.timeOnly), data, stopped: false } } : {}) };
    entry.entity = entity;
    this.#storeOf(store).set(key, entry);
    this.#deleted.delete(key);
    return entity;
  }

  /**
   * The entity the identifiers name, as a read answers it now (without counting as a poll), or undefined.
   * @param stored The entity as last stored, without moving its lifecycle or computing its derived members.
   */
  get(service: string, name: string, ids: Readonly<Rec>, { stored = false }: { stored?: boolean } = {}): Rec | undefined {
    const store = `${service}:${name}`;
    const entry = this.#stores.get(store)?.get(this.#key(store, ids, this.#resource(service, name)));
    return entry && (stored ? entry.entity : this.#now(entry, false));
  }

  /** The entities of a kind with their identifiers, as reads answer them now. */
  all(service: string, name: string): { ids: Readonly<Rec>; entity: Rec }[] {
    return [...(this.#stores.get(`${service}:${name}`)?.values() ?? [])].map((e) => ({ ids: e.ids, entity: this.#now(e, false) }));
  }

  /** Removes a kept entity and what lives under it; false when there was none. */
  remove(service: string, name: string, ids: Readonly<Rec>): boolean {
    const resource = this.#resource(service, name);
    const store = `${service}:${name}`;
    const key = this.#key(store, ids, resource);
    if (!this.#stores.get(store)?.delete(key)) return false;
    this.#deleted.add(key);
    this.#removeChildren(service, resource, ids);
    return true;
  }

  /**
   * The tags of the resource an ARN names (`arn:aws:glue:us-west-2:111122223333:job/nightly`), or undefined when
   * the mock holds no such resource. The ARN's region and account are not compared: a test's own ARNs name its resources.
   */
  tagsOf(service: string, arn: string): Record<string, string> | undefined {
    const entry = this.#byArn(service, arn);
    return entry && { ...entry.tags };
  }

  /** Adds and removes tags of the resource an ARN names; false when the mock holds no such resource. */
  retag(service: string, arn: string, add: Readonly<Record<string, string>>, remove: readonly string[] = []): boolean {
    const entry = this.#byArn(service, arn);
    if (!entry) return false;
    const tags = { ...entry.tags, ...add };
    for (const k of remove) delete tags[k];
    entry.tags = tags;
    return true;
  }

  #byArn(service: string, arn: string): Entry | undefined {
    const path = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:(.+)$/.exec(arn)?.[1];
    if (!path) return undefined;
    for (const resource of registry.resources(service)) {
      if (!resource.arn) continue;
      for (const entry of this.#stores.get(`${service}:${resource.name}`)?.values() ?? []) if (arnPath(resource.arn, entry.ids) === path) return entry;
    }
    return undefined;
  }

  /** Changes a kept entity's members (the keeper's own rules: a fleet's worker count). */
  patch(service: string, name: string, ids: Readonly<Rec>, members: Rec): void {
    const store = `${service}:${name}`;
    const entry = this.#stores.get(store)?.get(this.#key(store, ids, this.#resource(service, name)));
    if (entry) entry.entity = { ...entry.entity, ...members };
  }

  #resource(service: string, name: string): Resource {
    const resource = registry.resources(service).find((r) => r.name === name);
    if (!resource) throw new Error(`[aws-sdk-contracts] ${service} has no resource ${JSON.stringify(name)}.`);
    return resource;
  }

  /** The entities a test made of one resource kind (`glue`, `Table`), as the read operation answers them. */
  entities(service: string, resource: string): Rec[] {
    return [...(this.#stores.get(`${service}:${resource}`)?.values() ?? [])].map((e) => this.#now(e, false));
  }

  /**
   * Adds an entity a test (or a state file) gives: its identifiers are read from it (`DatabaseName` and `Name`
   * of a table; `identifiers` names those it does not hold), the rest generated, and it is checked against the
   * read operation's contract. Returns the entity as Get will answer it.
   */
  add(service: string, name: string, given: Rec, identifiers: Rec = {}): Rec {
    const resource = registry.resources(service).find((r) => r.name === name);
    const known = () => registry.resources(service).filter((r) => r.entity && r.operations.read).map((r) => r.name).join(", ");
    if (!resource?.entity || !resource.operations.read) throw new Error(`[aws-sdk-contracts] ${service} has no resource ${JSON.stringify(name)} the mock keeps; known: ${known() || "none"}.`);
    const read = this.#readOf(service, resource)!;
    const member = resource.entity.outputs[read.name];
    const shape = entityShape(read, member);
    const ids: Rec = {};
    for (const i of resource.identifiers) {
      const value = identifiers[i] ?? given[(shape && ownMember(shape, i)) ?? i];
      if (value === undefined) throw new Error(`[aws-sdk-contracts] Failed to add a ${service} ${name}: it needs its ${i}${shape && ownMember(shape, i) && ownMember(shape, i) !== i ? ` (its ${ownMember(shape, i)})` : ""}.`);
      ids[i] = value;
    }
    const entity = deepMerge(this.#unwrap(resource, read.name, this.generated.output(read, ids)) ?? {}, given);
    const checked = read.response.validate(this.#wrap(resource, read.name, entity), { level: "sdk", strict: true });
    if (!checked.ok) throw new Error(`[aws-sdk-contracts] Failed to add a ${service} ${name}: ${checked.findings.map((f) => `${f.path} ${f.message}`).join("; ")}`);
    const store = `${service}:${name}`;
    const key = this.#key(store, ids, resource);
    this.#storeOf(store).set(key, { store, ids, entity });
    this.#deleted.delete(key);
    return entity;
  }

  /**
   * The read operation's input that names a stored entity (as `list` gives it): its identifiers, those it does
   * not hold as members included (a Deadline queue's `farmId`). Undefined when the mock holds no such entity.
   */
  inputFor(service: string, name: string, entity: Rec): Rec | undefined {
    const resource = registry.resources(service).find((r) => r.name === name);
    const read = this.#readOf(service, resource);
    const map = this.#stores.get(`${service}:${name}`);
    if (!resource?.entity || !read || !map) return undefined;
    const shape = entityShape(read, resource.entity.outputs[read.name]);
    const entries = [...map.values()];
    const same = (e: Entry) => resource.identifiers.every((i) => {
      const own = shape ? ownMember(shape, i) : undefined;
      return own === undefined || entity[own] === undefined || JSON.stringify(entity[own]) === JSON.stringify(e.ids[i]);
    });
    const entry = entries.find((e) => e.entity === entity) ?? entries.find(same);
    if (!entry) return undefined;
    const form = this.#requestForms.get(resource);
    return form ? form(entry.ids) : { ...entry.ids };
  }

  #bound(op: Operation): { resource: Resource; kind: Kind } | undefined {
    let byOp = this.#index.get(op.service.id);
    if (!byOp) {
      byOp = new Map();
      for (const resource of registry.resources(op.service.id)) {
        for (const [kind, name] of Object.entries(resource.operations)) byOp.set(name, { resource, kind: kind as Kind });
        for (const name of resource.creates ?? []) byOp.set(name, { resource, kind: "create" });
      }
      this.#index.set(op.service.id, byOp);
    }
    return byOp.get(op.name);
  }

  /**
   * The answer of a resource operation a test's earlier calls decide, or undefined (generated as before).
   * @param input The request as it came (wire JSON): identifiers are read from it.
   * @param decoded The request as the SDK sent it (timestamps as Dates): entities are built from it.
   */
  answer(op: Operation, input: Rec, decoded: Rec = input): Answer | undefined {
    const answered = this.#answer(op, input, decoded);
    return answered === GENERATED ? undefined : answered;
  }

  #answer(op: Operation, input: Rec, decoded: Rec): Answer | undefined {
    const bound = this.#bound(op);
    if (!bound?.resource.entity) return undefined;
    const refused = this.#guards.get(op.id)?.(input);
    if (refused) return refused;
    const { resource, kind } = bound;
    const store = `${op.service.id}:${resource.name}`;
    switch (kind) {
      case "create":
        return this.#create(op, input, decoded, resource, store);
      case "read":
        return this.#read(op, input, resource, store);
      case "update":
        return this.#update(op, input, decoded, resource, store);
      case "delete":
        return this.#delete(op, input, resource, store);
      case "stop":
        return this.#stop(op, input, resource, store);
      case "start":
        return this.#start(op, input, resource, store);
      case "batchRead":
        return this.#batchRead(op, input, resource, store);
      case "list":
        return this.#list(op, input, resource, store, false);
      case "listNames":
        return this.#list(op, input, resource, store, true);
      default:
        return undefined;
    }
  }

  #key(store: string, ids: Readonly<Record<string, unknown>>, resource: Resource, text = identifiersText(ids, resource)): string {
    return `${store}\0${text}`;
  }

  /** The identifiers a request names, or undefined when it does not name them all. */
  #idsOf(input: Rec, resource: Resource): Record<string, unknown> | undefined {
    // A kind named by a structure (Glue's `RegistryId`: a name or an ARN): its keeper says which one it is.
    const named = this.#named.get(resource);
    if (named) return named(input);
    const ids: Record<string, unknown> = {};
    for (const i of resource.identifiers) {
      // A bare `Name` is named for its resource by some operations (Glue's DeleteConnection takes `ConnectionName`).
      const value = input[i] ?? (i === "Name" ? input[`${resource.name}Name`] : undefined);
      if (value === undefined) return undefined;
      ids[i] = value;
    }
    return ids;
  }

  /** An operation's output holding an entity (over `output`): the entity itself, or under its member. */
  #wrap(resource: Resource, opName: string, entity: Rec, output: Rec = {}): Rec {
    const member = resource.entity!.outputs[opName];
    return member === "" ? { ...output, ...entity } : { ...output, [member!]: entity };
  }

  /** The entity an operation's output holds (undefined when it holds none). */
  #unwrap(resource: Resource, opName: string, output: Rec): Rec | undefined {
    const member = resource.entity!.outputs[opName];
    return member === undefined ? undefined : member === "" ? output : (output[member] as Rec | undefined);
  }

  /** A resource's read operation, the one whose answers every other operation of it agrees with. */
  #readOf(service: string, resource: Resource | undefined): Operation | undefined {
    return resource?.operations.read ? registry.find(`${service}:${resource.operations.read}`) : undefined;
  }

  /** The store of one resource kind, made on first use. */
  #storeOf(store: string): Map<string, Entry> {
    let map = this.#stores.get(store);
    if (!map) this.#stores.set(store, (map = new Map()));
    return map;
  }

  /**
   * A resource a session family keeps (a Device Farm project, a Deadline farm): when the family holds it, the
   * operations the family does not answer are generated as before (`"generated"`: the caller returns undefined);
   * when it does not, it is not found. Undefined when no family keeps this kind.
   */
  #elsewhere(op: Operation, resource: Resource, ids: Rec): Answer | undefined {
    const read = this.#readOf(op.service.id, resource);
    const held = read ? this.exists(read, ids) : undefined;
    if (held === undefined) return undefined;
    // Held, or a populated account (where the family's unknown ids are generated too): the generator answers.
    if (held || !this.fresh) return GENERATED;
    return this.#models(op, resource.errors.notFound) ? this.#notFound(resource, ids) : GENERATED;
  }

  /** Whether the operation models this error (an answer must be one of its own errors). */
  #models(op: Operation, error: string | undefined): error is string {
    return error !== undefined && op.errors.some((e) => e.name === error);
  }

  /**
   * In a fresh account, the parent a request names must exist: a table's database, a device pool's project.
   * Its own not-found error when it does not, where the operation models one; else nothing is said here.
   */
  #missingParent(op: Operation, input: Rec, resource: Resource): Answer | undefined {
    if (!this.fresh || !resource.parent) return undefined;
    const parent = registry.resources(op.service.id).find((r) => r.name === resource.parent);
    const read = this.#readOf(op.service.id, parent);
    if (!parent || !read || !this.#models(op, parent.errors.notFound ?? resource.errors.notFound)) return undefined;
    // The parent's identifiers as this request names them (`DatabaseName` for a database's `Name`; Device Farm's parent `arn`).
    const ids: Rec = {};
    for (const id of parent.identifiers) {
      const asNamed = id === "Name" ? `${parent.name}Name` : id;
      // A child named by its parent's bare `Name` and its own id (a Glue workflow run: `Name`, `RunId`).
      const value = input[asNamed] ?? (id === "Name" && !resource.identifiers.includes(asNamed) && resource.identifiers.includes("Name") ? input.Name : undefined) ?? (id === "arn" ? Object.entries(input).find(([k, v]) => /arn$/i.test(k) && typeof v === "string" && v.includes(`:${parent.name.toLowerCase()}:`))?.[1] : undefined);
      if (value === undefined) return undefined;
      ids[id] = value;
    }
    const other = this.exists(read, ids);
    const here = this.#stores.get(`${op.service.id}:${parent.name}`)?.has(this.#key(`${op.service.id}:${parent.name}`, ids, parent)) === true;
    if (other === true || here) return undefined;
    const error = op.errors.some((e) => e.name === parent.errors.notFound) ? parent.errors.notFound! : resource.errors.notFound!;
    return { error, members: { message: `${parent.name} ${Object.values(ids).map(String).join("/")} not found.` }, missing: true };
  }

  #notFound(resource: Resource, ids: Readonly<Record<string, unknown>>): Answer {
    const what = Object.values(ids).map(String).join("/");
    return { error: resource.errors.notFound!, members: { message: `${resource.name} ${what} not found.` }, missing: true };
  }

  #create(op: Operation, input: Rec, decoded: Rec, resource: Resource, store: string): Answer | undefined {
    const read = this.#readOf(op.service.id, resource);
    if (!read) return undefined;
    const missing = this.#missingParent(op, input, resource);
    if (missing) return missing;
    const busy = this.#overLimit(op, input, resource, store);
    if (busy) return busy;
    const created = this.generated.output(op, input);
    const given = (resource.entity!.inputs[op.name] ? decoded[resource.entity!.inputs[op.name]!] : decoded) as Rec | undefined;
    const outputEntity = this.#unwrap(resource, op.name, created);
    // The new resource's identifiers: named by the request (its entity input too), else made by the service (the answer).
    const ids: Record<string, unknown> = {};
    // An id the generated answer left out (an optional ARN) comes from an entity generated for this request.
    const guess = () => this.#unwrap(resource, read.name, this.generated.output(read, input)) ?? {};
    const nameOf = this.#named.get(resource);
    if (nameOf) {
      const found = nameOf({ ...created, ...input });
      if (!found) return undefined;
      Object.assign(ids, found);
    } else {
      for (const i of resource.identifiers) {
        const value = pick(i, input, given, created, outputEntity, resource.entity!.shape) ?? pick(i, guess(), resource.entity!.shape);
        if (value === undefined) return undefined;
        ids[i] = value;
      }
    }
    // An ARN the service makes for a resource under another (`devicepool:<project>/<pool>`) carries its parent's id, account and region.
    const own = resource.identifiers.at(-1)!;
    const parentArn = Object.entries(input).find(([k, v]) => k !== own && typeof v === "string" && v.startsWith("arn:"))?.[1] as string | undefined;
    if (parentArn && typeof ids[own] === "string") ids[own] = arnUnder(ids[own] as string, parentArn, true);
    // An id the service makes (not named by the request) is new for every create: another run of the same job.
    // (A kind named by a structure is named by the request its keeper reads it from.)
    const named = (i: string) => nameOf !== undefined || pick(i, input, given, resource.entity!.shape) !== undefined;
    let key = this.#key(store, ids, resource);
    let answered = created;
    if (!named(own) && typeof ids[own] === "string") {
      const first = ids[own] as string;
      while (this.#stores.get(store)?.has(key) || this.#deleted.has(key)) {
        ids[own] = anotherId(ids[own] as string, this.generated.seed, this.#made++);
        key = this.#key(store, ids, resource);
      }
      // The answer names the new id where it named the first (`JobRunId`, an ARN).
      if (ids[own] !== first) answered = replaced(created, first, ids[own] as string) as Rec;
    }
    const existing = this.#stores.get(store)?.get(key);
    if (existing && resource.errors.alreadyExists) return { error: resource.errors.alreadyExists, members: { message: `${resource.name} ${Object.values(ids).map(String).join("/")} already exists.` } };
    // The entity: what a read of these identifiers generates, with what the request gave it and what the create answered.
    const base = this.#unwrap(resource, read.name, this.generated.output(read, ids)) ?? {};
    const shape = entityShape(read, resource.entity!.outputs[read.name]);
    // Server-set members from the create's answer (an ARN), then what the request gave: the request wins.
    const defaults = Object.fromEntries(Object.entries(this.#creation(store).defaults ?? {}).filter(([m]) => shape && Object.hasOwn(shape.members, m)));
    let entity = overlay(shape, overlay(shape, { ...base, ...defaults }, fitting(shape, outputEntity ?? {})), fitting(shape, given ?? {}));
    for (const [i, value] of Object.entries(ids)) {
      const own = shape ? ownMember(shape, i) : undefined;
      if (!own) continue;
      // What the create's answer said of another ARN (an upload's URL names it) names this one.
      const said = outputEntity?.[own];
      if (typeof said === "string" && typeof value === "string" && said !== value) entity = renamed(entity, renamedIds(said, value)) as Rec;
      entity = { ...entity, [own]: value };
    }
    for (const [member, value] of Object.entries(this.#creation(store).byOperation?.[op.name] ?? {})) if (shape && Object.hasOwn(shape.members, member)) entity = { ...entity, [member]: value };
    for (const [member, path] of Object.entries(this.#creation(store).from ?? {})) {
      const value = path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Rec)[k] : undefined), decoded);
      if (value !== undefined && shape && Object.hasOwn(shape.members, member)) entity = { ...entity, [member]: value };
    }
    entity = this.#settle(resource, read, base, stamped(wrapped(entity, shape, this.#creation(store)), shape, this.#creation(store), "created", new Date(this.clock.now())));
    if (!read.response.validate(this.#wrap(resource, read.name, entity), { level: "sdk" }).ok) return undefined;
    const data = lifecycles[store];
    const rule = shape ? hints[op.service.id]?.states?.[shape.name] : undefined;
    const tags = tagsIn(op, decoded);
    const entry: Entry = { store, ids, entity, ...(tags ? { tags } : {}), ...(data ? { progress: { steps: new Progress(data.phases, this.clock, this.timeOnly), data, stopped: false } } : {}), ...(rule ? { rule } : {}) };
    this.#storeOf(store).set(key, entry);
    if (data?.start && data.startOn && input[data.startOn] === true) this.#begin(entry);
    entity = this.#now(entry, false);
    this.#deleted.delete(key);
    this.#created.get(store)?.(entity, ids, decoded);
    return { output: outputEntity !== undefined ? this.#wrap(resource, op.name, entity, answered) : answered };
  }

  /** What the service sets on a new or changed resource of this kind: the service's rules, then the kind's own. */
  #creation(store: string): CreationData {
    const all = creation[`${store.slice(0, store.indexOf(":"))}:*`];
    const own = creation[store];
    return { ...all, ...own, values: { ...all?.values, ...own?.values }, defaults: { ...all?.defaults, ...own?.defaults }, from: { ...all?.from, ...own?.from } };
  }

  /** A run beyond what its parent lets run at once (a Glue job's MaxConcurrentRuns): the lifecycle's error. */
  #overLimit(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const limit = lifecycles[store]?.concurrency;
    const parent = limit && resource.parent ? registry.resources(op.service.id).find((r) => r.name === resource.parent) : undefined;
    if (!limit || !parent || !this.#models(op, limit.error)) return undefined;
    const ids = Object.fromEntries(parent.identifiers.map((i) => [i, input[i] ?? (i === "Name" ? input[`${parent.name}Name`] : undefined)]));
    const owner = this.get(op.service.id, parent.name, ids, { stored: true });
    if (!owner) return undefined;
    const allowed = Number(limit.of.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Rec)[k] : undefined), owner) ?? limit.default);
    const data = lifecycles[store]!;
    const final = new Set([data.phases.at(-1)!.state, data.stop?.at(-1)!.state]);
    const running = [...(this.#stores.get(store)?.values() ?? [])].filter((e) => Object.entries(ids).every(([k, v]) => e.ids[k] === v) && !final.has(String(this.#now(e, false)[data.member])));
    if (running.length < allowed) return undefined;
    return { error: limit.error, members: { message: limit.message.replace(/\{(\w+)\}/g, (_, k: string) => String(input[k])) } };
  }

  #read(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const ids = this.#idsOf(input, resource);
    if (!ids) return undefined;
    const text = identifiersText(ids, resource);
    const key = this.#key(store, ids, resource, text);
    const kept = this.#stores.get(store);
    const entry = kept?.size ? kept.get(key) : undefined;
    if (entry) {
      const entity = this.#now(entry, true);
      return { output: this.#wrap(resource, op.name, entity), entity };
    }
    // (Most accounts have deleted nothing: no lookup then.)
    const deleted = this.#deleted.size > 0 && this.#deleted.has(key);
    if ((this.fresh || deleted) && this.#models(op, resource.errors.notFound)) return this.#notFound(resource, ids);
    // A populated account: what its identifiers generate, the same entity a list or a batch read of them holds.
    // (A read that pages, such as Deadline's statistics, is paged by the generator.)
    if (!this.fresh && !op.paginated && !deleted && this.exists(op, ids) === undefined) {
      const made = this.#fromIdentity(resource, op, ids, text);
      if (made) return { output: made.output, entity: made.entity };
    }
    return undefined;
  }

  /**
   * What a read of these identifiers answers in a populated account, and the entity in it: a function of the kind
   * and its identifiers only, made once per read, region and identifiers and never changed (a repeated read, a
   * listing or a batch read of them is a lookup, and the read's wire is kept with it).
   */
  #fromIdentity(resource: Resource, read: Operation, ids: Rec, text = identifiersText(ids, resource)): { readonly entity: Rec; readonly output: Rec } | undefined {
    const cacheKey = `${read.id}\0${this.generated.region ?? ""}\0${text}`;
    let made = this.#identities.get(cacheKey);
    if (!made) {
      const output = this.generated.output(read, ids);
      const entity = this.#unwrap(resource, read.name, output);
      if (!entity) return undefined;
      made = { entity, output };
      this.#identities.set(cacheKey, made);
    }
    return made;
  }

  /** The entity a populated account has for these identifiers. */
  #identity(resource: Resource, read: Operation, ids: Rec): Rec | undefined {
    return this.#fromIdentity(resource, read, ids)?.entity;
  }

  /**
   * The items of a generated list page (a populated account) made the entities their identifiers stand for: each
   * item is what a read of its identifiers answers, in the list's item shape (a run listed is the run read).
   */
  project(op: Operation, input: Rec, output: Rec): Rec {
    const bound = this.#bound(op);
    if (this.fresh || bound?.kind !== "list" || !bound.resource.entity) return output;
    const { resource } = bound;
    const member = resource.entity!.outputs[op.name];
    const read = this.#readOf(op.service.id, resource);
    const items = member ? output[member] : undefined;
    if (!read || !Array.isArray(items)) return output;
    const shape = entityShape(read, resource.entity!.outputs[read.name]);
    // The same for every item: the identifier an ARN names, the parent the request names, the kind's fitting.
    const last = resource.identifiers.at(-1)!;
    // (A listing never names its items: an ARN it names, whatever the member, is the parent's.)
    const parentArn = Object.values(input).find((v) => typeof v === "string" && v.startsWith("arn:")) as string | undefined;
    const fit = this.#identified.get(`${op.service.id}:${resource.name}`);
    const projected = items.map((item: Rec) => {
      const ids: Rec = {};
      for (const i of resource.identifiers) {
        const own = shape ? ownMember(shape, i) : undefined;
        const value = item[i] ?? (own !== undefined ? item[own] : undefined) ?? input[i] ?? (i === "Name" ? input[`${resource.name}Name`] : undefined);
        if (value === undefined) return item;
        ids[i] = value;
      }
      // An item named by its own ARN lives under the parent the request names (Device Farm's jobs under their run).
      if (parentArn && typeof ids[last] === "string" && (ids[last] as string).startsWith("arn:")) ids[last] = arnUnder(ids[last] as string, parentArn, true);
      if (fit) {
        const fitted = fit(ids);
        if (!fitted) return undefined;
        Object.assign(ids, fitted);
      }
      if (this.exists(read, ids) !== undefined) return item;
      const entity = this.#identity(resource, read, ids);
      return entity ? itemOf(op, member!, entity) : item;
    });
    const next = { ...output, [member!]: projected.filter((item) => item !== undefined) };
    return op.response.validate(next, { level: "sdk" }).ok ? next : output;
  }

  /**
   * An entity whose members a request named in another form (Glue's `CreateCrawler` gives `Schedule` as a cron
   * string, the `Crawler` holds a structure): those members keep what the base entity had.
   */
  #settle(resource: Resource, read: Operation, base: Rec, entity: Rec): Rec {
    const member = resource.entity!.outputs[read.name]!;
    const prefix = member === "" ? "$." : `$.${member}.`;
    const checked = read.response.validate(this.#wrap(resource, read.name, entity), { level: "sdk" });
    if (checked.ok) return entity;
    const next = { ...entity };
    for (const f of checked.findings) {
      if (f.severity !== "violation" || !f.path.startsWith(prefix)) continue;
      const top = /^[^.[]+/.exec(f.path.slice(prefix.length))?.[0];
      if (top === undefined) continue;
      if (base[top] === undefined) delete next[top];
      else next[top] = base[top];
    }
    return next;
  }

  #update(op: Operation, input: Rec, decoded: Rec, resource: Resource, store: string): Answer | undefined {
    const ids = this.#idsOf(input, resource) ?? this.#idsOf({ ...input, ...(resource.entity!.inputs[op.name] ? (input[resource.entity!.inputs[op.name]!] as Rec) : {}) }, resource);
    if (!ids) return undefined;
    const key = this.#key(store, ids, resource);
    const entry = this.#stores.get(store)?.get(key);
    if (!entry) return this.#elsewhere(op, resource, ids) ?? ((this.fresh || this.#deleted.has(key)) && this.#models(op, resource.errors.notFound) ? this.#notFound(resource, ids) : undefined);
    const read = this.#readOf(op.service.id, resource)!;
    const changes = resource.entity!.inputs[op.name] ? (decoded[resource.entity!.inputs[op.name]!] as Rec) : Object.fromEntries(Object.entries(decoded).filter(([k]) => !resource.identifiers.includes(k)));
    const shape = entityShape(read, resource.entity!.outputs[read.name]);
    const next = this.#settle(resource, read, entry.entity, stamped(wrapped({ ...entry.entity, ...fitting(shape, changes) }, shape, this.#creation(store)), shape, this.#creation(store), "updated", new Date(this.clock.now())));
    if (read.response.validate(this.#wrap(resource, read.name, next), { level: "sdk" }).ok) {
      // An update that sets the state starts the phases the lifecycle gives it (an association stopping, then STOPPED).
      const p = entry.progress;
      const after = p && typeof next[p.data.member] === "string" ? p.data.after?.[next[p.data.member] as string] : undefined;
      if (p && after) p.steps.then(after);
      entry.entity = next;
    }
    return { output: this.generated.output(op, input) };
  }

  /**
   * The entity as its lifecycle has it now: the state (a read counts as a poll), the timestamps entered
   * states set, the values a state sets, a duration, and the members the state's rules leave out.
   */
  #now(entry: Entry, poll: boolean): Rec {
    const p = entry.progress;
    if (!p) return this.#derive(entry, poll);
    const state = p.steps.state(poll);
    const next: Rec = { ...entry.entity, [p.data.member]: state };
    // Timestamps of the states entered so far; those only later states set are not there yet (a running run has no end).
    const set = new Set<string>();
    for (const [entered, members] of Object.entries(p.data.entered ?? {})) {
      const at = p.steps.enteredAt(entered);
      if (at !== undefined) for (const m of members) (next[m] = new Date(at)), set.add(m);
    }
    for (const members of Object.values(p.data.entered ?? {})) for (const m of members) if (!set.has(m)) delete next[m];
    Object.assign(next, p.data.values?.[state] ?? {});
    if (p.stopped && "result" in next && state === "COMPLETED") next.result = "STOPPED";
    // The record of the latest run (a crawler's LastCrawl), once the run reached the state that writes it.
    const last = p.data.last;
    const written = last && p.started !== undefined ? p.steps.enteredAt(last.when) : undefined;
    if (last && written !== undefined && written >= p.started!) {
      const since = p.steps.enteredAt(last.since.state);
      next[last.member] = { ...(p.stopped ? last.stopped : last.values), ...(since !== undefined && since >= p.started! ? { [last.since.member]: new Date(since) } : {}) };
    }
    const when = entry.rule?.member === p.data.member ? entry.rule.when[state] : undefined;
    for (const m of when?.absent ?? []) delete next[m];
    const d = p.data.duration;
    if (d && next[d.to] instanceof Date && next[d.from] instanceof Date) next[d.member] = Math.round(((next[d.to] as Date).getTime() - (next[d.from] as Date).getTime()) / 1000);
    else if (d) delete next[d.member];
    // Unchanged (a run that has settled): the same object, whose wire body the mock keeps.
    if (!same(next, entry.entity)) entry.entity = next;
    return this.#derive(entry, poll);
  }

  /** The entity with what its keeper computes (a member computed as undefined is taken away). */
  #derive(entry: Entry, poll: boolean): Rec {
    const compute = this.#derived.get(entry.store);
    if (!compute) return entry.entity;
    const next = { ...entry.entity, ...compute(entry.entity, entry.ids, poll) };
    for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
    if (!same(next, entry.entity)) entry.entity = next;
    return entry.entity;
  }

  /** A stop starts the lifecycle's stop phases (a run STOPPING, then STOPPED or COMPLETED); `BatchStop…` stops each id it names. */
  #stop(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const map = this.#stores.get(store);
    const own = resource.identifiers.at(-1)!;
    const listed = Object.entries(input).find(([k, v]) => Array.isArray(v) && k.endsWith("Ids"))?.[1] as unknown[] | undefined;
    const targets = (listed ?? [input[own] ?? input[Object.keys(input).find((k) => k.endsWith(own)) ?? ""]]).map((id) => ({ ...input, [own]: id }));
    let one: Entry | undefined;
    for (const target of targets) {
      const ids = this.#idsOf(target, resource);
      const entry = ids ? map?.get(this.#key(store, ids, resource)) : undefined;
      const p = entry?.progress;
      if (!entry && listed === undefined && ids && (this.fresh || this.#deleted.has(this.#key(store, ids, resource))) && this.#models(op, resource.errors.notFound)) return this.#notFound(resource, ids);
      if (!entry || !p?.data.stop) continue;
      const state = p.steps.state(false);
      // Stopping what is at rest: the operation's modelled error (a crawler not running), else nothing to do.
      if (p.stopped || state === p.data.phases.at(-1)!.state || state === p.data.stop.at(-1)!.state) {
        if (listed === undefined && this.#models(op, p.data.errors?.idle)) return { error: p.data.errors!.idle!, members: { message: `${resource.name} ${Object.values(ids!).map(String).join("/")} is not running.` } };
        continue;
      }
      p.steps.then(p.data.stop);
      p.stopped = true;
      one = entry;
    }
    if (!one) return undefined;
    const output = this.generated.output(op, input);
    return { output: resource.entity!.outputs[op.name] === undefined ? output : this.#wrap(resource, op.name, this.#now(one, false), output) };
  }

  /**
   * A start of a resource that rests between runs (a crawler crawls, a trigger is activated): its start phases, or
   * the operation's modelled error when it is not at rest (a crawler already running).
   */
  #start(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const ids = this.#idsOf(input, resource);
    if (!ids) return undefined;
    const key = this.#key(store, ids, resource);
    const entry = this.#stores.get(store)?.get(key);
    if (!entry) return (this.fresh || this.#deleted.has(key)) && this.#models(op, resource.errors.notFound) ? this.#notFound(resource, ids) : undefined;
    const p = entry.progress;
    if (!p?.data.start) return undefined;
    const state = p.steps.state(false);
    const resting = [p.data.phases.at(-1)!.state, p.data.start.at(-1)!.state, p.data.stop?.at(-1)!.state];
    if (!resting.includes(state) && this.#models(op, p.data.errors?.busy)) return { error: p.data.errors!.busy!, members: { message: `${resource.name} with name ${Object.values(ids).map(String).join("/")} has already started.` } };
    this.#begin(entry);
    this.#now(entry, false);
    return { output: this.generated.output(op, input) };
  }

  #begin(entry: Entry): void {
    const p = entry.progress!;
    p.steps.then(p.data.start!);
    p.stopped = false;
    p.started = this.clock.now();
  }

  /**
   * A BatchGet answers exactly the keys it was asked for: those that exist in its entity list, the others in
   * its not-found list (Glue's `JobsNotFound`); with a populated account, each unknown key as its Get would.
   */
  #batchRead(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    if (resource.identifiers.length !== 1) return this.#batchReadKeys(op, input, resource, store);
    const member = resource.entity!.outputs[op.name];
    const read = this.#readOf(op.service.id, resource);
    const listOf = (shape: StructureShape, kind: "string" | "structure") =>
      Object.entries(shape.members as Record<string, Shape>).filter(([, m]) => m.kind === "list" && (kind === "string" ? m.member.kind === "string" || m.member.kind === "enum" : m.member.kind === "structure")).map(([n]) => n);
    const asked = listOf(op.request.shape as StructureShape, "string");
    const missingMember = listOf(op.response.shape as StructureShape, "string")[0];
    if (!member || !read || asked.length !== 1 || !Array.isArray(input[asked[0]!])) return undefined;
    const id = resource.identifiers[0]!;
    const found: Rec[] = [];
    const missing: unknown[] = [];
    for (const key of new Set(input[asked[0]!] as unknown[])) {
      const entry = this.#stores.get(store)?.get(this.#key(store, { [id]: key }, resource));
      if (entry) found.push(itemOf(op, member, this.#now(entry, false)));
      else if (this.fresh || this.#deleted.has(this.#key(store, { [id]: key }, resource))) missing.push(key);
      else found.push(itemOf(op, member, this.#identity(resource, read, { [id]: key }) ?? {}));
    }
    // An empty list is left out where the model's list takes one item or more (Glue's `MissingWorkflows`).
    const allows = (name: string, items: unknown[]) => items.length > 0 || !((op.response.shape.members as Record<string, Shape>)[name] as { length?: { min?: number } }).length?.min;
    return { output: { ...(allows(member, found) ? { [member]: found } : {}), ...(missingMember && allows(missingMember, missing) ? { [missingMember]: missing } : {}) } };
  }

  /**
   * A BatchGet of resources named by several identifiers (Deadline's steps and tasks: `identifiers: [{ farmId, …,
   * stepId }]`): each key's entity with its identifiers, and for each missing key an error naming it with the
   * not-found code, in the output's list of errors.
   */
  #batchReadKeys(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const member = resource.entity!.outputs[op.name];
    const read = this.#readOf(op.service.id, resource);
    const keys = Object.entries(input).find(([, v]) => Array.isArray(v) && v.every((k) => k && typeof k === "object"))?.[1] as Rec[] | undefined;
    const errorsMember = Object.entries(op.response.shape.members as Record<string, Shape>).find(([k, m]) => m.kind === "list" && /error/i.test(k))?.[0];
    if (!member || !read || !keys || !resource.errors.notFound) return undefined;
    const found: Rec[] = [];
    const errors: Rec[] = [];
    for (const key of keys) {
      // A key names the identifiers as its structure does (`catalogId` for `CatalogId`), with the parent's from the request.
      const ids = this.#idsOf({ ...input, ...byIdentifier(key, resource.identifiers) }, resource);
      // A kind a session family keeps (Deadline's sessions) is answered as before.
      if (!ids || this.exists(read, ids) !== undefined) return undefined;
      const entry = this.#stores.get(store)?.get(this.#key(store, ids, resource));
      const entity = entry ? this.#now(entry, false) : !this.fresh && !this.#deleted.has(this.#key(store, ids, resource)) ? this.#identity(resource, read, ids) : undefined;
      if (entity) found.push(itemOf(op, member, { ...ids, ...entity }, resource.entity!.shape, ids));
      else errors.push({ ...ids, code: resource.errors.notFound, message: `${resource.name} ${String(ids[resource.identifiers.at(-1)!])} not found.` });
    }
    return { output: { [member]: found, ...(errorsMember ? { [errorsMember]: errors } : {}) } };
  }

  #delete(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const ids = this.#idsOf(input, resource);
    if (!ids) return undefined;
    const key = this.#key(store, ids, resource);
    const map = this.#stores.get(store);
    if (!map?.has(key)) return this.#elsewhere(op, resource, ids) ?? ((this.fresh || this.#deleted.has(key)) && this.#models(op, resource.errors.notFound) ? this.#notFound(resource, ids) : undefined);
    map.delete(key);
    this.#deleted.add(key);
    this.#removeChildren(op.service.id, resource, ids);
    return { output: this.generated.output(op, input) };
  }

  /** What lives under a deleted resource goes with it (a database's tables, a table's partitions). */
  #removeChildren(service: string, parent: Resource, ids: Readonly<Record<string, unknown>>): void {
    const named = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k === "Name" ? `${parent.name}Name` : k, v]));
    for (const child of registry.resources(service).filter((r) => r.parent === parent.name)) {
      const map = this.#stores.get(`${service}:${child.name}`);
      if (!map) continue;
      for (const [key, entry] of map) {
        const bare = (k: string) => (k === `${parent.name}Name` && !child.identifiers.includes(k) ? "Name" : k);
        if (Object.entries(named).every(([k, v]) => JSON.stringify(entry.ids[bare(k)]) === JSON.stringify(v))) {
          map.delete(key);
          this.#deleted.add(key);
          this.#removeChildren(service, child, entry.ids);
        }
      }
    }
  }

  #list(op: Operation, input: Rec, resource: Resource, store: string, names: boolean): Answer | undefined {
    const map = this.#stores.get(store);
    const touched = (map && map.size > 0) || [...this.#deleted].some((k) => k.startsWith(`${store}\0`));
    const member = resource.entity!.outputs[op.name];
    if ((!touched && !this.fresh) || !member) return undefined;
    const missing = this.#missingParent(op, input, resource);
    if (missing) return missing;
    // Only the entities under the parent the request names (a database's tables).
    // A listing of names (Glue's ListJobs) gives each one's own identifier.
    const own = resource.identifiers.at(-1)!;
    // Under the parent the request names: shared identifiers (a database's tables), or a parent ARN whose id
    // the resource's own ARN carries (Device Farm's `devicepool:<project>/<pool>` under `project:<project>`).
    const under = (e: Entry) =>
      Object.entries(e.ids).every(([k, v]) => {
        if (input[k] === undefined) return true;
        if (k !== own) return JSON.stringify(input[k]) === JSON.stringify(v);
        const parent = String(input[k]);
        return parent === v || (parent.startsWith("arn:") && String(v).includes(parent.slice(parent.lastIndexOf(":") + 1)));
      });
    let kept = [...(map?.values() ?? [])].filter(under).map((e) => ({ ids: e.ids, entity: this.#now(e, false) }));
    const filter = this.#filters.get(store);
    if (filter) {
      const filtered = filter(input, kept);
      if (!Array.isArray(filtered)) return filtered;
      kept = filtered;
    }
    const items = kept.map((e) => (names ? e.ids[own] : itemOf(op, member, e.entity)));
    const paging = op.paginated;
    const start = paging && typeof input[paging.inputToken] === "string" ? Number(/^E(\d+)$/.exec(String(input[paging.inputToken]))?.[1] ?? NaN) : 0;
    if (!Number.isInteger(start) || start > items.length) return undefined;
    const asked = paging?.pageSize ? input[paging.pageSize] : undefined;
    const size = typeof asked === "number" && asked > 0 ? asked : 100;
    const page = items.slice(start, start + size);
    // An empty page is left out where the model's list takes one item or more (Glue's workflow runs).
    const min = ((op.response.shape.members as Record<string, Shape>)[member] as { length?: { min?: number } } | undefined)?.length?.min;
    const output: Rec = page.length > 0 || !min ? { [member]: page } : {};
    // Tokens of six digits or more: some services' tokens have a minimum length (Device Farm's, 4).
    if (paging && start + size < items.length) output[paging.outputToken] = `E${String(start + size).padStart(6, "0")}`;
    return { output };
  }
}

/** An ARN's part after its account, from a resource's template and identifiers (`{arn}`: the identifier is the whole ARN). */
function arnPath(template: string, ids: Readonly<Rec>): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, k: string) => String(ids[k]));
  return filled.startsWith("arn:") ? filled.split(":").slice(5).join(":") : filled;
}

/** The tags a request gives its new resource: a map (`Tags`, `tags`) or a list of `{ Key, Value }` (Device Farm's). */
export function tagsIn(op: Operation, input: Rec): Record<string, string> | undefined {
  const name = Object.keys(op.request.shape.members).find((m) => /^tags(ToAdd)?$/i.test(m));
  return name ? tagMap(input[name]) : undefined;
}

/** Tags as a map, from a map or a list of `{ Key, Value }`. */
export function tagMap(given: unknown): Record<string, string> | undefined {
  if (Array.isArray(given)) return Object.fromEntries(given.map((t: Rec) => [String(t.Key ?? t.key), String(t.Value ?? t.value ?? "")]));
  return given && typeof given === "object" ? Object.fromEntries(Object.entries(given as Rec).map(([k, v]) => [k, String(v)])) : undefined;
}

/** Another id of the same form: its last run of hex digits replaced (`farm-<32 hex>`, a run's `jr_<64 hex>`, an ARN's UUID). */
function anotherId(id: string, seed: number, n: number): string {
  const m = /[0-9a-f]{8,}(?=[^0-9a-f]*$)/.exec(id) ?? /[0-9a-f-]{8,}(?=[^0-9a-f-]*$)/.exec(id);
  if (!m) return `${id}-${n + 2}`;
  const hex = hex32(seed, `${id}\0${n}`).repeat(Math.ceil(m[0].length / 32) + 1);
  let k = 0;
  const next = m[0].replace(/[0-9a-f]/g, () => hex[k++]!);
  return id.slice(0, m.index) + next + id.slice(m.index + m[0].length);
}

/** Whether two entities have the same members with the same values (times by their instant, structures by their JSON). */
function same(a: Rec, b: Rec): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : typeof x !== "object" || typeof y !== "object" || x === null || y === null || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

/** A value with every string equal to `from` (or holding it) written with `to` instead. */
function replaced(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return value.includes(from) ? value.split(from).join(to) : value;
  if (Array.isArray(value)) return value.map((v) => replaced(v, from, to));
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, from, to)]));
  return value;
}

/** An entity whose string members the service keeps in a structure (a cron string as a crawler's schedule) put there. */
function wrapped(entity: Rec, shape: StructureShape | undefined, data: CreationData): Rec {
  if (!shape || !data.wraps) return entity;
  let next = entity;
  for (const [member, { into, with: extra }] of Object.entries(data.wraps)) {
    const target = (shape.members as Record<string, Shape>)[member];
    if (typeof entity[member] === "string" && target?.kind === "structure" && Object.hasOwn(target.members, into)) next = { ...next, [member]: { ...extra, [into]: entity[member] } };
  }
  return next;
}

/** An entity with what the service sets when it creates or changes it: timestamps now, members it lacks yet, start values. */
function stamped(entity: Rec, shape: StructureShape | undefined, data: CreationData, when: "created" | "updated", now: Date): Rec {
  if (!shape) return entity;
  const has = (m: string) => Object.hasOwn(shape.members, m);
  const next = { ...entity };
  if (when === "created") {
    for (const m of data.absent ?? []) delete next[m];
    for (const [m, v] of Object.entries(data.values ?? {})) if (has(m)) next[m] = v;
    for (const m of data.createdAt ?? []) if (has(m)) next[m] = now;
  } else for (const m of data.updatedAt ?? []) if (has(m)) next[m] = now;
  return next;
}

/** A resource's identifiers, in order, as JSON text: what its keys are made of. */
function identifiersText(ids: Readonly<Record<string, unknown>>, resource: Resource): string {
  return JSON.stringify(resource.identifiers.map((i) => ids[i]));
}

/** Entities made from their identity kept per engine: a repeated read of one is a lookup. */
const IDENTITY_LIMIT = 512;

/**
 * The member of a structure that names an identifier, whatever its case: the same name (`catalogId` for
 * `CatalogId`), else the identifier's last word (`Values` for `PartitionValues`).
 */
function memberNaming(members: readonly string[], identifier: string): string | undefined {
  const i = identifier.toLowerCase();
  return members.find((m) => m.toLowerCase() === i) ?? members.find((m) => i.endsWith(m.toLowerCase()));
}

/** A key's members by the identifiers they name (`catalogId` → `CatalogId`). */
function byIdentifier(key: Rec, identifiers: readonly string[]): Rec {
  const out: Rec = { ...key };
  const members = Object.keys(key);
  for (const i of identifiers) {
    const k = memberNaming(members, i);
    if (k !== undefined && out[i] === undefined) out[i] = key[k];
  }
  return out;
}

/** The structure an operation's output holds its entity in (`""`: the output itself). */
function entityShape(read: Operation, member: string | undefined): StructureShape | undefined {
  const out = read.response.shape as StructureShape;
  if (member === "") return out;
  const shape = member ? (out.members as Record<string, Shape>)[member] : undefined;
  return shape?.kind === "structure" ? shape : undefined;
}

/** An entity as an item of a listing's list member: the members of the item's structure (a summary) it has. */
function itemOf(op: Operation, member: string, entity: Rec, entityShape?: string, ids?: Rec): Rec {
  const list = (op.response.shape.members as Record<string, Shape>)[member];
  if (list?.kind !== "list" || list.member.kind !== "structure") return entity;
  const item = list.member;
  // An item that wraps the entity with its keys (Glue's `BatchTableOptimizer`: the keys, and `tableOptimizer`).
  const wrapper = entityShape ? Object.entries(item.members as Record<string, Shape>).find(([, m]) => m.kind === "structure" && m.name === entityShape)?.[0] : undefined;
  if (wrapper && ids) return fitting(item, { ...keysAs(item, ids), [wrapper]: fitting(item.members[wrapper] as StructureShape, entity) });
  return fitting(item, entity);
}

/** Identifiers under the names a structure gives them (`CatalogId` → `catalogId`). */
function keysAs(shape: StructureShape, ids: Rec): Rec {
  const out: Rec = {};
  const members = Object.keys(shape.members);
  for (const [i, v] of Object.entries(ids)) {
    const m = memberNaming(members, i);
    if (m) out[m] = v;
  }
  return out;
}

/**
 * What a request gives, over what was generated: structures member by member, while a map, a list or a value the
 * request gives is the whole of it (a connection's properties are the ones given, not those and generated ones).
 */
function overlay(shape: StructureShape | undefined, base: Rec, given: Rec): Rec {
  if (!shape) return deepMerge(base, given);
  const out: Rec = { ...base };
  for (const [k, v] of Object.entries(given)) {
    const member = (shape.members as Record<string, Shape>)[k];
    const under = out[k];
    out[k] = member?.kind === "structure" && v && typeof v === "object" && !Array.isArray(v) && under && typeof under === "object" && !Array.isArray(under) && !(under instanceof Date) ? overlay(member, under as Rec, v as Rec) : v;
  }
  return out;
}

/** The members of a value that the entity's structure has, at every depth (an input's `TableInput` onto the `Table`). */
function fitting(shape: StructureShape | undefined, value: Rec): Rec {
  if (!shape) return {};
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => v !== undefined && Object.hasOwn(shape.members, k)).map(([k, v]) => [k, conform((shape.members as Record<string, Shape>)[k]!, v)]));
}

/** A value without the members its shape lacks (what a request gave that the entity never shows, such as credentials). */
function conform(shape: Shape, value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Uint8Array) return value;
  if (shape.kind === "structure" && !Array.isArray(value)) return fitting(shape, value as Rec);
  if (shape.kind === "list" && Array.isArray(value)) return value.map((v) => conform(shape.member, v));
  if (shape.kind === "map" && !Array.isArray(value)) return Object.fromEntries(Object.entries(value as Rec).map(([k, v]) => [k, conform(shape.value, v)]));
  return value;
}

/** An identifier's value: in the request, its entity input, the answer, or the answer's entity (`JobName` → the job's `Name`). */
function pick(id: string, ...sources: (Rec | undefined | string)[]): unknown {
  const entityName = sources.at(-1) as string;
  for (const source of sources.slice(0, -1) as (Rec | undefined)[]) {
    if (!source) continue;
    if (source[id] !== undefined) return source[id];
    // A generic `Identifier` is the entity's `Id` (Glue's glossaries).
    if (id === "Identifier" && source.Id !== undefined) return source.Id;
    const own = /^(.*?)(Id|Name|Arn|ARN|Values|id|name|arn)$/.exec(id);
    if (own && own[1] && entityName.toLowerCase().endsWith(own[1].toLowerCase())) {
      const key = Object.keys(source).find((k) => k.toLowerCase() === own[2]!.toLowerCase());
      if (key && source[key] !== undefined) return source[key];
    }
    // `RunId` answered as `JobRunId` (a qualified id only: a bare `Name` is not `DatabaseName`).
    const longer = own && own[1] ? Object.keys(source).find((k) => k.endsWith(id) && typeof source[k] === "string") : undefined;
    if (longer) return source[longer];
  }
  // One level down: the request's member that holds the entity in one of its forms (Glue's `GrokClassifier.Name`).
  const outer = sources[0] as Rec | undefined;
  for (const value of Object.values(outer ?? {})) {
    if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && typeof (value as Rec)[id] === "string") return (value as Rec)[id];
  }
  return undefined;
}
