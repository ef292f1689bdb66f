import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock, testClientConfig, type AwsMock } from "../handlers/index.js";
import { checkRecording } from "../src/check/index.js";
import { main } from "../src/cli/main.js";
import { registry, type Contract, type Operation, type OperationId } from "../src/index.js";
import { scratchFolders } from "./support/scratch.js";
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
  // Each operation on its own: a session the walk created must not make a later step illegal.
  mock.reset();
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

describe("every paginated operation, walked by the SDK's own paginator", () => {
  const mock = createAwsMock({ seed: 4, unknownIds: "generate" });
  // Operations whose answers are generated; the stateful families page what they hold, tested with them.
  const paginated = registry.operations.filter((op) => op.paginated && !mock.keepsState(op.id as OperationId));
  const clients = new Map<string, Client>();
  afterAll(() => clients.forEach((c) => c.destroy()));

  test("the models declare paginated operations in all three services", () => {
    expect(new Set(paginated.map((op) => op.service.id))).toEqual(new Set(["glue", "deadline", "deviceFarm"]));
  });

  test.each(paginated.map((op) => op.id))("%s ends, keeps to the page size, and gives the same items however it is paged", async (id) => {
    const op = registry.get(id);
    let c = clients.get(op.service.id);
    if (!c) clients.set(op.service.id, (c = await client(op, { requestHandler: mock.requestHandler() })));
    const paginate = (await sdk(op))[`paginate${op.name}`] as unknown as (config: object, input: object) => AsyncIterable<Record<string, unknown>>;
    expect(paginate).toBeTypeOf("function");
    const input = createFactories({ seed: 6 }).input(id).build() as Record<string, unknown>;
    const sizeMember = op.paginated!.pageSize;
    // The input's own page size would win over the paginator's.
    if (sizeMember) delete input[sizeMember];
    const range = sizeMember ? (op.request.shape.members as Record<string, { range?: { min?: number } }>)[sizeMember]!.range : undefined;
    const size = Math.max(2, range?.min ?? 0);
    // The list a page holds: the model's items, else the output's lists.
    const lists = Object.entries(op.response.shape.members as Record<string, { kind: string }>).filter(([name, m]) => (op.paginated!.items ? name === op.paginated!.items : true) && m.kind === "list").map(([name]) => name);
    const walkAll = async (pageSize: number | undefined) => {
      const pages: Record<string, unknown>[] = [];
      for await (const page of paginate({ client: c, ...(pageSize && sizeMember ? { pageSize } : {}) }, { ...input })) {
        pages.push(page);
        expect(pages.length).toBeLessThan(50);
      }
      return pages;
    };
    const small = await walkAll(size);
    const whole = await walkAll(undefined);
    const items = (pages: Record<string, unknown>[]) => lists.map((l) => pages.flatMap((p) => (p[l] as unknown[] | undefined) ?? []));
    if (sizeMember && lists.length) {
      for (const page of small) for (const l of lists) expect(((page[l] as unknown[]) ?? []).length).toBeLessThanOrEqual(size);
      expect(small.length).toBeGreaterThan(1);
    }
    expect(small.at(-1)![op.paginated!.outputToken]).toBeUndefined();
    expect(items(small)).toEqual(items(whole));
    expect(items(await walkAll(size))).toEqual(items(small));
  });
});

describe("the check, for traffic of any operation", () => {
  const scratch = scratchFolders("every-operation");

  /** A HAR of the real SDK's traffic through the mock: every 8th operation of the registry, all three services. */
  async function recordedHar() {
    const chosen = registry.operations.filter((_, i) => i % 8 === 0);
    const recorded: { call: AwsMock["calls"][number]; sent: AwsMock["responses"][number] }[] = [];
    for (const op of chosen) {
      // Each call on its own account: a crawler one call made must not make a later stop illegal.
      const mock = createAwsMock({ unknownIds: "generate" });
      const c = await client(op, { requestHandler: mock.requestHandler() });
      const Command = (await sdk(op))[op.sdk.command]!;
      await c.send(new Command(createFactories({ seed: 3 }).input(op.id as OperationId).build()));
      c.destroy();
      recorded.push({ call: mock.calls[0]!, sent: mock.responses[0]! });
    }
    const entries = recorded.map(({ call, sent }) => {
      const op = registry.get(call.operation);
      return {
        request: { method: call.method, url: call.url, headers: op.target ? [{ name: "X-Amz-Target", value: op.target }] : [] },
        response: { status: sent.status, headers: Object.entries(sent.headers).map(([name, value]) => ({ name, value })), content: { mimeType: "application/json", text: sent.body } },
      };
    });
    return { chosen, har: { log: { version: "1.2", creator: { name: "test", version: "1" }, entries } } };
  }

  test("a HAR of mixed traffic is read entry by entry: each entry is named by its operation, and only the drifted one has findings", async () => {
    const { chosen, har } = await recordedHar();
    expect(new Set(chosen.map((op) => op.service.id))).toEqual(new Set(["glue", "deadline", "deviceFarm"]));
    // One answer drifts: a member AWS added after the model.
    const drifted = har.log.entries.findIndex((e) => e.response.content.text.startsWith("{\""));
    const body = JSON.parse(har.log.entries[drifted]!.response.content.text) as Record<string, unknown>;
    har.log.entries[drifted]!.response.content.text = JSON.stringify({ ...body, AddedLater: true });
    const report = checkRecording(JSON.stringify(har));
    expect(report.problems).toEqual([]);
    expect(report.entries.map((e) => e.operation)).toEqual(chosen.map((op) => op.id));
    const withFindings = report.entries.filter((e) => e.findings.length);
    expect(withFindings.map((e) => [e.operation, e.findings.map((f) => f.code)])).toEqual([[chosen[drifted]!.id, ["unknown_member"]]]);
    expect(report.ok).toBe(true);
    expect(checkRecording(JSON.stringify(har), { strict: true }).ok).toBe(false);
  });

  test("--operation takes any id, and names it in the report", async () => {
    const dir = scratch();
    const file = join(dir, "job-run.json");
    const body = createFactories({ seed: 1 }).operation("glue:GetJobRun").wire();
    writeFileSync(file, JSON.stringify({ ...body, JobRun: { ...body.JobRun, JobRunState: "PAUSED" } }));
    const out: string[] = [];
    const code = await main(["check", "--operation", "glue:GetJobRun", "--strict", file], (t) => out.push(t), (t) => out.push(t));
    expect(code).toBe(1);
    expect(out.join("\n")).toContain("glue:GetJobRun");
    expect(out.join("\n")).toContain('"PAUSED" is not a known JobRunState value');
  });
});

describe("every error of every operation can be injected, and the SDK reads it as that error", () => {
  const mock = createAwsMock();
  const clients = new Map<string, Client>();
  afterAll(() => clients.forEach((c) => c.destroy()));

  test.each(ids)("%s", async (id) => {
    const op = registry.get(id);
    let c = clients.get(op.service.id);
    if (!c) clients.set(op.service.id, (c = await client(op, { requestHandler: mock.requestHandler() })));
    const Command = (await sdk(op))[op.sdk.command]!;
    const input = createFactories({ seed: 5 }).input(id).build();
    expect(op.errors.length).toBeGreaterThan(0);
    for (const error of op.errors) {
      mock.fault(id, { error: error.name });
      const thrown = (await c.send(new Command(input)).catch((e: unknown) => e)) as { name: string; $fault: string; $metadata: { httpStatusCode: number } };
      expect(thrown.name).toBe(error.name);
      expect(thrown.$fault).toBe(error.fault);
      expect(thrown.$metadata.httpStatusCode).toBe(error.httpStatus);
      // The body is the error's own contract: its required members set, its message where the shape puts it.
      const sent = mock.responses.at(-1)!;
      expect(error.body.validate(JSON.parse(sent.body), { strict: true }).findings).toEqual([]);
    }
  });
});
