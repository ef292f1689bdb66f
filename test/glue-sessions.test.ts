import {
  CancelStatementCommand,
  CreateSessionCommand,
  DeleteSessionCommand,
  GetSessionCommand,
  GetSessionEndpointCommand,
  GetStatementCommand,
  GetTagsCommand,
  GlueClient,
  ListStatementsCommand,
  RunStatementCommand,
  StopSessionCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { registry, type Contract, type OperationId } from "../src/index.js";

const role = "arn:aws:iam::123456789012:role/service-role/GlueNotebookRole";

function setup() {
  const mock = createAwsMock();
  const glue = new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
  const create = (Id: string, extra: Record<string, unknown> = {}) => glue.send(new CreateSessionCommand({ Id, Role: role, Command: { Name: "glueetl" }, ...extra }));
  /** A session polled until it is READY (two polls with the mock's own clock). */
  const ready = async (Id: string) => {
    await create(Id);
    let status: string | undefined;
    while (status !== "READY") status = (await glue.send(new GetSessionCommand({ Id }))).Session?.Status;
  };
  const stopped = async (Id: string) => {
    await ready(Id);
    await glue.send(new StopSessionCommand({ Id }));
    while ((await glue.send(new GetSessionCommand({ Id }))).Session?.Status !== "STOPPED");
  };
  return { mock, glue, create, ready, stopped };
}

type Case = [string, OperationId, string, (s: ReturnType<typeof setup>) => Promise<unknown>];

// Each illegal step answers with an error the model lists for that operation.
const cases: Case[] = [
  ["run a statement on a stopped session", "glue:RunStatement", "IllegalSessionStateException", async (s) => (await s.stopped("a"), s.glue.send(new RunStatementCommand({ SessionId: "a", Code: "1" })))],
  ["run a statement on a session still provisioning", "glue:RunStatement", "IllegalSessionStateException", async (s) => (await s.create("a"), s.glue.send(new RunStatementCommand({ SessionId: "a", Code: "1" })))],
  ["stop a stopped session", "glue:StopSession", "IllegalSessionStateException", async (s) => (await s.stopped("a"), s.glue.send(new StopSessionCommand({ Id: "a" })))],
  ["create a session with a taken id", "glue:CreateSession", "AlreadyExistsException", async (s) => (await s.create("a"), s.create("a"))],
  ["delete a session still provisioning", "glue:DeleteSession", "IllegalSessionStateException", async (s) => (await s.create("a"), s.glue.send(new DeleteSessionCommand({ Id: "a" })))],
  ["cancel a statement that has finished", "glue:CancelStatement", "IllegalSessionStateException", async (s) => {
    await s.ready("a");
    const { Id } = await s.glue.send(new RunStatementCommand({ SessionId: "a", Code: "1" }));
    while ((await s.glue.send(new GetStatementCommand({ SessionId: "a", Id }))).Statement?.State !== "AVAILABLE");
    return s.glue.send(new CancelStatementCommand({ SessionId: "a", Id }));
  }],
  ["read a missing session", "glue:GetSession", "EntityNotFoundException", (s) => s.glue.send(new GetSessionCommand({ Id: "missing" }))],
  ["run a statement on a missing session", "glue:RunStatement", "EntityNotFoundException", (s) => s.glue.send(new RunStatementCommand({ SessionId: "missing", Code: "1" }))],
  ["read a missing statement", "glue:GetStatement", "EntityNotFoundException", async (s) => (await s.ready("a"), s.glue.send(new GetStatementCommand({ SessionId: "a", Id: 7 })))],
  ["list the statements of a missing session", "glue:ListStatements", "EntityNotFoundException", (s) => s.glue.send(new ListStatementsCommand({ SessionId: "missing" }))],
  ["tag a missing session", "glue:TagResource", "EntityNotFoundException", (s) => s.glue.send(new TagResourceCommand({ ResourceArn: s.mock.glue.sessionArn("missing"), TagsToAdd: { a: "b" } }))],
  // The model lists no EntityNotFoundException for StopSession and DeleteSession: an unknown id is invalid input.
  ["stop a missing session", "glue:StopSession", "InvalidInputException", (s) => s.glue.send(new StopSessionCommand({ Id: "missing" }))],
  ["delete a missing session", "glue:DeleteSession", "InvalidInputException", (s) => s.glue.send(new DeleteSessionCommand({ Id: "missing" }))],
  ["ask a LIVY session for a Spark Connect endpoint", "glue:GetSessionEndpoint", "OperationNotSupportedException", async (s) => (await s.ready("a"), s.glue.send(new GetSessionEndpointCommand({ SessionId: "a" })))],
  ["create with a worker type but no number of workers", "glue:CreateSession", "InvalidInputException", (s) => s.create("a", { WorkerType: "G.1X" })],
  ["create with both MaxCapacity and a worker type", "glue:CreateSession", "InvalidInputException", (s) => s.create("a", { WorkerType: "G.1X", NumberOfWorkers: 2, MaxCapacity: 2 })],
  ["create on Glue 1.0", "glue:CreateSession", "InvalidInputException", (s) => s.create("a", { GlueVersion: "1.0" })],
  ["create a pythonshell session", "glue:CreateSession", "InvalidInputException", (s) => s.create("a", { Command: { Name: "pythonshell" } })],
  ["create with an idle timeout beyond the timeout", "glue:CreateSession", "InvalidInputException", (s) => s.create("a", { Timeout: 60, IdleTimeout: 120 })],
  ["create a G.12X session on Glue 3.0", "glue:CreateSession", "InvalidInputException", (s) => s.create("a", { GlueVersion: "3.0", WorkerType: "G.12X", NumberOfWorkers: 2 })],
];

describe("illegal steps get the error AWS documents for them", () => {
  test.each(cases)("%s: %s answers %s", async (_, id, error, step) => {
    expect(registry.get(id).errors.map((e) => e.name)).toContain(error);
    const s = setup();
    const thrown = (await step(s).then(
      () => undefined,
      (e: unknown) => e,
    )) as { name: string; $metadata: { httpStatusCode: number } } | undefined;
    expect(thrown?.name).toBe(error);
    expect(thrown!.$metadata.httpStatusCode).toBe(registry.get(id).errors.find((e) => e.name === error)!.httpStatus);
    // Every answer of the flow, errors included, passes its contract.
    for (const sent of s.mock.responses) {
      const op = registry.get(sent.operation);
      const contract: Contract = sent.status === 200 ? op.response : op.errors.find((e) => e.name === JSON.parse(sent.body).__type)!.body;
      expect(contract.validate(JSON.parse(sent.body), { strict: true }).findings).toEqual([]);
    }
  });
});

describe("the Glue session family", () => {
  test("CreateSession stores the session PROVISIONING with what was asked, and its capacity from the workers", async () => {
    const s = setup();
    const { Session } = await s.create("etl", { WorkerType: "G.2X", NumberOfWorkers: 4, GlueVersion: "5.0", Description: "orders backfill", DefaultArguments: { "--enable-glue-datacatalog": "true" } });
    expect(Session).toMatchObject({ Id: "etl", Status: "PROVISIONING", Role: role, WorkerType: "G.2X", NumberOfWorkers: 4, MaxCapacity: 8, GlueVersion: "5.0", Description: "orders backfill" });
    expect(s.mock.glue.sessions.get("etl")).toEqual(Session);
  });

  test("a stopped session has run from READY to STOPPED, billed in DPU-seconds", async () => {
    const s = setup();
    await s.stopped("etl");
    const { Session } = await s.glue.send(new GetSessionCommand({ Id: "etl" }));
    expect(Session!.CompletedOn!.getTime()).toBeGreaterThan(Session!.CreatedOn!.getTime());
    expect(Session!.ExecutionTime).toBeGreaterThan(0);
    expect(Session!.DPUSeconds).toBeCloseTo(Session!.ExecutionTime! * Session!.MaxCapacity!, 3);
  });

  test("a cancelled statement goes through CANCELLING to CANCELLED", async () => {
    const s = setup();
    await s.ready("etl");
    const { Id } = await s.glue.send(new RunStatementCommand({ SessionId: "etl", Code: "spark.range(10**9).count()" }));
    await s.glue.send(new CancelStatementCommand({ SessionId: "etl", Id }));
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await s.glue.send(new GetStatementCommand({ SessionId: "etl", Id }))).Statement!.State);
    expect(states).toEqual(["CANCELLING", "CANCELLED", "CANCELLED"]);
  });

  test("planStatement decides how the next statement ends", async () => {
    const s = setup();
    await s.ready("etl");
    s.mock.glue.planStatement({ error: { name: "AnalysisException", value: "Table or view not found: orders" } });
    s.mock.glue.planStatement({ output: "+---+\\n| id|\\n+---+\\n|  1|\\n+---+\\n" });
    const first = await s.glue.send(new RunStatementCommand({ SessionId: "etl", Code: "spark.table('orders')" }));
    const second = await s.glue.send(new RunStatementCommand({ SessionId: "etl", Code: "df.show()" }));
    for (let i = 0; i < 4; i++) await s.glue.send(new ListStatementsCommand({ SessionId: "etl" }));
    while ((await s.glue.send(new GetStatementCommand({ SessionId: "etl", Id: first.Id }))).Statement!.State === "RUNNING" || (await s.glue.send(new GetStatementCommand({ SessionId: "etl", Id: second.Id }))).Statement!.State !== "AVAILABLE");
    const { Statements } = await s.glue.send(new ListStatementsCommand({ SessionId: "etl" }));
    expect(Statements!.map((st) => [st.Id, st.State, st.Output?.ErrorName ?? st.Output?.Data?.TextPlain])).toEqual([
      [0, "ERROR", "AnalysisException"],
      [1, "AVAILABLE", "+---+\\n| id|\\n+---+\\n|  1|\\n+---+\\n"],
    ]);
  });

  test("tags given at creation, added and removed, as GetTags reads them", async () => {
    const s = setup();
    await s.create("etl", { Tags: { team: "data" } });
    const ResourceArn = s.mock.glue.sessionArn("etl");
    await s.glue.send(new TagResourceCommand({ ResourceArn, TagsToAdd: { env: "prod" } }));
    await s.glue.send(new UntagResourceCommand({ ResourceArn, TagsToRemove: ["team"] }));
    expect((await s.glue.send(new GetTagsCommand({ ResourceArn }))).Tags).toEqual({ env: "prod" });
  });

  test("mock.clock.advance moves a session on without polls", async () => {
    const s = setup();
    await s.create("etl");
    s.mock.clock.advance(30_000);
    expect((await s.glue.send(new GetSessionCommand({ Id: "etl" }))).Session!.Status).toBe("READY");
  });
});

test("a session added with a lifecycle keeps it, even after ListSessions and a stop", async () => {
  const s = setup();
  s.mock.glue.sessions.add({ Id: "polled" }, { lifecycle: ["PROVISIONING", "PROVISIONING", "READY"] });
  const { ListSessionsCommand } = await import("@aws-sdk/client-glue");
  await s.glue.send(new ListSessionsCommand({}));
  const seen = [];
  for (let i = 0; i < 3; i++) seen.push((await s.glue.send(new GetSessionCommand({ Id: "polled" }))).Session!.Status);
  expect(seen).toEqual(["PROVISIONING", "PROVISIONING", "READY"]);
  await s.glue.send(new StopSessionCommand({ Id: "polled" }));
  const after = [];
  for (let i = 0; i < 2; i++) after.push((await s.glue.send(new GetSessionCommand({ Id: "polled" }))).Session!.Status);
  expect(after).toEqual(["STOPPING", "STOPPED"]);
});

describe("statements of simple Python print what Python prints", () => {
  test.each([
    ["print(1)", "1\n"],
    ["1+1", "2\n"],
    ["x = 6\nx * 7", "42\n"],
    ["4/2", "2.0\n"],
    ["-7 // 2", "-4\n"],
    ["0.1 + 0.2", "0.30000000000000004\n"],
    ["2**100", "1267650600228229401496703205376\n"],
    ["print(1, 'a', 2.5)\n'done'", "1 a 2.5\n'done'\n"],
    ["3 > 2", "True\n"],
    ["df.show()", ""],
  ])("%j prints %j", async (code, text) => {
    const { runPython } = await import("../handlers/families/python.js");
    const ran = runPython(code);
    expect(ran === undefined ? "" : "output" in ran ? ran.output : ran.error.message).toBe(text);
  });

  test("1/0 raises ZeroDivisionError, as the statement's error", async () => {
    const { runPython } = await import("../handlers/families/python.js");
    expect(runPython("1/0")).toMatchObject({ error: { type: "ZeroDivisionError", value: "division by zero" } });
  });
});

test("through the SDK: 1+1 in a READY session ends AVAILABLE with 2, and 1/0 ends in ERROR with ZeroDivisionError", async () => {
  const s = setup();
  await s.ready("calc");
  const statement = async (Code: string) => {
    const { Id } = await s.glue.send(new RunStatementCommand({ SessionId: "calc", Code }));
    for (;;) {
      const { Statement } = await s.glue.send(new GetStatementCommand({ SessionId: "calc", Id }));
      if (Statement!.State === "AVAILABLE" || Statement!.State === "ERROR") return Statement!;
    }
  };
  expect((await statement("1+1")).Output).toMatchObject({ Status: "AVAILABLE", Data: { TextPlain: "2\n" } });
  expect((await statement("1/0")).Output).toMatchObject({ Status: "ERROR", ErrorName: "ZeroDivisionError", ErrorValue: "division by zero" });
});
