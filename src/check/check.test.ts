import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { checkRecording } from "./check.js";

const sample = (name: string) => readFileSync(new URL(`../../samples/${name}`, import.meta.url), "utf8");

describe("checkRecording", () => {
  test.each([
    ["glue-GetSession.wire.json", "wire", "glue:GetSession"],
    ["deadline-GetSession.wire.json", "wire", "deadline:GetSession"],
    ["devicefarm-GetTestGridSession.wire.json", "wire", "deviceFarm:GetTestGridSession"],
    ["devicefarm-GetRemoteAccessSession.wire.json", "wire", "deviceFarm:GetRemoteAccessSession"],
    ["glue-GetSession.aws-cli.json", "aws-cli", "glue:GetSession"],
    ["deadline-GetSession.sdk.json", "sdk-json", "deadline:GetSession"],
    ["devicefarm-GetTestGridSession.cassette.json", "cassette", "deviceFarm:GetTestGridSession"],
  ])("detects %s as %s for %s and finds nothing wrong", (file, format, operation) => {
    const report = checkRecording(sample(file), { strict: true });
    expect(report).toMatchObject({ ok: true, format, problems: [] });
    expect(report.entries).toEqual([expect.objectContaining({ operation, findings: [] })]);
  });

  test("reads every entry of a HAR that is one of ours, checks error bodies and counts the rest", () => {
    const report = checkRecording(sample("sessions.har"), { strict: true });
    expect(report).toMatchObject({ ok: true, format: "har", skipped: 1 });
    expect(report.entries.map((e) => [e.operation, e.part, e.status])).toEqual([
      ["glue:GetSession", "response", 200],
      ["deadline:GetSession", "ResourceNotFoundException", 404],
    ]);
  });

  test("an ISO string in a wire body is a wrong encoding; the same body as AWS CLI output is fine", () => {
    const wire = checkRecording('{"Session":{"Id":"s-1","CreatedOn":"2024-03-01T12:00:00Z"}}');
    expect(wire.format).toBe("wire");
    expect(wire.entries[0]!.findings).toEqual([expect.objectContaining({ code: "timestamp_encoding", path: "$.Session.CreatedOn" })]);
    const cli = checkRecording('{"Session":{"Id":"s-1","CreatedOn":"2024-03-01T12:00:00.123000+00:00"}}');
    expect(cli).toMatchObject({ ok: true, format: "aws-cli" });
  });

  test("a HAR entry's findings carry its location", () => {
    const har = JSON.parse(sample("sessions.har"));
    const body = JSON.parse(har.log.entries[0].response.content.text);
    body.Session.CreatedOn = 1709294400123;
    har.log.entries[0].response.content.text = JSON.stringify(body);
    const report = checkRecording(JSON.stringify(har));
    expect(report.ok).toBe(false);
    expect(report.entries[0]!.findings).toEqual([expect.objectContaining({ code: "timestamp_range", path: "$.log.entries[0].Session.CreatedOn" })]);
  });

  test("an error sent with another status than AWS uses is a violation", () => {
    const har = JSON.parse(sample("sessions.har"));
    har.log.entries[1].response.status = 400;
    const report = checkRecording(JSON.stringify(har));
    expect(report.entries[1]!.findings).toEqual([expect.objectContaining({ code: "wrong_type", expected: "HTTP 404", received: "HTTP 400" })]);
  });

  test.each([
    ["", "empty"],
    ["   \n", "empty"],
    ['{"Session": {"Id": "s-1",}}', "invalid_json"],
    ["[1,2]", "unknown_format"],
    ['{"NextToken": "x"}', "unknown_operation"],
    ['{"log": {"entries": [7]}}', "invalid_entry"],
  ])("%j is one clear problem, not an exception", (input, code) => {
    const report = checkRecording(input);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ code })]);
  });

  test("malformed JSON is located by line and column", () => {
    const report = checkRecording('{\n  "Session": {\n    "Id": "s-1",\n  }\n}', { source: "rec.json" });
    expect(report.problems[0]).toMatchObject({ code: "invalid_json", line: 4, column: 3 });
    expect(report.problems[0]!.message).toMatch(/^Malformed JSON at line 4, column 3: /);
  });

  test("a body of another operation is a violation, not a pass with drift", () => {
    const report = checkRecording('{"JobRun":{"Id":"jr_1","JobName":"nightly"}}', { operation: "glue:GetTable" });
    expect(report.ok).toBe(false);
    expect(report.entries[0]!.findings[0]).toMatchObject({ severity: "violation", message: expect.stringMatching(/^None of the body's members \(JobRun\) is a member of glue:GetTable's output \(Table\)/) });
    expect(checkRecording('{"JobRun":{"Id":"jr_1","JobName":"nightly"}}', { operation: "glue:GetJobRun" }).ok).toBe(true);
  });

  test("a Glue error body (__type) is checked as that error of the operation", () => {
    const error = checkRecording('{"__type":"EntityNotFoundException","Message":"Entity Not Found"}', { operation: "glue:GetJobRun", strict: true });
    expect(error).toMatchObject({ ok: true, entries: [{ part: "EntityNotFoundException", findings: [] }] });
    expect(checkRecording('{"__type":"com.amazonaws.glue#EntityNotFoundException","Message":7}', { operation: "glue:GetJobRun" }).entries[0]!.findings[0]).toMatchObject({ path: "$.Message", code: "wrong_type" });
    expect(checkRecording('{"__type":"NoSuchThing","Message":"x"}', { operation: "glue:GetJobRun" }).problems[0]!.message).toMatch(/^This is an error body \(NoSuchThing\), which glue:GetJobRun does not model/);
    expect(checkRecording('{"__type":"EntityNotFoundException","Message":"x"}').problems[0]!.message).toMatch(/^This is an error body \(EntityNotFoundException, an error of \d+ operations\); pass --operation/);
  });

  test("binary input is reported as binary", () => {
    expect(checkRecording(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])).problems[0]!.code).toBe("binary");
    expect(checkRecording(new Uint8Array([0xff, 0xfe, 0xfd, 0x41])).problems[0]!.code).toBe("binary");
  });

  test("--operation overrides detection, and an unknown one is a usage problem", () => {
    expect(checkRecording("{}", { operation: "glue:GetSession" })).toMatchObject({ ok: true, entries: [{ operation: "glue:GetSession" }] });
    expect(checkRecording("{}", { operation: "glue:GetJobb" }).problems[0]!.code).toBe("usage");
    expect(checkRecording('{"Job":{"Name":"nightly"}}', { operation: "glue:GetJob" })).toMatchObject({ ok: true, entries: [{ operation: "glue:GetJob" }] });
  });

  test("random and truncated inputs never throw out of checkRecording", () => {
    const samples = ["glue-GetSession.wire.json", "sessions.har", "devicefarm-GetTestGridSession.cassette.json", "deadline-GetSession.sdk.json"].map(sample);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array(), fc.tuple(fc.constantFrom(...samples), fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1)))), (input) => {
        const report = checkRecording(input);
        expect(typeof report.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof checkRecording(value as object).ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("edge cases of recordings", () => {
  const har = (entries: unknown[]) => JSON.stringify({ log: { version: "1.2", entries } });
  const glueRequest = { method: "POST", url: "https://glue.us-west-2.amazonaws.com/", headers: [{ name: "X-Amz-Target", value: "AWSGlue.GetSession" }] };

  test("an aborted exchange (status 0) or one without a body is skipped, not checked as {}", () => {
    const report = checkRecording(har([
      { request: glueRequest, response: { status: 0, headers: [], content: {} } },
      { request: glueRequest, response: { status: 200, headers: [], content: { mimeType: "application/x-amz-json-1.1" } } },
    ]));
    expect(report).toMatchObject({ ok: true, skipped: 2, entries: [] });
  });

  test("--format har on a document that is not HAR is unusable input", () => {
    expect(checkRecording('{"Session":{}}', { format: "har" }).problems[0]!.code).toBe("unknown_format");
  });

  test("an error whose code is in a body `code` key is found as the SDK finds it", () => {
    const report = checkRecording(har([
      { request: glueRequest, response: { status: 400, headers: [], content: { text: '{"code":"EntityNotFoundException","Message":"gone"}' } } },
    ]));
    expect(report.entries).toEqual([expect.objectContaining({ part: "EntityNotFoundException" })]);
    // AWS writes the code of an awsJson error in __type; a body without it is not what AWS sends.
    expect(report.entries[0]!.findings.map((f) => `${f.code} ${f.path}`).sort()).toEqual([
      "missing_required $.log.entries[0].__type",
      "unknown_member $.log.entries[0].code",
    ]);
  });

  test("an ISO string in what looks like wire JSON hints at --format sdk-json", () => {
    const report = checkRecording('{"Session":{"Id":"s-1","CreatedOn":"2024-03-01T12:00:00.000Z"}}');
    expect(report.entries[0]!.findings[0]!.message).toContain("check it with --format sdk-json");
    expect(checkRecording('{"Session":{"Id":"s-1","CreatedOn":"2024-03-01T12:00:00.000Z"}}', { format: "sdk-json" }).ok).toBe(true);
  });
});

test("a cassette's headers (an object, not HAR's list) name a restJson error", () => {
  const cassette = {
    format: "aws-sdk-contracts/cassette@1",
    operation: "deadline:GetSession",
    request: { method: "GET", url: "https://management.deadline.us-west-2.amazonaws.com/2023-10-12/farms/f/queues/q/jobs/j/sessions/s", headers: {} },
    response: { status: 404, headers: { "X-Amzn-ErrorType": "ResourceNotFoundException" }, body: '{"message":"gone","resourceId":"s","resourceType":"session"}' },
  };
  const report = checkRecording(JSON.stringify(cassette), { strict: true });
  expect(report).toMatchObject({ ok: true, format: "cassette", entries: [{ part: "ResourceNotFoundException", status: 404, findings: [] }] });
});

test("an operation only the SDK has is checked for structure, and the text report says it has no constraints", async () => {
  const { formatText } = await import("./print.js");
  const report = checkRecording('{"SessionId":"s-1","SparkConnect":{"Url":"sc://example"}}', { operation: "glue:GetSessionEndpoint" });
  expect(report.entries[0]!.operation).toBe("glue:GetSessionEndpoint");
  expect(formatText([report])).toContain("note glue:GetSessionEndpoint is only in the SDK, not yet in AWS's model: checked for structure, without constraints");
  expect(checkRecording('{"SessionId":5}', { operation: "glue:GetSessionEndpoint" }).ok).toBe(false);
});

test("a HAR of mixed traffic: every operation of the three services is checked, its errors by __type or x-amzn-ErrorType, other services skipped", () => {
  const entry = (url: string, method: string, headers: Record<string, string>, status: number, responseHeaders: Record<string, string>, text: string) => ({
    request: { method, url, headers: Object.entries(headers).map(([name, value]) => ({ name, value })) },
    response: { status, headers: Object.entries(responseHeaders).map(([name, value]) => ({ name, value })), content: { text } },
  });
  const har = {
    log: {
      entries: [
        entry("https://glue.us-east-1.amazonaws.com/", "POST", { "X-Amz-Target": "AWSGlue.GetJobRun" }, 200, {}, '{"JobRun":{"Id":"jr_1","JobRunState":"SUCCEEDED","StartedOn":1709294400}}'),
        entry("https://glue.us-east-1.amazonaws.com/", "POST", { "X-Amz-Target": "AWSGlue.GetJob" }, 400, {}, '{"__type":"EntityNotFoundException","Message":"Job nightly not found."}'),
        entry("https://management.deadline.us-east-1.amazonaws.com/2023-10-12/farms/farm-1/queues/queue-2/jobs?maxResults=5", "GET", {}, 200, {}, '{"jobs":[],"nextToken":5}'),
        entry("https://management.deadline.us-east-1.amazonaws.com/2023-10-12/farms/farm-1", "GET", {}, 404, { "x-amzn-ErrorType": "ResourceNotFoundException" }, '{"message":"no farm","resourceId":"farm-1","resourceType":"farm"}'),
        entry("https://s3.us-east-1.amazonaws.com/bucket/key", "GET", {}, 200, {}, "{}"),
      ],
    },
  };
  const report = checkRecording(JSON.stringify(har));
  expect(report.entries.map((e) => `${e.operation} ${e.part}`)).toEqual([
    "glue:GetJobRun response",
    "glue:GetJob EntityNotFoundException",
    "deadline:ListJobs response",
    "deadline:GetFarm ResourceNotFoundException",
  ]);
  expect(report.skipped).toBe(1);
  expect(report.entries[2]!.findings).toEqual([expect.objectContaining({ code: "wrong_type", path: "$.log.entries[2].nextToken" })]);
});
