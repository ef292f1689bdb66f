import { DeviceFarmClient, GetRunCommand } from "@aws-sdk/client-device-farm";
import { GetTableCommand, GlueClient } from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { checkRecording } from "../src/check/index.js";
import { KNOWN_DRIFT } from "../src/contracts/known-drift.js";
import { registry, type Shape } from "../src/index.js";

/** Every structure of a service by name, found by walking its operations' shapes. */
function structures(service: string): Map<string, Shape & { kind: "structure" }> {
  const out = new Map<string, Shape & { kind: "structure" }>();
  const walk = (s: Shape, depth: number): void => {
    if (depth > 30) return;
    if (s.kind === "list") return walk(s.member, depth + 1);
    if (s.kind === "map") return walk(s.value, depth + 1);
    if (s.kind !== "structure" || out.has(s.name)) return;
    out.set(s.name, s);
    for (const m of Object.values(s.members as Record<string, Shape>)) walk(m, depth + 1);
  };
  for (const op of registry.operations.filter((o) => o.service.id === service)) walk(op.response.shape, 0);
  return out;
}

describe("known drift is data with evidence, and still beyond the model", () => {
  test.each(KNOWN_DRIFT.map((d) => [`${d.service} ${d.structure}.${d.member}`, d] as const))("%s", (_, drift) => {
    expect(drift.evidence.length).toBeGreaterThan(0);
    const owner = structures(drift.service).get(drift.structure);
    expect(owner, `${drift.structure} is a structure of ${drift.service}`).toBeDefined();
    const member = (owner!.members as Record<string, Shape>)[drift.member];
    // When the model catches up, the entry is stale: this fails and says so.
    if (drift.kind === "member") expect(member, `${drift.structure}.${drift.member} is now in the model: remove the entry`).toBeUndefined();
    else {
      expect(member?.kind).toBe("enum");
      for (const v of drift.values) expect((member as { values: readonly string[] }).values, `${v} is now in the model`).not.toContain(v);
    }
  });
});

describe("the check", () => {
  const run = (platform: string) => JSON.stringify({ run: { arn: "arn:aws:devicefarm:us-west-2:123456789012:run:0b7a1c5e-3d2f-4a6b-9c8d-1e2f3a4b5c6d/1b7a1c5e-3d2f-4a6b-9c8d-1e2f3a4b5c6d", name: "r", platform } });

  test("a value AWS is known to send passes --strict, reported as known_drift with its evidence", () => {
    const report = checkRecording(run("IOS_APP"), { operation: "deviceFarm:GetRun", strict: true });
    expect(report.ok).toBe(true);
    expect(report.entries[0]!.findings).toEqual([expect.objectContaining({ severity: "info", code: "known_drift", path: "$.run.platform", message: expect.stringContaining("how-to-stop-test-runs") })]);
  });

  test("a value nobody has seen is still drift, and fails --strict", () => {
    const report = checkRecording(run("WINDOWS_APP"), { operation: "deviceFarm:GetRun", strict: true });
    expect(report.ok).toBe(false);
    expect(report.entries[0]!.findings[0]).toMatchObject({ severity: "violation", code: "unknown_enum_value" });
  });

  test("members Glue adds to a table pass --strict as known drift; an unknown member does not", () => {
    const table = { Table: { Name: "orders", DatabaseName: "sales", IsRowFilteringEnabled: false, DatabaseId: "0b5ef3a2e9d44e0f9a3c1d2b7e6f8a90" } };
    const report = checkRecording(JSON.stringify(table), { operation: "glue:GetTable", strict: true });
    expect(report.ok).toBe(true);
    expect(report.entries[0]!.findings.map((f) => [f.code, f.path])).toEqual([
      ["known_drift", "$.Table.IsRowFilteringEnabled"],
      ["known_drift", "$.Table.DatabaseId"],
    ]);
    expect(checkRecording(JSON.stringify({ Table: { ...table.Table, Brand: "new" } }), { operation: "glue:GetTable", strict: true }).ok).toBe(false);
  });
});

test("a Snowflake connection and a Built-in Explorer run, as AWS sends them, pass --strict", () => {
  const connection = { Connection: { Name: "snow", ConnectionType: "SNOWFLAKE" } };
  expect(checkRecording(JSON.stringify(connection), { operation: "glue:GetConnection", strict: true })).toMatchObject({ ok: true, entries: [{ findings: [{ code: "known_drift" }] }] });
  const run = { run: { name: "explore", type: "BUILTIN_EXPLORER", platform: "ANDROID_APP" } };
  const report = checkRecording(JSON.stringify(run), { operation: "deviceFarm:GetRun", strict: true });
  expect(report.ok).toBe(true);
  expect(report.entries[0]!.findings.map((f) => f.code)).toEqual(["known_drift", "known_drift"]);
});

describe("tests can meet it", () => {
  test("the mock sends known drift on request, and the SDK reads it as AWS's", async () => {
    const mock = createAwsMock({ knownDrift: true, unknownIds: "generate" });
    const df = new DeviceFarmClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    const { run } = await df.send(new GetRunCommand({ arn: "arn:aws:devicefarm:us-west-2:123456789012:run:0b7a1c5e-3d2f-4a6b-9c8d-1e2f3a4b5c6d/1b7a1c5e-3d2f-4a6b-9c8d-1e2f3a4b5c6d" }));
    expect(["ANDROID_APP", "IOS_APP"]).toContain(run!.platform);
    const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    await glue.send(new GetTableCommand({ DatabaseName: "sales", Name: "orders" }));
    const sent = JSON.parse(mock.responses.at(-1)!.body);
    expect(sent.Table).toMatchObject({ IsRowFilteringEnabled: false, DatabaseId: expect.any(String) });
    // What was sent passes a strict check, as known drift.
    expect(checkRecording(mock.responses.at(-1)!.body, { operation: "glue:GetTable", strict: true }).ok).toBe(true);
  });

  test("without the option the mock sends only what the model has", async () => {
    const mock = createAwsMock({ unknownIds: "generate" });
    const glue = new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    await glue.send(new GetTableCommand({ DatabaseName: "sales", Name: "orders" }));
    expect(JSON.parse(mock.responses.at(-1)!.body).Table).not.toHaveProperty("DatabaseId");
  });

  test("a factory's wire output carries known drift on request", () => {
    const factory = createFactories({ seed: 1 }).operation("deviceFarm:GetRun");
    expect((factory.wire({ run: { platform: "IOS" } }, { seed: 4, knownDrift: true }) as { run: { platform: string } }).run.platform).toBe("IOS_APP");
    expect((factory.wire({ run: { platform: "IOS" } }, { seed: 4 }) as { run: { platform: string } }).run.platform).toBe("IOS");
  });
});
