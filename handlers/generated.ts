import { Recent } from "./recent.js";
import { sha256Base64 } from "../src/platform.js";
import { takes } from "../factories/core/generic.js";
import { deepMerge } from "../factories/core/merge.js";
import { hashSeed } from "../factories/core/random.js";
import type { Factories } from "../factories/index.js";
import type { Operation, Shape, StructureShape } from "../src/index.js";
import { setOwn } from "../src/model/own.js";
import { outside } from "../src/contracts/bounds.js";

/**
 * Answers for operations without a store: built by the factories, seeded by the request's identifying
 * members (the same input gives the same answer), with the identifiers of the input in the output,
 * and paged as the model's `@paginated` trait says.
 */

/** How many items a generated collection holds, at most and at least. */
const COLLECTION = { min: 3, max: 12 };
/** A page when the caller names no size: the page-size member's maximum, up to this. */
const DEFAULT_PAGE = 100;
/** Answers kept per mock: a repeated call costs a lookup. */
const CACHE_LIMIT = 512;

export type Generated = { readonly body: string } | { readonly invalidToken: string };

export class GeneratedAnswers {
  readonly #cache = new Recent<string, Generated>(CACHE_LIMIT);
  /** The region of the request being answered (the client's): every ARN of the answer names it. */
  region: string | undefined;
  /** Makes a generated list's items the entities their identifiers stand for (the resource engine's). */
  project: ((op: Operation, input: Record<string, unknown>, output: Record<string, unknown>) => Record<string, unknown>) | undefined;

  constructor(
    readonly factories: Factories,
    readonly seed: number,
  ) {}

  reset(): void {
    this.#cache.clear();
  }

  /** The wire body answering `input` (already validated), or why its page token is not one we gave. */
  answer(op: Operation, input: Record<string, unknown>): Generated {
    const identity = identityOf(op, input);
    const paging = op.paginated;
    const page = paging ? [input[paging.inputToken] ?? "", input[paging.pageSize ?? ""] ?? ""] : [];
    // The key is a digest: a large input must not be kept once per cached answer.
    const key = sha256Base64(`${op.id}\n${this.region ?? ""}\n${identity}\n${canonical(page)}`);
    let answer = this.#cache.get(key);
    if (answer === undefined) {
      answer = this.#build(op, input, identity);
      // A rejected page token is answered anew each time: an error is never kept.
      if ("invalidToken" in answer) return answer;
      this.#cache.set(key, answer);
    }
    return answer;
  }

  /**
   * The SDK-side output generated for `input` (one page, not cached), with the input's identifiers in it: what
   * the resource engine builds its entities from; with `partial`, the test's members over it (in the state
   * they set, with its rules).
   */
  output(op: Operation, input: Record<string, unknown>, partial?: unknown): Record<string, unknown> {
    const output = this.factories.operation(op.id as never).build(partial as never, { seed: this.#seed(op, identityOf(op, input)), ...this.#where() }) as Record<string, unknown>;
    echo(op, input, output);
    return output;
  }

  /** A planned answer to `input`: the generated output with the test's members, which win over the echoed identifiers. */
  planned(op: Operation, input: Record<string, unknown>, partial: unknown): string {
    const output = this.output(op, input, partial);
    return op.response.encodeJson(deepMerge(output, completeItems(output, partial)));
  }

  #where(): { region?: string } {
    return this.region === undefined ? {} : { region: this.region };
  }

  /** The seed of everything generated for one input of an operation. */
  #seed(op: Operation, identity: string): number {
    return hashSeed(this.seed, `${op.id}\n${identity}`);
  }

  #build(op: Operation, input: Record<string, unknown>, identity: string): Generated {
    const seed = this.#seed(op, identity);
    const factory = this.factories.operation(op.id as never);
    const where = this.#where();
    const output = factory.build(undefined, { seed, ...where }) as Record<string, unknown>;
    const shape = op.response.shape as StructureShape;
    const paging = op.paginated;
    if (paging) {
      // The output factory builds one complete page: no next token of its own.
      const lists = pagedLists(shape, paging.items);
      if (lists.length) {
        const total = COLLECTION.min + (seed % (COLLECTION.max - COLLECTION.min + 1));
        const token = input[paging.inputToken];
        const tag = hashSeed(seed, "token").toString(36);
        let offset = 0;
        if (token !== undefined) {
          const m = /^P(\d+)T([0-9a-z]+)$/.exec(String(token));
          if (!m || m[2] !== tag || Number(m[1]) > total) return { invalidToken: `The ${paging.inputToken} is not valid for this request.` };
          offset = Number(m[1]);
        }
        const size = pageSize(op, input);
        const end = Math.min(total, offset + size);
        for (const list of lists) output[list] = [];
        // Item i is the same on every page and in every call: built from its own seed, once for all the lists.
        for (let i = offset; i < end; i++) {
          const one = factory.build(undefined, { seed: hashSeed(seed, `item ${i}`), ...where }) as Record<string, unknown>;
          for (const list of lists) {
            const built = one[list] as unknown[] | undefined;
            if (built?.length) (output[list] as unknown[]).push(built[0]);
          }
        }
        // Items built one by one drew parents of their own: they are the parent's the request names, or else the first item's.
        for (const list of lists) underOneParent(output[list] as unknown[], input);
        // Letters and digits only: every service's token pattern takes them.
        if (end < total) output[paging.outputToken] = `P${end}T${tag}`;
      }
    }
    echo(op, input, output);
    return { body: op.response.encodeJson(this.project ? this.project(op, input, output) : output) };
  }
}

/** The test's members, with the lists it gave taken whole from the build (their items were completed there). */
function completeItems(built: Record<string, unknown>, partial: unknown): unknown {
  if (!partial || typeof partial !== "object" || Array.isArray(partial)) return partial;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(partial)) {
    if (Array.isArray(v)) out[k] = built[k];
    else if (v && typeof v === "object" && !(v instanceof Date) && built[k] && typeof built[k] === "object") out[k] = completeItems(built[k] as Record<string, unknown>, v);
    else out[k] = v;
  }
  return out;
}

/** The input without what does not identify the resource: page token and size, idempotency tokens. */
function identityOf(op: Operation, input: Record<string, unknown>): string {
  let skip = notIdentifying.get(op.id);
  if (!skip) {
    const names = new Set<string>(tokenMembers(op));
    if (op.paginated) (names.add(op.paginated.inputToken), op.paginated.pageSize && names.add(op.paginated.pageSize));
    notIdentifying.set(op.id, (skip = names));
  }
  return canonical(input, skip);
}
/** The members of each operation's input that do not identify (`identityOf`), found once. */
const notIdentifying = new Map<string, ReadonlySet<string>>();

/** The request members an operation's model marks as idempotency tokens, found once per operation. */
const tokens = new Map<string, readonly string[]>();
export function tokenMembers(op: Operation): readonly string[] {
  let names = tokens.get(op.id);
  if (!names) tokens.set(op.id, (names = Object.entries(op.request.shape.members as Record<string, Shape>).filter(([, m]) => m.idempotencyToken).map(([name]) => name)));
  return names;
}

/** JSON with every object's keys sorted (and `skip` left out at the top): the same for the same value, however written. */
export function canonical(value: unknown, skip?: ReadonlySet<string>): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).filter((k) => !skip?.has(k)).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The output lists a page holds: the model's `items`, else every top-level list (they page together). */
function pagedLists(shape: StructureShape, items: string | undefined): string[] {
  // Items that are a map (Device Farm's unique problems by result) come whole, on one page.
  if (items) return (shape.members as Record<string, Shape>)[items]?.kind === "list" ? [items] : [];
  return Object.entries(shape.members as Record<string, Shape>).filter(([, m]) => m.kind === "list").map(([name]) => name);
}

function pageSize(op: Operation, input: Record<string, unknown>): number {
  const member = op.paginated?.pageSize;
  const asked = member === undefined ? undefined : input[member];
  if (typeof asked === "number" && asked > 0) return asked;
  const shape = member === undefined ? undefined : (op.request.shape.members as Record<string, Shape>)[member];
  const max = shape && (shape.kind === "integer" || shape.kind === "long") ? shape.range?.max : undefined;
  return Math.min(max ?? DEFAULT_PAGE, DEFAULT_PAGE);
}

const IDENTIFIER = /(Id|Name|Arn|ARN|id|name|arn)$/;
/** An identifier that names its own structure, whatever it is (`arn`, `Id`, `Name`). */
const OWN = /^(id|name|arn)$/i;

/**
 * Puts the input's identifiers where the output names the same thing: a member of the same name at the
 * top, in the entity the output holds, or in each listed item (`GetJobRun { JobName, RunId }` answers
 * that job's run: `JobRun.JobName`, and `JobRun.Id` for `RunId`). A value the output's constraints
 * do not accept is left as generated.
 */
function echo(op: Operation, input: Record<string, unknown>, output: Record<string, unknown>): void {
  const shape = op.response.shape as StructureShape;
  const members = shape.members as Record<string, Shape>;
  const paging = op.paginated;
  // The ids of an ARN the input replaces, renamed wherever the answer names them (a run's console URL, its
  // upload's and device pool's project).
  const renames: [string, string][] = [];
  const set = (shape: Shape, target: Record<string, unknown>, name: string, value: string | number | string[]): boolean => {
    const old = target[name];
    const ok = setIdentifier(shape, target, name, value);
    if (ok && typeof old === "string" && typeof value === "string" && old !== value) renames.push(...renamedIds(old, value));
    return ok;
  };
  echoInto(input, members, output, paging?.inputToken, set);
  if (renames.length) renameIn(output, renames);
}

function echoInto(input: Record<string, unknown>, members: Record<string, Shape>, output: Record<string, unknown>, pageToken: string | undefined, set: (shape: Shape, target: Record<string, unknown>, name: string, value: string | number | string[]) => boolean): void {
  for (const [name, value] of Object.entries(input)) {
    const values = Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string") && /Values$/.test(name);
    // (A whole-number id names a numbered resource: Glue's statement `Id`.)
    const numbered = typeof value === "number" && Number.isSafeInteger(value) && /(^|[a-z])Id$/.test(name);
    if ((typeof value !== "string" && !values && !numbered) || (!values && !IDENTIFIER.test(name)) || name === pageToken) continue;
    const direct = members[name];
    if (direct && set(direct, output, name, value)) continue;
    for (const [member, m] of Object.entries(members)) {
      const target = output[member];
      if (m.kind === "structure" && !m.union && target && typeof target === "object") {
        const entity = m as StructureShape;
        const inner = target as Record<string, unknown>;
        const own = ownMember(entity, name);
        if (own) set((entity.members as Record<string, Shape>)[own]!, inner, own, value);
      } else if (m.kind === "list" && m.member.kind === "structure" && Array.isArray(target)) {
        const item = m.member as StructureShape;
        // A list item's own identifier is its own (the runs of a project each have their own `arn`), never the input's;
        // but where an item has an id of its own (a `WorkflowRun`'s `WorkflowRunId`), its `Name` names its parent.
        const same = OWN.test(name) && !Object.hasOwn(item.members, `${item.name}Id`) ? undefined : (item.members as Record<string, Shape>)[name];
        if (same) for (const t of target) set(same, t as Record<string, unknown>, name, value);
      }
    }
  }
}

const ownMembers = new WeakMap<StructureShape, Map<string, string | undefined>>();
/** The entity member an input identifier names: the same name, or `<Entity>Id` → `Id` when the entity is named so (found once). */
export function ownMember(entity: StructureShape, input: string): string | undefined {
  let byInput = ownMembers.get(entity);
  if (!byInput) ownMembers.set(entity, (byInput = new Map()));
  if (byInput.has(input)) return byInput.get(input);
  const member = findOwnMember(entity, input);
  byInput.set(input, member);
  return member;
}

function findOwnMember(entity: StructureShape, input: string): string | undefined {
  const names = Object.keys(entity.members);
  if (names.includes(input)) return input;
  const m = /^(.*?)(Id|Name|Arn|ARN|id|name|arn|Values)$/.exec(input);
  if (!m || !m[1] || !entity.name.toLowerCase().endsWith(m[1].toLowerCase())) return undefined;
  // `RunId` of a `WorkflowRun`: its `Id`, or its `WorkflowRunId`.
  const suffix = m[2]!.toLowerCase();
  return names.find((n) => n.toLowerCase() === suffix) ?? names.find((n) => n.toLowerCase() === `${entity.name}${suffix}`.toLowerCase());
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):([^:/]+)([:/])(.+)$/;

/**
 * An ARN moved under a parent of its service: the parent's partition, region, account and resource path in place
 * of as many of its own leading ids, its own ids below (`job:<p'>/<r'>/<j>` under `run:<p>/<r>` is `job:<p>/<r>/<j>`).
 * As it was where the parent is of another service; where the ARN does not go below the parent's depth, as it was
 * too, or, `always`, its last id under the parent's path (what a listing names is the parent of what it lists).
 */
export function arnUnder(arn: string, parent: string, always = false): string {
  const m = ARN.exec(arn);
  const of = ARN.exec(parent);
  if (!m || !of || m[2] !== of[2]) return arn;
  const path = of[7]!.split("/");
  const own = m[7]!.split("/");
  if (own.length <= path.length && !always) return arn;
  const below = own.length > path.length ? own.slice(path.length) : own.slice(-1);
  return `arn:${of[1]}:${of[2]}:${of[3]}:${of[4]}:${m[5]}${m[6]}${[...path, ...below].join("/")}`;
}

/**
 * The items of a page under one parent (`arnUnder`): the ARN the request names (of the same service), else the first
 * item's parents (its path but the last id). Their UUIDs are renamed in the whole item (a run's console URL).
 */
function underOneParent(items: unknown[], input: Record<string, unknown>): void {
  const arnOf = (item: unknown) => (item && typeof item === "object" && typeof (item as Record<string, unknown>).arn === "string" ? ((item as Record<string, unknown>).arn as string) : undefined);
  const first = items.map(arnOf).find((a) => a !== undefined);
  const firstParts = first ? ARN.exec(first) : null;
  if (!firstParts) return;
  const named = Object.values(input).find((v): v is string => typeof v === "string" && ARN.exec(v)?.[2] === firstParts[2]);
  const parent = named ?? `arn:${firstParts[1]}:${firstParts[2]}:${firstParts[3]}:${firstParts[4]}:${firstParts[5]}${firstParts[6]}${firstParts[7]!.split("/").slice(0, -1).join("/")}`;
  if (!named && !firstParts[7]!.includes("/")) return;
  for (let i = 0; i < items.length; i++) {
    const arn = arnOf(items[i]);
    if (!arn) continue;
    const next = arnUnder(arn, parent);
    if (next === arn) continue;
    const item = renamed(items[i], renamedIds(arn, next)) as Record<string, unknown>;
    item.arn = next;
    items[i] = item;
  }
}

/**
 * The ids one ARN has where another has its own: the UUIDs of `from`'s resource path, each with what `to` has in
 * its place (`run:<p1>/<r1>` → `run:<p2>/<r2>` renames p1 and r1). UUIDs, which name nothing else by chance, and
 * five-digit ids between slashes.
 */
export function renamedIds(from: string, to: string): [string, string][] {
  const path = (arn: string) => arn.split(":").slice(6).join(":").split(/[/:]/);
  if (!from.startsWith("arn:") || !to.startsWith("arn:")) return [];
  const a = path(from);
  const b = path(to);
  if (a.length !== b.length) return [];
  return a.flatMap((id, i): [string, string][] => {
    const to = b[i]!;
    if (id === to) return [];
    if (UUID.test(id) && UUID.test(to)) return [[id, to]];
    // A number in a path (Device Farm's job `00001`) is renamed only between slashes, where a path names it.
    return /^[0-9]{5}$/.test(id) && /^[0-9]{5}$/.test(to) ? [[`/${id}/`, `/${to}/`]] : [];
  });
}

/** A text with the ids renamed. */
function renameText(text: string, renames: readonly (readonly [string, string])[]): string {
  return renames.reduce((out, [from, to]) => (out.includes(from) ? out.replaceAll(from, to) : out), text);
}

/** A value with the ids renamed in every string: the value where nothing changes, else a copy (of what changes only). */
export function renamed(value: unknown, renames: readonly (readonly [string, string])[]): unknown {
  if (typeof value === "string") return renameText(value, renames);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = renamed(value[i], renames);
      if (next !== value[i]) (out ??= [...value])[i] = next;
    }
    return out ?? value;
  }
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const rec = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(rec)) {
      const next = renamed(rec[k], renames);
      if (next !== rec[k]) setOwn((out ??= { ...rec }), k, next);
    }
    return out ?? value;
  }
  return value;
}

/** An answer being built with the ids renamed in every string: the object itself keeps its identity, what changes below it is `renamed`'s copy. */
function renameIn(value: object, renames: readonly (readonly [string, string])[]): void {
  const next = renamed(value, renames) as Record<string, unknown>;
  if (next !== value) for (const k of Object.keys(next)) setOwn(value as Record<string, unknown>, k, next[k]);
}

function setIdentifier(shape: Shape, target: Record<string, unknown>, name: string, value: string | number | string[]): boolean {
  // (A whole number names a numbered resource, Glue's statement `Id`: it goes where the output holds one.)
  const one = (s: Shape, v: unknown) =>
    typeof v === "number" ? (s.kind === "integer" || s.kind === "long") && Number.isSafeInteger(v) && !outside(v, s.range) : typeof v === "string" && takes(s, v);
  const ok = Array.isArray(value) ? shape.kind === "list" && value.every((v) => one(shape.member, v)) : one(shape, value);
  if (ok) setOwn(target, name, value);
  return ok;
}
