import { DeviceFarmClient } from "@aws-sdk/client-device-farm";
import { GlueClient } from "@aws-sdk/client-glue";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createAwsMock, onUnhandled, testClientConfig } from "aws-sdk-contracts/handlers";
import "aws-sdk-contracts/vitest";
import { summariseRemoteAccessUsage } from "./device-farm-usage.js";
import { SessionFailedError, waitForSessionReady } from "./glue-sessions.js";

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
