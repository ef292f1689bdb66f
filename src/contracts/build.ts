import * as z from "zod";
import type { Bounds, EnumShape, ListShape, MapShape, NumberShape, Shape, StringShape, StructureShape, TimestampFormat } from "../model/shapes.js";
import { dateTime, epochSeconds, isoJson, sdkDate } from "../protocols/timestamps.js";
import { codePoints, outside, TYPE_RANGE } from "./bounds.js";
import { pushIssue, show, type CheckContext } from "./issues.js";
import { fromBase64, toBase64 } from "../platform.js";

/**
 * Which side of the codec a schema describes: `wire` is the JSON AWS sends (a codec to the SDK side),
 * `sdk` the object the client returns (Dates), `sdk-json` that object after `JSON.stringify` (a codec).
 */
export type Level = "wire" | "sdk" | "sdk-json";

export interface BuildOptions {
  readonly level: Level;
  /** When true, unknown members and enum values raise drift issues; otherwise they pass silently. */
  readonly reportDrift: boolean;
  readonly defaultTimestampFormat: TimestampFormat;
  /** Structures built so far in this build: shared shapes are built once, and a cycle ends in `z.lazy`. */
  readonly memo?: Map<Shape, z.ZodType | null>;
  /** False leaves out the guard of `__proto__` map keys (a pipe), for tools that cannot read pipes; default true. */
  readonly protoGuard?: boolean;
}


const describeBounds = (b: Bounds, unit: string): string =>
  b.min !== undefined && b.max !== undefined
    ? `${b.min}..${b.max} ${unit}`
    : b.min !== undefined
      ? `at least ${b.min} ${unit}`
      : `at most ${b.max} ${unit}`;


const patterns = new Map<string, RegExp>();
const compiled = (source: string): RegExp => {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, "u")));
  return re;
};

function checkString(shape: StringShape | EnumShape, ctx: CheckContext & { value: string }, path: readonly PropertyKey[] = []): void {
  const value = ctx.value;
  if (shape.length) {
    const n = codePoints(value);
    if (outside(n, shape.length)) {
      pushIssue(ctx, "length", `Length ${n} is outside ${describeBounds(shape.length, "characters")}.`, describeBounds(shape.length, "characters"), path, value);
    }
  }
  if ("pattern" in shape && shape.pattern && !compiled(shape.pattern).test(value)) {
    pushIssue(ctx, "pattern", `${show(value)} does not match /${shape.pattern}/u.`, `a string matching /${shape.pattern}/u`, path, value);
  }
}

function stringSchema(shape: StringShape): z.ZodType {
  return shape.length || shape.pattern ? z.string().check((ctx) => checkString(shape, ctx)) : z.string();
}

function enumSchema(shape: EnumShape, o: BuildOptions): z.ZodType {
  const values = new Set<string>(shape.values);
  return z.string().check((ctx) => {
    checkString(shape, ctx);
    if (o.reportDrift && !values.has(ctx.value)) {
      pushIssue(ctx, "unknown_enum_value", `${show(ctx.value)} is not a known ${shape.name} value.`, shape.values.join(" | "));
    }
  });
}

function numberSchema(shape: NumberShape): z.ZodType {
  const integral = shape.kind !== "double";
  if (!integral && !shape.range) return z.number();
  const type = shape.kind === "double" ? undefined : TYPE_RANGE[shape.kind];
  return z.number().check((ctx) => {
    if (integral && !Number.isInteger(ctx.value)) pushIssue(ctx, "not_integer", `${ctx.value} is not a whole number.`, `an ${shape.kind}`);
    if (type && outside(ctx.value, type)) {
      const message =
        shape.kind === "integer"
          ? `${ctx.value} is outside a Smithy integer (32-bit: ${type.min}..${type.max}).`
          : `${ctx.value} is beyond 2^53 - 1: the SDK reads a long as a JavaScript number and cannot represent it exactly.`;
      pushIssue(ctx, "range", message, `${type.min}..${type.max}`);
    } else if (outside(ctx.value, shape.range)) {
      pushIssue(ctx, "range", `${ctx.value} is outside ${describeBounds(shape.range!, "")}.`.replace(" .", "."), describeBounds(shape.range!, "").trim());
    }
  });
}

function timestampSchema(format: TimestampFormat, level: Level): z.ZodType {
  if (level === "sdk") return sdkDate(format);
  if (level === "sdk-json") return isoJson;
  return format === "date-time" ? dateTime : epochSeconds;
}

function listSchema(shape: ListShape, o: BuildOptions): z.ZodType {
  const items = z.array(buildSchema(shape.member, o));
  const bounds = shape.length;
  if (!bounds) return items;
  return items.check((ctx) => {
    if (outside(ctx.value.length, bounds)) {
      pushIssue(ctx, "length", `List has ${ctx.value.length} items, outside ${describeBounds(bounds, "items")}.`, describeBounds(bounds, "items"));
    }
  });
}

/**
 * zod's records skip a key named `__proto__` (JSON.parse makes it an own member): this check, run on
 * the input before the record, holds that entry to the map's key and value contracts like any other.
 */
function protoEntry(key: StringShape | EnumShape, value: z.ZodType) {
  return z.unknown().check((ctx) => {
    const v = ctx.value;
    if (typeof v !== "object" || v === null || Array.isArray(v) || !Object.hasOwn(v, "__proto__")) return;
    checkString(key, { value: "__proto__", issues: ctx.issues }, ["__proto__"]);
    const entry = (v as Record<string, unknown>)["__proto__"];
    const result = value.safeParse(entry);
    if (!result.success) for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: (issue as { input?: unknown }).input ?? entry, path: ["__proto__", ...issue.path] } as never);
  });
}

function mapSchema(shape: MapShape<Shape, StringShape | EnumShape>, o: BuildOptions): z.ZodType {
  const value = buildSchema(shape.value, o);
  const record = z.record(z.string(), value);
  const { key, length } = shape;
  const guarded = (schema: z.ZodType) => (o.protoGuard === false ? schema : protoEntry(key, value).pipe(schema));
  // Keys of an enum-keyed map are that enum's values; another key is drift, as an unknown value is.
  const values = key.kind === "enum" && o.reportDrift ? new Set<string>(key.values) : undefined;
  const keyChecked = values !== undefined || Boolean(key.length) || Boolean(key.kind === "string" && key.pattern);
  if (!length && !keyChecked) return guarded(record);
  return guarded(record.check((ctx) => {
    const keys = Object.keys(ctx.value);
    if (outside(keys.length, length)) {
      pushIssue(ctx, "length", `Map has ${keys.length} entries, outside ${describeBounds(length!, "entries")}.`, describeBounds(length!, "entries"));
    }
    for (const k of keys) {
      checkString(key, { value: k, issues: ctx.issues }, [k]);
      if (values && !values.has(k) && key.kind === "enum") pushIssue(ctx, "unknown_enum_value", `${show(k)} is not a known ${key.name} value.`, key.values.join(" | "), [k], k);
    }
  }));
}

function structureSchema(shape: StructureShape, o: BuildOptions): z.ZodType {
  const required = new Set<string>(shape.required);
  const members: Record<string, z.ZodType> = {};
  for (const [name, member] of Object.entries(shape.members) as [string, Shape][]) {
    // A header-bound member is not in the JSON body, but it is a member of the SDK's object.
    if (member.httpHeader && o.level === "wire") continue;
    const schema = buildSchema(member, o);
    members[name] = required.has(name) ? schema : schema.optional();
  }
  const object = o.reportDrift ? z.strictObject(members) : z.object(members);
  if (!shape.union) return object;
  const names = Object.keys(members);
  return object.check((ctx) => {
    const set = names.filter((n) => (ctx.value as Record<string, unknown>)[n] !== undefined);
    if (set.length !== 1) {
      pushIssue(ctx, "wrong_type", `A ${shape.name} union has exactly one member set; this one has ${set.length ? set.join(", ") : "none"}.`, `exactly one of ${names.join(", ")}`);
    }
  });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A blob: base64 text on the wire, bytes in the SDK (and a JSON object of byte values after JSON.stringify). */
function blobSchema(level: Level): z.ZodType {
  if (level === "sdk") return z.instanceof(Uint8Array);
  if (level === "sdk-json") return z.record(z.string(), z.number());
  return z.codec(z.string().regex(BASE64, "base64 text"), z.instanceof(Uint8Array), {
    decode: (text) => fromBase64(text),
    encode: (bytes) => toBase64(bytes),
  });
}

/** Builds the zod schema of a shape for one level and mode. Callers cache the result. */
export function buildSchema(shape: Shape, o: BuildOptions): z.ZodType {
  if (shape.kind === "structure") {
    const memo = o.memo ?? new Map<Shape, z.ZodType | null>();
    if (!o.memo) o = { ...o, memo };
    if (memo.has(shape)) return memo.get(shape) ?? z.lazy(() => memo.get(shape)!);
    memo.set(shape, null);
    const built = structureSchema(shape, o);
    memo.set(shape, built);
    return built;
  }
  switch (shape.kind) {
    case "string":
      return stringSchema(shape);
    case "enum":
      return enumSchema(shape, o);
    case "integer":
    case "long":
    case "double":
      return numberSchema(shape);
    case "boolean":
      return z.boolean();
    case "timestamp":
      return timestampSchema(shape.format ?? o.defaultTimestampFormat, o.level);
    case "list":
      return listSchema(shape, o);
    case "map":
      return mapSchema(shape, o);
    case "blob":
      return blobSchema(o.level);
    case "document":
      return z.unknown();
  }
}

/** The shape found by following a JSON path from a root shape, if the path stays inside the model. */
export function shapeAt(root: Shape, path: readonly PropertyKey[]): Shape | undefined {
  let shape: Shape | undefined = root;
  for (const key of path) {
    if (!shape) return undefined;
    if (shape.kind === "structure") shape = (shape.members as Record<string, Shape>)[String(key)];
    else if (shape.kind === "list") shape = shape.member;
    else if (shape.kind === "map") shape = shape.value;
    else return undefined;
  }
  return shape;
}
