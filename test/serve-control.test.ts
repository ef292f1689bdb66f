import { spawn } from "node:child_process";
import { CreateDatabaseCommand, EntityNotFoundException, GetDatabaseCommand, GetDatabasesCommand, GetJobRunCommand, GlueClient } from "@aws-sdk/client-glue";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CONTROL_PREFIX } from "../handlers/control.js";
import { serve, type Served } from "../handlers/serve.js";

/** A Glue client of the server, signing with an access key id (twelve digits: that account). */
const glue = (served: Served, accessKeyId = "AKIAIOSFODNN7EXAMPLE") =>
  new GlueClient({ endpoint: served.url, region: "eu-west-1", credentials: { accessKeyId, secretAccessKey: "secret" }, maxAttempts: 1 });

const A = "111111111111";
const B = "222222222222";

let served: Served;
const lines: string[] = [];
beforeAll(async () => {
  served = await serve({ port: 0, seed: 5, log: "json", onLog: (line) => lines.push(line) });
});
afterAll(async () => served.close());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${served.url}${CONTROL_PREFIX}${path}`, { method, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } }) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("serve: state per account", () => {
  test("two accounts on one server keep apart; a key id that is not twelve digits is the default account", async () => {
    await glue(served, A).send(new CreateDatabaseCommand({ DatabaseInput: { Name: "sales" } }));
    await glue(served, B).send(new CreateDatabaseCommand({ DatabaseInput: { Name: "marketing" } }));
    expect((await glue(served, A).send(new GetDatabasesCommand({}))).DatabaseList!.map((d) => d.Name)).toEqual(["sales"]);
    expect((await glue(served, B).send(new GetDatabasesCommand({}))).DatabaseList!.map((d) => d.Name)).toEqual(["marketing"]);
    await expect(glue(served).send(new GetDatabaseCommand({ Name: "sales" }))).rejects.toBeInstanceOf(EntityNotFoundException);
    // Each account's answers name that account.
    expect((await glue(served, A).send(new GetDatabaseCommand({ Name: "sales" }))).Database!.CatalogId).toBe(A);
    expect(served.mockFor(A).account).toBe(A);
  });

  test("reset of one account (and one service) leaves the others", async () => {
    await glue(served, A).send(new CreateDatabaseCommand({ DatabaseInput: { Name: "to-reset" } }));
    expect((await call("POST", `/reset?account=${A}`, { service: "glue" })).json).toEqual({ reset: { accounts: [A], service: "glue" } });
    expect((await glue(served, A).send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);
    expect((await glue(served, B).send(new GetDatabasesCommand({}))).DatabaseList!.map((d) => d.Name)).toEqual(["marketing"]);
    const all = await call("POST", "/reset");
    expect(all.status).toBe(200);
    expect((all.json.reset as { accounts: string[] }).accounts).toEqual(expect.arrayContaining([A, B, served.mock.account]));
    expect((await glue(served, B).send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);
  });
});

describe("serve: the control API", () => {
  test("health and version", async () => {
    const { status, json } = await call("GET", "/health");
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/), services: ["glue", "deadline", "deviceFarm"], defaultAccount: served.mock.account });
  });

  test("state: the keys and checks of --state, per account; bad state is a 400 naming the path", async () => {
    const added = await call("POST", `/state?account=${A}`, { "glue:Database": [{ Name: "seeded" }] });
    expect(added.status).toBe(200);
    expect((await glue(served, A).send(new GetDatabaseCommand({ Name: "seeded" }))).Database!.Name).toBe("seeded");
    const bad = await call("POST", "/state", { "glue:Tabel": [] });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^Failed to load the state: \$\["glue:Tabel"\]: glue has no resource "Tabel" the mock keeps; known: .*Table/);
  });

  test("faults: planned for one account, with the library's validation and messages", async () => {
    const planned = await call("POST", `/faults?account=${A}`, { operation: "glue:GetJobRun", fault: { error: "EntityNotFoundException", members: { Message: "No such run." } } });
    expect(planned).toEqual({ status: 200, json: { planned: { operation: "glue:GetJobRun", times: 1 } } });
    await call("POST", "/reset", {});
    await call("POST", `/faults?account=${A}`, { operation: "glue:GetJobRun", fault: { error: "EntityNotFoundException", members: { Message: "No such run." } }, times: 2 });
    await expect(glue(served, A).send(new GetJobRunCommand({ JobName: "j", RunId: "r" }))).rejects.toThrow("No such run.");
    // Account B has no plan: its fresh account does not know the job either, with the service's own words.
    await expect(glue(served, B).send(new GetJobRunCommand({ JobName: "j", RunId: "r" }))).rejects.not.toThrow("No such run.");
    const wrong = await call("POST", "/faults", { operation: "glue:GetJobRun", fault: { error: "NoSuchThing" } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.message).toMatch(/^Failed to plan a fault for glue:GetJobRun: NoSuchThing is neither one of its errors/);
    const unknown = await call("POST", "/faults", { operation: "glue:GetJobRn", fault: { status: 500 } });
    expect(unknown.json.message).toBe('Unknown operation "glue:GetJobRn". Ids are service:Operation, for the services glue, deadline, deviceFarm (e.g. glue:GetJobRun).');
  });

  test("answers: planned outputs, timestamps as JSON gives them, checked against the contract", async () => {
    await call("POST", "/reset");
    const planned = await call("POST", `/answers?account=${A}`, { operation: "glue:GetJobRun", output: { JobRun: { JobRunState: "FAILED", ErrorMessage: "Out of memory.", StartedOn: "2026-01-02T03:04:05Z" } } });
    expect(planned.status).toBe(200);
    const { JobRun } = await glue(served, A).send(new GetJobRunCommand({ JobName: "j", RunId: "r" }));
    expect(JobRun).toMatchObject({ JobRunState: "FAILED", ErrorMessage: "Out of memory.", StartedOn: new Date("2026-01-02T03:04:05Z") });
    const bad = await call("POST", "/answers", { operation: "glue:GetJobRun", output: { JobRun: { JobRunState: "EXPLODED" } } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/JobRun.JobRunState" = "EXPLODED" is not one of STARTING/);
  });

  test("calls: operation, input, attempt and status per account; DELETE clears them", async () => {
    await call("POST", "/reset");
    await glue(served, B).send(new GetDatabasesCommand({}));
    await expect(glue(served, B).send(new GetDatabaseCommand({ Name: "nope" }))).rejects.toBeInstanceOf(EntityNotFoundException);
    const { json } = await call("GET", `/calls?account=${B}`);
    expect(json.calls).toEqual([
      { operation: "glue:GetDatabases", input: {}, attempt: 1, status: 200 },
      { operation: "glue:GetDatabase", input: { Name: "nope" }, attempt: 1, status: 400 },
    ]);
    expect((await call("GET", `/calls?account=${A}`)).json.calls).toEqual([]);
    expect((await call("DELETE", `/calls?account=${B}`)).json).toEqual({ cleared: 2 });
    expect((await call("GET", `/calls?account=${B}`)).json.calls).toEqual([]);
  });

  test("bad requests get a 400, 404 or 405 with a clear message, never a stack trace", async () => {
    const missing = await call("GET", "/nope");
    expect(missing.status).toBe(404);
    expect(missing.json.message).toMatch(/^GET \/nope is not an endpoint of the control API; endpoints: GET \/_aws-sdk-contracts\/v1\/health, POST/);
    expect((await call("GET", "/reset")).status).toBe(405);
    const notJson = await call("POST", "/faults", "{oops");
    expect(notJson.status).toBe(400);
    expect(notJson.json.message).toMatch(/^The request body is not JSON/);
    const extra = await call("POST", "/faults", { operation: "glue:GetJobRun", fault: { status: 500 }, when: "later" });
    expect(extra.json.message).toBe('Unknown member "when"; known: operation, fault, times.');
    const account = await call("GET", "/calls?account=12");
    expect(account).toEqual({ status: 400, json: { message: 'account must be twelve digits (an AWS account id); got "12".' } });
    expect((await call("POST", "/state")).json.message).toBe("The request body is empty; this endpoint takes a JSON object.");
    expect((await call("POST", "/reset", { service: "s3" })).json.message).toMatch(/^reset: unknown service "s3"; known: glue, deadline, deviceFarm\./);
  });

  test("--log json: a line per AWS call with time, account, operation, status and duration", async () => {
    lines.length = 0;
    await glue(served, A).send(new GetDatabasesCommand({}));
    const entry = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(entry).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), account: A, operation: "glue:GetDatabases", status: 200, durationMs: expect.any(Number) });
    // Control requests are not AWS calls.
    await call("GET", "/health");
    expect(lines).toHaveLength(1);
  });
});

describe("serve keeps at most 64 accounts apart", () => {
  test("a 65th account is refused with InvalidClientTokenId, in words that say why", async () => {
    const many = await serve({ port: 0 });
    try {
      for (let i = 1; many.accounts().length < 64; i++) many.mockFor(String(300000000000 + i));
      const refused = await glue(many, "399999999999").send(new GetDatabasesCommand({})).catch((e: Error) => e);
      expect(refused).toMatchObject({ name: "InvalidClientTokenId", message: expect.stringContaining("serve keeps at most 64 accounts apart; reset or restart it.") });
    } finally {
      await many.close();
    }
  });
});

describe("serve from the command line", () => {
  const cli = (...args: string[]) => spawn(process.execPath, ["--import", "tsx", "bin/aws-sdk-contracts.ts", "serve", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const lineOf = (child: ReturnType<typeof cli>, pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      let seen = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const m = pattern.exec(seen);
        if (m) resolve(m[1]!);
      });
      child.once("exit", () => reject(new Error(`exited before printing ${pattern}: ${seen}`)));
    });
  const exitOf = (child: ReturnType<typeof cli>) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("exit", (code) => resolve({ code, stderr }));
  });

  test("--port 0 prints the URL a script reads; SIGTERM stops it cleanly; a taken port is a clear error", async () => {
    const child = cli("--port", "0", "--log");
    const exited = exitOf(child);
    const url = await lineOf(child, /aws-sdk-contracts mock listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect((await (await fetch(`${url}${CONTROL_PREFIX}/health`)).json()) as object).toMatchObject({ status: "ok" });
    const port = new URL(url).port;
    const second = cli("--port", port);
    const taken = await exitOf(second);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(`aws-sdk-contracts: serve: port ${port} on 127.0.0.1 is in use; choose another with --port, or --port 0 for a free one.`);
    child.kill("SIGTERM");
    expect((await exited).code).toBe(0);
  }, 30_000);
});
