import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { checkRecording } from "../src/check/index.js";
import { registry, type OperationId } from "../src/index.js";

/**
 * Every `smithy.api#examples` of AWS's models (written to test/model-examples/ by `npm run codegen`):
 * outputs pass the strict check as wire JSON, inputs the request contract. The April 2026 models have
 * example outputs for Device Farm only; Deadline's examples are inputs only, and Glue has none.
 */
type Example = { title: string; input?: unknown; output?: unknown; error?: { shapeId: string; content: unknown } };

const cases = ["glue", "deadline", "deviceFarm"].flatMap((service) => {
  const examples = JSON.parse(readFileSync(new URL(`./model-examples/${service}.json`, import.meta.url), "utf8")) as Record<string, Example[]>;
  return Object.entries(examples).flatMap(([name, list]) => list.map((e) => [`${service}:${name}`, e.title, e] as [OperationId, string, Example]));
});

test("the models' examples are all here: 31 Device Farm and 10 Deadline operations", () => {
  const operations = (service: string) => new Set(cases.filter(([id]) => id.startsWith(`${service}:`)).map(([id]) => id)).size;
  expect([operations("deviceFarm"), operations("deadline"), operations("glue")]).toEqual([31, 10, 0]);
  expect(cases.filter(([, , e]) => e.output !== undefined).length).toBeGreaterThanOrEqual(29);
});

test.each(cases.filter(([, , e]) => e.output !== undefined))("%s: %s: its output passes the strict check", (id, _, example) => {
  const report = checkRecording(example.output as object, { operation: id, format: "wire", strict: true });
  expect(report.problems).toEqual([]);
  expect(report.entries.flatMap((e) => e.findings)).toEqual([]);
});

test.each(cases.filter(([, , e]) => e.input !== undefined))("%s: %s: its input passes the request contract", (id, _, example) => {
  expect(registry.get(id).request.validate(example.input, { strict: true }).findings).toEqual([]);
});
