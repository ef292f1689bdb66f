import { DeadlineClient, GetQueueCommand, ResourceNotFoundException, ThrottlingException as DeadlineThrottling } from "@aws-sdk/client-deadline";
import { DeviceFarmClient, GetProjectCommand } from "@aws-sdk/client-device-farm";
import { GetJobRunCommand, GlueClient } from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createAwsMock, testCredentials } from "../handlers/index.js";
import { COMMON_ERRORS, registry, type OperationId } from "../src/index.js";

/** A retry strategy that retries everything once and records how the SDK classified each error. */
function recordingStrategy(seen: string[]) {
  const token = (n: number) => ({ getRetryCount: () => n, getRetryDelay: () => 0 });
  return {
    mode: "standard",
    acquireInitialRetryToken: async () => token(0),
    refreshRetryTokenForRetry: async (previous: ReturnType<typeof token>, info: { errorType?: string }) => {
      seen.push(info.errorType ?? "?");
      if (info.errorType === "CLIENT_ERROR" || previous.getRetryCount() >= 1) throw new Error("no retry");
      return token(previous.getRetryCount() + 1);
    },
    recordSuccess: () => {},
  };
}

const calls: Record<string, (mock: ReturnType<typeof createAwsMock>, seen: string[]) => Promise<unknown>> = {
  "glue:GetJobRun": (mock, seen) => new GlueClient({ region: "us-west-2", credentials: testCredentials, retryStrategy: recordingStrategy(seen), requestHandler: mock.requestHandler() }).send(new GetJobRunCommand({ JobName: "nightly", RunId: "jr_0001" })),
  "deadline:GetQueue": (mock, seen) =>
    new DeadlineClient({ region: "us-west-2", credentials: testCredentials, retryStrategy: recordingStrategy(seen), requestHandler: mock.requestHandler() }).send(new GetQueueCommand({ farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}` })),
  "deviceFarm:GetProject": (mock, seen) =>
    new DeviceFarmClient({ region: "us-west-2", credentials: testCredentials, retryStrategy: recordingStrategy(seen), requestHandler: mock.requestHandler() }).send(new GetProjectCommand({ arn: "arn:aws:devicefarm:us-west-2:123456789012:project:0b7a1c5e-3d2f-4a6b-9c8d-1e2f3a4b5c6d" })),
};
const CLASS = { throttling: "THROTTLING", transient: "TRANSIENT", none: "CLIENT_ERROR" } as const;

describe("errors every AWS service can send, modelled or not", () => {
  const cases = Object.keys(calls).flatMap((id) => COMMON_ERRORS.map((e) => [id, e.name] as const));
  test.each(cases)("%s answers an injected %s as AWS does, and the SDK reads it as AWS's", async (id, name) => {
    const op = registry.get(id as OperationId);
    const modelled = op.errors.find((e) => e.name === name);
    const common = COMMON_ERRORS.find((e) => e.name === name)!;
    const mock = createAwsMock({ unknownIds: "generate" });
    mock.fault(id as OperationId, { error: name });
    const seen: string[] = [];
    const error = await calls[id]!(mock, seen).catch((e: unknown) => e);
    const sent = mock.responses[0]!;
    expect(sent.status).toBe(modelled ? modelled.httpStatus : common.status[op.protocol.name]);
    if (op.protocol.errorCodeLocation === "__type") expect(JSON.parse(sent.body).__type).toBe(name);
    else expect(sent.headers["x-amzn-errortype"]).toBe(name);
    const expected = modelled?.retryable ? (modelled.retryable.throttling ? "THROTTLING" : "TRANSIENT") : CLASS[common.retry];
    expect(seen[0]).toBe(expected);
    if (expected === "CLIENT_ERROR") {
      expect((error as Error).name).toBe(name);
      const words = common.message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("\\{action\\}", `${op.service.signingName}:${op.name}`).replace("\\{account\\}", "\\d{12}");
      expect((error as Error).message).toMatch(new RegExp(`^${words}$`));
    } else expect(error).not.toBeInstanceOf(Error); // retried once, then answered
  });

  test("Glue's throttling: Rate exceeded, retried as throttling, then answered", async () => {
    const mock = createAwsMock({ unknownIds: "generate" });
    mock.fault("glue:GetJobRun", { error: "ThrottlingException" });
    const seen: string[] = [];
    await calls["glue:GetJobRun"]!(mock, seen);
    expect(seen).toEqual(["THROTTLING"]);
    expect(JSON.parse(mock.responses[0]!.body)).toEqual({ __type: "ThrottlingException", Message: "Rate exceeded" });
  });

  test("an unknown error name is refused at the call site, naming both lists", () => {
    expect(() => createAwsMock().fault("glue:GetJobRun", { error: "ThrottlingExcepton" as never })).toThrow(/ThrottlingExcepton is neither one of its errors \(EntityNotFoundException \| .*\) nor one every AWS service can send \(ThrottlingException \| /);
    expect(() => createAwsMock().fault("glue:GetJobRun", { error: "ThrottlingException", members: { quotaCode: "x" } })).toThrow(/not modelled for this operation, so its body holds only a message/);
  });
});

describe("injected modelled errors name what was asked for, in AWS's words", () => {
  test("Deadline's ResourceNotFoundException names the requested queue; its 429 carries Retry-After", async () => {
    const mock = createAwsMock({ unknownIds: "generate" });
    const queueId = `queue-${"2".repeat(32)}`;
    mock.fault("deadline:GetQueue", { error: "ResourceNotFoundException" });
    const error = (await calls["deadline:GetQueue"]!(mock, []).catch((e: unknown) => e)) as ResourceNotFoundException;
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.resourceId).toBe(queueId);
    expect(error.resourceType).toBe("queue");
    mock.fault("deadline:GetQueue", { error: "ThrottlingException" }, { times: 2 });
    const throttled = (await calls["deadline:GetQueue"]!(mock, []).catch((e: unknown) => e)) as DeadlineThrottling;
    expect(throttled).toBeInstanceOf(DeadlineThrottling);
    expect(throttled.retryAfterSeconds).toBe(1);
    expect(mock.responses.at(-1)!.headers["retry-after"]).toBe("1");
    expect(throttled.message).toBe("Rate exceeded");
  });
});
