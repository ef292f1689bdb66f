import { findTool } from "./support/tools.js";
import { CreateQueueEnvironmentCommand, DeadlineClient, GetSessionCommand as DeadlineGetSession } from "@aws-sdk/client-deadline";
import { DeviceFarmClient, GetRemoteAccessSessionCommand, GetTestGridSessionCommand } from "@aws-sdk/client-device-farm";
import { GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createAwsMock, serve, testClientConfig, type AwsMock, type Served } from "../handlers/index.js";
import { registry, type OperationId, type Shape, type StructureShape } from "../src/index.js";
import { listenOptions } from "./support/msw.js";

/**
 * Every way to break one member of a request shape, read from the shape: nothing here names a member.
 * An HTTP label cannot be left out or empty: the SDK refuses to send such a request at all.
 */
function breakers(shape: StructureShape, path: string): { member: string; value: unknown }[] {
  const out: { member: string; value: unknown }[] = [];
  for (const [member, m] of Object.entries(shape.members) as [string, Shape][]) {
    const label = path.includes(`{${member}}`);
    if ((shape.required as string[]).includes(member) && !label) out.push({ member, value: undefined });
    if (m.kind === "string" || m.kind === "enum") {
      if (m.length?.max !== undefined) out.push({ member, value: "a".repeat(m.length.max + 1) });
      if (m.length?.min && !label) out.push({ member, value: "" });
    }
    if (m.kind === "string" && m.pattern) out.push({ member, value: "~ not this ~" });
    if (m.kind === "enum") out.push({ member, value: "NOT_A_VALUE" });
  }
  return out;
}

const commands: Record<string, new (input: never) => unknown> = {
  "glue:GetSession": GetSessionCommand,
  "deadline:GetSession": DeadlineGetSession,
  "deviceFarm:GetTestGridSession": GetTestGridSessionCommand,
  "deviceFarm:GetRemoteAccessSession": GetRemoteAccessSessionCommand,
};

function clients(extra: object) {
  const base = { ...testClientConfig({ maxAttempts: 1 }), ...extra };
  return { glue: new GlueClient(base), deadline: new DeadlineClient(base), deviceFarm: new DeviceFarmClient(base) } as Record<string, { send(c: unknown): Promise<unknown> }>;
}

/** A valid input of each operation: one a stored session answers. */
function validInput(mock: AwsMock, id: string): Record<string, unknown> {
  const store = { "glue:GetSession": mock.glue.sessions, "deadline:GetSession": mock.deadline.sessions, "deviceFarm:GetTestGridSession": mock.deviceFarm.testGridSessions, "deviceFarm:GetRemoteAccessSession": mock.deviceFarm.remoteAccessSessions }[id]!;
  return store.inputFor(store.add() as never);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const transports = [
  ["the direct transport", (mock: AwsMock) => ({ requestHandler: mock.requestHandler() }), () => () => {}],
  [
    "msw setupServer",
    () => ({}),
    (mock: AwsMock) => {
      const server = setupServer(...mock.handlers);
      server.listen(listenOptions("error"));
      return () => server.close();
    },
  ],
] as const;

describe.each(transports)("through %s", (_, extra, start) => {
  test.each(Object.keys(commands))("%s: for any input the contract rejects, AWS's front-end words name every broken member", async (id) => {
    const op = registry.get(id as OperationId);
    const ways = breakers(op.request.shape, op.http.path);
    const mock = createAwsMock();
    const stop = start(mock);
    try {
      const client = clients(extra(mock))[op.service.id]!;
      await fc.assert(
        fc.asyncProperty(fc.subarray(ways, { minLength: 1 }), async (broken) => {
          const input: Record<string, unknown> = { ...validInput(mock, id) };
          for (const { member, value } of broken) {
            if (value === undefined) delete input[member];
            else input[member] = value;
          }
          const findings = op.request.validate(input, { strict: true }).findings.filter((f) => f.code !== "unknown_member");
          fc.pre(findings.length > 0);
          const error = (await client.send(new commands[id]!(input as never)).catch((e: unknown) => e)) as Error & Record<string, any>;
          expect(error).toMatchObject({ name: "ValidationException", $fault: "client", $metadata: { httpStatusCode: 400 } });
          expect(error.message).toMatch(new RegExp(`^${findings.length} validation errors? detected: `));
          for (const f of findings) {
            const member = f.path.replace(/^\$\./, "");
            expect(error.message).toContain(`at '${lowerFirst(member)}' failed to satisfy constraint: Member must `);
          }
          if (op.errors.some((e) => e.name === "ValidationException")) expect(error.fieldList).toHaveLength(findings.length);
        }),
        { numRuns: 40 },
      );
    } finally {
      stop();
    }
  });
});

test("the words AWS uses, one constraint at a time", async () => {
  const mock = createAwsMock();
  const { glue, deadline } = clients({ requestHandler: mock.requestHandler() });
  const message = (p: Promise<unknown>) => p.catch((e: Error) => e.message);
  expect(await message(glue!.send(new GetSessionCommand({ Id: "x".repeat(256) })))).toBe(
    `1 validation error detected: Value '${"x".repeat(256)}' at 'id' failed to satisfy constraint: Member must have length less than or equal to 255`,
  );
  const ids = { queueId: `queue-${"2".repeat(32)}`, jobId: `job-${"3".repeat(32)}`, sessionId: `session-${"4".repeat(32)}` };
  expect(await message(deadline!.send(new DeadlineGetSession({ farmId: "farm-1", ...ids })))).toBe(
    "1 validation error detected: Value 'farm-1' at 'farmId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^farm-[0-9a-f]{32}$",
  );
});

// Debian's AWS CLI shows the same message, read from what serve sent.
// The AWS CLI v2 (Debian's awscli), wherever it is on PATH: these tests read its output format and exit codes.
const AWS = findTool("aws", /^aws-cli\/2\./);
describe.skipIf(!AWS)("through serve and the AWS CLI", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve({ port: 0 });
  });
  afterAll(() => served.close());

  test("aws glue get-session with a 300-character id prints the framework's ValidationException", async () => {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", AWS_DEFAULT_REGION: "us-west-2", AWS_EC2_METADATA_DISABLED: "true" };
    const error = (await promisify(execFile)(AWS!, ["glue", "get-session", "--id", "i".repeat(300), "--endpoint-url", served.url], { env }).catch((e: unknown) => e)) as { stderr: string };
    expect(error.stderr).toContain("An error occurred (ValidationException) when calling the GetSession operation: 1 validation error detected: Value '");
    expect(error.stderr).toContain("at 'id' failed to satisfy constraint: Member must have length less than or equal to 255");
  });
});

test("a @sensitive member's value is never quoted: not in the ValidationException, its field list, nor a check finding", async () => {
  const mock = createAwsMock();
  const { deadline } = clients({ requestHandler: mock.requestHandler() });
  const op = registry.get("deadline:CreateQueueEnvironment");
  const template = (op.request.shape.members as Record<string, Shape>).template!;
  expect(template.sensitive).toBe(true);
  const max = template.kind === "string" ? template.length!.max! : 0;
  const planted = `PlantedTemplateSecret ${"x".repeat(max)}`;
  const ids = { farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}` };
  const error = (await deadline!.send(new CreateQueueEnvironmentCommand({ ...ids, priority: 1, templateType: "YAML", template: planted })).catch((e: unknown) => e)) as { message: string; fieldList: { message: string }[] };
  expect(error.message).toBe(`1 validation error detected: Value at 'template' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  expect(JSON.stringify(error.fieldList)).not.toContain("Planted");
  expect(mock.responses.map((r) => r.body).join("")).not.toContain("Planted");
  // The check names the finding without the value.
  const findings = op.request.validate({ ...ids, priority: 1, templateType: "YAML", template: planted }).findings;
  expect(findings.map((f) => f.code)).toEqual(["length"]);
  expect(JSON.stringify(findings)).not.toContain("Planted");
});

describe("where AWS is looser than the model, so is the mock", () => {
  test("Glue takes ConnectionProperties keys outside the ConnectionPropertyKey enum (aws/aws-sdk#564) and keeps them; an unknown enum value is still refused", async () => {
    const { CreateConnectionCommand, GetConnectionCommand, CreateJobCommand } = await import("@aws-sdk/client-glue");
    const glue = new GlueClient({ ...testClientConfig(), requestHandler: createAwsMock().requestHandler() });
    const ConnectionProperties = { JDBC_CONNECTION_URL: "jdbc:postgresql://db.example.internal:5432/sales", SSL_MODE: "require" };
    await glue.send(new CreateConnectionCommand({ ConnectionInput: { Name: "sales-db", ConnectionType: "JDBC", ConnectionProperties: ConnectionProperties as never } }));
    expect((await glue.send(new GetConnectionCommand({ Name: "sales-db" }))).Connection!.ConnectionProperties).toEqual(ConnectionProperties);
    const refused = await glue.send(new CreateJobCommand({ Name: "j", Role: "arn:aws:iam::123456789012:role/R", Command: { Name: "glueetl" }, WorkerType: "G.3X" as never })).catch((e: unknown) => e);
    expect((refused as Error).name).toBe("ValidationException");
  });
});
