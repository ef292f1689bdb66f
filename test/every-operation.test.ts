import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock, testClientConfig, type AwsMock } from "../handlers/index.js";
import { registry, type Contract, type Operation, type OperationId } from "../src/index.js";
import { listenOptions } from "./support/msw.js";

// The real SDK clients and commands of every operation, loaded from the packages the registry names.
type Client = { send(command: unknown): Promise<Record<string, unknown>>; destroy(): void };
type Module = Record<string, new (input?: unknown) => unknown>;
const modules = new Map<string, Module>();
async function sdk(op: Operation): Promise<Module> {
  let module = modules.get(op.sdk.package);
  if (!module) modules.set(op.sdk.package, (module = (await import(op.sdk.package)) as Module));
  return module;
}

async function client(op: Operation, options: { requestHandler?: unknown }): Promise<Client> {
  const Client = (await sdk(op))[op.sdk.client] as new (config: unknown) => Client;
  return new Client({ ...testClientConfig({ maxAttempts: 1 }), ...options });
}

const server = setupServer();
beforeAll(() => server.listen(listenOptions("error")));
afterAll(() => server.close());

const ids = registry.operations.map((op) => op.id);

const walk = async (mock: AwsMock, send: Client, op: Operation, seed: number) => {
  const factories = createFactories({ seed });
  const input = factories.input(op.id as OperationId).build();
  const Command = (await sdk(op))[op.sdk.command]!;
  const output = await send.send(new Command(input));
  const sent = mock.responses.at(-1)!;
  expect(sent.operation).toBe(op.id);
  expect(sent.status, sent.body).toBe(op.http.code);
  const contract: Contract = op.response;
  // The wire body passes the strict check, and the SDK read exactly what the contract decodes.
  const body = sent.body === "" ? {} : (JSON.parse(sent.body) as unknown);
  expect(contract.validate(body, { strict: true }).findings).toEqual([]);
  const { $metadata, ...read } = output;
  expect($metadata).toMatchObject({ httpStatusCode: op.http.code });
  expect(read).toEqual(contract.decode(body));
};

describe("every operation of the three pinned clients, sent by the real SDK with a valid generated input", () => {
  test("the registry holds all 517 operations", () => {
    expect(ids).toHaveLength(517);
  });

  describe("through the direct transport", () => {
    // Store-bound operations (the sessions) build what an unknown id names, as the others do.
    const mock = createAwsMock({ unknownIds: "generate" });
    const clients = new Map<string, Client>();
    afterAll(() => clients.forEach((c) => c.destroy()));
    test.each(ids)("%s", async (id) => {
      const op = registry.get(id);
      let c = clients.get(op.service.id);
      if (!c) clients.set(op.service.id, (c = await client(op, { requestHandler: mock.requestHandler() })));
      await walk(mock, c, op, 1);
    });
  });

  describe("through setupServer", () => {
    // Store-bound operations (the sessions) build what an unknown id names, as the others do.
    const mock = createAwsMock({ unknownIds: "generate" });
    const clients = new Map<string, Client>();
    beforeAll(() => server.use(...mock.handlers));
    afterAll(() => clients.forEach((c) => c.destroy()));
    test.each(ids)("%s", async (id) => {
      const op = registry.get(id);
      let c = clients.get(op.service.id);
      if (!c) clients.set(op.service.id, (c = await client(op, {})));
      await walk(mock, c, op, 2);
    });
  });
});

describe("every operation's output, for any seed, passes its strict contract and survives the wire", () => {
  const factories = createFactories({ seed: 9 });
  test.each(ids)("%s", (id) => {
    const factory = factories.operation(id);
    const contract: Contract = registry.get(id).response;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const value = factory.build(undefined, { seed });
        const checked = contract.validate(value, { level: "sdk", strict: true });
        expect(checked.findings).toEqual([]);
        const wire = contract.encode(value);
        expect(contract.decode(JSON.parse(JSON.stringify(wire)))).toEqual(value);
      }),
      { numRuns: 100 },
    );
  });
});
