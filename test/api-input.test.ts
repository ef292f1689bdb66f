import { GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { setupServer } from "msw/node";
import { describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { listenOptions } from "./support/msw.js";

describe("public API input is checked where it is given, with a sentence", () => {
  test("createAwsMock: options must be an object of known keys with known values", () => {
    expect(() => createAwsMock(null as never)).toThrow("[aws-sdk-contracts] createAwsMock takes an options object");
    expect(() => createAwsMock({ unknownIDs: "generate" } as never)).toThrow('Unknown createAwsMock option "unknownIDs"; known: unknownIds, seed, account, onUnhandledRequest, maxLoggedCalls, maxLoggedBytes, clock, knownDrift.');
    expect(() => createAwsMock({ account: "12345" })).toThrow('account must be twelve digits, as a string; got "12345".');
    expect(() => createFactories({ region: "Mars" } as never)).toThrow('createFactories: the region must be a region code such as "us-west-2"; got "Mars".');
    expect(() => createFactories({ account: 123456789012 } as never)).toThrow("createFactories: the account must be twelve digits, as a string; got 123456789012.");
    expect(() => createAwsMock({ unknownIds: "maybe" as never })).toThrow('unknownIds must be "not-found" or "generate"; got "maybe".');
    expect(() => createAwsMock({ onUnhandledRequest: "warn" as never })).toThrow(/must be "error" or a function answering the request; got "warn"\. \("bypass" and "warn" are msw's/);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, "abc", {}, 2 ** 53, 1.5])("seed %s is refused, never silently 0", (seed) => {
    expect(() => createFactories({ seed: seed as never })).toThrow(/the seed must be a whole number \(a safe integer\)/);
    expect(() => createAwsMock({ seed: seed as never })).toThrow(/the seed must be a whole number/);
    expect(() => createFactories().glue.session.build(undefined, { seed: seed as never })).toThrow(/the seed must be a whole number/);
  });

  test("seeds beyond 32 bits and negative seeds are distinct seeds", () => {
    const id = (seed: number) => createFactories({ seed }).glue.session.build().Id;
    expect(new Set([id(5), id(2 ** 32 + 5), id(-5), id(2 ** 40 + 5)]).size).toBe(4);
    expect(id(2 ** 32 + 5)).toBe(id(2 ** 32 + 5));
    expect(() => createFactories(null as never)).toThrow("createFactories takes an options object");
  });

  test("faults: times, kinds, statuses and delays that mean nothing are refused", () => {
    const mock = createAwsMock();
    const plan = (fault: unknown, times?: unknown) => () => mock.fault("glue:GetSession", fault as never, times === undefined ? {} : { times: times as never });
    for (const times of [0, -5, Number.NaN, 1.5]) expect(plan({ status: 500 }, times), String(times)).toThrow(/times must be a whole number of calls, 1 or more \(or Infinity\)/);
    expect(plan({ status: 418 })).toThrow(/status must be 500, 502, 503 or 504/);
    expect(plan({})).toThrow(/a fault is exactly one of .* got none of them/);
    expect(plan({ status: 500, delay: 5 })).toThrow(/got status and delay/);
    for (const delay of ["abc", -1, 1e12]) expect(plan({ delay }), String(delay)).toThrow(/delay must be a number of milliseconds from 0 to 2147483647/);
    expect(plan({ error: "NoSuchThing" })).toThrow(/NoSuchThing is neither one of its errors/);
    expect(() => mock.respondWith("glue:GetSession", {}, { times: 0 })).toThrow(/times must be a whole number/);
    expect(plan({ status: 503 }, Number.POSITIVE_INFINITY)).not.toThrow();
  });

  test("a lifecycle with a state the service does not have is refused when it is added, not at the second poll", () => {
    const mock = createAwsMock();
    expect(() => mock.glue.sessions.add({ Id: "s" }, { lifecycle: ["PROVISIONING", "DANCING" as never] })).toThrow(/state "DANCING" has no trait/);
    expect(() => mock.glue.sessions.add({ Id: "s" }, { lifecycle: [] })).toThrow(/lifecycle must be a non-empty list of states/);
    expect(() => mock.glue.sessions.add(null as never)).toThrow(/the session must be an object of its members; got null/);
  });

  test("buildList takes a count from 0 up", () => {
    const f = createFactories({ seed: 1 }).glue.session;
    for (const count of [-1, 1.5, Number.NaN]) expect(() => f.buildList(count), String(count)).toThrow(/the count must be a whole number from 0 to 100000/);
    expect(f.buildList(0)).toEqual([]);
  });
});

describe("a delayed answer ends when the SDK call is aborted", () => {
  test("through the direct transport, as through msw", async () => {
    const mock = createAwsMock();
    mock.glue.sessions.add({ Id: "slow", Status: "READY" });
    const glue = new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
    mock.fault("glue:GetSession", { delay: 60_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await expect(glue.send(new GetSessionCommand({ Id: "slow" }), { abortSignal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(10_000);

    const server = setupServer(...mock.handlers);
    server.listen(listenOptions("error"));
    try {
      mock.fault("glue:GetSession", { delay: 60_000 });
      const viaMsw = new GlueClient(testClientConfig({ maxAttempts: 1 }));
      const c2 = new AbortController();
      setTimeout(() => c2.abort(), 20);
      await expect(viaMsw.send(new GetSessionCommand({ Id: "slow" }), { abortSignal: c2.signal })).rejects.toMatchObject({ name: "AbortError" });
    } finally {
      server.close();
    }
  });
});
