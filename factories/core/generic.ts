import { setOwn } from "../../src/model/own.js";
import type { Service, Shape, StructureShape } from "../../src/index.js";
import type { Hints, StateRule } from "../hints.js";
import { deepMerge } from "./merge.js";
import { samplePattern } from "./pattern.js";
import { REFERENCE_DATE, nameHash, type Gen } from "./random.js";
import { accountId, ec2HostName, fullIpv6, privateIpv4, roundTo } from "./values.js";
import { SETTING_KEYS, capital, dataBucket, description, failure, note, principalArn, resourceName, roleName, s3Location, subject, wordsOf } from "./vocabulary.js";

/**
 * The generic factory: a realistic value for any shape, driven by the shape's constraints and its
 * member names. Hand-tuned entity factories (refinements) take over for the shapes they build;
 * service hints are data (formats, states), so nothing here knows a service by name.
 */

/** Builds one entity shape the way a hand-tuned factory does. */
export type Refinement = (gen: Gen) => unknown;

export interface GenericContext {
  readonly service: Service;
  readonly hints: Hints;
  /** Hand-tuned factories, by the structure they build. */
  readonly refinements: ReadonlyMap<Shape, Refinement>;
  /** Structures left to build in this value: a bound on the size of deep, wide models. */
  budget: number;
  /** States chosen by the caller (an override or a trait), by structure name: the state's rules follow. */
  readonly states?: Readonly<Record<string, string>>;
}

/** How often an optional member is present, by structure depth; deep models thin out. */
const PRESENCE = [1, 0.92, 0.6, 0.35, 0.15];
/** The most optional members a structure at this depth has (wide models stay readable). */
const WIDTH = [Infinity, Infinity, 12, 6, 3];
/** The members that name their own structure. */
const OWN_ID = /^(name|id|arn)$/i;
/** How much rarer than usual a member is that a structure's usual members leave out. */
const RARE = 0.08;
/** Past this depth only required members are built. */
const MAX_OPTIONAL_DEPTH = 7;
const MAX_DEPTH = 40;

/** A compiled `@pattern`, kept per source text. */
const regexes = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = regexes.get(pattern);
  if (!re) regexes.set(pattern, (re = new RegExp(pattern, "u")));
  return re;
}

const lengthOf = (text: string): number => {
  // Unicode scalar values, as Smithy counts; ASCII (what we generate) is the fast path.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : [...text].length;
};

/** Whether a text is a value of a string or enum shape: within its length and pattern, or one of its values. */
export function takes(shape: Shape, text: string): boolean {
  return shape.kind === "string" ? fits(shape, text) : shape.kind === "enum" ? shape.values.includes(text) : false;
}

/** Whether a string meets a shape's length and pattern. */
export function fits(shape: { readonly length?: { min?: number; max?: number }; readonly pattern?: string }, text: string): boolean {
  const length = shape.length;
  if (length) {
    // A string has at most as many code points as UTF-16 units and at least half as many: count them only
    // when the bounds are that close (rarely: what we generate is ASCII).
    const { min, max } = length;
    if ((max !== undefined && text.length > max) || (min !== undefined && text.length < 2 * min)) {
      const n = lengthOf(text);
      if (min !== undefined && n < min) return false;
      if (max !== undefined && n > max) return false;
    }
  }
  return shape.pattern === undefined || regex(shape.pattern).test(text);
}

/**
 * What one owner's data (a hints table, a service) decides for the members of a structure: the cache of
 * `owner` → structure → member the place caches below share, found once per owner and structure.
 */
function placeCache<O extends object, T>(cache: WeakMap<O, Map<string, Map<string, T>>>, owner: O, parent: string): Map<string, T> {
  let byParent = cache.get(owner);
  if (!byParent) cache.set(owner, (byParent = new Map()));
  let byName = byParent.get(parent);
  if (!byName) byParent.set(parent, (byName = new Map()));
  return byName;
}

/** A hint given by place (`Table.PartitionKeys`), found once per place. */
function byPlace<T>(table: Readonly<Record<string, T>> | undefined, cache: WeakMap<object, Map<string, Map<string, T | undefined>>>, parent: string, name: string): T | undefined {
  if (!table) return undefined;
  const byName = placeCache(cache, table, parent);
  if (byName.has(name)) return byName.get(name);
  const value = table[`${parent}.${name}`];
  byName.set(name, value);
  return value;
}
const profilesByPlace = new WeakMap<object, Map<string, Map<string, readonly Readonly<Record<string, unknown>>[] | undefined>>>();
const countsByPlace = new WeakMap<object, Map<string, Map<string, readonly [number, number] | undefined>>>();

/**
 * A value of `shape` for the member `name` of structure `parent`, under the generator's field path.
 * @example generate(shapes().JobRun, gen, "JobRun", "GetJobRunResponse", 1, context)
 */
export function generate(shape: Shape, gen: Gen, name: string, parent: string, depth: number, ctx: GenericContext): unknown {
  switch (shape.kind) {
    case "structure": {
      const refinement = ctx.refinements.get(shape);
      if (refinement) return refinement(gen);
      return structure(shape, gen, depth, ctx, byPlace(ctx.hints.profiles, profilesByPlace, parent, name));
    }
    case "list":
      return list(shape, gen, singular(name), parent, depth, ctx, byPlace(ctx.hints.counts, countsByPlace, parent, name));
    case "map":
      return map(shape, gen, name, parent, depth, ctx);
    case "string":
      return string(shape, gen, name, parent, ctx);
    case "enum": {
      const format = formatOf(ctx.hints, parent, name);
      const hinted = format ? samplePattern(format, gen.stream("$format")) : undefined;
      return hinted !== undefined && shape.values.includes(hinted) ? hinted : gen.pick("", shape.values);
    }
    case "integer":
    case "long":
    case "double":
      return number(shape, gen, name, ctx.hints.ranges?.[`${parent}.${name}`]);
    case "boolean":
      return gen.bool("");
    case "timestamp":
      return gen.past("", 30, 5);
    case "blob":
      return Uint8Array.from({ length: 16 }, (_, i) => gen.int(String(i), 0, 255));
    case "document":
      return { source: gen.faker("").word.noun(), count: gen.int("n", 1, 20), enabled: true };
  }
}

/** A list's items, as many as `hinted` says (or a few), each named `item` (`Column` of `Columns`). */
function list(shape: Extract<Shape, { kind: "list" }>, gen: Gen, item: string, parent: string, depth: number, ctx: GenericContext, hinted: readonly [number, number] | undefined): unknown[] {
  const count = itemCount(shape.length, gen, depth, ctx, hinted);
  const items = new Array<unknown>(count);
  // Items of a place with profiles (a table's columns) each take another, as a table has each column once.
  const member = shape.member;
  const placed = member.kind === "structure" && !ctx.refinements.get(member) ? (byPlace(ctx.hints.profiles, profilesByPlace, parent, item) ?? planOf(member, ctx.hints).profiles) : undefined;
  if (placed && member.kind === "structure" && placed.length >= count && count > 1) {
    // A start and a stride prime to their number: each once, in an order of the build's own.
    const n = placed.length;
    const start = gen.int("$profiles", 0, n - 1);
    const strides = STRIDES[n] ?? (STRIDES[n] = Array.from({ length: n }, (_, k) => k).filter((k) => k > 0 && gcd(k, n) === 1));
    const stride = gen.pick("$stride", strides);
    for (let i = 0; i < count; i++) items[i] = structure(member, gen.at(indexName(i), indexHash(i)), depth, ctx, [placed[(start + i * stride) % n]!]);
  } else for (let i = 0; i < count; i++) items[i] = generate(member, gen.at(indexName(i), indexHash(i)), item, parent, depth, ctx);
  return shape.member.kind === "structure" && Object.hasOwn(shape.member.members, "Name") ? distinctNames(items) : items;
}

/** The strides prime to a number of profiles, by that number (made once). */
const STRIDES: (readonly number[] | undefined)[] = [];
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The path steps of list items and map entries (`"0"`, `"1"`, …) and their hashes, made once. */
const INDEX_NAMES = Array.from({ length: 64 }, (_, i) => String(i));
const INDEX_HASHES = INDEX_NAMES.map((n) => nameHash(n));
const indexName = (i: number): string => INDEX_NAMES[i] ?? String(i);
const indexHash = (i: number): number | undefined => INDEX_HASHES[i];

/** A structure's members; `placed`: the profiles hinted for where it sits (`Table.PartitionKeys`). */
function structure(shape: StructureShape, gen: Gen, depth: number, ctx: GenericContext, placed?: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw new Error(`[aws-sdk-contracts] Failed to build ${shape.name}: its required members nest deeper than ${MAX_DEPTH} levels.`);
  ctx.budget--;
  const members = shape.members as Record<string, Shape>;
  if (shape.union) {
    const out: Record<string, unknown> = {};
    const names = Object.keys(members);
    // Exactly one member; deep in a model, prefer one that ends the recursion.
    const leaves = leavesOf(members, names);
    const pool = depth > 3 && leaves.length ? leaves : names;
    const chosen = gen.pick("$union", pool);
    out[chosen] = generate(members[chosen]!, gen.at(chosen), chosen, shape.name, depth + 1, ctx);
    return out;
  }
  const plan = planOf(shape, ctx.hints);
  const out: Record<string, unknown> = {};
  const { names, kinds, shapes, always: present, presence, hashes, references, rare } = plan;
  const optional = depth > MAX_OPTIONAL_DEPTH || ctx.budget <= 0 ? 0 : (PRESENCE[depth] ?? PRESENCE.at(-1)!);
  let width: number = WIDTH[depth] ?? WIDTH.at(-1)!;
  // A state member decides others (a FAILED run has an error message): it is drawn first.
  const state = plan.state;
  const chosen = state && ctx.states && Object.hasOwn(ctx.states, shape.name) ? ctx.states[shape.name] : undefined;
  const stateValue = state ? (chosen ?? gen.at(state.member).pick("", state.values)) : undefined;
  const stateIndex = stateValue === undefined ? -1 : state!.values.indexOf(stateValue);
  const forced = stateIndex >= 0 ? state!.when[stateIndex] : stateValue !== undefined ? state!.rule.when[stateValue] : undefined;
  const times = plan.timestamps ? timeline(gen) : undefined;
  // Which members the structure has: the same for every build of a variant, at a depth, in a state (so found once),
  // unless the caller put entities in states.
  let chosenMembers: readonly number[] | undefined;
  const key = ctx.states === undefined ? (((stateValue === undefined ? 0 : stateIndex + 1) * 2 + (ctx.budget <= 0 ? 1 : 0)) * 9 + Math.min(depth, 8)) * 32 + gen.variant() : -1;
  if (key >= 0) chosenMembers = plan.chosen.get(key);
  if (!chosenMembers) {
    const variant = gen.variant();
    const picked: number[] = [];
    for (let i = 0; i < names.length; i++) {
      const member = names[i]!;
      // Required, always returned, the state member, or an entity's own identifier (AWS names what it returns); and
      // an entity the caller put in a state, or a member the state says is there.
      const wanted = present[i] || forced?.present?.includes(member) || (ctx.states !== undefined && namesState(shapes[i]!, ctx.states));
      if (!wanted) {
        if (width <= 0 || forced?.absent?.includes(member) || !gen.present(presence[i]!, rare[i] ? optional * RARE : optional, variant)) continue;
        width--;
      }
      picked.push(i);
    }
    chosenMembers = picked;
    if (key >= 0) plan.chosen.set(key, picked);
  }
  for (let k = 0; k < chosenMembers.length; k++) {
    const i = chosenMembers[k]!;
    const member = names[i]!;
    const m = shapes[i]!;
    const at = gen.at(member, hashes[i]);
    let value: unknown;
    if (plan.deferred[i]) value = undefined; // written below, from the member it names
    else if (kinds[i] === "timestamp") value = times!(member);
    else if (references[i] !== undefined) value = reference(references[i]!, m as Extract<Shape, { kind: "string" }>, at, member, shape.name, ctx, plan.formats[i]!, plan.lower[i]);
    else if (kinds[i] === "string") value = string(m as Extract<Shape, { kind: "string" }>, at, member, shape.name, ctx, plan.formats[i]!, plan.lower[i]);
    else if (kinds[i] === "integer" || kinds[i] === "long" || kinds[i] === "double") value = number(m as Extract<Shape, { kind: "integer" | "long" | "double" }>, at, member, plan.ranges[i]);
    else if (kinds[i] === "structure") {
      // As generate() builds it, with what the place hints found once in the plan.
      const refinement = ctx.refinements.get(m);
      value = refinement ? refinement(at) : structure(m as StructureShape, at, depth + 1, ctx, plan.placed[i]);
    } else if (kinds[i] === "list") value = list(m as Extract<Shape, { kind: "list" }>, at, plan.items[i]!, shape.name, depth + 1, ctx, plan.counts[i]);
    else value = generate(m, at, member, shape.name, depth + 1, ctx);
    out[member] = member === state?.member ? stateValue : value;
  }
  // Members that go together as a real resource has them (a Parquet table's formats): one profile, over the build.
  const profiles = placed || plan.profiles;
  if (profiles?.length) applyProfile(shape, out, gen.pick("$profile", profiles), gen.at("$profile"), depth, ctx);
  // What the state sets, and the keys its counts may have.
  const rule = stateIndex >= 0 ? state!.compiled[stateIndex] : forced ? compiledState(forced) : undefined;
  if (rule) {
    for (const m of rule.absent) if (m in out) delete out[m];
    for (const [m, v] of rule.values) if (Object.hasOwn(members, m)) out[m] = v;
    for (const [a, b] of rule.same) if (a in out && b in out) out[a] = out[b];
    for (const [m, keys] of rule.keys) {
      const counts = out[m] as Record<string, unknown> | undefined;
      if (!counts || typeof counts !== "object") continue;
      out[m] = countsOnly(counts, keys, gen);
    }
  }
  // Members that name what another does (a run's console URL, its ARN's project and run), first: what follows may
  // read them (a fuzz run's event count). They keep their place among the members; where the other does not say (or
  // says what the member cannot hold), they get their usual value.
  for (const [m, from, match, format, i] of plan.derived) {
    if (!(m in out)) continue;
    const source = valueAt(out, from);
    const found = typeof source === "string" ? match.exec(source) : null;
    const at = gen.at(m, hashes[i]);
    const pattern = found ? (typeof format === "string" ? format : Object.hasOwn(format, found[0]) ? format[found[0]] : undefined) : undefined;
    const value = pattern !== undefined ? fromFormat(pattern, at, ctx, found!) : undefined;
    out[m] = value !== undefined && takes(members[m]!, value) ? value : generate(members[m]!, at, m, shape.name, depth + 1, ctx);
  }
  // A verdict its counts give (a run with failed tests has FAILED), once the counts are final; before
  // what reads it (an errored run's result code).
  const verdict = plan.verdict;
  if (verdict && typeof out[verdict.member] === "string" && !verdict.unless?.includes(out[verdict.member] as string) && out[verdict.from] && typeof out[verdict.from] === "object") {
    const counts = out[verdict.from] as Record<string, unknown>;
    out[verdict.member] = verdictOf(verdict, counts);
  }
  // Members only some values of another allow (DPU-seconds of a Flex run), and spans that are the time between two others.
  for (const [m, conditions] of plan.only) {
    if (m in out && !allowedBy(conditions, out)) delete out[m];
  }
  // Times a duration after another (a run ends minutes or hours after it started, not days).
  for (const [m, [from, min, max]] of plan.after) {
    const start = out[from];
    if (m in out && start instanceof Date) out[m] = new Date(Math.min(start.getTime() + gen.int(`$after.${m}`, min, max), REFERENCE_DATE.getTime()));
  }
  for (const [m, [from, to, unit]] of plan.spans) {
    if (!(m in out)) continue;
    const a = out[from];
    const b = out[to];
    if (a instanceof Date && b instanceof Date) out[m] = Math.max(0, Math.round((b.getTime() - a.getTime()) / unit));
    else delete out[m];
  }
  // Members that exclude each other: one group is kept, whole.
  const groups = plan.groups;
  if (groups) {
    const kept = gen.int("$oneOf", 0, groups.length - 1);
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      if (i !== kept) for (const m of group) delete out[m];
      else if (holdsOne(out, group)) for (const m of group) if (!(m in out)) out[m] = generate(members[m]!, gen.at(m), m, shape.name, depth + 1, ctx);
    }
  }
  // Totals that add up, and pairs that keep their order (a run's counters; completed ≤ total jobs).
  for (const [total, parts] of plan.sums) {
    if (!(total in out)) continue;
    let sum = 0;
    let any = false;
    for (const p of parts) {
      const v = out[p];
      if (typeof v === "number") {
        sum += v;
        any = true;
      }
    }
    if (any) out[total] = sum;
  }
  for (const [low, high] of plan.ordered) {
    if (typeof out[low] === "number" && typeof out[high] === "number" && (out[low] as number) > (out[high] as number)) [out[low], out[high]] = [out[high], out[low]];
  }
  // Counts a state has not counted yet (a pending run's results), once the totals are final.
  if (rule) {
    for (const [m, keys] of rule.zero) {
      const counts = out[m];
      if (counts && typeof counts === "object") for (const k of keys) (counts as Record<string, unknown>)[k] = 0;
    }
  }
  // An empty object says nothing: a structure with members shows at least one.
  // (A member chosen and still there, most often the first, says it is not: no walk of its keys.)
  if (names.length && !holdsAny(out, names, chosenMembers) && isEmpty(out)) {
    const first = firstAllowed(names, forced) ?? names[0]!;
    out[first] = generate(members[first]!, gen.at(first), first, shape.name, depth + 1, ctx);
  }
  return out;
}

// What `structure` asks of its members, in functions of their own: a closure there would capture its variables,
// and keep them (per member, in its loop) in an object made on every call.

/** The members of a union that end a recursion (neither structures, lists nor maps). */
function leavesOf(members: Readonly<Record<string, Shape>>, names: readonly string[]): string[] {
  return names.filter((n) => members[n]!.kind !== "structure" && members[n]!.kind !== "list" && members[n]!.kind !== "map");
}

/** A member that names another resource: one value for the whole build, made where it is first asked for. */
function reference(key: string, shape: Extract<Shape, { kind: "string" }>, gen: Gen, name: string, parent: string, ctx: GenericContext, format: string | undefined, lower: string | undefined): unknown {
  return gen.memo(key, () => string(shape, gen, name, parent, ctx, format, lower));
}

/** Counts with only the keys a state allows (one drawn where none is left). */
function countsOnly(counts: Readonly<Record<string, unknown>>, keys: readonly string[], gen: Gen): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(counts).filter(([k]) => keys.includes(k)));
  if (Object.keys(kept).length === 0 && keys.length) kept[keys[0]!] = gen.int("$count", 1, 20);
  return kept;
}

/** Whether every other member (or the member at a path: `device.fleetType`) has one of the values a member needs. */
function allowedBy(conditions: readonly (readonly [readonly string[], readonly unknown[]])[], out: Readonly<Record<string, unknown>>): boolean {
  return conditions.every(([other, values]) => values.includes(valueAt(out, other)));
}

/** The verdict of the first count above zero, else the verdict when none is. */
function verdictOf(verdict: NonNullable<Hints["verdicts"]>[string], counts: Readonly<Record<string, unknown>>): string {
  return verdict.order.find(([count]) => typeof counts[count] === "number" && (counts[count] as number) > 0)?.[1] ?? verdict.otherwise;
}

/** The value at a path of members (`["device", "name"]`), or undefined where one is missing. */
function valueAt(out: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = out;
  for (const step of path) {
    if (!value || typeof value !== "object" || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** Whether an object has one of these members. */
function holdsOne(out: object, names: readonly string[]): boolean {
  return names.some((m) => m in out);
}

/** The first member a state does not leave out. */
function firstAllowed(names: readonly string[], forced: StateWhen | undefined): string | undefined {
  return names.find((n) => !forced?.absent?.includes(n));
}

/**
 * Sets the members a profile names: structures it names are built if absent and set member by member; other
 * values are set whole (`null` leaves the member out), with the build's account, region and subject in strings.
 */
function applyProfile(shape: StructureShape, out: Record<string, unknown>, profile: Readonly<Record<string, unknown>>, gen: Gen, depth: number, ctx: GenericContext): void {
  for (const [name, m, step, value] of profileSteps(shape, profile)) {
    if (step === REMOVE) delete out[name];
    else if (step === NESTED) {
      if (!out[name] || typeof out[name] !== "object") out[name] = generate(m, gen.at(name), name, shape.name, depth + 1, ctx);
      applyProfile(m as StructureShape, out[name] as Record<string, unknown>, value as Record<string, unknown>, gen.at(name), depth + 1, ctx);
    } else out[name] = step === COPIED ? copied(value) : filled(value, gen, ctx);
  }
}

/** What a profile does to each member it names: leave it out, set the members of a structure, set a copy of a value or the value filled. */
const REMOVE = 0;
const NESTED = 1;
const COPIED = 2;
const FILLED = 3;
type ProfileStep = readonly [name: string, member: Shape, step: typeof REMOVE | typeof NESTED | typeof COPIED | typeof FILLED, value: unknown];
const compiledProfiles = new WeakMap<object, { readonly shape: StructureShape; readonly steps: readonly ProfileStep[] }>();
/** A profile's steps for a structure, worked out once (a member the structure lacks is skipped). */
function profileSteps(shape: StructureShape, profile: Readonly<Record<string, unknown>>): readonly ProfileStep[] {
  const known = compiledProfiles.get(profile);
  if (known?.shape === shape) return known.steps;
  const members = shape.members as Record<string, Shape>;
  const steps: ProfileStep[] = [];
  for (const [name, value] of Object.entries(profile)) {
    const m = Object.hasOwn(members, name) ? members[name] : undefined;
    if (!m) continue;
    if (value === null) steps.push([name, m, REMOVE, value]);
    else if (m.kind === "structure" && !m.union && value && typeof value === "object" && !Array.isArray(value)) steps.push([name, m, NESTED, value]);
    // (A value without a placeholder is filled as a copy of itself.)
    else steps.push([name, m, placeholderFree(value) ? COPIED : FILLED, value]);
  }
  compiledProfiles.set(profile, { shape, steps });
  return steps;
}

/** Whether a profile's value names no placeholder anywhere (its filled value is a copy of it). */
function placeholderFree(value: unknown): boolean {
  if (typeof value === "string") return !value.includes("{");
  if (Array.isArray(value)) return value.every(placeholderFree);
  if (value && typeof value === "object") return Object.values(value).every(placeholderFree);
  return true;
}

/** A copy of a profile's value (lists and objects anew, anything else itself), as `filled` makes of one without placeholders. */
function copied(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copied(value[i]);
    return out;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) setOwn(out, k, copied((value as Record<string, unknown>)[k]));
    return out;
  }
  return value;
}

/** A profile's value with the build's account, region and subject where it names them. */
function filled(value: unknown, gen: Gen, ctx: GenericContext): unknown {
  if (typeof value === "string") return fillPlaceholders(value, gen, ctx);
  if (Array.isArray(value)) return value.map((v) => filled(v, gen, ctx));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, filled(v, gen, ctx)]));
  return value;
}

/** Items named alike made distinct (a table's columns): a repeated name gets a number. */
function distinctNames(items: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  for (const item of items) {
    const named = item as Record<string, unknown>;
    if (typeof named.Name !== "string") continue;
    let name = named.Name;
    for (let n = 2; seen.has(name); n++) name = `${named.Name}_${n}`;
    named.Name = name;
    seen.add(name);
  }
  return items;
}

/** Whether a member holds (or lists) a structure the caller chose a state for. */
function namesState(shape: Shape, states: Readonly<Record<string, string>>): boolean {
  const inner = shape.kind === "list" ? shape.member : shape;
  return inner.kind === "structure" && Object.hasOwn(states, inner.name);
}

/** What a structure's build needs besides its members, worked out once per structure (and its service's hints). */
interface Plan {
  readonly names: readonly string[];
  readonly shapes: readonly Shape[];
  readonly kinds: readonly Shape["kind"][];
  /** Whether each member is always built: required, always returned, the state member, or the structure's own identifier. */
  readonly always: readonly boolean[];
  /** Whether each member is rare: the structure's usual members leave it out. */
  readonly rare: readonly boolean[];
  /** What each optional member's presence is drawn from (the hash of `Structure.Name?`), and the hashes of the members' names. */
  readonly presence: readonly number[];
  readonly hashes: readonly number[];
  /** Each string member's hinted format (null: none) and its name in lower case. */
  readonly formats: readonly (string | null)[];
  readonly lower: readonly string[];
  /** Each member's hinted numeric range, if any. */
  readonly ranges: readonly (readonly [number, number] | undefined)[];
  /** Each member's profiles and list size hinted by place (`Table.PartitionKeys`), and a list member's item name. */
  readonly placed: readonly (readonly Readonly<Record<string, unknown>>[] | undefined)[];
  readonly counts: readonly (readonly [number, number] | undefined)[];
  readonly items: readonly string[];
  /** The memo key of members that name another resource (shared by the whole build), by position. */
  readonly references: readonly (string | undefined)[];
  readonly timestamps: boolean;
  /** The state member, its values, and each value's rules (`when`) as written and compiled, by position. */
  readonly state: { readonly member: string; readonly values: readonly string[]; readonly rule: StateRule; readonly when: readonly (StateWhen | undefined)[]; readonly compiled: readonly (CompiledState | undefined)[] } | undefined;
  readonly profiles: readonly Readonly<Record<string, unknown>>[] | undefined;
  readonly only: readonly (readonly [string, readonly (readonly [readonly string[], readonly unknown[]])[]])[];
  readonly after: readonly (readonly [string, readonly [string, number, number]])[];
  readonly spans: readonly (readonly [string, readonly [string, string, number]])[];
  readonly sums: readonly (readonly [string, readonly string[]])[];
  readonly ordered: readonly (readonly [string, string])[];
  /** The members a structure has, by variant, depth and state (see `structure`): positions, in order. */
  readonly chosen: Map<number, readonly number[]>;
  /** The verdict its counts give, and the groups of members that exclude each other (hints by structure name). */
  readonly verdict: NonNullable<Hints["verdicts"]>[string] | undefined;
  readonly groups: NonNullable<Hints["oneOf"]>[string] | undefined;
  /** Members written from another's value: `[member, from (its path), match, format (or one per match), position]`; and whether each member is one. */
  readonly derived: readonly (readonly [string, readonly string[], RegExp, string | Readonly<Record<string, string>>, number])[];
  readonly deferred: readonly boolean[];
}

type StateWhen = StateRule["when"][string];
/** A state's rules as lists, made once per state: what a build in that state sets. */
interface CompiledState {
  readonly absent: readonly string[];
  readonly values: readonly (readonly [string, unknown])[];
  readonly same: readonly (readonly [string, string])[];
  readonly keys: readonly (readonly [string, readonly string[]])[];
  readonly zero: readonly (readonly [string, readonly string[]])[];
}
const compiledStates = new WeakMap<StateWhen, CompiledState>();
function compiledState(when: StateWhen): CompiledState {
  let rule = compiledStates.get(when);
  if (!rule) {
    rule = {
      absent: when.absent ?? [],
      values: Object.entries(when.values ?? {}),
      same: when.same ?? [],
      keys: Object.entries(when.keys ?? {}),
      zero: Object.entries(when.zero ?? {}),
    };
    compiledStates.set(when, rule);
  }
  return rule;
}

/** Whether an object still has one of the members chosen for it (the first is most often there). */
function holdsAny(out: object, names: readonly string[], chosen: readonly number[]): boolean {
  for (let k = 0; k < chosen.length; k++) if (Object.hasOwn(out, names[chosen[k]!]!)) return true;
  return false;
}

/** Whether an object has no own members (without making a list of its keys). */
function isEmpty(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

const plans = new WeakMap<StructureShape, Plan>();
function planOf(shape: StructureShape, hints: Hints): Plan {
  let plan = plans.get(shape);
  if (plan) return plan;
  const members = shape.members as Record<string, Shape>;
  const names = Object.keys(members);
  const required = new Set(shape.required as string[]);
  const rule = hints.states?.[shape.name];
  const stateShape = rule ? members[rule.member] : undefined;
  const always = hints.always?.[shape.name];
  const usual = hints.usual?.[shape.name];
  plan = {
    names,
    shapes: names.map((n) => members[n]!),
    kinds: names.map((n) => members[n]!.kind),
    always: names.map((n) => required.has(n) || OWN_ID.test(n) || (/(Id|Name|Arn|ARN)$/.test(n) && !isReference(n, shape.name)) || n === rule?.member || always?.includes(n) === true),
    rare: names.map((n) => usual !== undefined && !usual.includes(n)),
    presence: names.map((n) => nameHash(`${shape.name}.${n}?`)),
    hashes: names.map((n) => nameHash(n)),
    formats: names.map((n) => formatOf(hints, shape.name, n)),
    lower: names.map((n) => n.toLowerCase()),
    ranges: names.map((n) => hints.ranges?.[`${shape.name}.${n}`]),
    placed: names.map((n) => hints.profiles?.[`${shape.name}.${n}`]),
    counts: names.map((n) => hints.counts?.[`${shape.name}.${n}`]),
    items: names.map((n) => singular(n)),
    references: names.map((n) => {
      const m = members[n]!;
      return m.kind === "string" && isReference(n, shape.name) ? `$ref.${n}.${m.pattern ?? ""}` : undefined;
    }),
    timestamps: names.some((n) => members[n]!.kind === "timestamp"),
    // Every plan has every member (undefined where it has none): one hidden class, so reading a plan stays fast.
    state:
      rule && stateShape?.kind === "enum"
        ? {
            member: rule.member,
            values: stateShape.values,
            rule,
            when: stateShape.values.map((v) => (Object.hasOwn(rule.when, v) ? rule.when[v] : undefined)),
            compiled: stateShape.values.map((v) => (Object.hasOwn(rule.when, v) ? compiledState(rule.when[v]!) : undefined)),
          }
        : undefined,
    profiles: hints.profiles?.[shape.name],
    only: Object.entries(hints.only?.[shape.name] ?? {}).map(([m, c]) => [m, Object.entries(c).map(([other, values]) => [other.split("."), values] as const)] as const),
    after: Object.entries(hints.after?.[shape.name] ?? {}),
    spans: Object.entries(hints.spans?.[shape.name] ?? {}),
    sums: Object.entries(hints.sums?.[shape.name] ?? {}),
    ordered: hints.ordered?.[shape.name] ?? [],
    chosen: new Map(),
    verdict: hints.verdicts?.[shape.name],
    groups: hints.oneOf?.[shape.name],
    derived: Object.entries(hints.derived?.[shape.name] ?? {})
      .filter(([m]) => names.includes(m))
      .map(([m, d]) => [m, d.from.split("."), new RegExp(d.match), d.format, names.indexOf(m)] as const),
    deferred: names.map((n) => Object.hasOwn(hints.derived?.[shape.name] ?? {}, n)),
  };
  plans.set(shape, plan);
  return plan;
}

/** The fields the times after the first are drawn from, named once. */
const TIME_FIELDS = ["$t0", "$t1", "$t2", "$t3", "$t4"];
/**
 * Timestamps of one structure that agree: created, then started, then updated, then ended, all before
 * the reference date; an expiry comes after it.
 */
function timeline(gen: Gen): (member: string) => Date {
  const ref = REFERENCE_DATE.getTime();
  const times: number[] = [];
  return (member) => {
    const rank = timeRank(member);
    if (rank === 4) return new Date(ref + gen.int("$expires", 3_600_000, 7 * 86_400_000));
    if (times.length === 0) times.push(gen.past("$created", 30, 60).getTime());
    while (times.length <= rank) {
      const last = times.at(-1)!;
      times.push(last + Math.floor(gen.unit(TIME_FIELDS[times.length]!) * (ref - last) * 0.4));
    }
    return new Date(times[rank]!);
  };
}

const ranks = new Map<string, number>();
function timeRank(member: string): number {
  let rank = ranks.get(member);
  if (rank === undefined) ranks.set(member, (rank = rankOf(member)));
  return rank;
}

function rankOf(member: string): number {
  const m = member.toLowerCase();
  if (/expir|until|notafter/.test(m)) return 4;
  if (/creat|submit|regist|added|request|queued|issued|enqueue/.test(m)) return 0;
  if (/start|began|launch|ready|scheduled/.test(m)) return 1;
  if (/end|complet|stop|finish|terminat|delet|clos|cancel|fail|succeed/.test(m)) return 3;
  return 2;
}

/** A member that names another resource than its structure (a job run's `JobName`): the same in the whole build. */
function isReference(member: string, structure: string): boolean {
  const m = /^(.+?)(Id|Arn|Name|ARN|Ids)$/.exec(member);
  if (!m) return false;
  const subject = m[1]!.toLowerCase();
  return !structure.toLowerCase().replace(/(searchsummary|summary|detail|details|description|response|output|result|info|item)$/, "").endsWith(subject);
}

/** How many items a list or map holds: as many as a hint says (a table's columns), else a few, fewer deep down; within the model's length. */
function itemCount(length: { min?: number; max?: number } | undefined, gen: Gen, depth: number, ctx: GenericContext, hinted?: readonly [number, number]): number {
  const min = length?.min ?? 0;
  const max = length?.max ?? Infinity;
  const typical = hinted ? gen.int("$count", hinted[0], hinted[1]) : depth > MAX_OPTIONAL_DEPTH || ctx.budget <= 0 ? min : depth <= 1 ? gen.int("$count", 1, 3) : gen.int("$count", 0, 2);
  return Math.max(min, Math.min(max, typical));
}

const TAG_KEYS = ["team", "environment", "owner", "cost-center", "project", "application"];

function map(shape: Extract<Shape, { kind: "map" }>, gen: Gen, name: string, parent: string, depth: number, ctx: GenericContext): Record<string, unknown> {
  const count = itemCount(shape.length, gen, depth, ctx);
  const out: Record<string, unknown> = {};
  const key = shape.key as Shape;
  for (let i = 0; i < count; i++) {
    const at = gen.at(indexName(i), indexHash(i));
    let k: string;
    if (key.kind === "enum") k = key.values[(gen.int("$key", 0, key.values.length - 1) + i) % key.values.length]!;
    else {
      const keys = /tag/i.test(name) ? TAG_KEYS : SETTING_KEYS;
      const candidate = keys[(gen.int("$key", 0, keys.length - 1) + i) % keys.length]!;
      k = key.kind === "string" ? fit(key, candidate, at.at("$key")) : candidate;
    }
    if (Object.hasOwn(out, k)) continue;
    out[k] = generate(shape.value, at, /tag/i.test(name) ? "Value" : singular(name), parent, depth, ctx);
  }
  return out;
}

const singular = (name: string): string => name.replace(/(List|s)$/, "");


function number(shape: Extract<Shape, { kind: "integer" | "long" | "double" }>, gen: Gen, name: string, hinted?: readonly [number, number]): number {
  // Without a modelled minimum, numbers are not negative unless a hint says so (a longitude west of Greenwich).
  const min = shape.range?.min ?? (hinted && hinted[0] < 0 ? Number.MIN_SAFE_INTEGER : 0);
  const max = Math.min(shape.range?.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const traits = numberTraits(name);
  // A long named for a moment (Glue's statement `StartedOn`) is epoch milliseconds, in a timeline as timestamps are.
  if (shape.kind === "long" && traits.moment && max >= REFERENCE_DATE.getTime()) {
    const rank = timeRank(name);
    return rank === 4 ? REFERENCE_DATE.getTime() + gen.int("", 3_600_000, 86_400_000) : REFERENCE_DATE.getTime() - (4 - rank) * gen.int("", 60_000, 3_600_000);
  }
  let [lo, hi] = traits.range;
  if (hinted) [lo, hi] = hinted;
  lo = Math.max(lo, min);
  hi = Math.min(hi, max);
  if (lo > hi) [lo, hi] = [min, Math.min(max, min + 100)];
  if (shape.kind === "double") return roundTo(lo + gen.unit("") * (hi - lo), 2) || lo;
  return gen.int("", Math.ceil(lo), Math.floor(hi));
}

/** What a number member's name says: whether it is a moment, and the range its words suggest; found once per name. */
const numberNames = new Map<string, { readonly moment: boolean; readonly range: readonly [number, number] }>();
function numberTraits(name: string): { readonly moment: boolean; readonly range: readonly [number, number] } {
  let traits = numberNames.get(name);
  if (traits) return traits;
  const m = name.toLowerCase();
  const range: readonly [number, number] = /percent/.test(m)
    ? [0, 100]
    : /port$/.test(m)
      ? [1024, 65535]
      : /(bytes|memory|size)/.test(m)
        ? [1024, 1 << 30]
        : /(minutes|mins)/.test(m)
          ? [1, 240]
          : /(hours)/.test(m)
            ? [1, 48]
            : /(seconds|timeout|duration|time$)/.test(m)
              ? [1, 3600]
              : /(max|limit|capacity|total)/.test(m)
                ? [1, 100]
                : [1, 20];
  traits = { moment: /(On|At|Time|Timestamp|Date)$/.test(name) && !/elapsed|duration/.test(m), range };
  numberNames.set(name, traits);
  return traits;
}

/** The hinted format of a member, by structure and member name (null: none), found once. */
const formatsOf = new WeakMap<Hints, Map<string, Map<string, string | null>>>();
function formatOf(hints: Hints, parent: string, name: string): string | null {
  const byName = placeCache(formatsOf, hints, parent);
  let format = byName.get(name);
  if (format === undefined) byName.set(name, (format = hints.formats?.[`${parent}.${name}`] ?? hints.formats?.[name] ?? null));
  return format;
}

/**
 * A string for the member: realistic from its name, then fitted to the shape's constraints. `format` and `lower`
 * (the name in lower case): what a structure's plan knows of the member already.
 */
function string(shape: Extract<Shape, { kind: "string" }>, gen: Gen, name: string, parent: string, ctx: GenericContext, format = formatOf(ctx.hints, parent, name), lower?: string): string {
  if (format) {
    const value = fromFormat(format, gen, ctx);
    if (value !== undefined && fits(shape, value)) return value;
  }
  return fit(shape, realistic(gen, name, parent, ctx, lower), gen, ctx);
}

/** The fields a hint's pattern and its `{uuid}`s are drawn from, and their hashes, made once. */
const FORMAT_HASH = nameHash("$format");
const UUID_FIELDS = Array.from({ length: 8 }, (_, k) => `$uuid${k}`);
const UUID_HASHES = UUID_FIELDS.map((f) => nameHash(f));

/** A value drawn from a hint's pattern, with this build's account and region where it says `{account}`, `{region}`. */
function fromFormat(format: string, gen: Gen, ctx: GenericContext, found?: RegExpExecArray): string | undefined {
  const sample = samplePattern(format, gen.stream("$format", FORMAT_HASH), 3);
  return sample === undefined || !sample.includes("{") ? sample : fillPlaceholders(sample, gen, ctx, found);
}

/**
 * Text with the build's `{uuid}`s (numbered left to right), `{account}`, `{region}` and `{subject}` in place,
 * the ids the build shares (`{uuid:project}`, `{digits:job}`) and what a derived member's match found
 * (`{match1}`), in one pass, each value made only where the text names it; other braces stay.
 */
function fillPlaceholders(text: string, gen: Gen, ctx: GenericContext, found?: RegExpExecArray): string {
  let out = "";
  let from = 0;
  let k = 0;
  for (let at = text.indexOf("{"); at !== -1; at = text.indexOf("{", at + 1)) {
    const close = text.indexOf("}", at);
    if (close === -1) break;
    const name = text.slice(at + 1, close);
    let value: string;
    switch (name) {
      case "uuid":
        value = k < UUID_FIELDS.length ? gen.uuid(UUID_FIELDS[k]!, UUID_HASHES[k]) : gen.uuid(`$uuid${k}`);
        k++;
        break;
      case "account":
        value = accountId(gen);
        break;
      case "region":
        value = region(gen, ctx);
        break;
      case "subject":
        value = subject(gen);
        break;
      default:
        // `{uuid:project}`, `{digits:job}`: an id the whole build shares (the project every run of a list is in).
        // (The memo key is the name itself: every other memo key begins with `$`.)
        if (name.startsWith("uuid:")) value = gen.memo(name, () => gen.root().uuid(`$${name}`));
        // `{match1}`: what a derived member's `match` found (its first group).
        else if (found && name.startsWith("match")) value = found[Number(name.slice(5))] ?? "";
        else if (name.startsWith("digits:")) value = gen.memo(name, () => gen.root().digits(`$${name}`, 5));
        else continue;
    }
    out += text.slice(from, at) + value;
    from = close + 1;
    at = close;
  }
  return out + text.slice(from);
}

/** An ARN with the build's partition, region and account in place of those it has (an empty region or account stays empty). */
function ownArn(arn: string, where: { account: string; region: string }): string {
  const parts = arn.split(":");
  if (parts.length < 6) return arn;
  parts[1] = "aws";
  if (parts[3] !== "") parts[3] = where.region;
  if (parts[4] !== "" && parts[4] !== "aws") parts[4] = where.account;
  return parts.join(":");
}

/**
 * The candidate if it meets the constraints, else a sample of the pattern (an ARN in the build's account and
 * region), else the candidate cut to length.
 */
function fit(shape: Extract<Shape, { kind: "string" }>, candidate: string, gen: Gen, ctx?: GenericContext): string {
  const max = shape.length?.max;
  if (fits(shape, candidate)) return candidate;
  // Close variants first: another separator, letters and digits only, cut to length.
  // An S3 location where the member takes a key or a prefix: its key.
  const key = candidate.startsWith("s3://") ? candidate.slice(5).split("/").slice(1).join("/") : undefined;
  for (const t of [...(key ? [key, key.replace(/\/$/, "")] : []), candidate.replaceAll("-", "_"), candidate.replace(/[^A-Za-z0-9]/g, ""), ...(max !== undefined ? [candidate.slice(0, max)] : [])]) if (fits(shape, t)) return t;
  if (shape.pattern !== undefined) {
    let k = 0;
    for (let spread = 3; spread <= 3 + 8 * 20; spread += 8) {
      const sample = samplePattern(shape.pattern, gen.stream(`$sample${k++}`), spread);
      if (sample === undefined) break;
      // An ARN drawn from the pattern names the build's partition, region and account where the pattern lets it.
      const own = ctx && sample.startsWith("arn:") ? ownArn(sample, { account: accountId(gen), region: region(gen, ctx) }) : undefined;
      if (own !== undefined && fits(shape, own)) return own;
      if (fits(shape, sample)) return sample;
    }
  }
  const min = shape.length?.min ?? 0;
  let text = candidate.length ? candidate : "x";
  while (lengthOf(text) < min) text += text;
  text = max !== undefined ? text.slice(0, max) : text;
  if (fits(shape, text)) return text;
  throw new Error(`[aws-sdk-contracts] Failed to generate a value of ${JSON.stringify(shape.pattern)} (length ${min}..${max ?? "∞"}).`);
}

/** Column and field types, as Hive, Glue and Athena write them. */
const DATA_TYPES = ["string", "bigint", "int", "double", "boolean", "timestamp", "date", "decimal(10,2)"];
const INSTANCE_TYPES = ["m5.xlarge", "c5.2xlarge", "g4dn.xlarge", "r6i.large", "t3.medium", "m6i.2xlarge"];
const ARN_SERVICES = ["iam", "kms", "secretsmanager", "sns", "sqs", "logs", "s3", "ec2", "sso", "lambda", "states", "events", "glue", "devicefarm", "deadline", "cloudwatch", "codeartifact", "lakeformation", "redshift", "datazone"];

/** What a member name suggests its value looks like (generic: by word, never by service). */
type Maker = (gen: Gen, name: string, parent: string, ctx: GenericContext, m: string) => string;

const text = (gen: Gen) => gen.faker("$text");
const noun = (gen: Gen) => slug(text(gen).word.noun());

/** What a member name suggests its value looks like: the first rule whose words the name has. */
const RULES: readonly [RegExp, Maker][] = [
  [/arn$|^resourcearn$/, (gen, name, parent, ctx) => arn(gen, name, parent, ctx)],
  [/(account(id)?|catalogid|ownerid|awsaccountnumber)$/, (gen) => accountId(gen)],
  [/region$/, (gen, _, __, ctx) => region(gen, ctx)],
  [/email/, (gen) => text(gen).internet.email().toLowerCase()],
  [/token$/, (gen) => gen.hex("$token", 40)],
  [/bucket(name)?$/, (gen, _, __, ctx) => dataBucket(gen, accountId(gen), region(gen, ctx))],
  [/tableprefix$/, (gen) => `${subject(gen)}_`],
  [/^(?!.*devicepath).*(s3|location$|path$|prefix$|dir$)/, (gen, name, __, ctx) => s3Location(gen, accountId(gen), region(gen, ctx), name)],
  [/(url|uri|endpoint|link)$/, (gen) => `https://${noun(gen)}.${text(gen.at("$d")).internet.domainName()}/${noun(gen.at("$p"))}`],
  [/ipv6/, (gen, _, __, ctx) => fullIpv6(gen, "$ip6", region(gen, ctx))],
  [/^ip|ipaddress|ipv4|privateip|publicip/, (gen) => privateIpv4(gen, "$ip")],
  [/(hostname|dnsname)$/, (gen, _, __, ctx) => ec2HostName(privateIpv4(gen, "$ip"), region(gen, ctx))],
  [/^(vpc|subnet|securitygroup|sg)(id|ids)?$/, (gen, _, __, ___, m) => `${/^(securitygroup|sg)/.test(m) ? "sg" : /^vpc/.test(m) ? "vpc" : "subnet"}-${gen.hex("$ec2", 17)}`],
  [/loggroup(name)?$/, (gen, _, __, ctx) => `/aws/${ctx.service.signingName}/${subject(gen)}`],
  [/policy$/, (_, __, ___, ctx) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: `${ctx.service.signingName}:Get*`, Resource: "*" }] })],
  [/manufacturer$/, (gen) => gen.pick("$maker", ["Google", "Samsung", "Apple", "OnePlus", "Motorola", "Xiaomi"])],
  [/(createdby|updatedby|modifiedby|owner|requester|requestedby|lastmodifiedby)$/, (gen, _, __, ctx) => principalArn(gen, accountId(gen), ctx.service.signingName)],
  [/role(arn)?$/, (gen, _, __, ctx) => `arn:aws:iam::${accountId(gen)}:role/${roleName(gen, ctx.service.signingName)}`],
  [/rolename$/, (gen, _, __, ctx) => roleName(gen, ctx.service.signingName)],
  [/instancetype$/, (gen) => gen.pick("$it", INSTANCE_TYPES)],
  [/version$/, (gen) => `${gen.int("$v1", 1, 4)}.${gen.int("$v2", 0, 9)}`],
  [/(checksum|hash|etag|md5|sha\d*)$/, (gen) => gen.hex("$hash", 64)],
  [/errorcode$/, (gen) => gen.pick("$code", ["InternalError", "AccessDenied", "ResourceLimitExceeded", "Timeout"])],
  [/description$/, (gen, _, parent) => description(gen, parent)],
  [/(error|fail|exception).*(message|reason|string|details?|summary)$|^(error|failure)$/, (gen) => failure(gen)],
  [/(message|reason|details?|summary|comment|explanation)$/, (gen) => note(gen)],
  // Members that name a type, format, state or class: words of that kind, never a resource name.
  [/(datatype|columntype|fieldtype|fromtype|totype|sourcetype|targettype|nativetype)$|^(column|field)type$/, (gen) => gen.pick("$type", DATA_TYPES)],
  [/contenttype$/, (gen) => gen.pick("$mime", ["application/octet-stream", "application/zip", "application/json"])],
  [/(date|time|datetime|timestamp)format$/, () => "yyyy-MM-dd'T'HH:mm:ss"],
  [/(status|state)$/, () => "ACTIVE"],
  [/^format$/, (gen) => gen.pick("$format", ["json", "csv", "parquet"])],
  [/(type|mode|kind|class|category|classification)$/, () => "STANDARD"],
  [/(scheduleexpression|cronexpression|^schedule)$/, (gen) => gen.pick("$cron", ["cron(0 2 * * ? *)", "cron(15 * * * ? *)", "rate(1 hour)", "cron(0 6 ? * MON-FRI *)"])],
  [/(sql|query|expression)$/, (gen) => `SELECT * FROM ${noun(gen).replaceAll("-", "_")} LIMIT ${gen.int("$n", 10, 100)}`],
  [/(fullname|username|personname)$/, (gen) => text(gen).person.fullName()],
  [/displayname$/, (gen, _, parent) => `${capital(subject(gen))} ${wordsOf(parent) || "resource"}`],
  [/timezone$/, () => "UTC"],
  [/(id|ids)$/, (gen) => gen.uuid("$id")],
  [/(name|names)$/, (gen, name, parent) => (/^(name|names)$/i.test(name) ? resourceName(gen, parent, true) : resourceName(gen, name.replace(/(Name|Names|name|names)$/, "")))],
  [/(key|label|alias)$|^value$/, (gen) => resourceName(gen, "")],
  [/(?:)/, (gen, name) => resourceName(gen, name)],
];

/** The rule of each member name, found once. */
const ruleOf = new Map<string, Maker>();

/** A realistic value for the member, from its name (generic: by word, never by service). */
function realistic(gen: Gen, name: string, parent: string, ctx: GenericContext, lower?: string): string {
  const m = lower ?? name.toLowerCase();
  let make = ruleOf.get(m);
  if (!make) ruleOf.set(m, (make = RULES.find(([re]) => re.test(m))![1]));
  return make(gen, name, parent, ctx, m);
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "item";

/** The build's region: the only one a service runs in (Device Farm's us-west-2), else the caller's. */
function region(gen: Gen, ctx: GenericContext): string {
  if (ctx.hints.regions?.length === 1) return ctx.hints.regions[0]!;
  return gen.where?.region ?? gen.root().pick("$region", ctx.hints.regions ?? ["us-west-2", "us-east-1", "eu-west-1", "ap-southeast-2"]);
}

/** The verb of an operation's request or response structure (`GetRun` in `GetRunRequest`). */
const VERB = /^(Get|List|Describe|Create|Delete|Update|Stop|Start|Install|Put|Batch[A-Z][a-z]+|Renew|Purchase|Schedule|Retry)(?=[A-Z])/;
/** What a structure is to its resource (`RunSummary`, `GetRunResult`). */
const ROLE = /(Request|Response|Result|Summary|Detail|Details|Output|Input)$/;

/** An ARN in the service the member name (or its pattern) suggests, with this build's account and region. */
function arn(gen: Gen, name: string, parent: string, ctx: GenericContext): string {
  const info = arnInfo(name, parent, ctx);
  if (info.known) return fromFormat(info.known, gen.at("$arn"), ctx) ?? info.known;
  const account = accountId(gen);
  const where = region(gen, ctx);
  switch (info.of) {
    case "role":
      return `arn:aws:iam::${account}:role/${roleName(gen, ctx.service.signingName)}`;
    case "kms":
      return `arn:aws:kms:${where}:${account}:key/${gen.uuid("$key")}`;
    case "logs":
      return `arn:aws:logs:${where}:${account}:log-group:/aws/${ctx.service.signingName}/${slug(gen.faker("$lg").word.noun())}`;
    case "sns":
      return `arn:aws:sns:${where}:${account}:${slug(gen.faker("$t").word.noun())}`;
    case "s3":
      return `arn:aws:s3:::${dataBucket(gen, account, where)}`;
    case "secret":
      return `arn:aws:secretsmanager:${where}:${account}:secret:${subject(gen)}-${gen.hex("$suffix", 6)}`;
  }
  const sep = info.separator;
  return `arn:aws:${info.service}:${where}:${account}:${info.type}${sep}${sep === ":" ? gen.uuid("$arnid") : `${slug(gen.faker("$an").word.noun())}-${gen.hex("$arn", 8)}`}`;
}

interface ArnInfo {
  /** The hinted pattern of the most specific resource the structure names, or null. */
  readonly known: string | null;
  /** An ARN of another service the member's name says (a role, a key, a log group…), or undefined. */
  readonly of?: "role" | "kms" | "logs" | "sns" | "s3" | "secret";
  readonly service: string;
  readonly type: string;
  readonly separator: string;
}

/** What an ARN member's name and structure decide, worked out once per place and service. */
const arnInfos = new WeakMap<GenericContext["service"], Map<string, Map<string, ArnInfo>>>();
function arnInfo(name: string, parent: string, ctx: GenericContext): ArnInfo {
  const byName = placeCache(arnInfos, ctx.service, parent);
  let info = byName.get(name);
  if (info) return info;
  const m = name.toLowerCase();
  // The resource: the member's own words (`remoteAccessSessionArn`), or its structure's (`GetRunRequest.arn` → Run).
  const words = /^(resource)?arn$/i.test(name) ? parent.replace(VERB, "").replace(ROLE, "") : name.replace(/(Arn|ARN|arn)$/, "");
  const kind = capital(words);
  // The most specific resource the structure names: `projectArn` of `CreateTestGridUrlRequest` is a TestGridProject.
  const known =
    Object.entries(ctx.hints.arns ?? {})
      .filter(([resource]) => resource.endsWith(kind) && parent.includes(resource.slice(0, resource.length - kind.length)))
      .sort(([a], [b]) => b.length - a.length)[0]?.[1] ?? null;
  const of = /role/.test(m) ? "role" : /kms|key/.test(m) ? "kms" : /loggroup|log/.test(m) ? "logs" : /topic/.test(m) ? "sns" : /bucket/.test(m) ? "s3" : /secret/.test(m) ? "secret" : undefined;
  info = {
    known,
    ...(of ? { of } : {}),
    service: ARN_SERVICES.find((s) => m.startsWith(s)) ?? ctx.service.signingName,
    type: kind.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase() || "resource",
    separator: ctx.hints.arnSeparator ?? "/",
  };
  byName.set(name, info);
  return info;
}

/**
 * The states an override sets, by structure name (`{ JobRun: { JobRunState: "FAILED" } }` → `{ JobRun: "FAILED" }`),
 * for every structure whose hints give its state member a rule: the build then keeps that state's rules.
 */
export function statesOf(shape: Shape, overrides: unknown, hints: Hints, out: Record<string, string> = {}, depth = 0): Record<string, string> {
  if (depth > MAX_DEPTH || overrides === null || typeof overrides !== "object") return out;
  if (shape.kind === "structure") {
    const rule = hints.states?.[shape.name];
    const set = (overrides as Record<string, unknown>)[rule?.member ?? ""];
    if (rule && typeof set === "string") out[shape.name] = set;
    for (const [name, value] of Object.entries(overrides)) {
      const member = Object.hasOwn(shape.members, name) ? (shape.members as Record<string, Shape>)[name] : undefined;
      if (member) statesOf(member, value, hints, out, depth + 1);
    }
  } else if (shape.kind === "list" && Array.isArray(overrides) && overrides.length === 1) statesOf(shape.member, overrides[0], hints, out, depth + 1);
  else if (shape.kind === "map") for (const value of Object.values(overrides)) statesOf(shape.value, value, hints, out, depth + 1);
  return out;
}

/**
 * Overrides made whole where they name list items: each item of a list of structures is built by the
 * item's own generator (in the state the item sets, with its rules) and the given members merged on top,
 * so `{ jobs: [{ jobId, taskRunStatus: "FAILED" }] }` gives complete jobs rather than missing members.
 */
export function completeLists(shape: Shape, overrides: unknown, gen: Gen, ctx: GenericContext, depth = 0): unknown {
  if (depth > MAX_DEPTH || overrides === null || typeof overrides !== "object" || overrides instanceof Date) return overrides;
  if (shape.kind === "list" && Array.isArray(overrides)) {
    const item = shape.member;
    if (item.kind !== "structure") return overrides;
    return overrides.map((given, i) => {
      if (given === null || typeof given !== "object" || Array.isArray(given)) return given;
      const inner = completeLists(item, given, gen.at(`$item${i}`), ctx, depth + 1) as Record<string, unknown>;
      const built = generate(item, gen.at(`$item${i}`), "item", "", depth + 1, { ...ctx, states: { ...ctx.states, ...statesOf(item, given, ctx.hints) } }) as Record<string, unknown>;
      return deepMerge(built, inner);
    });
  }
  if (shape.kind === "structure" && !Array.isArray(overrides)) {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(overrides)) {
      const member = Object.hasOwn(shape.members, name) ? (shape.members as Record<string, Shape>)[name] : undefined;
      out[name] = member ? completeLists(member, value, gen.at(name), ctx, depth + 1) : value;
    }
    return out;
  }
  if (shape.kind === "map" && !Array.isArray(overrides)) {
    return Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, completeLists(shape.value, v, gen.at(k), ctx, depth + 1)]));
  }
  return overrides;
}

/**
 * The states an operation's output can be put in with a trait: the values of the first state rule met
 * from the top (GetJobRun's `JobRun.JobRunState`), by lower-case name (`failed` → `{ JobRun: "FAILED" }`).
 */
export function stateTraits(shape: StructureShape, hints: Hints): Record<string, { states: Record<string, string> }> {
  const queue: [Shape, number][] = [[shape, 0]];
  while (queue.length) {
    const [s, depth] = queue.shift()!;
    if (s.kind === "list") queue.push([s.member, depth]);
    if (s.kind !== "structure" || depth > 2) continue;
    const rule = hints.states?.[s.name];
    const member = rule ? (s.members as Record<string, Shape>)[rule.member] : undefined;
    if (rule && member?.kind === "enum") return Object.fromEntries(member.values.map((v) => [v.toLowerCase(), { states: { [s.name]: v } }]));
    for (const m of Object.values(s.members as Record<string, Shape>)) queue.push([m, depth + 1]);
  }
  return {};
}
