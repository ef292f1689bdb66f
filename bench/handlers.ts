import { GetJobRunCommand, GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { benchRounds, fmt, median, table } from "./harness.js";

/** Rounds per subject (`BENCH_ROUNDS`): each contender once a round, in an order that turns each round. */
const ROUNDS = benchRounds(7);
const CALLS = 300;

/**
 * Seconds per call of `send` over alternating rounds: the median, and the median of each round's ratio to the first
 * contender's time in that round (what a noisy machine shifts for every contender of a round cancels out).
 */
async function perCall(contenders: { name: string; setup: () => Promise<{ send: () => Promise<unknown>; teardown: () => void }> }[]) {
  const samples: number[][] = contenders.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    // Each round starts with another contender: none is always measured right after the same one.
    const order = contenders.map((_, k) => (k + r) % contenders.length);
    for (const k of order) {
      const c = contenders[k]!;
      const { send, teardown } = await c.setup();
      for (let i = 0; i < 30; i++) await send();
      const start = performance.now();
      for (let i = 0; i < CALLS; i++) await send();
      samples[k]!.push((performance.now() - start) / CALLS);
      teardown();
    }
  }
  const msw = contenders.findIndex((c) => c.name.startsWith("bare msw"));
  return contenders.map((c, k) => ({ name: c.name, ms: median(samples[k]!), ratio: median(samples[k]!.map((x, r) => x / samples[0]![r]!)), toMsw: median(samples[k]!.map((x, r) => x / samples[msw]![r]!)) }));
}

interface Subject {
  readonly title: string;
  /** A mock that answers the command, and the command. */
  readonly mock: ReturnType<typeof createAwsMock>;
  readonly command: () => GetSessionCommand | GetJobRunCommand;
  readonly Command: typeof GetSessionCommand | typeof GetJobRunCommand;
  /** Whether each call asks for something new: the canned floor is then also measured answering another body each call. */
  readonly fresh?: boolean;
}

/** Per-call cost of one Glue command through each way of mocking, measured side by side. */
async function benchSubject({ title, mock, command, Command, fresh }: Subject): Promise<string> {
  const config = testClientConfig({ maxAttempts: 1 });
  // Every contender answers with the same bytes, the mock's own answer to this command (but the floor that answers
  // another of the mock's answers each call).
  const probe = new GlueClient({ ...config, requestHandler: mock.requestHandler() });
  const output = await probe.send(command() as never);
  probe.destroy();
  const wire = mock.responses.at(-1)!.body;
  const canned = new TextEncoder().encode(wire);
  const { $metadata: _, ...sdkOutput } = output as unknown as Record<string, unknown>;
  // The mock's answers to as many new requests as a round sends, each another body (what the SDK then reads).
  const bodies: Uint8Array[] = [];
  if (fresh) {
    const maker = new GlueClient({ ...config, requestHandler: mock.requestHandler() });
    for (let i = 0; i < 330; i++) {
      await maker.send(command() as never);
      bodies.push(new TextEncoder().encode(mock.responses.at(-1)!.body));
    }
    maker.destroy();
    mock.calls.length = 0;
    mock.responses.length = 0;
  }
  const cannedHandler = (body: () => Uint8Array) =>
    ({
      handle: async () => ({ response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: body() } }),
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    }) as never;

  const results = await perCall([
    {
      name: "SDK + canned requestHandler (floor)",
      setup: async () => {
        const client = new GlueClient({ ...config, requestHandler: cannedHandler(() => canned) });
        return { send: () => client.send(command() as never), teardown: () => client.destroy() };
      },
    },
    ...(fresh
      ? [
          {
            name: "SDK + canned requestHandler, another body each call",
            setup: async () => {
              let k = 0;
              const client = new GlueClient({ ...config, requestHandler: cannedHandler(() => bodies[k++ % bodies.length]!) });
              return { send: () => client.send(command() as never), teardown: () => client.destroy() };
            },
          },
        ]
      : []),
    {
      name: "bare msw handler, fixed body",
      setup: async () => {
        const server = setupServer(http.post("https://glue.us-west-2.amazonaws.com/", () => HttpResponse.text(wire, { headers: { "content-type": "application/x-amz-json-1.1" } })));
        server.listen({ onUnhandledRequest: "error" } as never);
        const client = new GlueClient(config);
        return { send: () => client.send(command() as never), teardown: () => (client.destroy(), server.close()) };
      },
    },
    {
      name: "aws-sdk-contracts via setupServer",
      setup: async () => {
        const server = setupServer(...mock.handlers);
        server.listen({ onUnhandledRequest: "error" } as never);
        const client = new GlueClient(config);
        return { send: () => client.send(command() as never), teardown: () => (client.destroy(), server.close(), (mock.calls.length = 0), (mock.responses.length = 0)) };
      },
    },
    {
      name: "aws-sdk-contracts direct transport",
      setup: async () => {
        const client = new GlueClient({ ...config, requestHandler: mock.requestHandler() });
        return { send: () => client.send(command() as never), teardown: () => (client.destroy(), (mock.calls.length = 0), (mock.responses.length = 0)) };
      },
    },
    {
      name: "aws-sdk-client-mock",
      setup: async () => {
        const client = new GlueClient(config);
        const cm = mockClient(client);
        cm.on(Command as never).resolves(sdkOutput as never);
        return { send: () => client.send(command() as never), teardown: () => (cm.restore(), client.destroy()) };
      },
    },
  ]);
  return table(
    `Handlers: per-call cost of GlueClient.send(${title}) (${canned.length} bytes), median of ${ROUNDS} alternating rounds of ${CALLS} calls (ratios: the median of each round's)`,
    ["path", "µs/call", "vs floor", "vs bare msw"],
    results.map((r) => [r.name, fmt(r.ms * 1000), `${r.ratio.toFixed(2)}x`, `${r.toMsw.toFixed(2)}x`]),
  );
}

let fresh = 0;

/** GetSession answered from a store, and GetJobRun (a large output) generated by the factories. */
export async function benchHandlers(): Promise<string> {
  const sessions = createAwsMock();
  sessions.glue.sessions.add({ Id: "bench-session" });
  // A populated account: runs nobody started are generated from their ids.
  const jobRuns = createAwsMock({ unknownIds: "generate" });
  // A run the test put in place, read from the resource engine's store.
  const stored = createAwsMock();
  stored.resources.add("glue", "Job", { Name: "nightly-orders", Role: "arn:aws:iam::123456789012:role/GlueJobRole", Command: { Name: "glueetl" } });
  stored.resources.add("glue", "JobRun", { JobName: "nightly-orders", Id: `jr_${"b".repeat(64)}`, JobRunState: "SUCCEEDED" });
  return [
    await benchSubject({ title: "GetSession", mock: sessions, command: () => new GetSessionCommand({ Id: "bench-session" }), Command: GetSessionCommand }),
    await benchSubject({ title: "GetJobRun, stored", mock: stored, command: () => new GetJobRunCommand({ JobName: "nightly-orders", RunId: `jr_${"b".repeat(64)}` }), Command: GetJobRunCommand }),
    await benchSubject({ title: "GetJobRun, generated", mock: jobRuns, command: () => new GetJobRunCommand({ JobName: "nightly-orders", RunId: `jr_${"a".repeat(64)}` }), Command: GetJobRunCommand }),
    // Every call names another run: each answer is built, checked and encoded anew (no cached answer).
    await benchSubject({ title: "GetJobRun, a new run each call", mock: createAwsMock({ unknownIds: "generate" }), command: () => new GetJobRunCommand({ JobName: "nightly-orders", RunId: `jr_${(fresh++).toString(16).padStart(64, "0")}` }), Command: GetJobRunCommand, fresh: true }),
  ].join("\n");
}
