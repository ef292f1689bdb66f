import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { registry, type Shape } from "../../src/index.js";
import { samplePattern } from "./pattern.js";

/** Every `@pattern` of the three models, read from the registry's shapes. */
function patterns(): string[] {
  const found = new Set<string>();
  const seen = new Set<Shape>();
  const walk = (shape: Shape): void => {
    if (seen.has(shape)) return;
    seen.add(shape);
    if (shape.kind === "string" && shape.pattern !== undefined) found.add(shape.pattern);
    if (shape.kind === "structure") for (const m of Object.values(shape.members as Record<string, Shape>)) walk(m);
    if (shape.kind === "list") walk(shape.member);
    if (shape.kind === "map") (walk(shape.key), walk(shape.value));
  };
  for (const op of registry.operations) (walk(op.request.shape), walk(op.response.shape));
  return [...found];
}

describe("samplePattern", () => {
  const all = patterns();

  test("the models have patterns to sample", () => {
    expect(all.length).toBeGreaterThan(80);
  });

  test.each(all)("for any draw, a sample of %s matches it", (pattern) => {
    const re = new RegExp(pattern, "u");
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.9999, noNaN: true }), { minLength: 1, maxLength: 64 }), fc.integer({ min: 0, max: 40 }), (draws, spread) => {
        let i = 0;
        const sample = samplePattern(pattern, () => draws[i++ % draws.length]!, spread);
        expect(sample).toBeDefined();
        expect(re.test(sample!)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  test.each([
    ["^farm-[0-9a-f]{32}$", /^farm-[0-9a-f]{32}$/],
    ["^(?:[A-F0-9]{1,4}:){7}[A-F0-9]{1,4}$", /^(?:[A-F0-9]{1,4}:){7}[A-F0-9]{1,4}$/],
    ["^arn:aws:iam::\\d{12}:role/", /^arn:aws:iam::\d{12}:role\/$/],
  ])("samples %s exactly as written", (pattern, shape) => {
    expect(samplePattern(pattern, () => 0.5)).toMatch(shape);
  });

  test("a class of 16 characters drawn several to a draw still uses each of them about as often", () => {
    let state = 7;
    // A small deterministic stream (xorshift), as uniform as the factories' own.
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    const counts = new Map<string, number>();
    for (let i = 0; i < 200; i++) for (const c of samplePattern("^[0-9a-f]{64}$", next)!) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join("")).toBe("0123456789abcdef");
    // 12,800 digits: 800 of each expected; every digit within 15% of that.
    for (const n of counts.values()) expect(Math.abs(n - 800)).toBeLessThan(120);
  });

  test("syntax it cannot read gives undefined, so the caller falls back", () => {
    expect(samplePattern("(unclosed", () => 0.5)).toBeUndefined();
  });
});
