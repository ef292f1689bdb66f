import { describe, expect, test } from "vitest";
import { registry } from "../src/index.js";
import { examples } from "./support/reference.js";

/** Every example response in the verified wire reference must decode and re-encode to the same JSON. */
const all = examples();
const successes = all.filter((e) => e.status === 200);
const errors = all.filter((e) => e.status !== 200);

test("the reference holds a success example for every operation and error examples", () => {
  expect(new Set(successes.map((e) => e.operation.id))).toEqual(new Set(["glue:GetSession", "deadline:GetSession", "deviceFarm:GetTestGridSession", "deviceFarm:GetRemoteAccessSession"]));
  for (const e of successes) expect(registry.find(e.operation.id)).toBe(e.operation);
  expect(errors.length).toBeGreaterThanOrEqual(6);
});

describe("success examples", () => {
  test.each(successes.map((e) => [e.operation.id, e] as const))("%s decodes strictly and re-encodes to the same JSON", (_, example) => {
    const contract = example.operation.response;
    const result = contract.validate(example.body, { strict: true });
    expect(result.findings).toEqual([]);
    const decoded = contract.decode(example.body, { strict: true });
    expect(contract.encode(decoded)).toEqual(example.body);
  });
});

describe("error examples", () => {
  test.each(errors.map((e) => [`${e.operation.id} ${e.status}`, e] as const))("%s matches its error contract", (_, example) => {
    const body = example.body as Record<string, unknown>;
    const name = String(example.headers["x-amzn-errortype"] ?? body.__type);
    const error = example.operation.errors.find((e) => e.name === name);
    expect(error, `${name} is a modelled error of ${example.operation.id}`).toBeDefined();
    expect(error!.httpStatus).toBe(example.status);
    const decoded = error!.body.decode(body, { strict: true });
    expect(error!.body.encode(decoded)).toEqual(body);
    // Members bound to headers travel there, not in the body.
    for (const header of Object.values(error!.headers)) expect(body).not.toHaveProperty(header);
  });
});
