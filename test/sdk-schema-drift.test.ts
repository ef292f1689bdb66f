import * as deadlineSdk from "@aws-sdk/client-deadline";
import * as deviceFarmSdk from "@aws-sdk/client-device-farm";
import * as glueSdk from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { compareWithSdkSchema, registry, type Operation } from "../src/index.js";
import { compareWithInstalledSdks } from "../src/drift/sdk-schema.js";

const sdks: Record<string, Record<string, unknown>> = {
  "@aws-sdk/client-glue": glueSdk,
  "@aws-sdk/client-deadline": deadlineSdk,
  "@aws-sdk/client-device-farm": deviceFarmSdk,
};

/** A copy of an operation whose response structure at `path` has `change` applied to its members. */
function altered(op: Operation, path: string[], change: (members: Record<string, unknown>) => Record<string, unknown>, required?: string[]): Operation {
  const edit = (shape: any, rest: string[]): any => {
    if (rest.length === 0) return { ...shape, members: change({ ...shape.members }), required: required ?? shape.required };
    const [head, ...tail] = rest;
    return { ...shape, members: { ...shape.members, [head!]: edit(shape.members[head!], tail) } };
  };
  const response = Object.create(op.response, { shape: { value: edit(op.response.shape, path) } });
  return { ...op, response };
}

describe.each(registry.operations.map((op) => [op.id, op] as const))("%s", (_, op) => {
  const sdk = sdks[op.sdk.package]!;

  test("matches the installed SDK's runtime schema exactly", () => {
    expect(compareWithSdkSchema(op, sdk)).toEqual([]);
  });
});

describe("the comparison names every kind of difference", () => {
  const glue = registry.get("glue:GetSession");
  const deadline = registry.get("deadline:GetSession");

  test("a member removed from the contract", () => {
    const op = altered(glue, ["Session"], ({ SessionType: _, ...rest }) => rest);
    expect(compareWithSdkSchema(op, glueSdk)).toEqual([
      expect.objectContaining({ part: "response", path: "$.Session.SessionType", kind: "missing_member" }),
    ]);
  });

  test("a member the SDK does not have", () => {
    const op = altered(glue, ["Session"], (m) => ({ ...m, Tags: { kind: "map", key: { kind: "string" }, value: { kind: "string" } } }));
    expect(compareWithSdkSchema(op, glueSdk)).toEqual([expect.objectContaining({ path: "$.Session.Tags", kind: "extra_member" })]);
  });

  test("a required flag that differs", () => {
    const op = altered(deadline, [], (m) => m, ["sessionId", "fleetId", "workerId", "startedAt", "lifecycleStatus"]);
    expect(compareWithSdkSchema(op, deadlineSdk)).toEqual([expect.objectContaining({ path: "$.log", kind: "required" })]);
  });

  test("a timestamp format that differs", () => {
    const op = altered(deadline, [], (m) => ({ ...m, startedAt: { kind: "timestamp", format: undefined } }));
    expect(compareWithSdkSchema(op, deadlineSdk)).toEqual([expect.objectContaining({ path: "$.startedAt", kind: "timestamp_format" })]);
  });

  test("a type that differs", () => {
    const op = altered(glue, ["Session"], (m) => ({ ...m, NumberOfWorkers: { kind: "string" } }));
    expect(compareWithSdkSchema(op, glueSdk)).toEqual([expect.objectContaining({ path: "$.Session.NumberOfWorkers", kind: "type" })]);
  });

  test("enum values that differ", () => {
    const op = altered(glue, ["Session"], (m) => ({ ...m, WorkerType: { ...(m.WorkerType as object), values: ["Standard", "G.1X"] } }));
    const differences = compareWithSdkSchema(op, glueSdk);
    expect(differences).toEqual([expect.objectContaining({ path: "$.Session.WorkerType", kind: "enum_values" })]);
    expect(differences[0]!.message).toContain("G.12X");
  });

  test("a module without runtime schemas", () => {
    expect(compareWithSdkSchema(glue, {})).toEqual([expect.objectContaining({ kind: "missing_schema" })]);
  });

  test("the installed SDKs are all found and match", async () => {
    const reports = await compareWithInstalledSdks();
    expect(reports.map((r) => r.operation)).toEqual(registry.operations.map((op) => op.id));
    for (const report of reports) {
      expect(report.version).toMatch(/^3\.\d+\.\d+$/);
      expect(report.differences).toEqual([]);
    }
  });

  test("a client that is not installed is reported without a version", async () => {
    const reports = await compareWithInstalledSdks(async () => {
      throw new Error("Cannot find package");
    });
    expect(reports.every((r) => r.version === undefined && r.differences.length === 0)).toBe(true);
  });
});

test("a command a newer SDK removed is named as removed, not as a missing schema", async () => {
  const sdk = { ...(await import("@aws-sdk/client-glue")) } as Record<string, unknown>;
  delete sdk.GetJobRunCommand;
  delete sdk.GetJobRun$;
  const { registry, compareWithSdkSchema } = await import("../src/index.js");
  expect(compareWithSdkSchema(registry.get("glue:GetJobRun"), sdk)).toEqual([expect.objectContaining({ kind: "removed_operation", message: expect.stringMatching(/has no GetJobRunCommand: the installed version removed \(or renamed\) the operation/) })]);
});
