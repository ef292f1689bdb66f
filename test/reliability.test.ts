import { CreateFarmCommand, DeadlineClient, ListFarmsCommand, ValidationException } from "@aws-sdk/client-deadline";
import { CreateSessionCommand, GetJobRunsCommand, GlueClient, ListSessionsCommand } from "@aws-sdk/client-glue";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, test } from "vitest";
import { createAwsMock, serve, testClientConfig } from "../handlers/index.js";

const glueOf = (mock: ReturnType<typeof createAwsMock>) => new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
const deadlineOf = (mock: ReturnType<typeof createAwsMock>) => new DeadlineClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });

describe("a reset during a call", () => {
  test("a delayed CreateSession still in flight when reset() runs creates nothing in the next test's mock, and the logs stay in step", async () => {
    const mock = createAwsMock();
    const glue = glueOf(mock);
    mock.fault("glue:CreateSession", { delay: 50 });
    const inFlight = glue.send(new CreateSessionCommand({ Id: "from-the-last-test", Role: "arn:aws:iam::123456789012:role/R", Command: { Name: "glueetl" } })).catch((e: Error) => e);
    // Reset once the call has begun (it is logged and waiting on its delay), as an afterEach would.
    while (mock.calls.length === 0) await new Promise((r) => setTimeout(r, 1));
    mock.reset();
    const answer = await inFlight;
    expect(answer).toBeInstanceOf(Error);
    expect((answer as Error).name).toBe("RequestCanceledException");
    expect(mock.glue.sessions.size).toBe(0);
    expect((await glue.send(new ListSessionsCommand({}))).Ids).toEqual([]);
    expect(mock.calls.map((c) => c.operation)).toEqual(["glue:ListSessions"]);
    expect(mock.responses.map((r) => r.operation)).toEqual(["glue:ListSessions"]);
  });
});

describe("idempotency tokens", () => {
  const farm = { displayName: "render", clientToken: "token-0001" };

  test("the same CreateFarm sent twice with one token makes one farm and answers the first farm's id", async () => {
    const mock = createAwsMock();
    const deadline = deadlineOf(mock);
    const first = await deadline.send(new CreateFarmCommand(farm));
    const again = await deadline.send(new CreateFarmCommand(farm));
    expect(again.farmId).toBe(first.farmId);
    expect((await deadline.send(new ListFarmsCommand({}))).farms?.map((f) => f.farmId)).toEqual([first.farmId]);
  });

  test("20 concurrent sends with one token make one farm", async () => {
    const mock = createAwsMock();
    const deadline = deadlineOf(mock);
    const ids = await Promise.all(Array.from({ length: 20 }, () => deadline.send(new CreateFarmCommand(farm)).then((o) => o.farmId)));
    expect(new Set(ids).size).toBe(1);
    expect((await deadline.send(new ListFarmsCommand({}))).farms).toHaveLength(1);
  });

  test("the same token on a different request is the service's error, and a token without one is a new farm each time", async () => {
    const mock = createAwsMock();
    const deadline = deadlineOf(mock);
    await deadline.send(new CreateFarmCommand(farm));
    const error = await deadline.send(new CreateFarmCommand({ ...farm, displayName: "other" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toMatch(/same clientToken as a previous, but not identical, request/);
    // The SDK fills a fresh token in when none is given: two farms.
    await deadline.send(new CreateFarmCommand({ displayName: "a" }));
    await deadline.send(new CreateFarmCommand({ displayName: "a" }));
    expect((await deadline.send(new ListFarmsCommand({}))).farms).toHaveLength(3);
    mock.reset();
    expect((await deadline.send(new CreateFarmCommand({ ...farm, displayName: "other" }))).farmId).toMatch(/^farm-/);
  });
});

describe("integer ranges", () => {
  test("2147483648 in an integer member is a range violation, through the SDK and in the check", async () => {
    const mock = createAwsMock();
    const error = await glueOf(mock).send(new GetJobRunsCommand({ JobName: "j", MaxResults: 2_147_483_648 })).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/Value '2147483648' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to (2147483647|\d+)/);
    const { registry } = await import("../src/index.js");
    const run = registry.get("glue:GetJobRun").response;
    expect(run.validate({ JobRun: { Id: "jr_1", JobName: "j", ExecutionTime: 2_147_483_648 } }).findings.map((f) => [f.path, f.code])).toEqual([["$.JobRun.ExecutionTime", "range"]]);
    expect(run.validate({ JobRun: { Id: "jr_1", JobName: "j", ExecutionTime: -2_147_483_648 } }).ok).toBe(true);
  });
});

describe("serve keeps its memory bounded in bytes", () => {
  test("hundreds of large distinct requests leave the heap within a bound", { timeout: 60_000 }, async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const served = await serve({ port: 0 });
    try {
      const send = (i: number) =>
        fetch(served.url, {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSGlue.GetPlan", host: "glue.us-west-2.amazonaws.com" },
          // A 512 KiB mapping, different each time: a new answer to build, cache and log (GetPlan keeps no resource).
          body: JSON.stringify({ Mapping: [{ SourceTable: "orders", SourcePath: `${i}-${"x".repeat(512 * 1024)}`, SourceType: "string", TargetTable: "facts", TargetPath: "id", TargetType: "string" }], Source: { DatabaseName: "sales", TableName: "orders" } }),
        }).then((r) => r.status);
      for (let i = 0; i < 10; i++) await send(i);
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 10; i < 210; i++) expect(await send(i)).toBe(200);
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      // 100 MiB went through (kept whole, the log and the answer cache held over 200 MiB); what is kept now
      // is the log's byte budget (16 MiB of text) and small answers.
      expect(grown).toBeLessThan(64 * 1024 * 1024);
      expect(served.mock.calls.length).toBeLessThan(40);
    } finally {
      await served.close();
    }
  });
});

describe("one timestamp rule for both wire formats", () => {
  test("a time before 1970 passes as Glue epoch seconds and as a Deadline date-time; before the year 0000 fails both", async () => {
    const { registry } = await import("../src/index.js");
    const glue = registry.get("glue:GetJobRun").response;
    const deadline = registry.get("deadline:GetFarm").response;
    const farm = (createdAt: string) => ({ farmId: `farm-${"1".repeat(32)}`, displayName: "f", kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/abc", createdAt, createdBy: "u" });
    expect(glue.validate({ JobRun: { Id: "jr_1", StartedOn: -86_400 } }).ok).toBe(true);
    expect(deadline.validate(farm("1969-12-31T00:00:00Z")).findings.filter((f) => f.path === "$.createdAt")).toEqual([]);
    expect(glue.validate({ JobRun: { Id: "jr_1", StartedOn: -62_167_219_201 } }).findings.map((f) => f.code)).toEqual(["timestamp_range"]);
    // A numeric string is what AWS never sends, though the SDK reads it: the finding says so, not that the SDK rejects it.
    const [finding] = glue.validate({ JobRun: { Id: "jr_1", StartedOn: "1700000000" } }).findings;
    expect(finding?.message).toMatch(/AWS sends the number itself \(the SDK reads this string too/);
  });
});
