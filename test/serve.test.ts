import { findTool } from "./support/tools.js";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serve, type Served } from "../handlers/serve.js";
import { checkRecording } from "../src/check/index.js";

const run = promisify(execFile);

// Debian's AWS CLI (`apt-get install awscli`): a real client with botocore's own Glue and Device Farm models.
// The AWS CLI v2 (Debian's awscli), wherever it is on PATH: these tests read its output format and exit codes.
const AWS = findTool("aws", /^aws-cli\/2\./);
if (!AWS) console.warn("serve.test.ts: the AWS CLI tests are skipped: /usr/bin/aws is not installed (apt-get install awscli).");

let served: Served;
/** A populated account (`--unknown-ids generate`): what nobody created is generated from its identity. */
let populated: Served;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aws-sdk-contracts-serve-"));
  const state = join(dir, "state.json");
  writeFileSync(state, JSON.stringify({ "glue.sessions": [{ Id: "etl-notebook-session-01", Status: "READY" }] }));
  served = await serve({ port: 0, state, seed: 3 });
  populated = await serve({ port: 0, seed: 3, unknownIds: "generate" });
});
afterAll(async () => {
  await served.close();
  await populated.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = {
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? tmpdir(),
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  AWS_DEFAULT_REGION: "us-west-2",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_PAGER: "",
};

describe("serve", () => {
  test("answers a plain HTTP client the way AWS does", async () => {
    const res = await fetch(`${served.url}/`, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSGlue.GetSession" },
      body: JSON.stringify({ Id: "etl-notebook-session-01" }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(checkRecording(body as object, { strict: true })).toMatchObject({ ok: true, format: "wire" });
    const other = await fetch(`${served.url}/health`);
    expect(other.status).toBe(404);
  });

  test("a state file seeds the families: a Deadline session brings its job, worker and fleet", async () => {
    const { DeadlineClient, GetJobCommand, GetWorkerCommand, ListSessionsCommand } = await import("@aws-sdk/client-deadline");
    const file = join(dir, "deadline-state.json");
    const ids = { farmId: `farm-${"a".repeat(32)}`, queueId: `queue-${"b".repeat(32)}`, jobId: `job-${"c".repeat(32)}` };
    writeFileSync(file, JSON.stringify({ "deadline.sessions": [{ ...ids, sessionId: `session-${"d".repeat(32)}`, lifecycleStatus: "STARTED" }] }));
    const seeded = await serve({ port: 0, state: file });
    try {
      const deadline = new DeadlineClient({ region: "us-west-2", endpoint: seeded.url, disableHostPrefix: true, credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } });
      const { sessions } = await deadline.send(new ListSessionsCommand(ids));
      expect(sessions!.map((s) => s.sessionId)).toEqual([`session-${"d".repeat(32)}`]);
      expect((await deadline.send(new GetJobCommand(ids))).jobId).toBe(ids.jobId);
      const worker = await deadline.send(new GetWorkerCommand({ farmId: ids.farmId, fleetId: sessions![0]!.fleetId!, workerId: sessions![0]!.workerId! }));
      expect(worker.workerId).toBe(sessions![0]!.workerId);
      deadline.destroy();
    } finally {
      await seeded.close();
    }
  });

  // Each AWS CLI call starts a Python process (about a second, more on a busy machine).
  describe.skipIf(!AWS)("with the AWS CLI", { timeout: 60_000 }, () => {
    test("aws glue get-session gets a contract-valid answer", async () => {
      const { stdout } = await run(AWS!, ["glue", "get-session", "--id", "etl-notebook-session-01", "--endpoint-url", served.url, "--output", "json"], { env });
      const report = checkRecording(stdout, { strict: true });
      expect(report).toMatchObject({ ok: true, format: "aws-cli", entries: [{ operation: "glue:GetSession" }] });
      expect(JSON.parse(stdout).Session.Id).toBe("etl-notebook-session-01");
    });

    test("aws glue get-session with an unknown id gets EntityNotFoundException", async () => {
      const error = await run(AWS!, ["glue", "get-session", "--id", "missing", "--endpoint-url", served.url], { env }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 254 });
      expect((error as { stderr: string }).stderr).toContain("EntityNotFoundException");
      expect((error as { stderr: string }).stderr).toContain("Session missing not found.");
    });

    test("aws glue get-job-run of a run nobody started: not found in a fresh account; a populated one answers that job and run", async () => {
      const args = ["glue", "get-job-run", "--job-name", "nightly-orders", "--run-id", `jr_${"a".repeat(64)}`, "--endpoint-url", populated.url, "--output", "json"];
      const [fresh, { stdout }] = await Promise.all([run(AWS!, ["glue", "get-job-run", "--job-name", "nightly-orders", "--run-id", `jr_${"a".repeat(64)}`, "--endpoint-url", served.url], { env }).catch((e: unknown) => e), run(AWS!, args, { env })]);
      expect((fresh as { stderr: string }).stderr).toContain("EntityNotFoundException");
      expect(checkRecording(stdout, { strict: true })).toMatchObject({ ok: true, entries: [{ operation: "glue:GetJobRun" }] });
      expect(JSON.parse(stdout).JobRun).toMatchObject({ JobName: "nightly-orders", Id: `jr_${"a".repeat(64)}` });
      // The same input, the same answer.
      expect((await run(AWS!, args, { env })).stdout).toBe(stdout);
    });

    test("aws devicefarm create-project, then list-projects gets it back, contract-valid", async () => {
      await Promise.all(["web QA", "mobile QA"].map((name) => run(AWS!, ["devicefarm", "create-project", "--name", name, "--endpoint-url", served.url, "--output", "json"], { env })));
      const { stdout } = await run(AWS!, ["devicefarm", "list-projects", "--endpoint-url", served.url, "--output", "json"], { env });
      expect(JSON.parse(stdout).projects.length).toBeGreaterThan(1);
      expect(checkRecording(stdout, { strict: true, operation: "deviceFarm:ListProjects" }).ok).toBe(true);
    });

    test("aws glue get-job-runs with --page-size walks every page and gets the same runs", async () => {
      const base = ["glue", "get-job-runs", "--job-name", "nightly-orders", "--endpoint-url", populated.url, "--output", "json"];
      const whole = JSON.parse((await run(AWS!, base, { env })).stdout);
      const before = populated.mock.callsTo("glue:GetJobRuns").length;
      const paged = JSON.parse((await run(AWS!, [...base, "--page-size", "2"], { env })).stdout);
      expect(paged.JobRuns).toEqual(whole.JobRuns);
      expect(populated.mock.callsTo("glue:GetJobRuns").length - before).toBe(Math.ceil(whole.JobRuns.length / 2));
      expect(whole.JobRuns.every((r: { JobName: string }) => r.JobName === "nightly-orders")).toBe(true);
    });

    test("aws deadline create-farm and list-farms reach serve through a proxy (the CLI prefixes the endpoint host with management.)", async () => {
      const port = new URL(served.url).port;
      // Debian's CLI predates Deadline Cloud: it learns the service from botocore's model (see test/fixtures/botocore-deadline).
      const data = join(dir, "botocore-data");
      const models = join(data, "deadline", "2023-10-12");
      mkdirSync(models, { recursive: true });
      const fixtures = join(import.meta.dirname, "fixtures", "botocore-deadline");
      for (const name of readdirSync(fixtures).filter((n) => n.endsWith(".json.gz"))) writeFileSync(join(models, name.slice(0, -3)), gunzipSync(readFileSync(join(fixtures, name))));
      const proxied = { ...env, AWS_DATA_PATH: data, HTTP_PROXY: served.url, http_proxy: served.url, NO_PROXY: "", no_proxy: "" };
      const created = await run(AWS!, ["deadline", "create-farm", "--display-name", "Render farm", "--endpoint-url", `http://deadline.test:${port}`, "--output", "json"], { env: proxied });
      expect(JSON.parse(created.stdout).farmId).toMatch(/^farm-[0-9a-f]{32}$/);
      const { stdout } = await run(AWS!, ["deadline", "list-farms", "--endpoint-url", `http://deadline.test:${port}`, "--output", "json"], { env: proxied });
      expect(checkRecording(stdout, { strict: true, operation: "deadline:ListFarms" }).ok).toBe(true);
      expect(JSON.parse(stdout).farms).toEqual([expect.objectContaining({ farmId: JSON.parse(created.stdout).farmId, displayName: "Render farm" })]);
      expect(served.mock.callsTo("deadline:ListFarms").at(-1)!.url).toMatch(/^http:\/\/management\.deadline\.test:\d+\/2023-10-12\/farms/);
    });

    test("the AWS CLI drives a Glue interactive session from create to delete", async () => {
      const glue = async (...args: string[]) => {
        const { stdout } = await run(AWS!, ["glue", ...args, "--endpoint-url", served.url, "--output", "json"], { env });
        return stdout.trim() ? (JSON.parse(stdout) as Record<string, any>) : {};
      };
      const role = "arn:aws:iam::123456789012:role/service-role/GlueNotebookRole";
      const created = await glue("create-session", "--id", "cli-notebook", "--role", role, "--command", "Name=glueetl,PythonVersion=3", "--tags", "team=data");
      const states = [created.Session.Status];
      // Each CLI call costs a second: the mock's clock moves the session on instead of many polls.
      served.mock.clock.advance(60_000);
      while (states.at(-1) !== "READY") states.push((await glue("get-session", "--id", "cli-notebook")).Session.Status);
      const { Id } = await glue("run-statement", "--session-id", "cli-notebook", "--code", "print('hello from the CLI')");
      served.mock.clock.advance(10_000);
      let statement: Record<string, any>;
      do statement = (await glue("get-statement", "--session-id", "cli-notebook", "--id", String(Id))).Statement;
      while (statement.State !== "AVAILABLE");
      expect(statement.Output.Data.TextPlain).toBe("hello from the CLI\n");
      await glue("stop-session", "--id", "cli-notebook");
      served.mock.clock.advance(30_000);
      while (states.at(-1) !== "STOPPED") states.push((await glue("get-session", "--id", "cli-notebook")).Session.Status);
      await glue("delete-session", "--id", "cli-notebook");
      expect(states.filter((s, i) => s !== states[i - 1])).toEqual(["PROVISIONING", "READY", "STOPPED"]);
      const gone = await run(AWS!, ["glue", "get-session", "--id", "cli-notebook", "--endpoint-url", served.url], { env }).catch((e: unknown) => e);
      expect((gone as { stderr: string }).stderr).toContain("EntityNotFoundException");
    }, 60_000);

    test("the AWS CLI drives a Glue catalog: a database, a partitioned table, partitions filtered by an expression, an update, a delete that takes the tables", async () => {
      const glue = async (...args: string[]) => {
        const { stdout } = await run(AWS!, ["glue", ...args, "--endpoint-url", served.url, "--output", "json"], { env });
        return stdout.trim() ? (JSON.parse(stdout) as Record<string, any>) : {};
      };
      const table = JSON.stringify({ Name: "orders", TableType: "EXTERNAL_TABLE", PartitionKeys: [{ Name: "dt", Type: "date" }], StorageDescriptor: { Columns: [{ Name: "id", Type: "bigint" }], Location: "s3://lake/cli/orders/" } });
      const partitions = JSON.stringify(["2026-01-01", "2026-01-02", "2026-02-01"].map((dt) => ({ Values: [dt], StorageDescriptor: { Location: `s3://lake/cli/orders/dt=${dt}/` } })));
      await glue("create-database", "--database-input", "Name=cli_sales");
      await glue("create-table", "--database-name", "cli_sales", "--table-input", table);
      expect(await glue("batch-create-partition", "--database-name", "cli_sales", "--table-name", "orders", "--partition-input-list", partitions)).toEqual({});
      const { Partitions } = await glue("get-partitions", "--database-name", "cli_sales", "--table-name", "orders", "--expression", "dt < '2026-02-01'");
      expect(Partitions.map((p: { Values: string[] }) => p.Values[0])).toEqual(["2026-01-01", "2026-01-02"]);
      await glue("update-table", "--database-name", "cli_sales", "--table-input", JSON.stringify({ ...JSON.parse(table), Description: "Orders by day" }));
      expect((await glue("get-table", "--database-name", "cli_sales", "--name", "orders")).Table).toMatchObject({ Name: "orders", Description: "Orders by day", PartitionKeys: [{ Name: "dt", Type: "date" }] });
      await glue("delete-database", "--name", "cli_sales");
      const gone = await run(AWS!, ["glue", "get-table", "--database-name", "cli_sales", "--name", "orders", "--endpoint-url", served.url], { env }).catch((e: unknown) => e);
      expect((gone as { stderr: string }).stderr).toContain("EntityNotFoundException");
    }, 60_000);

    test("the AWS CLI drives a Device Farm run: a pool, a scheduled run that completes on the mock's clock, its jobs", async () => {
      const df = async (...args: string[]) => JSON.parse((await run(AWS!, ["devicefarm", ...args, "--endpoint-url", served.url, "--output", "json"], { env })).stdout) as Record<string, any>;
      const { project } = await df("create-project", "--name", "cli runs");
      const { devicePool } = await df("create-device-pool", "--project-arn", project.arn, "--name", "ios", "--rules", JSON.stringify([{ attribute: "PLATFORM", operator: "EQUALS", value: '"IOS"' }]), "--max-devices", "2");
      const { run: scheduled } = await df("schedule-run", "--project-arn", project.arn, "--device-pool-arn", devicePool.arn, "--name", "smoke", "--test", "type=BUILTIN_FUZZ");
      expect(scheduled).toMatchObject({ status: "PENDING", type: "BUILTIN_FUZZ", name: "smoke" });
      // A run takes minutes: the mock's clock moves them in an instant.
      served.mock.clock.advance(30 * 60_000);
      const { run: done } = await df("get-run", "--arn", scheduled.arn);
      expect(done).toMatchObject({ status: "COMPLETED", result: "PASSED", totalJobs: 2, completedJobs: 2 });
      const { jobs } = await df("list-jobs", "--arn", scheduled.arn);
      expect(jobs.map((j: { device: { platform: string } }) => j.device.platform)).toEqual(["IOS", "IOS"]);
    }, 60_000);

    test("aws devicefarm get-remote-access-session gets a contract-valid answer", async () => {
      const arn = served.mock.deviceFarm.remoteAccessSessions.add({ status: "RUNNING" }).arn!;
      const { stdout } = await run(AWS!, ["devicefarm", "get-remote-access-session", "--arn", arn, "--endpoint-url", served.url, "--output", "json"], { env });
      expect(checkRecording(stdout, { strict: true })).toMatchObject({ ok: true, entries: [{ operation: "deviceFarm:GetRemoteAccessSession" }] });
    });
  });
});
