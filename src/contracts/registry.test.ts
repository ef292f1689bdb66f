import { GetSessionCommand as DeadlineGetSessionCommand } from "@aws-sdk/client-deadline";
import { GetRemoteAccessSessionCommand } from "@aws-sdk/client-device-farm";
import { GetSessionCommand as GlueGetSessionCommand } from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { registry } from "./registry.js";

describe("registry", () => {
  test("has every operation of the three pinned clients, with unique ids", async () => {
    const ids = registry.operations.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [service, pkg] of [["glue", "@aws-sdk/client-glue"], ["deadline", "@aws-sdk/client-deadline"], ["deviceFarm", "@aws-sdk/client-device-farm"]] as const) {
      const sdk = (await import(pkg)) as Record<string, unknown>;
      const commands = Object.keys(sdk).filter((k) => k.endsWith("Command") && k !== "$Command" && typeof sdk[k] === "function").map((k) => `${service}:${k.slice(0, -"Command".length)}`);
      expect(ids.filter((id) => id.startsWith(`${service}:`)).sort()).toEqual(commands.sort());
    }
    expect(ids).toHaveLength(517);
  });

  test("finds an operation by id and names the known ids for an unknown one", () => {
    expect(registry.get("glue:GetSession").sdk).toEqual({ package: "@aws-sdk/client-glue", client: "GlueClient", command: "GetSessionCommand" });
    expect(() => registry.get("glue:GetJobb" as never)).toThrow(/^\[aws-sdk-contracts\] Unknown operation "glue:GetJobb"\. Ids are service:Operation, for the services glue, deadline, deviceFarm/);
    expect(registry.find("glue:GetJobb")).toBeUndefined();
    expect(registry.get("glue:GetJobRun").request.shape.required).toEqual(["JobName", "RunId"]);
  });

  test("finds an operation by SDK command instance, telling the two GetSession commands apart", () => {
    expect(registry.bySdkCommand(new GlueGetSessionCommand({ Id: "s" }))?.id).toBe("glue:GetSession");
    expect(registry.bySdkCommand(new DeadlineGetSessionCommand({ farmId: "f", queueId: "q", jobId: "j", sessionId: "s" }))?.id).toBe("deadline:GetSession");
    expect(registry.bySdkCommand(new GetRemoteAccessSessionCommand({ arn: "a" }))?.id).toBe("deviceFarm:GetRemoteAccessSession");
    expect(registry.bySdkCommand({ package: "@aws-sdk/client-device-farm", command: "GetTestGridSessionCommand" })?.id).toBe("deviceFarm:GetTestGridSession");
  });

  test("finds awsJson operations by X-Amz-Target", () => {
    expect(registry.byTarget("AWSGlue.GetSession")?.id).toBe("glue:GetSession");
    expect(registry.byTarget("DeviceFarm_20150623.GetTestGridSession")?.id).toBe("deviceFarm:GetTestGridSession");
    expect(registry.byTarget("DeviceFarm_20150623.GetRemoteAccessSession")?.id).toBe("deviceFarm:GetRemoteAccessSession");
    expect(registry.byTarget("AWSGlue.GetJob")?.id).toBe("glue:GetJob");
    expect(registry.byTarget("AWSGlue.NoSuchThing")).toBeUndefined();
  });

  test("finds restJson operations by method and path, decoding the labels", () => {
    const match = registry.byRoute("GET", "/2023-10-12/farms/farm-1/queues/queue%202/jobs/job-3/sessions/session-4");
    expect(match?.operation.id).toBe("deadline:GetSession");
    expect(match?.params).toEqual({ farmId: "farm-1", queueId: "queue 2", jobId: "job-3", sessionId: "session-4" });
    expect(registry.byRoute("POST", "/2023-10-12/farms/f/queues/q/jobs/j/sessions/s")).toBeUndefined();
    expect(registry.byRoute("GET", "/2023-10-12/farms/f/queues/q/jobs/j")?.operation.id).toBe("deadline:GetJob");
    expect(registry.byRoute("GET", "/2023-10-12/farms/f/queues/q/jobs/j/nothing")).toBeUndefined();
  });

  test("derives bindings from the service and protocol", () => {
    const deadline = registry.get("deadline:GetSession");
    expect(deadline.labels).toEqual(["farmId", "queueId", "jobId", "sessionId"]);
    expect(deadline.http.hostPrefix).toBe("management.");
    expect(deadline.target).toBeUndefined();
    const throttling = deadline.errors.find((e) => e.name === "ThrottlingException")!;
    expect(throttling).toMatchObject({ httpStatus: 429, fault: "client", retryable: { throttling: true }, headers: { retryAfterSeconds: "Retry-After" } });
    expect(registry.get("glue:GetSession").errors.find((e) => e.name === "InternalServiceException")).toMatchObject({ httpStatus: 500, fault: "server" });
  });

  test("awsJson error bodies carry __type; restJson error bodies do not", () => {
    const glueError = registry.get("glue:GetSession").errors.find((e) => e.name === "EntityNotFoundException")!;
    expect(glueError.body.validate({ __type: "EntityNotFoundException", Message: "gone" }, { strict: true }).findings).toEqual([]);
    const deadlineError = registry.get("deadline:GetSession").errors.find((e) => e.name === "ResourceNotFoundException")!;
    expect(deadlineError.body.validate({ __type: "x", message: "m", resourceId: "r", resourceType: "session" }, { strict: true }).findings).toEqual([
      expect.objectContaining({ code: "unknown_member", path: "$.__type" }),
    ]);
  });
});

test("an awsJson error body must name its own error in __type", () => {
  const notFound = registry.get("deviceFarm:GetTestGridSession").errors.find((e) => e.name === "NotFoundException")!;
  expect(notFound.body.validate({ __type: "NotFoundException", message: "m" }, { strict: true }).ok).toBe(true);
  expect(notFound.body.validate({ __type: "com.amazonaws.devicefarm#NotFoundException", message: "m" }, { strict: true }).ok).toBe(true);
  expect(notFound.body.validate({ __type: "ArgumentException", message: "m" }).findings).toEqual([expect.objectContaining({ code: "pattern", path: "$.__type" })]);
  expect(notFound.body.validate({ message: "m" }).findings).toEqual([expect.objectContaining({ code: "missing_required", path: "$.__type" })]);
});
