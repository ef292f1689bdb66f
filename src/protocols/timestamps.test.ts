import fc from "fast-check";
import * as z from "zod";
import { describe, expect, test } from "vitest";
import { dateTime, epochSeconds, formatDateTime, isDateTime, parseDateTime, sdkDate } from "./timestamps.js";

const anyDate = fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true });

describe("epoch-seconds", () => {
  test.each([
    [1709294400.123, "2024-03-01T12:00:00.123Z"],
    [1709294400, "2024-03-01T12:00:00.000Z"],
    [1.7092944001239e9, "2024-03-01T12:00:00.124Z"],
  ])("decodes %s as the SDK does (%s)", (wire, iso) => {
    expect(z.decode(epochSeconds, wire).toISOString()).toBe(iso);
  });

  test("encodes fractional seconds, never an integer-only value", () => {
    expect(z.encode(epochSeconds, new Date("2024-03-01T12:00:00.123Z"))).toBe(1709294400.123);
  });

  test("round-trips every millisecond instant unchanged", () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(z.decode(epochSeconds, z.encode(epochSeconds, date)).getTime()).toBe(date.getTime());
      }),
    );
  });

  test.each([
    ["2024-03-01T12:00:00Z", "timestamp_encoding"],
    ["1709294400", "timestamp_encoding"],
    [1700000000123, "timestamp_range"],
    [true, "wrong_type"],
  ])("rejects %j with %s", (wire, code) => {
    const result = epochSeconds.safeDecode(wire as number);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ params: { code } });
  });
});

describe("date-time", () => {
  test.each([
    ["2024-03-01T12:00:00Z", "2024-03-01T12:00:00.000Z"],
    ["2024-03-01T12:00:00.123456Z", "2024-03-01T12:00:00.123Z"],
    ["2024-03-01T12:00:00.9999Z", "2024-03-01T12:00:00.999Z"],
    ["2024-03-01T14:00:00+02:00", "2024-03-01T12:00:00.000Z"],
    ["2024-03-01t12:00:00z", "2024-03-01T12:00:00.000Z"],
    ["2024-03-01T12:00:60Z", "2024-03-01T12:01:00.000Z"],
  ])("decodes %s as the SDK does (%s)", (wire, iso) => {
    expect(z.decode(dateTime, wire).toISOString()).toBe(iso);
  });

  test.each(["2024-03-01T12:00:00", "2024-03-01", "2024-03-01 12:00:00Z", "Fri, 01 Mar 2024 12:00:00 GMT", "2024-02-30T12:00:00Z", "2023-02-29T00:00:00Z"])(
    "rejects %s",
    (wire) => {
      expect(typeof parseDateTime(wire)).toBe("string");
      expect(dateTime.safeDecode(wire).success).toBe(false);
    },
  );

  test("encodes as AWS does, shortening .000Z to Z", () => {
    expect(formatDateTime(new Date("2024-03-01T13:15:42.000Z"))).toBe("2024-03-01T13:15:42Z");
    expect(formatDateTime(new Date("2024-03-01T13:15:42.120Z"))).toBe("2024-03-01T13:15:42.120Z");
  });

  test("round-trips every millisecond instant unchanged", () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(z.decode(dateTime, z.encode(dateTime, date)).getTime()).toBe(date.getTime());
      }),
    );
  });

  test("rejects a number where a string belongs", () => {
    expect(dateTime.safeDecode(1709294400 as unknown as string).error!.issues[0]).toMatchObject({ params: { code: "timestamp_encoding" } });
  });
});

test("isDateTime accepts exactly what parseDateTime parses", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        anyDate.map((d) => d.toISOString()),
        fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 61 })).map(
          ([y, m, d, s]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T12:30:${String(s).padStart(2, "0")}Z`,
        ),
      ),
      (text) => {
        expect(isDateTime(text)).toBe(typeof parseDateTime(text) !== "string");
      },
    ),
    { numRuns: 2000 },
  );
});

test("years 0-99 are valid and read as the SDK reads them (1900-1999); a leap second rolls over", () => {
  expect(z.decode(dateTime, "0050-01-01T00:00:00Z").getUTCFullYear()).toBe(1950);
  expect(typeof parseDateTime("0000-02-29T00:00:00Z")).not.toBe("string");
  expect(isDateTime("0000-02-29T00:00:00Z")).toBe(true);
  expect(z.decode(dateTime, "2024-12-31T23:59:60Z").toISOString()).toBe("2025-01-01T00:00:00.000Z");
});

describe("SDK-side timestamps", () => {
  test.each([
    ["epoch-seconds", new Date(-62_167_219_201_000), "timestamp_range"],
    ["epoch-seconds", new Date(Date.UTC(10000, 0, 1)), "timestamp_range"],
    ["date-time", new Date(Date.UTC(10000, 0, 1)), "timestamp_range"],
    ["date-time", new Date(Number.NaN), "invalid_timestamp"],
    ["epoch-seconds", "2024-03-01T12:00:00Z", "wrong_type"],
  ] as const)("%s rejects %s with %s, so encode never meets a Date it cannot write", (format, value, code) => {
    const result = sdkDate(format).safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ params: { code } });
  });

  test("a factory override the wire cannot carry fails at build, naming the override", async () => {
    const { createFactories } = await import("../../factories/index.js");
    expect(() => createFactories().glue.session.build({ CreatedOn: new Date(Date.UTC(10000, 0, 1)) })).toThrow(/override "CreatedOn" = .* cannot be written as epoch-seconds/);
  });
});
