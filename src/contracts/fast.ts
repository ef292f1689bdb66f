import type { Shape, TimestampFormat } from "../model/shapes.js";
import { formatDateTime, formatEpochSeconds, isDateTime, MAX_EPOCH_SECONDS, MIN_EPOCH_SECONDS } from "../protocols/timestamps.js";
import { codePoints, outside, TYPE_RANGE } from "./bounds.js";
import { toBase64 } from "../platform.js";

/**
 * A fast yes/no gate for wire JSON: true exactly when the zod contract (with drift reported) finds
 * nothing. Clean recordings, the common case, skip zod; anything else goes to zod for its findings.
 * A property test holds the two to the same answer for arbitrary mutations of valid bodies.
 */
export type Gate = (value: unknown) => boolean;


const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);


/** Whether a string's length in code points is within bounds; counts only when UTF-16 length cannot tell. */
function lengthWithin(text: string, b: { min?: number; max?: number }): boolean {
  const units = text.length;
  // code points lie between ceil(units / 2) and units
  if ((b.max === undefined || units <= b.max) && (b.min === undefined || Math.ceil(units / 2) >= b.min)) return true;
  return !outside(codePoints(text), b);
}

const within = (n: number, b: { min?: number; max?: number } | undefined) => !outside(n, b);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Whether wire JSON that passes the gate decodes to itself: no member anywhere below is a timestamp, blob,
 * document or map (their SDK values differ from their wire, or zod guards their keys). Found once per shape.
 */
const asIs = new WeakMap<Shape, boolean>();
export function decodesAsIs(shape: Shape): boolean {
  let known = asIs.get(shape);
  if (known === undefined) {
    // One walk per shape asked about, each shape below it once (models have cycles); only the answer for the
    // shape asked about is kept (what a shape inside a cycle would say depends on where the walk came from).
    const seen = new Set<Shape>();
    const plain = (s: Shape): boolean => {
      if (seen.has(s)) return true;
      seen.add(s);
      switch (s.kind) {
        case "structure":
          return Object.values(s.members as Record<string, Shape>).every(plain);
        case "list":
          return plain(s.member);
        case "timestamp":
        case "blob":
        case "document":
        case "map":
          return false;
        default:
          return true;
      }
    };
    asIs.set(shape, (known = plain(shape)));
  }
  return known;
}

export function compileGate(shape: Shape, defaultFormat: TimestampFormat, memo = new Map<Shape, Gate | null>()): Gate {
  if (shape.kind === "structure") {
    // Shared structures are compiled once; a cycle calls the gate it is inside of.
    if (memo.has(shape)) return memo.get(shape) ?? ((v) => memo.get(shape)!(v));
    memo.set(shape, null);
    const gate = structureGate(shape, defaultFormat, memo);
    memo.set(shape, gate);
    return gate;
  }
  switch (shape.kind) {
    case "blob":
      return (v) => typeof v === "string" && BASE64.test(v);
    case "document":
      return () => true;
    case "string":
    case "enum": {
      const re = shape.kind === "string" && shape.pattern ? new RegExp(shape.pattern, "u") : undefined;
      const values = shape.kind === "enum" ? new Set<string>(shape.values) : undefined;
      const length = shape.length;
      return (v) => typeof v === "string" && (!length || lengthWithin(v, length)) && (!re || re.test(v)) && (!values || values.has(v));
    }
    case "integer":
    case "long":
    case "double": {
      const integral = shape.kind !== "double";
      const range = shape.range;
      const type = shape.kind === "double" ? undefined : TYPE_RANGE[shape.kind];
      return (v) => typeof v === "number" && Number.isFinite(v) && (!integral || Number.isInteger(v)) && within(v, type) && within(v, range);
    }
    case "boolean":
      return (v) => typeof v === "boolean";
    case "timestamp":
      return (shape.format ?? defaultFormat) === "date-time"
        ? (v) => typeof v === "string" && isDateTime(v)
        : (v) => typeof v === "number" && Number.isFinite(v) && v >= MIN_EPOCH_SECONDS && v <= MAX_EPOCH_SECONDS;
    case "list": {
      const member = compileGate(shape.member, defaultFormat, memo);
      const length = shape.length;
      return (v) => Array.isArray(v) && within(v.length, length) && v.every(member);
    }
    case "map": {
      const key = compileGate(shape.key, defaultFormat, memo);
      const value = compileGate(shape.value, defaultFormat, memo);
      const length = shape.length;
      return (v) => {
        if (!isPlain(v)) return false;
        const keys = Object.keys(v);
        if (!within(keys.length, length)) return false;
        for (const k of keys) if (!key(k) || !value(v[k])) return false;
        return true;
      };
    }
  }
}

function structureGate(shape: Shape & { kind: "structure" }, defaultFormat: TimestampFormat, memo: Map<Shape, Gate | null>): Gate {
  const members = new Map<string, Gate>();
  for (const [name, member] of Object.entries(shape.members as Record<string, Shape>)) {
    if (!member.httpHeader) members.set(name, compileGate(member, defaultFormat, memo));
  }
  const required = shape.required as string[];
  const union = shape.union === true;
  return (v) => {
    if (!isPlain(v)) return false;
    for (const r of required) if (v[r] === undefined) return false;
    let set = 0;
    for (const k in v) {
      const gate = members.get(k);
      if (!gate) return false;
      const x = v[k];
      if (x !== undefined) {
        set++;
        if (!gate(x)) return false;
      }
    }
    return !union || set === 1;
  };
}

/** Marks a value the fast writer does not take (a non-finite number, a timestamp that is not a Date): zod writes it. */
const UNWRITTEN = Symbol("unwritten");

/**
 * The wire JSON of an SDK-side value, written by walking its shape, without zod: Dates as the member's timestamp
 * format, bytes as base64, absent members left out. Unknown members are kept, so the gate that follows rejects
 * them (and anything else the contract would) and `encode` falls back to zod for the findings.
 * @returns undefined when the value holds something only zod may write.
 */
export function writeWire(shape: Shape, value: unknown, defaultFormat: TimestampFormat): unknown {
  const out = write(shape, value, defaultFormat);
  return out === UNWRITTEN ? undefined : out;
}

function write(shape: Shape | undefined, value: unknown, format: TimestampFormat): unknown {
  if (value === null || value === undefined || shape === undefined) return value;
  switch (shape.kind) {
    case "structure": {
      if (!isPlain(value)) return UNWRITTEN;
      const out: Record<string, unknown> = {};
      const members = shape.members as Record<string, Shape>;
      for (const key of Object.keys(value)) {
        const v = value[key];
        if (v === undefined) continue;
        const w = write(Object.hasOwn(members, key) ? members[key] : undefined, v, format);
        if (w === UNWRITTEN) return UNWRITTEN;
        out[key] = w;
      }
      return out;
    }
    case "list": {
      if (!Array.isArray(value)) return UNWRITTEN;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) if ((out[i] = write(shape.member, value[i], format)) === UNWRITTEN) return UNWRITTEN;
      return out;
    }
    case "map": {
      if (!isPlain(value)) return UNWRITTEN;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) if ((out[key] = write(shape.value, value[key], format)) === UNWRITTEN) return UNWRITTEN;
      return out;
    }
    case "timestamp": {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) return UNWRITTEN;
      return (shape.format ?? format) === "date-time" ? formatDateTime(value) : formatEpochSeconds(value);
    }
    case "blob":
      return value instanceof Uint8Array ? toBase64(value) : UNWRITTEN;
    case "double":
      return typeof value === "number" && !Number.isFinite(value) ? UNWRITTEN : value;
    default:
      return value;
  }
}
