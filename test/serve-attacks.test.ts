import { DeadlineClient, GetSessionCommand as DeadlineGetSession } from "@aws-sdk/client-deadline";
import { GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testClientConfig } from "../handlers/index.js";
import { serveCommand } from "../handlers/serve-command.js";
import { serve, type Served } from "../handlers/serve.js";

let served: Served;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aws-sdk-contracts-serve-attack-"));
  served = await serve({ port: 0, maxBodyBytes: 64 * 1024, maxLoggedCalls: 50 });
  served.mock.glue.sessions.add({ Id: "alive", Status: "READY" });
});
afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes on a fresh connection; resolves with what came back (or nothing) when the server closes or the time is up. */
function raw(bytes: string | Buffer, ms = 2000): Promise<string> {
  const port = Number(new URL(served.url).port);
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    };
    const timer = setTimeout(done, ms);
    socket.on("data", (c) => {
      chunks.push(c);
      // One answer is all we wait for.
      if (/\r\n\r\n/.test(Buffer.concat(chunks).toString("latin1"))) setTimeout(done, 50);
    });
    socket.on("error", done);
    socket.on("close", done);
    socket.write(bytes);
  });
}

async function stillAnswers(): Promise<void> {
  const res = await fetch(`${served.url}/`, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSGlue.GetSession" },
    body: JSON.stringify({ Id: "alive" }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { Session: { Id: string } }).Session.Id).toBe("alive");
}

const post = (target: string | undefined, body: string) =>
  fetch(`${served.url}/`, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", ...(target ? { "x-amz-target": target } : {}) }, body });

describe("serve survives malformed requests", () => {
  test.each([
    ["a Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n"],
    ["a Host with a port out of range", "GET / HTTP/1.1\r\nHost: a:99999\r\n\r\n"],
    ["a Host that opens a bracket", "GET / HTTP/1.1\r\nHost: [\r\n\r\n"],
    ["an absolute target that is not a URL", "GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["bad %-encoding in a path label", "GET /2023-10-12/farms/%E0%A4%A/queues/q/jobs/j/sessions/s HTTP/1.1\r\nHost: management.deadline.us-west-2.amazonaws.com\r\n\r\n"],
    ["a header with a control character", "GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n"],
    ["a request line of garbage", "\x00\x01\x02 nonsense\r\n\r\n"],
    ["a truncated chunked body", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSGlue.GetSession\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"Id"],
  ])("%s: an answer, and the server still answers a valid call", async (name, request) => {
    const answer = await raw(request);
    // A truncated body leaves HTTP waiting for the rest: the client gives up; the server must live on.
    if (name.startsWith("a truncated")) expect(answer).toBe("");
    else expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
    await stillAnswers();
  });

  test("errors are AWS-shaped: a missing or unknown X-Amz-Target, an unknown path", async () => {
    for (const [target, status] of [[undefined, 400], ["AWSGlue.Frobnicate", 400], ["Nope.Nothing", 400]] as const) {
      const res = await post(target, "{}");
      expect(res.status).toBe(status);
      const body = (await res.json()) as { __type: string; message: string };
      expect(body.__type).toBe("UnknownOperationException");
      expect(body.message ?? (body as { Message?: string }).Message).toBeTruthy();
    }
    const other = await fetch(`${served.url}/health`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { __type: string }).__type).toBe("UnknownOperationException");
  });

  test("a label with bad %-encoding is the service's validation error, not a 500", async () => {
    const res = await fetch(`${served.url}/2023-10-12/farms/%E0%A4%A/queues/q/jobs/j/sessions/s`);
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("ValidationException");
  });

  test("a body nested thousands of levels deep is a 400 the SDK does not retry", async () => {
    const res = await post("AWSGlue.GetSession", `{"Id":"alive","X":${"[".repeat(5000)}${"]".repeat(5000)}}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe("SerializationException");
  });

  test("a body above the limit gets 413, declared or streamed, and memory is not spent on it", async () => {
    const big = JSON.stringify({ Id: "x".repeat(100 * 1024) });
    const res = await post("AWSGlue.GetSession", big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { __type: string }).__type).toBe("RequestEntityTooLargeException");
    const declared = await raw(`POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSGlue.GetSession\r\nContent-Length: 999999999\r\n\r\n{`);
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    await stillAnswers();
  });

  test("the call log keeps only the latest calls", async () => {
    for (let i = 0; i < 80; i++) await stillAnswers();
    expect(served.mock.calls.length).toBe(50);
    expect(served.mock.responses.length).toBe(50);
  });

  test("for all malformed request lines, headers and bodies, the server keeps answering valid calls", async () => {
    const token = fc.stringMatching(/^[\x00-\x7f]{0,40}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "\x00", "G T", ""),
        token,
        fc.array(fc.tuple(fc.constantFrom("Host", "X-Amz-Target", "Content-Type", "Content-Length", "Transfer-Encoding", "amz-sdk-request"), token), { maxLength: 4 }),
        fc.oneof(token, fc.json(), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString("latin1"))),
        async (method, target, headers, body) => {
          const request = `${method} /${target} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n${body}`;
          const answer = await raw(Buffer.from(request, "latin1"), 500);
          expect(answer === "" || /^HTTP\/1\.1 \d{3} /.test(answer)).toBe(true);
          expect(answer).not.toMatch(/^HTTP\/1\.1 500 /);
          await stillAnswers();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("serve --state", () => {
  const withState = async (state: string) => {
    const file = join(dir, `state-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, state);
    return serve({ port: 0, state: file }).then(
      async (s) => {
        await s.close();
        return s;
      },
      (e: Error) => e,
    );
  };

  test.each([
    ["null", /\$: expected an object of stores/],
    ['"glue"', /\$: expected an object of stores/],
    ['{"glue.sessions": {"Id": "a"}}', /\$\["glue.sessions"\]: expected a list of sessions/],
    ['{"glue.sessions": "a"}', /\$\["glue.sessions"\]: expected a list of sessions/],
    ['{"glue.sessions": [null]}', /\$\["glue.sessions"\]\[0\]: expected a session object; got null/],
    ['{"glue.sessions": [{"Id": "a", "CreatedOn": "yesterday"}]}', /\$\["glue.sessions"\]\[0\]\.CreatedOn: expected a timestamp/],
    ['{"glue.sessions": [{"Id": "a", "Status": "DANCING"}]}', /\$\["glue.sessions"\]\[0\]: .*state "DANCING" has no trait/],
    ['{"s3.buckets": []}', /unknown store; known: glue.sessions/],
    ['{"toString": []}', /\$\["toString"\]: unknown store; known: glue.sessions/],
    ['{"__proto__": []}', /\$\["__proto__"\]: unknown store; known: glue.sessions/],
    ['{"constructor": []}', /\$\["constructor"\]: unknown store; known: glue.sessions/],
    ['{"deadline.sessions": [{"lifecycleStatus": "STARTED", "farmId": "farm-1"}]}', /\$\["deadline.sessions"\]\[0\]\.farmId: "farm-1" does not match .*farm-\[0-9a-f\]\{32\}/],
    ['{"deadline.sessions": [{"lifecycleStatus": "STARTED", "queueId": 7}]}', /\$\["deadline.sessions"\]\[0\]\.queueId: Expected string, received number/],
    ['{"glue:Tabel": []}', /\$\["glue:Tabel"\]: .*glue has no resource "Tabel" the mock keeps/],
    ['{"glue:Table": [{"Name": "orders"}]}', /\$\["glue:Table"\]\[0\]: .*it needs its DatabaseName/],
    ['{"glue:Table": [{"DatabaseName": "sales", "Name": "orders", "CreateTime": "yesterday"}]}', /\$\["glue:Table"\]\[0\]\.CreateTime: expected a timestamp/],
  ])("%s is refused with a sentence naming where", async (state, message) => {
    const result = await withState(state);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(message);
    expect((result as Error).message).toMatch(/^\[aws-sdk-contracts\] Failed to load the state file /);
  });

  test("timestamps come from JSON, and every added session says how to fetch it (Deadline's ids included)", async () => {
    const file = join(dir, "state.json");
    writeFileSync(
      file,
      JSON.stringify({
        "glue.sessions": [{ Id: "dated", Status: "READY", CreatedOn: "2024-03-01T12:00:00Z" }],
        "deadline.sessions": [{ lifecycleStatus: "STARTED", farmId: `farm-${"1".repeat(32)}` }],
      }),
    );
    const s = await serve({ port: 0, state: file });
    try {
      expect(s.added[0]).toEqual({ store: "glue.sessions", input: { Id: "dated" } });
      expect(s.added[1]).toMatchObject({ store: "deadline.sessions", input: { farmId: `farm-${"1".repeat(32)}`, queueId: expect.stringMatching(/^queue-/), jobId: expect.stringMatching(/^job-/) } });
      const config = { ...testClientConfig({ maxAttempts: 1 }), endpoint: s.url };
      const out = await new GlueClient(config).send(new GetSessionCommand({ Id: "dated" }));
      expect(out.Session?.CreatedOn?.toISOString()).toBe("2024-03-01T12:00:00.000Z");
      const dl = await new DeadlineClient({ ...config, disableHostPrefix: true }).send(new DeadlineGetSession(s.added[1]!.input as never));
      expect(dl.lifecycleStatus).toBe("STARTED");
    } finally {
      await s.close();
    }
  });

  test("a state file seeds any resource by service:Resource, read back through the SDK", async () => {
    const file = join(dir, "resources-state.json");
    writeFileSync(file, JSON.stringify({ "glue:Database": [{ Name: "sales" }], "glue:Table": [{ DatabaseName: "sales", Name: "orders", CreateTime: "2024-03-01T12:00:00Z" }] }));
    const s = await serve({ port: 0, state: file });
    try {
      const { GetTableCommand, GlueClient: Glue } = await import("@aws-sdk/client-glue");
      const out = await new Glue({ ...testClientConfig({ maxAttempts: 1 }), endpoint: s.url }).send(new GetTableCommand({ DatabaseName: "sales", Name: "orders" }));
      expect(out.Table).toMatchObject({ Name: "orders", DatabaseName: "sales", CreateTime: new Date("2024-03-01T12:00:00Z") });
    } finally {
      await s.close();
    }
  });

  test("the command refuses a seed or port that is not a number", async () => {
    await expect(serveCommand(["--seed", "abc", "--port", "0"], () => {})).rejects.toThrow('--seed must be a whole number; got "abc".');
    await expect(serveCommand(["--port", ""], () => {})).rejects.toThrow('--port must be a port number from 0 to 65535; got "".');
  });
});
