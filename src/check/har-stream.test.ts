import fc from "fast-check";
import { expect, test } from "vitest";
import { streamHarEntries } from "./har-stream.js";

async function* chunked(text: string, sizes: number[]): AsyncGenerator<string> {
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[k++ % sizes.length]!);
    yield text.slice(at, at + size);
    at += size;
  }
}

async function collect(text: string, sizes: number[]) {
  const entries: unknown[] = [];
  const reader = streamHarEntries(chunked(text, sizes));
  let step = await reader.next();
  while (!step.done) {
    entries.push("entry" in step.value ? step.value.entry : step.value);
    step = await reader.next();
  }
  return { entries, end: step.value };
}

test("streamed entries equal JSON.parse's, whatever the chunk boundaries and string contents", async () => {
  const entry = fc.record({
    request: fc.record({ url: fc.string({ unit: "binary" }), headers: fc.array(fc.record({ name: fc.string(), value: fc.string({ unit: "binary" }) })) }),
    response: fc.record({ content: fc.record({ text: fc.string({ unit: "binary" }) }), status: fc.integer() }),
    note: fc.constantFrom('\\"', "\\\\", '"{}[]"', "\\", "}", "]"),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(entry, { maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), fc.boolean(), async (entries, sizes, pretty) => {
      const doc = { log: { version: "1.2", creator: { name: "x]}", version: "{[" }, entries } };
      const text = pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
      const result = await collect(text, sizes);
      expect(result.entries).toEqual(entries);
      expect(result.end).toEqual({ found: true, complete: true });
    }),
    { numRuns: 300 },
  );
});

test("a truncated HAR is reported incomplete, and a non-HAR as not found", async () => {
  const text = JSON.stringify({ log: { entries: [{ a: 1 }, { b: "two" }] } });
  const cut = await collect(text.slice(0, text.length - 10), [5]);
  expect(cut.end.complete).toBe(false);
  expect((await collect(JSON.stringify({ other: [1] }), [3])).end.found).toBe(false);
});

test("an entry that is not an object is reported at its index, and the others keep theirs", async () => {
  const text = JSON.stringify({ log: { entries: [{ a: 1 }, 7, "x", [1, { b: 2 }], { c: 3 }] } });
  const reader = streamHarEntries(chunked(text, [3]));
  const seen: unknown[] = [];
  for await (const item of reader) seen.push(item);
  expect(seen).toEqual([
    { index: 0, entry: { a: 1 } },
    { index: 1, error: "not a HAR entry (request and response objects expected)." },
    { index: 2, error: "not a HAR entry (request and response objects expected)." },
    { index: 3, error: "not a HAR entry (request and response objects expected)." },
    { index: 4, entry: { c: 3 } },
  ]);
});
