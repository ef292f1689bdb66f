import * as z from "zod";
import type { TimestampFormat } from "../model/shapes.js";
import { jsonType, pushIssue, show, type CheckContext } from "../contracts/issues.js";

/** The latest instant a four-digit year can hold: anything later is almost always epoch milliseconds. */
export const MAX_EPOCH_SECONDS = 253_402_300_799.999;
/**
 * The earliest instant either wire format writes, 0000-01-01T00:00:00Z: one rule for epoch seconds and
 * date-time strings (Smithy's epoch seconds may be negative; the SDK reads them).
 */
export const MIN_EPOCH_SECONDS = -62_167_219_200;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar (Date.UTC would read years 0-99 as 1900-1999). */
const daysInMonth = (year: number, month: number): number => {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const DIGITS = (text: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
};

/** Whether a text is a valid RFC 3339 `date-time` (what `parseDateTime` accepts), without building a Date. */
export function isDateTime(text: string): boolean {
  if (!RFC3339.test(text)) return false;
  const year = DIGITS(text, 0, 4);
  const month = DIGITS(text, 5, 2);
  const day = DIGITS(text, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month) && DIGITS(text, 11, 2) <= 23 && DIGITS(text, 14, 2) <= 59 && DIGITS(text, 17, 2) <= 60;
}

/**
 * Parses an RFC 3339 `date-time` the way the SDK does: offsets and lower-case `t`/`z` accepted,
 * fractions truncated to the millisecond, a leap second rolling over. Returns a reason on failure.
 */
export function parseDateTime(text: string): Date | string {
  const m = RFC3339.exec(text);
  if (!m) return "not an RFC 3339 date-time (YYYY-MM-DDThh:mm:ss[.fff]Z or with an offset)";
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${day} does not exist in ${year}-${String(month).padStart(2, "0")}`;
  if (hour > 23 || minute > 59 || second > 60) return "time of day out of range";
  const millis = m[7] ? Number(m[7].slice(1, 4).padEnd(3, "0")) : 0;
  const zone = m[8]!;
  let offsetMinutes = 0;
  if (zone !== "Z" && zone !== "z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  // Date.UTC, as the SDK uses: a leap second rolls over, and years 0-99 read as 1900-1999 (as in the SDK).
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

/** Writes a `date-time` as AWS and the SDK do: `toISOString()` with `.000Z` shortened to `Z`. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace(".000Z", "Z");
}

/** Writes `epoch-seconds` as AWS does: a JSON number with the millisecond fraction kept. */
export function formatEpochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** Reads `epoch-seconds` as the SDK does: rounded to the whole millisecond. */
export function parseEpochSeconds(seconds: number): Date {
  return new Date(Math.round(seconds * 1000));
}

/** Reports a missing or null value; true when there was nothing to check. */
function absent(ctx: CheckContext): boolean {
  if (ctx.value === undefined) pushIssue(ctx, "missing_required", "Required timestamp is missing.", "a timestamp");
  else if (ctx.value === null) pushIssue(ctx, "null_value", "Timestamp is null; AWS omits absent members.", "a timestamp");
  else return false;
  return true;
}

function checkEpochSeconds(ctx: CheckContext): void {
  const value = ctx.value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) pushIssue(ctx, "wrong_type", `Expected epoch seconds, received ${value}.`, "epoch-seconds JSON number");
    else if (value > MAX_EPOCH_SECONDS) {
      const year = new Date(Math.round(value * 1000)).getUTCFullYear();
      pushIssue(
        ctx,
        "timestamp_range",
        `${value} epoch seconds is the year ${Number.isNaN(year) ? "beyond 275760" : year}: this looks like epoch milliseconds; AWS sends seconds with a fraction.`,
        "epoch-seconds JSON number (seconds, fraction allowed)",
      );
    } else if (value < MIN_EPOCH_SECONDS) pushIssue(ctx, "timestamp_range", `${value} epoch seconds is before the year 0000.`, "epoch-seconds JSON number from the year 0000 to 9999");
    return;
  }
  if (typeof value === "string") {
    const numeric = /^\s*-?\d+(\.\d+)?\s*$/.test(value);
    pushIssue(
      ctx,
      "timestamp_encoding",
      numeric
        ? `Expected epoch seconds as a JSON number, received the string ${show(value)}; AWS sends the number itself (the SDK reads this string too, so code tested against it may break on AWS's number).`
        : `Expected epoch seconds as a JSON number, received the string ${show(value)}; the SDK rejects it.`,
      "epoch-seconds JSON number",
    );
    return;
  }
  if (absent(ctx)) return;
  pushIssue(ctx, "wrong_type", `Expected epoch seconds as a JSON number, received ${jsonType(value)}.`, "epoch-seconds JSON number");
}

function checkDateTime(ctx: CheckContext): void {
  const value = ctx.value;
  if (typeof value === "string") {
    const parsed = parseDateTime(value);
    if (typeof parsed === "string") pushIssue(ctx, "invalid_timestamp", `${show(value)} is ${parsed}.`, "RFC 3339 date-time string");
    return;
  }
  if (typeof value === "number") {
    pushIssue(
      ctx,
      "timestamp_encoding",
      `Expected an RFC 3339 date-time string, received the number ${value}; the SDK rejects numbers here.`,
      "RFC 3339 date-time string",
    );
    return;
  }
  if (absent(ctx)) return;
  pushIssue(ctx, "wrong_type", `Expected an RFC 3339 date-time string, received ${jsonType(value)}.`, "RFC 3339 date-time string");
}

/** The instants each wire format can write: years 0000-9999, one rule for both. */
const WIRE_RANGE: Record<TimestampFormat, { min: number; max: number; text: string }> = {
  "epoch-seconds": { min: MIN_EPOCH_SECONDS * 1000, max: MAX_EPOCH_SECONDS * 1000, text: "a Date in the years 0000-9999 (epoch-seconds)" },
  // 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z
  "date-time": { min: -62_167_219_200_000, max: 253_402_300_799_999, text: "a Date in the years 0000-9999 (date-time)" },
};

/** An SDK-side timestamp: a valid Date the wire format can carry. */
export function sdkDate(format: TimestampFormat): z.ZodDate {
  const range = WIRE_RANGE[format];
  return z.any().check((ctx) => {
    const value = ctx.value;
    if (value === undefined) return pushIssue(ctx, "missing_required", "Required timestamp is missing.", "a Date");
    if (value === null) return pushIssue(ctx, "null_value", "Timestamp is null; AWS omits absent members.", "a Date");
    if (!(value instanceof Date)) return pushIssue(ctx, "wrong_type", `Expected a Date, received ${jsonType(value)}.`, "a Date");
    const t = value.getTime();
    if (Number.isNaN(t)) return pushIssue(ctx, "invalid_timestamp", "Invalid Date.", "a valid Date");
    if (t < range.min || t > range.max) pushIssue(ctx, "timestamp_range", `${value.toISOString()} cannot be written as ${format}.`, range.text);
  }) as unknown as z.ZodDate;
}

/**
 * The `epoch-seconds` wire codec: a JSON number of seconds (fraction kept to the millisecond) to a `Date`.
 * @example z.decode(epochSeconds, 1709294400.123) // Date 2024-03-01T12:00:00.123Z
 */
export const epochSeconds = z.codec(z.any().check(checkEpochSeconds) as unknown as z.ZodNumber, sdkDate("epoch-seconds"), {
  decode: (seconds) => parseEpochSeconds(seconds),
  encode: (date) => formatEpochSeconds(date),
});

/**
 * The `date-time` wire codec: an RFC 3339 string (offsets accepted) to a `Date`; encodes as `…Z`.
 * @example z.encode(dateTime, new Date("2024-03-01T13:15:42Z")) // "2024-03-01T13:15:42Z"
 */
export const dateTime = z.codec(z.any().check(checkDateTime) as unknown as z.ZodString, sdkDate("date-time"), {
  decode: (text) => parseDateTime(text) as Date,
  encode: (date) => formatDateTime(date),
});

/**
 * A timestamp as `JSON.stringify` writes an SDK output: an ISO string, always in UTC.
 * Used to read SDK output that was serialized to disk.
 */
export const isoJson = z.codec(z.any().check(checkDateTime) as unknown as z.ZodString, sdkDate("date-time"), {
  decode: (text) => parseDateTime(text) as Date,
  encode: (date) => date.toISOString(),
});

