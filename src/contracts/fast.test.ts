import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createFactories } from "../../factories/index.js";
import { registry } from "./registry.js";
import { decodesAsIs, epochSecondsText } from "./fast.js";
import type { Contract } from "./contract.js";
import type { Shape } from "../model/shapes.js";

/** Every path to a value inside a JSON document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function mutate(doc: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? {} : replacement;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(target)) delete target[last];
  else target[last] = replacement;
  return copy;
}

/**
 * A value with the edits made in turn: each picks a path among `pathsOf(value)` and either adds an unknown member
 * (`extraKey`) to the object there, or replaces or removes the value there.
 */
function edited(value: unknown, edits: readonly (readonly [number, unknown, boolean, string])[], pathsOf: (value: unknown) => (string | number)[][]): unknown {
  let out = value;
  for (const [pick, replacement, remove, extraKey] of edits) {
    const all = pathsOf(out);
    const path = all[pick % all.length]!;
    const target = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], out);
    const isObject = typeof target === "object" && target !== null && !Array.isArray(target) && !(target instanceof Date);
    out = remove && extraKey && isObject ? mutate(out, [...path, extraKey], replacement, false) : mutate(out, path, replacement, remove);
  }
  return out;
}

const replacements = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e13, 70000, "", " ", "x", "READY", "G.32X", "2024-03-01T12:00:00Z", "2024-02-30T12:00:00Z", "session-001", [], {}, [null], { extra: 1 }),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const factories = createFactories({ seed: 5 });

// The operations with hand-tuned outputs, and every 16th other operation (the gate's code is shared:
// a spread of shapes covers it; 517 times 400 runs would not fit the suite's time).
const chosen = registry.operations.filter((op, i) => factories.operation(op.id).traitNames.length > 0 || i % 16 === 0);
describe.each(chosen.map((op) => [op.id, op] as const))("%s", (id, op) => {
  const contract: Contract = op.response;
  test("the fast gate agrees with the zod contract on any mutation of a valid body", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), replacements, fc.boolean(), fc.string({ maxLength: 8 })), { minLength: 0, maxLength: 3 }), (seed, edits) => {
        const doc = edited(factories.operation(id).wire(undefined, { seed }), edits, paths);
        const gate = contract.validate(doc, { decode: false, strict: true }).findings.length === 0;
        const zod = contract.schema("wire", true).safeDecode(doc).success;
        expect(gate).toBe(zod);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the fast writer encodes exactly as zod does", () => {
  test("for every operation's output and any seed, encode (the writer and the gate) equals zod's encode", async () => {
    const { z } = await import("zod");
    const factories = createFactories({ seed: 2 });
    for (const op of registry.operations) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
          const value = factories.operation(op.id as never).build(undefined, { seed });
          expect(op.response.encode(value as never)).toEqual(z.encode(op.response.codec, value as never));
        }),
        { numRuns: 5 },
      );
    }
  });
});

describe("the one-walk JSON writer writes exactly what encode and JSON.stringify write", () => {
  const sdkReplacements = fc.oneof(
    fc.constantFrom(undefined, null, true, 0, -0, -1, 1.5, Number.NaN, Infinity, 1e21, "", "x", "READY", "a\"b", "\u0007", "\ud800", "ok\u00e9", [], {}, [null], [undefined], { extra: 1 }, new Date(0), new Date(Number.NaN), new Date(-1e14), new Uint8Array([1, 2]), { __proto__: null, x: 1 }),
    fc.string(),
    fc.double(),
  );
  /** Every path to a value inside an SDK value (not into its Dates and bytes). */
  const sdkPaths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
    const out: (string | number)[][] = [prefix];
    if (value instanceof Date || value instanceof Uint8Array) return out;
    if (Array.isArray(value)) value.forEach((v, i) => out.push(...sdkPaths(v, [...prefix, i])));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...sdkPaths(v, [...prefix, k]));
    return out;
  };
  const outcome = (f: () => string): string => {
    try {
      return `text ${f()}`;
    } catch (error) {
      return `error ${(error as Error).message}`;
    }
  };

  test("a timestamp's epoch seconds are String(ms / 1000), for any time value", () => {
    const times = fc.oneof(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), fc.constantFrom(0, 1, 10, 100, 999, 1000, 1001, 1010, 1100, 1767756048598, 253_402_300_799_999, -1, -1500));
    fc.assert(
      fc.property(times, (ms) => {
        expect(epochSecondsText(ms)).toBe(String(ms / 1000));
      }),
      { numRuns: 2000 },
    );
  });

  test("for every operation's output and any seed", () => {
    const factories = createFactories({ seed: 4 });
    for (const op of registry.operations) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
          const value = factories.operation(op.id as never).build(undefined, { seed }) as never;
          expect(op.response.encodeJson(value)).toBe(JSON.stringify(op.response.encode(value)));
        }),
        { numRuns: 5 },
      );
    }
  });

  describe.each(chosen.map((op) => [op.id, op] as const))("%s", (id, op) => {
    test("on any change to a valid value, the same text or the same error", () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), sdkReplacements, fc.boolean(), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 3 }), (seed, edits) => {
          const value = edited(factories.operation(id).build(undefined, { seed }), edits, sdkPaths);
          expect(outcome(() => op.response.encodeJson(value as never))).toBe(outcome(() => JSON.stringify(op.response.encode(value as never))));
        }),
        { numRuns: 200 },
      );
    });
  });
});

/** The kinds of every shape below one (each shape once: models have cycles). */
function kindsBelow(shape: Shape, seen = new Set<Shape>()): string[] {
  if (seen.has(shape)) return [];
  seen.add(shape);
  const inner = shape.kind === "structure" ? Object.values(shape.members as Record<string, Shape>) : shape.kind === "list" ? [shape.member] : shape.kind === "map" ? [shape.key as Shape, shape.value] : [];
  return [shape.kind, ...inner.flatMap((s) => kindsBelow(s, seen))];
}

describe("a clean body that decodes to itself is its own decoded value", () => {
  test("for every operation's request and any seed, validate with reuse answers what zod decodes (and is the body itself only where its members decode to themselves)", () => {
    const factories = createFactories({ seed: 3 });
    let asIs = 0;
    for (const op of registry.operations) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
          const wire = op.request.encode(factories.input(op.id as never).build(undefined, { seed }) as never);
          const reused = op.request.validate(wire, { reuse: true });
          const decoded = op.request.validate(wire);
          expect(reused.ok).toBe(decoded.ok);
          expect(reused.value).toEqual(decoded.value);
          if (reused.value === wire) asIs++;
          if (reused.value === wire) expect(kindsBelow(op.request.shape).filter((k) => ["timestamp", "blob", "document", "map"].includes(k))).toEqual([]);
        }),
        { numRuns: 3 },
      );
    }
    // Most requests name strings and numbers only (GetJobRun's job name and run id).
    expect(asIs).toBeGreaterThan(registry.operations.length);
  });
});

describe("decodesAsIs", () => {
  test("a shape in a cycle with a timestamp does not decode as it is, whichever shape of the cycle is asked about first", () => {
    const cycle = () => {
      const a = { kind: "structure", name: "A", members: {} as Record<string, unknown>, required: [] } as unknown as Shape & { members: Record<string, unknown> };
      const b = { kind: "structure", name: "B", members: { a }, required: [] } as unknown as Shape;
      a.members.at = { kind: "timestamp" };
      a.members.b = b;
      return [a, b] as const;
    };
    const [a1, b1] = cycle();
    expect([decodesAsIs(a1), decodesAsIs(b1)]).toEqual([false, false]);
    const [a2, b2] = cycle();
    expect([decodesAsIs(b2), decodesAsIs(a2)]).toEqual([false, false]);
    expect(decodesAsIs({ kind: "structure", name: "C", members: { s: { kind: "string" } }, required: [] } as unknown as Shape)).toBe(true);
  });
});
