import { DeviceFarmClient } from "@aws-sdk/client-device-farm";
import { AlreadyExistsException, CreateSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createAwsMock, onUnhandled, testClientConfig } from "aws-sdk-contracts/handlers";
import "aws-sdk-contracts/vitest";
import { summariseRemoteAccessUsage } from "./device-farm-usage.js";
import { SessionFailedError, waitForSessionReady } from "./glue-sessions.js";
import { runCell, sessionsTagged } from "./glue-notebook.js";

// The way we recommend: one mock and one MSW server per file, reset after each test,
// real SDK clients with test settings, no sleeping.
const mock = createAwsMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen(onUnhandled("error")));
afterEach(() => mock.reset());
afterAll(() => server.close());

const noSleep = { sleep: async () => {} };

describe("waitForSessionReady", () => {
  const glue = new GlueClient(testClientConfig());

  test("returns the session once it is READY", async () => {
    mock.glue.sessions.add({ Id: "notebook-1" }, { lifecycle: ["PROVISIONING", "PROVISIONING", "READY"] });
    const session = await waitForSessionReady(glue, "notebook-1", noSleep);
    expect(session.Status).toBe("READY");
    expect(mock).toHaveReceivedTimes("glue:GetSession", 3, { Id: "notebook-1" });
  });

  test("fails fast with the error message when provisioning fails", async () => {
    mock.glue.sessions.add({ Id: "notebook-2" }, { lifecycle: ["PROVISIONING", "FAILED"] });
    const error = await waitForSessionReady(glue, "notebook-2", noSleep).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionFailedError);
    expect((error as Error).message).toMatch(/^Session notebook-2 is FAILED: /);
  });

  test("keeps polling through a throttled call (the SDK retries it)", async () => {
    mock.glue.sessions.add({ Id: "notebook-3", Status: "READY" });
    mock.fault("glue:GetSession", { error: "InternalServiceException" });
    expect((await waitForSessionReady(glue, "notebook-3", noSleep)).Id).toBe("notebook-3");
  });

  test("gives up after maxPolls", async () => {
    mock.glue.sessions.add({ Id: "notebook-4" }, { lifecycle: ["PROVISIONING"] });
    await expect(waitForSessionReady(glue, "notebook-4", { ...noSleep, maxPolls: 3 })).rejects.toThrow("was not READY after 3 polls");
  });
});

describe("summariseRemoteAccessUsage", () => {
  const deviceFarm = new DeviceFarmClient(testClientConfig());

  test("sums minutes by billing method and platform, and lists running sessions", async () => {
    const a = mock.deviceFarm.remoteAccessSessions.add({ status: "COMPLETED", billingMethod: "METERED", device: { platform: "ANDROID" } } as never);
    const b = mock.deviceFarm.remoteAccessSessions.add({ status: "RUNNING", billingMethod: "UNMETERED" });
    const summary = await summariseRemoteAccessUsage(deviceFarm, [a.arn!, b.arn!]);
    expect(summary.meteredMinutes).toBe(a.deviceMinutes!.metered);
    expect(summary.unmeteredMinutes).toBe(b.deviceMinutes!.unmetered);
    expect(summary.running).toEqual([b.arn]);
    expect(Object.values(summary.byPlatform).reduce((x, y) => x + y, 0)).toBeCloseTo(a.deviceMinutes!.total! + b.deviceMinutes!.total!, 2);
  });
});

describe("runCell: a Glue interactive session created, polled, used, stopped and deleted", () => {
  const glue = new GlueClient(testClientConfig());
  const role = "arn:aws:iam::123456789012:role/service-role/GlueNotebookRole";

  test("sees the states Glue goes through, in order, and leaves no session behind", async () => {
    const run = await runCell(glue, { sessionId: "cell-1", role, code: "print('42 rows')", ...noSleep });
    expect(run.sessionStates).toEqual(["PROVISIONING", "READY", "STOPPING", "STOPPED"]);
    expect(run.statementStates).toEqual(["WAITING", "RUNNING", "AVAILABLE"]);
    expect(run.output).toMatchObject({ Status: "AVAILABLE", Data: { TextPlain: "42 rows\n" } });
    expect(mock.glue.sessions.size).toBe(0);
    expect(mock.calls.map((c) => c.operation).filter((o, i, all) => o !== all[i - 1])).toEqual([
      "glue:CreateSession",
      "glue:GetSession",
      "glue:RunStatement",
      "glue:GetStatement",
      "glue:StopSession",
      "glue:GetSession",
      "glue:DeleteSession",
    ]);
  });

  test("a statement that raises ends in ERROR with Python's traceback, and the session is still cleaned up", async () => {
    const run = await runCell(glue, { sessionId: "cell-2", role, code: "raise ValueError('no such column: amount')", ...noSleep });
    expect(run.statementStates.at(-1)).toBe("ERROR");
    expect(run.output).toMatchObject({ Status: "ERROR", ErrorName: "ValueError", ErrorValue: "no such column: amount" });
    expect(run.output!.Traceback!.at(-1)).toBe("ValueError: no such column: amount\n");
    expect(run.sessionStates.slice(-2)).toEqual(["STOPPING", "STOPPED"]);
  });

  test("the SDK retries a 503 on CreateSession, and the flow goes on", async () => {
    mock.fault("glue:CreateSession", { status: 503 });
    const run = await runCell(glue, { sessionId: "cell-3", role, code: "1 + 1", ...noSleep });
    expect(run.statementStates.at(-1)).toBe("AVAILABLE");
    expect(mock.callsTo("glue:CreateSession").map((c) => c.attempt)).toEqual([1, 2]);
  });

  test("a session id already taken fails with the SDK's AlreadyExistsException class", async () => {
    mock.glue.sessions.add({ Id: "cell-4", Status: "READY" });
    await expect(runCell(glue, { sessionId: "cell-4", role, code: "1", ...noSleep })).rejects.toBeInstanceOf(AlreadyExistsException);
  });

  test("sessionsTagged walks every page of ListSessions and keeps only the tagged sessions", async () => {
    for (let i = 0; i < 5; i++) await glue.send(new CreateSessionCommand({ Id: `team-${i}`, Role: role, Command: { Name: "glueetl" }, Tags: { team: "analytics" } }));
    for (let i = 0; i < 3; i++) await glue.send(new CreateSessionCommand({ Id: `other-${i}`, Role: role, Command: { Name: "glueetl" }, Tags: { team: "finance" } }));
    expect(await sessionsTagged(glue, { team: "analytics" })).toEqual(["team-0", "team-1", "team-2", "team-3", "team-4"]);
    expect(mock.callsTo("glue:ListSessions")).toHaveLength(3);
  });
});

describe("runCell with fake timers: states last Glue's real durations on the test's clock", () => {
  afterEach(() => vi.useRealTimers());

  test("polls every 5 s, and the session is READY only after about 25 s", async () => {
    vi.useFakeTimers({ now: new Date("2026-03-02T09:00:00Z") });
    const timed = createAwsMock({ clock: { now: () => Date.now() } });
    const glue = new GlueClient({ ...testClientConfig(), requestHandler: timed.requestHandler() });
    const running = runCell(glue, { sessionId: "timed-1", role: "arn:aws:iam::123456789012:role/GlueNotebookRole", code: "print('done')" });
    await vi.advanceTimersByTimeAsync(120_000);
    const run = await running;
    expect(run.sessionStates).toEqual(["PROVISIONING", "READY", "STOPPING", "STOPPED"]);
    // Polls at 0, 5, 10, 15, 20 s see PROVISIONING; the one at 25 s sees READY.
    expect(timed.callsTo("glue:GetSession").length).toBeGreaterThanOrEqual(6 + 2);
    const created = JSON.parse(timed.responses.find((r) => r.operation === "glue:CreateSession")!.body).Session.CreatedOn;
    expect(created).toBe(Date.parse("2026-03-02T09:00:00Z") / 1000);
  });
});
