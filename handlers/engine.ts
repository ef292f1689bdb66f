import { deepMerge } from "../factories/core/merge.js";
import { registry, type Operation, type Resource, type Shape, type StructureShape } from "../src/index.js";
import { hints, type StateRule } from "../factories/hints.js";
import { Progress, type Clock } from "./clock.js";
import type { Answer } from "./families/family.js";
import { lifecycles, type LifecycleData } from "./lifecycles.js";
import { ownMember, type GeneratedAnswers } from "./generated.js";

type Rec = Record<string, unknown>;

/** Marks an answer the engine leaves to the generator (a family holds the resource). */
const GENERATED: Answer = { output: Symbol.for("aws-sdk-contracts.generated") };
type Kind = keyof Resource["operations"];

interface Entry {
  /** The resource's identifiers, by name, with their values. */
  readonly ids: Readonly<Record<string, unknown>>;
  entity: Rec;
  /** Where it is in its lifecycle (a run that progresses), with the data that says how it moves. */
  readonly progress?: { readonly steps: Progress; readonly data: LifecycleData; stopped: boolean };
  /** The state rules of its structure (a FAILED run has its error; a RUNNING one none). */
  readonly rule?: StateRule;
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

  reset(): void {
    this.#stores.clear();
    this.#deleted.clear();
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
    this.#storeOf(store).set(key, { ids, entity });
    this.#deleted.delete(key);
    return entity;
  }

  #bound(op: Operation): { resource: Resource; kind: Kind } | undefined {
    let byOp = this.#index.get(op.service.id);
    if (!byOp) {
      byOp = new Map();
      for (const resource of registry.resources(op.service.id)) for (const [kind, name] of Object.entries(resource.operations)) byOp.set(name, { resource, kind: kind as Kind });
      this.#index.set(op.service.id, byOp);
    }
    return byOp.get(op.name);
  }

  /** The answer of a resource operation a test's earlier calls decide, or undefined (generated as before). */
  answer(op: Operation, input: Rec): Answer | undefined {
    const answered = this.#answer(op, input);
    return answered === GENERATED ? undefined : answered;
  }

  #answer(op: Operation, input: Rec): Answer | undefined {
    const bound = this.#bound(op);
    if (!bound?.resource.entity) return undefined;
    const { resource, kind } = bound;
    const store = `${op.service.id}:${resource.name}`;
    switch (kind) {
      case "create":
        return this.#create(op, input, resource, store);
      case "read":
        return this.#read(op, input, resource, store);
      case "update":
        return this.#update(op, input, resource, store);
      case "delete":
        return this.#delete(op, input, resource, store);
      case "stop":
        return this.#stop(op, input, resource, store);
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

  #key(store: string, ids: Readonly<Record<string, unknown>>, resource: Resource): string {
    return `${store}\0${JSON.stringify(resource.identifiers.map((i) => ids[i]))}`;
  }

  /** The identifiers a request names, or undefined when it does not name them all. */
  #idsOf(input: Rec, resource: Resource): Record<string, unknown> | undefined {
    const ids: Record<string, unknown> = {};
    for (const i of resource.identifiers) {
      if (input[i] === undefined) return undefined;
      ids[i] = input[i];
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
      const value = input[asNamed] ?? (id === "arn" ? Object.entries(input).find(([k, v]) => /arn$/i.test(k) && typeof v === "string" && v.includes(`:${parent.name.toLowerCase()}:`))?.[1] : undefined);
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

  #create(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const read = this.#readOf(op.service.id, resource);
    if (!read) return undefined;
    const missing = this.#missingParent(op, input, resource);
    if (missing) return missing;
    const created = this.generated.output(op, input);
    const given = (resource.entity!.inputs[op.name] ? input[resource.entity!.inputs[op.name]!] : input) as Rec | undefined;
    const outputEntity = this.#unwrap(resource, op.name, created);
    // The new resource's identifiers: named by the request (its entity input too), else made by the service (the answer).
    const ids: Record<string, unknown> = {};
    // An id the generated answer left out (an optional ARN) comes from an entity generated for this request.
    const guess = () => this.#unwrap(resource, read.name, this.generated.output(read, input)) ?? {};
    for (const i of resource.identifiers) {
      const value = pick(i, input, given, created, outputEntity, resource.entity!.shape) ?? pick(i, guess(), resource.entity!.shape);
      if (value === undefined) return undefined;
      ids[i] = value;
    }
    // An ARN the service makes for a resource under another (`devicepool:<project>/<pool>`) carries its parent's id, account and region.
    const own = resource.identifiers.at(-1)!;
    const parentArn = Object.entries(input).find(([k, v]) => k !== own && typeof v === "string" && v.startsWith("arn:"))?.[1] as string | undefined;
    if (parentArn && typeof ids[own] === "string") ids[own] = underParent(ids[own] as string, parentArn);
    const key = this.#key(store, ids, resource);
    const existing = this.#stores.get(store)?.get(key);
    if (existing && resource.errors.alreadyExists) return { error: resource.errors.alreadyExists, members: { message: `${resource.name} ${Object.values(ids).map(String).join("/")} already exists.` } };
    // The entity: what a read of these identifiers generates, with what the request gave it and what the create answered.
    const base = this.#unwrap(resource, read.name, this.generated.output(read, ids)) ?? {};
    const shape = entityShape(read, resource.entity!.outputs[read.name]);
    // Server-set members from the create's answer (an ARN), then what the request gave: the request wins.
    let entity = deepMerge(deepMerge(base, fitting(shape, outputEntity ?? {})), fitting(shape, given ?? {}));
    for (const [i, value] of Object.entries(ids)) {
      const own = shape ? ownMember(shape, i) : undefined;
      if (own) entity = { ...entity, [own]: value };
    }
    if (!read.response.validate(this.#wrap(resource, read.name, entity), { level: "sdk" }).ok) return undefined;
    const data = lifecycles[store];
    const rule = shape ? hints[op.service.id]?.states?.[shape.name] : undefined;
    const entry: Entry = { ids, entity, ...(data ? { progress: { steps: new Progress(data.phases, this.clock, this.timeOnly), data, stopped: false } } : {}), ...(rule ? { rule } : {}) };
    this.#storeOf(store).set(key, entry);
    entity = this.#now(entry, false);
    this.#deleted.delete(key);
    return { output: outputEntity !== undefined ? this.#wrap(resource, op.name, entity, created) : created };
  }

  #read(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const ids = this.#idsOf(input, resource);
    if (!ids) return undefined;
    const key = this.#key(store, ids, resource);
    const entry = this.#stores.get(store)?.get(key);
    if (entry) return { output: this.#wrap(resource, op.name, this.#now(entry, true)) };
    if ((this.fresh || this.#deleted.has(key)) && this.#models(op, resource.errors.notFound)) return this.#notFound(resource, ids);
    return undefined;
  }

  #update(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const ids = this.#idsOf(input, resource) ?? this.#idsOf({ ...input, ...(resource.entity!.inputs[op.name] ? (input[resource.entity!.inputs[op.name]!] as Rec) : {}) }, resource);
    if (!ids) return undefined;
    const key = this.#key(store, ids, resource);
    const entry = this.#stores.get(store)?.get(key);
    if (!entry) return this.#elsewhere(op, resource, ids) ?? ((this.fresh || this.#deleted.has(key)) && this.#models(op, resource.errors.notFound) ? this.#notFound(resource, ids) : undefined);
    const read = this.#readOf(op.service.id, resource)!;
    const changes = resource.entity!.inputs[op.name] ? (input[resource.entity!.inputs[op.name]!] as Rec) : Object.fromEntries(Object.entries(input).filter(([k]) => !resource.identifiers.includes(k)));
    const next = { ...entry.entity, ...fitting(entityShape(read, resource.entity!.outputs[read.name]), changes) };
    if (read.response.validate(this.#wrap(resource, read.name, next), { level: "sdk" }).ok) entry.entity = next;
    return { output: this.generated.output(op, input) };
  }

  /**
   * The entity as its lifecycle has it now: the state (a read counts as a poll), the timestamps entered
   * states set, the values a state sets, a duration, and the members the state's rules leave out.
   */
  #now(entry: Entry, poll: boolean): Rec {
    const p = entry.progress;
    if (!p) return entry.entity;
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
    const when = entry.rule?.member === p.data.member ? entry.rule.when[state] : undefined;
    for (const m of when?.absent ?? []) delete next[m];
    const d = p.data.duration;
    if (d && next[d.to] instanceof Date && next[d.from] instanceof Date) next[d.member] = Math.round(((next[d.to] as Date).getTime() - (next[d.from] as Date).getTime()) / 1000);
    else if (d) delete next[d.member];
    entry.entity = next;
    return next;
  }

  /** A stop starts the lifecycle's stop phases (a run STOPPING, then STOPPED or COMPLETED); `BatchStop…` stops each id it names. */
  #stop(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    const map = this.#stores.get(store);
    if (!map) return undefined;
    const own = resource.identifiers.at(-1)!;
    const listed = Object.entries(input).find(([k, v]) => Array.isArray(v) && k.endsWith("Ids"))?.[1] as unknown[] | undefined;
    const targets = (listed ?? [input[own] ?? input[Object.keys(input).find((k) => k.endsWith(own)) ?? ""]]).map((id) => ({ ...input, [own]: id }));
    let one: Entry | undefined;
    for (const target of targets) {
      const ids = this.#idsOf(target, resource);
      const entry = ids ? map.get(this.#key(store, ids, resource)) : undefined;
      const p = entry?.progress;
      if (!entry || !p?.data.stop || p.stopped) continue;
      const state = p.steps.state(false);
      if (state === p.data.phases.at(-1)!.state) continue;
      p.steps.then(p.data.stop);
      p.stopped = true;
      one = entry;
    }
    if (!one) return undefined;
    const output = this.generated.output(op, input);
    return { output: resource.entity!.outputs[op.name] === undefined ? output : this.#wrap(resource, op.name, this.#now(one, false), output) };
  }

  /**
   * A BatchGet answers exactly the keys it was asked for: those that exist in its entity list, the others in
   * its not-found list (Glue's `JobsNotFound`); with a populated account, each unknown key as its Get would.
   */
  #batchRead(op: Operation, input: Rec, resource: Resource, store: string): Answer | undefined {
    if (resource.identifiers.length !== 1) return undefined;
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
      if (entry) found.push(this.#now(entry, false));
      else if (this.fresh || this.#deleted.has(this.#key(store, { [id]: key }, resource))) missing.push(key);
      else found.push(this.#unwrap(resource, read.name, this.generated.output(read, { [id]: key })) ?? {});
    }
    // An empty list is left out where the model's list takes one item or more (Glue's `MissingWorkflows`).
    const allows = (name: string, items: unknown[]) => items.length > 0 || !((op.response.shape.members as Record<string, Shape>)[name] as { length?: { min?: number } }).length?.min;
    return { output: { ...(allows(member, found) ? { [member]: found } : {}), ...(missingMember && allows(missingMember, missing) ? { [missingMember]: missing } : {}) } };
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
        if (Object.entries(named).every(([k, v]) => JSON.stringify(entry.ids[k]) === JSON.stringify(v))) {
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
    const items = [...(map?.values() ?? [])].filter(under).map((e) => (names ? e.ids[own] : this.#now(e, false)));
    const paging = op.paginated;
    const start = paging && typeof input[paging.inputToken] === "string" ? Number(/^E(\d+)$/.exec(String(input[paging.inputToken]))?.[1] ?? NaN) : 0;
    if (!Number.isInteger(start) || start > items.length) return undefined;
    const asked = paging?.pageSize ? input[paging.pageSize] : undefined;
    const size = typeof asked === "number" && asked > 0 ? asked : 100;
    const page = items.slice(start, start + size);
    const output: Rec = { [member]: page };
    if (paging && start + size < items.length) output[paging.outputToken] = `E${start + size}`;
    return { output };
  }
}

/** A child ARN rebuilt under its parent's: `arn:aws:svc:region:account:type:<parent id>/<own id>`. */
function underParent(arn: string, parent: string): string {
  const child = /^arn:([^:]+):([^:]+):[^:]*:[^:]*:([^:/]+)[:/](.+)$/.exec(arn);
  const of = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):[^:/]+[:/](.+)$/.exec(parent);
  if (!child || !of || child[2] !== of[2]) return arn;
  return `arn:${of[1]}:${of[2]}:${of[3]}:${of[4]}:${child[3]}:${of[5]}/${child[4]!.split("/").at(-1)}`;
}

/** The structure an operation's output holds its entity in (`""`: the output itself). */
function entityShape(read: Operation, member: string | undefined): StructureShape | undefined {
  const out = read.response.shape as StructureShape;
  if (member === "") return out;
  const shape = member ? (out.members as Record<string, Shape>)[member] : undefined;
  return shape?.kind === "structure" ? shape : undefined;
}

/** The members of a value that the entity's structure has (an input's `TableInput` onto the `Table`). */
function fitting(shape: StructureShape | undefined, value: Rec): Rec {
  if (!shape) return {};
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => v !== undefined && Object.hasOwn(shape.members, k)));
}

/** An identifier's value: in the request, its entity input, the answer, or the answer's entity (`JobName` → the job's `Name`). */
function pick(id: string, ...sources: (Rec | undefined | string)[]): unknown {
  const entityName = sources.at(-1) as string;
  for (const source of sources.slice(0, -1) as (Rec | undefined)[]) {
    if (!source) continue;
    if (source[id] !== undefined) return source[id];
    const own = /^(.*?)(Id|Name|Arn|ARN|id|name|arn)$/.exec(id);
    if (own && own[1] && entityName.toLowerCase().endsWith(own[1].toLowerCase())) {
      const key = Object.keys(source).find((k) => k.toLowerCase() === own[2]!.toLowerCase());
      if (key && source[key] !== undefined) return source[key];
    }
    // `RunId` answered as `JobRunId` (a qualified id only: a bare `Name` is not `DatabaseName`).
    const longer = own && own[1] ? Object.keys(source).find((k) => k.endsWith(id) && typeof source[k] === "string") : undefined;
    if (longer) return source[longer];
  }
  return undefined;
}
