import { GetSessionCommand as DeadlineGetSession, DeadlineClient } from "@aws-sdk/client-deadline";
import { DeviceFarmClient, GetRemoteAccessSessionCommand } from "@aws-sdk/client-device-farm";
import { GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { checkFile, recordResponses } from "../src/check/index.js";
import { scratchFolders } from "./support/scratch.js";

const scratch = scratchFolders("rec");

const planted = {
  accessKeyId: "AKIAPLANTEDFAKE12345",
  secretAccessKey: "Pl4nted/FakeSecretKeyThatMustNotLeak0000",
  sessionToken: "FwoGZXIvYXdzEPLANTEDFAKESESSIONTOKEN0123456789abcdefPlanted==",
};

const allText = (dir: string) => readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");

describe("recordResponses", () => {
  test("writes one redacted cassette per call that passes the contract check, with no credential in it", async () => {
    const dir = scratch();
    const mock = createAwsMock();
    const recorder = recordResponses({ dir });
    const config = { ...testClientConfig({ maxAttempts: 1 }), credentials: planted, requestHandler: mock.requestHandler() };
    const glue = recorder.attach(new GlueClient(config));
    const deadline = recorder.attach(new DeadlineClient(config));
    const deviceFarm = recorder.attach(new DeviceFarmClient(config));

    mock.glue.sessions.add({ Id: "s-1", Status: "READY" });
    const dl = mock.deadline.sessions.add({ lifecycleStatus: "ENDED" });
    const ra = mock.deviceFarm.remoteAccessSessions.add({ status: "RUNNING" });
    const out = await glue.send(new GetSessionCommand({ Id: "s-1" }));
    expect(out.Session?.Id).toBe("s-1");
    await deadline.send(new DeadlineGetSession(mock.deadline.sessions.inputFor(dl)));
    await deviceFarm.send(new GetRemoteAccessSessionCommand({ arn: ra.arn! }));
    await glue.send(new GetSessionCommand({ Id: "missing" })).catch(() => undefined);

    expect(recorder.written).toHaveLength(4);
    expect(recorder.refused).toEqual([]);
    const text = allText(dir);
    for (const secret of Object.values(planted)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization|x-amz-security-token|x-amz-date|Signature=/i);

    for (const file of recorder.written) {
      const report = await checkFile(file, { strict: true });
      expect(report.problems, file).toEqual([]);
      expect(report.ok, file).toBe(true);
    }
  });

  test("replaces accounts, addresses, hosts and sensitive members with consistent pseudonyms", async () => {
    const dir = scratch();
    const mock = createAwsMock();
    const recorder = recordResponses({ dir });
    const config = { ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() };
    const deviceFarm = recorder.attach(new DeviceFarmClient(config));
    const deadline = recorder.attach(new DeadlineClient(config));
    const ra = mock.deviceFarm.remoteAccessSessions.add({ status: "RUNNING" }, {});
    const dl = mock.deadline.sessions.add();
    await deviceFarm.send(new GetRemoteAccessSessionCommand({ arn: ra.arn! }));
    await deadline.send(new DeadlineGetSession(mock.deadline.sessions.inputFor(dl)));

    const account = /:(\d{12}):/.exec(ra.arn!)![1]!;
    const text = allText(dir);
    expect(text).not.toContain(account);
    expect(text).not.toContain(ra.endpoints!.remoteDriverEndpoint!);
    expect(text).not.toContain(dl.hostProperties!.ipAddresses!.ipV4Addresses![0]!);
    expect(text).not.toContain(dl.hostProperties!.hostName!);

    const [raCassette] = recorder.written.map((f) => JSON.parse(readFileSync(f, "utf8")));
    const requestArn = JSON.parse(raCassette.request.body).arn as string;
    const responseArn = JSON.parse(raCassette.response.body).remoteAccessSession.arn as string;
    expect(responseArn).toBe(requestArn);
    expect(JSON.parse(raCassette.response.body).remoteAccessSession.endpoints.remoteDriverEndpoint).toMatch(/^https:\/\/redacted\.example\/[0-9a-f]{16}$/);
  });

  test("refuses a cassette when a secret survives redaction, and the call still succeeds", async () => {
    const dir = scratch();
    const mock = createAwsMock();
    const refusals: unknown[] = [];
    const recorder = recordResponses({ dir, onRefused: (r) => refusals.push(r) });
    const glue = recorder.attach(new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() }));
    mock.respondWith("glue:GetSession", { Session: { Description: `leaked ${planted.accessKeyId} and ${planted.secretAccessKey}` } });
    const out = await glue.send(new GetSessionCommand({ Id: "s-1" }));
    expect(out.Session?.Description).toContain("leaked");
    expect(refusals).toEqual([{ operation: "glue:GetSession", secrets: ["AWS access key id", "AWS secret access key"] }]);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("detach stops recording", async () => {
    const dir = scratch();
    const mock = createAwsMock({ unknownIds: "generate" });
    const recorder = recordResponses({ dir });
    const glue = recorder.attach(new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() }));
    await glue.send(new GetSessionCommand({ Id: "a" }));
    recorder.detach(glue);
    await glue.send(new GetSessionCommand({ Id: "b" }));
    expect(recorder.written).toHaveLength(1);
  });
});

test("recording twice into the same folder keeps both runs", async () => {
  const dir = scratch();
  const mock = createAwsMock({ unknownIds: "generate" });
  for (let run = 0; run < 2; run++) {
    const recorder = recordResponses({ dir });
    const glue = recorder.attach(new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() }));
    await glue.send(new GetSessionCommand({ Id: "same" }));
    expect(recorder.written).toHaveLength(1);
  }
  expect(readdirSync(dir)).toHaveLength(2);
});
