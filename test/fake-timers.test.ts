import { CreateSessionCommand, GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { setupServer } from "msw/node";
import { afterEach, expect, test, vi } from "vitest";
import { createAwsMock, onUnhandled, testClientConfig } from "../handlers/index.js";
import { advanceUntilSettled } from "../handlers/vitest.js";

afterEach(() => vi.useRealTimers());

const role = "arn:aws:iam::123456789012:role/GlueNotebookRole";

/** Code under test: polls every 5 s until the session is READY; returns the states it saw and when. */
async function waitUntilReady(glue: GlueClient, id: string): Promise<{ states: string[]; seconds: number }> {
  const start = Date.now();
  const states: string[] = [];
  for (;;) {
    const { Session } = await glue.send(new GetSessionCommand({ Id: id }));
    states.push(Session!.Status!);
    if (Session?.Status === "READY") return { states, seconds: (Date.now() - start) / 1000 };
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

test("fake timers: a poll loop with setTimeout sees the session's real provisioning time, without knowing it", async () => {
  vi.useFakeTimers();
  const mock = createAwsMock({ clock: { now: () => Date.now() } });
  const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
  await glue.send(new CreateSessionCommand({ Id: "notebook", Role: role, Command: { Name: "glueetl" } }));
  const { states, seconds } = await advanceUntilSettled(waitUntilReady(glue, "notebook"));
  expect(states[0]).toBe("PROVISIONING");
  expect(states.at(-1)).toBe("READY");
  expect(seconds).toBeGreaterThanOrEqual(10);
  expect(seconds % 5).toBe(0);
});

test("fake timers through msw, with the SDK's own retry backoff after a throttle: time moves for all of them", async () => {
  const mock = createAwsMock({ clock: { now: () => Date.now() } });
  const server = setupServer(...mock.handlers);
  server.listen(onUnhandled("error"));
  try {
    vi.useFakeTimers();
    // The SDK's default retry strategy waits with setTimeout: a fake timer like the others.
    const glue = new GlueClient({ region: "us-west-2", credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } });
    await glue.send(new CreateSessionCommand({ Id: "nb", Role: role, Command: { Name: "glueetl" } }));
    mock.fault("glue:GetSession", { error: "ThrottlingException" });
    const { states } = await advanceUntilSettled(waitUntilReady(glue, "nb"));
    expect(states.at(-1)).toBe("READY");
    expect(mock.callsTo("glue:GetSession")[1]!.attempt).toBe(2);
  } finally {
    server.close();
  }
});

test("advanceUntilSettled fails with a sentence, not a hang, when nothing can settle the promise", async () => {
  await expect(advanceUntilSettled(Promise.resolve(1))).rejects.toThrow(/call vi.useFakeTimers\(\) first/);
  vi.useFakeTimers();
  await expect(advanceUntilSettled(new Promise(() => {}))).rejects.toThrow(/still pending and no timer is left to run/);
  expect(await advanceUntilSettled(new Promise((r) => setTimeout(() => r("late"), 60_000)))).toBe("late");
});
