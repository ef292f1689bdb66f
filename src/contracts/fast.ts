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

/**
 * A structure's compiled function, made once per walk: a structure met again (shared) gets the same one, and one
 * met inside itself (a cycle) gets `late`, which calls the finished one (`memo` holds null while it is made).
 */
function compiledOnce<F>(shape: Shape, memo: Map<Shape, F | null>, make: () => F, late: () => F): F {
  if (memo.has(shape)) return memo.get(shape) ?? late();
  memo.set(shape, null);
  const made = make();
  memo.set(shape, made);
  return made;
}

export function compileGate(shape: Shape, defaultFormat: TimestampFormat, memo = new Map<Shape, Gate | null>()): Gate {
  if (shape.kind === "structure") return compiledOnce(shape, memo, () => structureGate(shape, defaultFormat, memo), () => (v) => memo.get(shape)!(v));
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

/**
 * The JSON text of an SDK-side value, written and checked in one walk of its shape: exactly
 * `JSON.stringify(writeWire(...))` where the gate passes that wire, and undefined wherever the writer or the
 * gate would not take the value (then `encode` and zod decide, as before). Members keep the value's order.
 * A property test holds it to `JSON.stringify(encode(value))` for every operation.
 */
export type TextWriter = (value: unknown) => string | undefined;

/** Writes a value's text into `parts` (joined once at the end); false where it does not take the value. */
type PartWriter = (value: unknown, parts: string[]) => boolean;

/** Characters JSON.stringify writes as escapes (controls, quote, backslash) or checks (surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const quote = (text: string): string => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/**
 * `String(ms / 1000)` for a Date's time value, written from whole numbers where it is not negative (the shortest
 * text of a double is the slow part of writing a timestamp): seconds, and the millisecond fraction without its
 * trailing zeros.
 */
export function epochSecondsText(ms: number): string {
  if (!(ms >= 0) || !Number.isSafeInteger(ms)) return String(ms / 1000);
  const f = ms % 1000;
  const s = (ms - f) / 1000;
  if (f === 0) return String(s);
  const fraction = f % 100 === 0 ? String(f / 100) : f % 10 === 0 ? String(f / 10).padStart(2, "0") : String(f).padStart(3, "0");
  return `${s}.${fraction}`;
}

export function compileText(shape: Shape, defaultFormat: TimestampFormat): TextWriter {
  const write = compileParts(shape, defaultFormat, new Map());
  return (value) => {
    const parts: string[] = [];
    return write(value, parts) ? parts.join("") : undefined;
  };
}

function compileParts(shape: Shape, defaultFormat: TimestampFormat, memo: Map<Shape, PartWriter | null>): PartWriter {
  if (shape.kind === "structure") return compiledOnce(shape, memo, () => structureParts(shape, defaultFormat, memo), () => (v, parts) => memo.get(shape)!(v, parts));
  switch (shape.kind) {
    case "string":
    case "enum": {
      const gate = compileGate(shape, defaultFormat);
      return (v, parts) => gate(v) && parts.push(quote(v as string)) > 0;
    }
    case "integer":
    case "long":
    case "double": {
      const gate = compileGate(shape, defaultFormat);
      return (v, parts) => gate(v) && parts.push(String(v)) > 0;
    }
    case "boolean":
      return (v, parts) => (v === true || v === false) && parts.push(v ? "true" : "false") > 0;
    case "timestamp": {
      const dateTime = (shape.format ?? defaultFormat) === "date-time";
      return (v, parts) => {
        if (!(v instanceof Date) || Number.isNaN(v.getTime())) return false;
        if (dateTime) {
          const text = formatDateTime(v);
          return isDateTime(text) && parts.push(`"${text}"`) > 0;
        }
        const seconds = formatEpochSeconds(v);
        return Number.isFinite(seconds) && seconds >= MIN_EPOCH_SECONDS && seconds <= MAX_EPOCH_SECONDS && parts.push(epochSecondsText(v.getTime())) > 0;
      };
    }
    case "blob":
      return (v, parts) => {
        if (!(v instanceof Uint8Array)) return false;
        const text = toBase64(v);
        return BASE64.test(text) && parts.push(`"${text}"`) > 0;
      };
    case "document":
      // As the writer leaves it; a value JSON cannot write (a function) is left to zod.
      return (v, parts) => {
        const text = JSON.stringify(v);
        return text !== undefined && parts.push(text) > 0;
      };
    case "list": {
      const member = compileParts(shape.member, defaultFormat, memo);
      const length = shape.length;
      return (v, parts) => {
        if (!Array.isArray(v) || !within(v.length, length)) return false;
        parts.push("[");
        for (let i = 0; i < v.length; i++) {
          const item = v[i];
          if (i > 0) parts.push(",");
          if (item === undefined || item === null || !member(item, parts)) return false;
        }
        parts.push("]");
        return true;
      };
    }
    case "map": {
      const key = compileGate(shape.key, defaultFormat);
      const value = compileParts(shape.value, defaultFormat, memo);
      const length = shape.length;
      return (v, parts) => {
        if (!isPlain(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
        const keys = Object.keys(v);
        if (!within(keys.length, length)) return false;
        parts.push("{");
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          const x = v[k];
          // (The wire writer's assignment of a `__proto__` key sets no member: zod decides that rarity.)
          if (x === undefined || x === null || k === "__proto__" || !key(k)) return false;
          parts.push(i === 0 ? `${quote(k)}:` : `,${quote(k)}:`);
          if (!value(x, parts)) return false;
        }
        parts.push("}");
        return true;
      };
    }
  }
}

function structureParts(shape: Shape & { kind: "structure" }, defaultFormat: TimestampFormat, memo: Map<Shape, PartWriter | null>): PartWriter {
  // Each member's writer and its quoted name; members bound to headers are not the body's (the gate refuses them).
  const members = new Map<string, { readonly write: PartWriter; readonly name: string; readonly next: string }>();
  for (const [name, member] of Object.entries(shape.members as Record<string, Shape>)) {
    if (!member.httpHeader) members.set(name, { write: compileParts(member, defaultFormat, memo), name: `${JSON.stringify(name)}:`, next: `,${JSON.stringify(name)}:` });
  }
  const required = shape.required as string[];
  const union = shape.union === true;
  return (v, parts) => {
    // (A value of another class is left to the writer and zod, which copy it into a plain object first.)
    if (!isPlain(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const r of required) if (v[r] === undefined) return false;
    parts.push("{");
    let set = 0;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined) continue;
      const member = members.get(k);
      if (!member || x === null) return false;
      parts.push(set++ === 0 ? member.name : member.next);
      if (!member.write(x, parts)) return false;
    }
    parts.push("}");
    return !union || set === 1;
  };
}
