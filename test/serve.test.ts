import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serve, type Served } from "../handlers/serve.js";
import { checkRecording } from "../src/check/index.js";

const run = promisify(execFile);

// Debian's AWS CLI (`apt-get install awscli`): a real client with botocore's own Glue and Device Farm models.
const AWS = ["/usr/bin/aws"].find((p) => existsSync(p));
if (!AWS) console.warn("serve.test.ts: the AWS CLI tests are skipped: /usr/bin/aws is not installed (apt-get install awscli).");

let served: Served;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aws-sdk-contracts-serve-"));
  const state = join(dir, "state.json");
  writeFileSync(state, JSON.stringify({ "glue.sessions": [{ Id: "etl-notebook-session-01", Status: "READY" }] }));
  served = await serve({ port: 0, state, seed: 3 });
});
afterAll(async () => {
  await served.close();
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

  describe.skipIf(!AWS)("with the AWS CLI", () => {
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

    test("aws devicefarm get-remote-access-session gets a contract-valid answer", async () => {
      const arn = served.mock.deviceFarm.remoteAccessSessions.add({ status: "RUNNING" }).arn!;
      const { stdout } = await run(AWS!, ["devicefarm", "get-remote-access-session", "--arn", arn, "--endpoint-url", served.url, "--output", "json"], { env });
      expect(checkRecording(stdout, { strict: true })).toMatchObject({ ok: true, entries: [{ operation: "deviceFarm:GetRemoteAccessSession" }] });
    });
  });
});
