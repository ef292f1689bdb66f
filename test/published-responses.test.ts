import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { checkRecording, type CheckReport } from "../src/check/index.js";

/**
 * What AWS and maintainers of AWS tools have published as responses (see MANIFEST.md beside them).
 * Several break the model; the check must say how, the way the manifest does.
 */
const dir = new URL("./reference/published-responses/", import.meta.url);
const check = (file: string, strict = false): CheckReport => checkRecording(readFileSync(new URL(file, dir), "utf8"), { source: file, strict });
const codes = (r: CheckReport) => r.entries.flatMap((e) => e.findings.map((f) => `${f.severity} ${f.code} ${f.path}`)).sort();

describe("published responses", () => {
  test.each([
    ["devicefarm-GetRemoteAccessSession__botocore-examples.json", "an empty remoteAccessSession is valid: the model requires nothing"],
    ["devicefarm-CreateRemoteAccessSession__botocore-examples.json", "the same empty session from CreateRemoteAccessSession"],
    ["devicefarm-CreateRemoteAccessSession__aws-devguide-how-to-create-session.elided.json", "elided CLI output keeps only members the model has"],
    ["devicefarm-GetRemoteAccessSession__aws-devguide-appium-endpoint.elided.json", "uses the newer endpoints member, which the current SDK has"],
    ["glue-CreateSession__awslabs-mcp-test.json", "a minimal Session with Id and Status"],
    ["glue-GetSession__awslabs-mcp-test-details.json", "Command and GlueVersion, nothing required missing"],
  ])("%s passes strictly: %s", (file) => {
    const report = check(file, true);
    expect(report.problems).toEqual([]);
    expect(codes(report)).toEqual([]);
  });

  test("Glue Session.Tags is drift by default and a violation in strict mode", () => {
    expect(codes(check("glue-GetSession__awslabs-mcp-test-tags.json"))).toEqual(["drift unknown_member $.Session.Tags"]);
    expect(check("glue-GetSession__awslabs-mcp-test-tags.json", true).ok).toBe(false);
    expect(codes(check("glue-GetSession__awslabs-mcp-test-no-status.json"))).toEqual(["drift unknown_member $.Session.Tags"]);
  });

  test.each([
    ["deadline-GetSession__deadline-cloud-test_mcp.json", ["missing_required $.fleetId", "missing_required $.startedAt", "pattern $.sessionId", "pattern $.workerId"]],
    ["deadline-GetSession__deadline-cloud-rs-diagnostics.json", ["missing_required $.log", "pattern $.fleetId", "pattern $.sessionId", "pattern $.workerId"]],
    ["deadline-GetSession__deadline-cloud-rs-job_logs.json", ["missing_required $.lifecycleStatus", "missing_required $.log", "pattern $.fleetId", "pattern $.sessionId", "pattern $.workerId"]],
    ["deadline-GetSession__unidentified-agent-tools-test.json", ["missing_required $.sessionId", "pattern $.fleetId", "pattern $.workerId"]],
    [
      "deadline-GetSession__deadline-cloud-test-fixtures.resolved.json",
      ["invalid_timestamp $.endedAt", "invalid_timestamp $.startedAt", "invalid_timestamp $.updatedAt", "pattern $.fleetId", "pattern $.hostProperties.ipAddresses.ipV6Addresses[0]", "pattern $.workerId"],
    ],
  ])("%s breaks the Deadline model as the manifest says", (file, expected) => {
    const report = check(file);
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(expected.map((e) => `violation ${e}`).sort());
  });

  test.each([
    ["devicefarm-ListRemoteAccessSessions__botocore-examples.json", "deviceFarm:ListRemoteAccessSessions"],
    ["devicefarm-ListTestGridSessions__aws-actions-browser-testing.json", "deviceFarm:ListTestGridSessions"],
    ["glue-ListSessions__awslabs-mcp-test.json", "glue:ListSessions"],
  ])("%s answers %s, now in scope, and passes", (file, operation) => {
    const report = check(file, true);
    expect(report.entries.map((e) => e.operation)).toEqual([operation]);
    expect(report.ok).toBe(true);
  });

  test.each(readdirSync(dir).filter((f) => f.startsWith("deadline-ListSessions")))(
    "%s: a bare array, or { sessions } that ListSessions and ListSessionsForWorker both answer with other shapes, needs --operation",
    (file) => {
      const report = check(file);
      expect(report.ok).toBe(false);
      expect(report.problems[0]!.code).toMatch(/^unknown_(operation|format)$/);
    },
  );

  test.each([
    ["deadline-ListSessions__deadline-cloud-test_mcp.json", ["missing_required $.sessions[0].fleetId", "missing_required $.sessions[0].startedAt"]],
  ])("%s, checked as deadline:ListSessions, breaks the model as the manifest says", (file, expected) => {
    const report = checkRecording(readFileSync(new URL(file, dir), "utf8"), { source: file, operation: "deadline:ListSessions" });
    expect(report.ok).toBe(false);
    const found = codes(report);
    for (const e of expected) expect(found).toContain(`violation ${e}`);
  });
});
