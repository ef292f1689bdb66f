import { describe, expect, test } from "vitest";
import { Recent } from "./recent.js";

describe("Recent", () => {
  test("keeps the latest half of its limit at least, and at most its limit", () => {
    const cache = new Recent<number, string>(8);
    for (let i = 0; i < 100; i++) {
      cache.set(i, `v${i}`);
      expect(cache.size).toBeLessThanOrEqual(8);
      // The latest four are always there.
      for (let j = Math.max(0, i - 3); j <= i; j++) expect(cache.get(j)).toBe(`v${j}`);
    }
    expect(cache.get(0)).toBeUndefined();
  });

  test("an entry read from the older generation is kept with the newer", () => {
    const cache = new Recent<string, number>(4);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3); // "a" and "b" are now the older generation
    expect(cache.get("a")).toBe(1); // carried into the newer one
    cache.set("d", 4); // the newer is full: "b" is dropped with its generation
    expect(cache.get("a")).toBe(1);
    expect(cache.get("b")).toBeUndefined();
    cache.clear();
    expect([cache.size, cache.get("a")]).toEqual([0, undefined]);
  });
});
