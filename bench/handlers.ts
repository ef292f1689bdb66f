import { GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { fmt, table } from "./harness.js";

const ROUNDS = 5;
const CALLS = 300;

/** Median seconds per call of `send` over alternating rounds. */
async function perCall(contenders: { name: string; setup: () => Promise<{ send: () => Promise<unknown>; teardown: () => void }> }[]) {
  const samples: number[][] = contenders.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, c] of contenders.entries()) {
      const { send, teardown } = await c.setup();
      for (let i = 0; i < 30; i++) await send();
      const start = performance.now();
      for (let i = 0; i < CALLS; i++) await send();
      samples[k]!.push((performance.now() - start) / CALLS);
      teardown();
    }
  }
  return contenders.map((c, k) => ({ name: c.name, ms: [...samples[k]!].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]! }));
}

/** Per-call cost of one Glue GetSession through each way of mocking, measured side by side. */
export async function benchHandlers(): Promise<string> {
  const mock = createAwsMock();
  const stored = mock.glue.sessions.add({ Id: "bench-session" });
  const body = JSON.stringify(mock.glue.sessions.factory.contract.encode(stored));
  const wire = `{"Session":${body}}`;
  const canned = new TextEncoder().encode(wire);
  const command = () => new GetSessionCommand({ Id: "bench-session" });
  const config = testClientConfig({ maxAttempts: 1 });

  const results = await perCall([
    {
      name: "SDK + canned requestHandler (floor)",
      setup: async () => {
        const client = new GlueClient({
          ...config,
          requestHandler: {
            handle: async () => ({ response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: canned } }),
            updateHttpClientConfig() {},
            httpHandlerConfigs: () => ({}),
          } as never,
        });
        return { send: () => client.send(command()), teardown: () => client.destroy() };
      },
    },
    {
      name: "bare msw handler, fixed body",
      setup: async () => {
        const server = setupServer(http.post("https://glue.us-west-2.amazonaws.com/", () => HttpResponse.text(wire, { headers: { "content-type": "application/x-amz-json-1.1" } })));
        server.listen({ onUnhandledRequest: "error" } as never);
        const client = new GlueClient(config);
        return { send: () => client.send(command()), teardown: () => (client.destroy(), server.close()) };
      },
    },
    {
      name: "aws-sdk-contracts via setupServer",
      setup: async () => {
        const server = setupServer(...mock.handlers);
        server.listen({ onUnhandledRequest: "error" } as never);
        const client = new GlueClient(config);
        return { send: () => client.send(command()), teardown: () => (client.destroy(), server.close(), (mock.calls.length = 0), (mock.responses.length = 0)) };
      },
    },
    {
      name: "aws-sdk-contracts direct transport",
      setup: async () => {
        const client = new GlueClient({ ...config, requestHandler: mock.requestHandler() });
        return { send: () => client.send(command()), teardown: () => (client.destroy(), (mock.calls.length = 0), (mock.responses.length = 0)) };
      },
    },
    {
      name: "aws-sdk-client-mock",
      setup: async () => {
        const client = new GlueClient(config);
        const cm = mockClient(client);
        cm.on(GetSessionCommand).resolves({ Session: stored } as never);
        return { send: () => client.send(command()), teardown: () => (cm.restore(), client.destroy()) };
      },
    },
  ]);
  const floor = results[0]!.ms;
  const msw = results[1]!.ms;
  return table(
    `Handlers: per-call cost of GlueClient.send(GetSession), median of ${ROUNDS} alternating rounds of ${CALLS} calls`,
    ["path", "µs/call", "vs floor", "vs bare msw"],
    results.map((r) => [r.name, fmt(r.ms * 1000), `${(r.ms / floor).toFixed(2)}x`, `${(r.ms / msw).toFixed(2)}x`]),
  );
}
