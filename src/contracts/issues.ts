/**
 * Finding codes shared by the contracts and the checker. A zod issue raised by one of our checks
 * carries its code in `params`, so nothing downstream has to guess from a message.
 */

/** Codes that are always violations: the response breaks the model or the wire encoding. */
export const violationCodes = [
  "missing_required",
  "wrong_type",
  "null_value",
  "timestamp_encoding",
  "timestamp_range",
  "invalid_timestamp",
  "pattern",
  "length",
  "range",
  "not_integer",
] as const;

/** Codes that are drift: AWS added something the contract does not know. Violations only in strict mode. */
export const driftCodes = ["unknown_member", "unknown_enum_value"] as const;

/** Drift that AWS is known to send beyond its model (`known-drift.ts`): information, never a failure. */
export const knownCodes = ["known_drift"] as const;

export type ViolationCode = (typeof violationCodes)[number];
export type DriftCode = (typeof driftCodes)[number];
export type FindingCode = ViolationCode | DriftCode | (typeof knownCodes)[number];

export interface IssueParams {
  readonly code: FindingCode;
  readonly expected: string;
}

/** Minimal view of zod's check context (`z.any().check(ctx => …)`), kept local so internals stay typed. */
export interface CheckContext {
  readonly value: unknown;
  readonly issues: unknown[];
}

export function pushIssue(
  ctx: CheckContext,
  code: FindingCode,
  message: string,
  expected: string,
  path: readonly PropertyKey[] = [],
  input: unknown = ctx.value,
): void {
  ctx.issues.push({ code: "custom", message, input, path: [...path], params: { code, expected } satisfies IssueParams });
}

/** The JSON type of a value, in the words a JSON reader uses. */
export function jsonType(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "Date";
  return typeof value;
}

/** A short, bounded rendering of a received value for messages: it reads only as much of the value as it prints. */
export function show(value: unknown, limit = 80): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date ${value.toISOString()}`;
  if (typeof value === "number" && !Number.isFinite(value)) return `${value} (beyond the range of a JSON number)`;
  const text = bounded(value, limit + 1);
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

function bounded(value: unknown, budget: number): string {
  if (typeof value === "string") return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (value === null || typeof value !== "object") return typeof value === "number" && !Number.isFinite(value) ? "null" : String(value);
  const array = Array.isArray(value);
  let out = array ? "[" : "{";
  // Keys only: a value is read only when it is printed.
  const keys = array ? undefined : Object.keys(value);
  const count = array ? value.length : keys!.length;
  for (let i = 0; i < count; i++) {
    if (out.length >= budget) return out;
    out += `${out.length > 1 ? "," : ""}${array ? "" : `${JSON.stringify(keys![i])}:`}`;
    out += bounded(array ? value[i] : (value as Record<string, unknown>)[keys![i]!], budget - out.length);
  }
  return `${out}${array ? "]" : "}"}`;
}
