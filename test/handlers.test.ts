import {
  DeadlineClient,
  GetSessionCommand as DeadlineGetSession,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
} from "@aws-sdk/client-deadline";
import {
  ArgumentException,
  DeviceFarmClient,
  GetRemoteAccessSessionCommand,
  GetTestGridSessionCommand,
  LimitExceededException,
  NotFoundException,
} from "@aws-sdk/client-device-farm";
import {
  EntityNotFoundException,
  GetJobCommand,
  GetSessionCommand as GlueGetSession,
  GlueClient,
  GlueServiceException,
  InternalServiceException,
} from "@aws-sdk/client-glue";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig, type AwsMock } from "../handlers/index.js";
import { registry, type Contract } from "../src/index.js";
import { listenOptions } from "./support/msw.js";

const server = setupServer();
beforeAll(() => server.listen(listenOptions("error")));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Wiring = (mock: AwsMock) => { requestHandler?: unknown };

/** The same suite runs through MSW's interception and through the direct transport. */
const transports: [string, Wiring][] = [
  [
    "setupServer",
    (mock) => {
      server.use(...mock.handlers);
      return {};
    },
  ],
  ["direct transport", (mock) => ({ requestHandler: mock.requestHandler() })],
];

/** Every answer the mock sent must pass the wire contract of its operation (or of its error). */
function expectContractValid(mock: AwsMock): void {
  expect(mock.responses.length).toBeGreaterThan(0);
  for (const sent of mock.responses) {
    const op = registry.get(sent.operation);
    const body = JSON.parse(sent.body) as Record<string, unknown>;
    if (sent.status === 200) {
      const contract: Contract = op.response;
      expect(contract.validate(body, { strict: true }).findings, `${sent.operation} 200`).toEqual([]);
      continue;
    }
    const name = sent.headers["x-amzn-errortype"] ?? String(body.__type);
    const error = op.errors.find((e) => e.name === name);
    if (!error) continue; // framework errors (injected 5xx) are not modelled
    expect(sent.status).toBe(error.httpStatus);
    expect(error.body.validate(body, { strict: true }).findings, `${sent.operation} ${name}`).toEqual([]);
  }
}

describe.each(transports)("through %s", (_, wire) => {
  function setup(options?: Parameters<typeof createAwsMock>[0], config: { maxAttempts?: number } = {}) {
    const mock = createAwsMock(options);
    const extra = wire(mock);
    const base = { ...testClientConfig({ maxAttempts: config.maxAttempts ?? 1 }), ...extra };
    return {
      mock,
      glue: new GlueClient(base as never),
      deadline: new DeadlineClient(base as never),
      deviceFarm: new DeviceFarmClient(base as never),
    };
  }

  describe("glue:GetSession", () => {
    test("returns a stored session, decoded by the SDK into Dates", async () => {
      const { mock, glue } = setup();
      const stored = mock.glue.sessions.add({ Id: "etl-notebook-session-01", Status: "READY" });
      const out = await glue.send(new GlueGetSession({ Id: "etl-notebook-session-01" }));
      expect(out.Session).toEqual(stored);
      expect(out.Session?.CreatedOn).toBeInstanceOf(Date);
      expect(out.$metadata.httpStatusCode).toBe(200);
      expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expectContractValid(mock);
    });

    test("returns EntityNotFoundException for an unknown session id", async () => {
      const { mock, glue } = setup();
      const error = await glue.send(new GlueGetSession({ Id: "missing" })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EntityNotFoundException);
      expect(error).toMatchObject({ name: "EntityNotFoundException", message: "Session missing not found.", FromFederationSource: false, $fault: "client" });
      expectContractValid(mock);
    });

    test("answers an invalid Id as AWS's front end does: ValidationException in the framework's words", async () => {
      const { mock, glue } = setup();
      const error = await glue.send(new GlueGetSession({ Id: "" })).catch((e: unknown) => e);
      // ValidationException is not in Glue's model: the SDK raises its generic service exception under that name.
      expect(error).toBeInstanceOf(GlueServiceException);
      expect(error).toMatchObject({ name: "ValidationException", $fault: "client", $metadata: { httpStatusCode: 400 } });
      expect((error as Error).message).toBe("1 validation error detected: Value '' at 'id' failed to satisfy constraint: Member must have length greater than or equal to 1");
      expectContractValid(mock);
    });

    test("a polling loop sees the lifecycle script, each state with agreeing fields", async () => {
      const { mock, glue } = setup();
      mock.glue.sessions.add({ Id: "s-1" }, { lifecycle: ["PROVISIONING", "PROVISIONING", "READY"] });
      const seen: string[] = [];
      for (let i = 0; i < 10; i++) {
        const { Session } = await glue.send(new GlueGetSession({ Id: "s-1" }));
        seen.push(Session!.Status!);
        if (Session!.Status === "READY") {
          expect(Session!.Progress).toBe(1);
          break;
        }
        expect(Session!.CompletedOn).toBeUndefined();
      }
      expect(seen).toEqual(["PROVISIONING", "PROVISIONING", "READY"]);
      expectContractValid(mock);
    });

    test("a server error is retried by the SDK and then succeeds", async () => {
      const { mock, glue } = setup(undefined, { maxAttempts: 3 });
      mock.glue.sessions.add({ Id: "s-2" });
      mock.fault("glue:GetSession", { error: "InternalServiceException" }, { times: 2 });
      const out = await glue.send(new GlueGetSession({ Id: "s-2" }));
      expect(out.$metadata.attempts).toBe(3);
      expect(mock.callsTo("glue:GetSession").map((c) => c.attempt)).toEqual([1, 2, 3]);
      expectContractValid(mock);
    });

    test("a server error that does not recover surfaces as the SDK's own class", async () => {
      const { mock, glue } = setup();
      mock.fault("glue:GetSession", { error: "InternalServiceException", members: { Message: "Down." } });
      const error = await glue.send(new GlueGetSession({ Id: "s-3" })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalServiceException);
      expect(error).toMatchObject({ $fault: "server", message: "Down.", $metadata: { httpStatusCode: 500 } });
    });

    test("with unknownIds: generate, a job nobody created is generated for its input, the same each time; respondWith plans another", async () => {
      const { mock, glue } = setup({ unknownIds: "generate" });
      const first = await glue.send(new GetJobCommand({ JobName: "nightly" }));
      expect(first.Job?.Name).toBe("nightly");
      expect((await glue.send(new GetJobCommand({ JobName: "nightly" }))).Job).toEqual(first.Job);
      expect((await glue.send(new GetJobCommand({ JobName: "weekly" }))).Job?.Name).toBe("weekly");
      mock.respondWith("glue:GetJob", { Job: { Name: "nightly", CreatedOn: new Date("2024-03-01T12:00:00Z") } });
      const out = await glue.send(new GetJobCommand({ JobName: "nightly" }));
      expect(out.Job).toMatchObject({ Name: "nightly", CreatedOn: new Date("2024-03-01T12:00:00Z") });
      expect(() => mock.respondWith("glue:GetJob", { Job: { Name: 5 as never } })).toThrow('Failed to build glue:GetJob response: override "Job.Name" = 5 is not valid');
      expectContractValid(mock);
    });

    test("unknownIds: generate builds the same session for the same id, in any mock", async () => {
      const a = setup({ unknownIds: "generate" });
      const first = await a.glue.send(new GlueGetSession({ Id: "whatever-id" }));
      const b = setup({ unknownIds: "generate" });
      const second = await b.glue.send(new GlueGetSession({ Id: "whatever-id" }));
      expect(first.Session?.Id).toBe("whatever-id");
      expect(second.Session).toEqual(first.Session);
      expectContractValid(a.mock);
    });

    test("respondWith answers the next call with a merged, validated build", async () => {
      const { mock, glue } = setup();
      mock.respondWith("glue:GetSession", { Session: { Id: "any", Status: "FAILED", ErrorMessage: "Boom." } });
      const out = await glue.send(new GlueGetSession({ Id: "any" }));
      expect(out.Session).toMatchObject({ Id: "any", Status: "FAILED", ErrorMessage: "Boom." });
      expect(() => mock.respondWith("glue:GetSession", { Session: { WorkerType: "G.32X" as never } })).toThrow(
        'override "Session.WorkerType" = "G.32X" is not one of Standard | G.1X',
      );
      expectContractValid(mock);
    });

    test("respondWith validate: false sends a malformed answer on purpose", async () => {
      const { mock, glue } = setup();
      mock.respondWith("glue:GetSession", { Session: { CreatedOn: "yesterday" as never } }, { validate: false });
      await expect(glue.send(new GlueGetSession({ Id: "x" }))).rejects.toThrow(/Expected real number/);
    });

    test("a malformed body makes the SDK fail to parse", async () => {
      const { mock, glue } = setup();
      mock.glue.sessions.add({ Id: "s-4" });
      mock.fault("glue:GetSession", { malformed: true });
      await expect(glue.send(new GlueGetSession({ Id: "s-4" }))).rejects.toThrow(/Deserialization error/);
    });
  });

  describe("deadline:GetSession", () => {
    test("returns a stored session by farm, queue, job and session id", async () => {
      const { mock, deadline } = setup();
      const ids = { farmId: `farm-${"a".repeat(32)}`, queueId: `queue-${"b".repeat(32)}`, jobId: `job-${"c".repeat(32)}` };
      const stored = mock.deadline.sessions.add({ lifecycleStatus: "ENDED" }, ids);
      const out = await deadline.send(new DeadlineGetSession({ ...ids, sessionId: stored.sessionId }));
      expect(out).toMatchObject({ ...stored, $metadata: { httpStatusCode: 200 } });
      expect(out.endedAt).toBeInstanceOf(Date);
      const otherJob = await deadline.send(new DeadlineGetSession({ ...ids, jobId: `job-${"d".repeat(32)}`, sessionId: stored.sessionId })).catch((e: unknown) => e);
      expect(otherJob).toBeInstanceOf(ResourceNotFoundException);
      expectContractValid(mock);
    });

    test("returns ResourceNotFoundException with its modelled members", async () => {
      const { mock, deadline } = setup();
      const input = { farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}`, jobId: `job-${"3".repeat(32)}`, sessionId: `session-${"4".repeat(32)}` };
      const error = await deadline.send(new DeadlineGetSession(input)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error).toMatchObject({ resourceId: input.sessionId, resourceType: "session", context: { farmId: input.farmId }, $metadata: { httpStatusCode: 404 } });
      expectContractValid(mock);
    });

    test("answers a malformed farmId with ValidationException, reason and fieldList", async () => {
      const { mock, deadline } = setup();
      const error = await deadline.send(new DeadlineGetSession({ farmId: "farm-1", queueId: `queue-${"2".repeat(32)}`, jobId: `job-${"3".repeat(32)}`, sessionId: `session-${"4".repeat(32)}` })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationException);
      expect(error).toMatchObject({ reason: "FIELD_VALIDATION_FAILED", fieldList: [{ name: "farmId", message: expect.stringContaining("farm-1") }] });
      expectContractValid(mock);
    });

    test("a throttled call is retried by the SDK and succeeds", async () => {
      const { mock, deadline } = setup(undefined, { maxAttempts: 3 });
      const s = mock.deadline.sessions.add();
      mock.fault("deadline:GetSession", { error: "ThrottlingException", members: { retryAfterSeconds: 0 } }, { times: 2 });
      const out = await deadline.send(new DeadlineGetSession(mock.deadline.sessions.inputFor(s)));
      expect(out.sessionId).toBe(s.sessionId);
      expect(out.$metadata.attempts).toBe(3);
      expectContractValid(mock);
    });

    test("a throttled call that does not recover is the SDK's ThrottlingException", async () => {
      const { mock, deadline } = setup();
      mock.fault("deadline:GetSession", { error: "ThrottlingException", members: { retryAfterSeconds: 2, serviceCode: "deadline" } });
      const error = await deadline
        .send(new DeadlineGetSession({ farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}`, jobId: `job-${"3".repeat(32)}`, sessionId: `session-${"4".repeat(32)}` }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThrottlingException);
      expect(error).toMatchObject({ retryAfterSeconds: 2, serviceCode: "deadline", $retryable: { throttling: true }, $metadata: { httpStatusCode: 429 } });
      expectContractValid(mock);
    });

    test("routes a custom endpoint, with the host prefix the SDK adds and without it", async () => {
      const { mock } = setup();
      const s = mock.deadline.sessions.add();
      const extra = wire(mock);
      for (const variant of [{ endpoint: "https://deadline.internal.example/base" }, { endpoint: "https://deadline.internal.example", disableHostPrefix: true }]) {
        const client = new DeadlineClient({ ...testClientConfig({ maxAttempts: 1 }), ...variant, ...extra } as never);
        const out = await client.send(new DeadlineGetSession(mock.deadline.sessions.inputFor(s)));
        expect(out.sessionId).toBe(s.sessionId);
      }
      expect(mock.calls.map((c) => new URL(c.url).host)).toEqual(["management.deadline.internal.example", "deadline.internal.example"]);
      expect(new URL(mock.calls[0]!.url).pathname).toMatch(/^\/base\/2023-10-12\/farms\//);
      expectContractValid(mock);
    });

    test("a polling loop waits for ENDED", async () => {
      const { mock, deadline } = setup();
      const s = mock.deadline.sessions.add({}, { lifecycle: ["STARTED", "UPDATE_IN_PROGRESS", "ENDED"] });
      const seen: string[] = [];
      for (;;) {
        const out = await deadline.send(new DeadlineGetSession(mock.deadline.sessions.inputFor(s)));
        seen.push(out.lifecycleStatus!);
        if (out.lifecycleStatus === "ENDED") {
          expect(out.endedAt!.getTime()).toBeGreaterThanOrEqual(out.startedAt!.getTime());
          break;
        }
      }
      expect(seen).toEqual(["STARTED", "UPDATE_IN_PROGRESS", "ENDED"]);
      expectContractValid(mock);
    });
  });

  describe("deviceFarm:GetTestGridSession", () => {
    test("returns a stored session by ARN, and by project ARN and session id", async () => {
      const { mock, deviceFarm } = setup();
      const stored = mock.deviceFarm.testGridSessions.add({ status: "CLOSED" });
      const byArn = await deviceFarm.send(new GetTestGridSessionCommand({ sessionArn: stored.arn! }));
      expect(byArn.testGridSession).toEqual(stored);
      const [, project, session] = /testgrid-session:([^/]+)\/(.+)$/.exec(stored.arn!)!;
      const projectArn = stored.arn!.replace(/testgrid-session:.*/, `testgrid-project:${project}`);
      const byProject = await deviceFarm.send(new GetTestGridSessionCommand({ projectArn, sessionId: session! }));
      expect(byProject.testGridSession).toEqual(stored);
      expectContractValid(mock);
    });

    test("returns NotFoundException for an unknown ARN and ArgumentException when nothing names a session", async () => {
      const { mock, deviceFarm } = setup();
      const notFound = await deviceFarm
        .send(new GetTestGridSessionCommand({ sessionArn: "arn:aws:devicefarm:us-west-2:111122223333:testgrid-session:7f3a9c2e-1b4d-4e8a-9c0f-2d6b8e4a1c35/4d2c" }))
        .catch((e: unknown) => e);
      expect(notFound).toBeInstanceOf(NotFoundException);
      const nothing = await deviceFarm.send(new GetTestGridSessionCommand({})).catch((e: unknown) => e);
      expect(nothing).toBeInstanceOf(ArgumentException);
      expect((nothing as Error).message).toBe("Either sessionArn, or projectArn and sessionId, must be specified.");
      expectContractValid(mock);
    });
  });

  describe("deviceFarm:GetRemoteAccessSession", () => {
    test("returns a stored session, whatever the endpoint variant", async () => {
      const { mock } = setup();
      const stored = mock.deviceFarm.remoteAccessSessions.add({ status: "RUNNING" });
      const extra = wire(mock);
      for (const variant of [{ useFipsEndpoint: true }, { useDualstackEndpoint: true }, { endpoint: "http://localhost:4566" }]) {
        const client = new DeviceFarmClient({ ...testClientConfig({ maxAttempts: 1 }), ...variant, ...extra } as never);
        const out = await client.send(new GetRemoteAccessSessionCommand({ arn: stored.arn! }));
        expect(out.remoteAccessSession).toEqual(stored);
      }
      expectContractValid(mock);
    });

    test("answers a missing arn with the framework's ValidationException naming it, and another resource's ARN with Invalid arn", async () => {
      const { mock, deviceFarm } = setup();
      const error = await deviceFarm.send(new GetRemoteAccessSessionCommand({} as never)).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ValidationException", $fault: "client", $metadata: { httpStatusCode: 400 } });
      expect((error as Error).message).toBe("1 validation error detected: Value null at 'arn' failed to satisfy constraint: Member must not be null");
      const project = "arn:aws:devicefarm:us-west-2:111122223333:project:7f3a9c2e-1b4d-4e8a-9c0f-2d6b8e4a1c35";
      const wrongArn = await deviceFarm.send(new GetRemoteAccessSessionCommand({ arn: project })).catch((e: unknown) => e);
      expect(wrongArn).toMatchObject({ name: "ValidationException", message: `Invalid arn ${project}` });
      expectContractValid(mock);
    });

    test("LimitExceededException is retried as throttling and then succeeds", async () => {
      const { mock, deviceFarm } = setup(undefined, { maxAttempts: 2 });
      const stored = mock.deviceFarm.remoteAccessSessions.add();
      mock.fault("deviceFarm:GetRemoteAccessSession", { error: "LimitExceededException" });
      const out = await deviceFarm.send(new GetRemoteAccessSessionCommand({ arn: stored.arn! }));
      expect(out.$metadata.attempts).toBe(2);
      const once = setup(undefined, { maxAttempts: 1 });
      once.mock.fault("deviceFarm:GetRemoteAccessSession", { error: "LimitExceededException" });
      await expect(once.deviceFarm.send(new GetRemoteAccessSessionCommand({ arn: stored.arn! }))).rejects.toBeInstanceOf(LimitExceededException);
      expectContractValid(mock);
    });

    test("an injected 503 and a delay reach the SDK", async () => {
      const { mock, deviceFarm } = setup();
      const stored = mock.deviceFarm.remoteAccessSessions.add();
      mock.fault("deviceFarm:GetRemoteAccessSession", { status: 503 });
      const error = await deviceFarm.send(new GetRemoteAccessSessionCommand({ arn: stored.arn! })).catch((e: unknown) => e);
      expect(error).toMatchObject({ $fault: "server", $metadata: { httpStatusCode: 503 } });
      mock.fault("deviceFarm:GetRemoteAccessSession", { delay: 20 });
      const out = await deviceFarm.send(new GetRemoteAccessSessionCommand({ arn: stored.arn! }));
      expect(out.remoteAccessSession?.arn).toBe(stored.arn);
    });
  });

  test("mocks do not share state", async () => {
    const a = setup();
    a.mock.glue.sessions.add({ Id: "only-in-a" });
    const b = createAwsMock();
    expect(b.glue.sessions.size).toBe(0);
    a.mock.reset();
    expect(a.mock.glue.sessions.size).toBe(0);
    expect(a.mock.calls).toEqual([]);
  });
});

test("the direct transport refuses a request that is not an AWS call we model", async () => {
  const mock = createAwsMock();
  const handler = mock.requestHandler();
  await expect(
    handler.handle({ method: "GET", protocol: "https:", hostname: "example.test", path: "/", headers: {} }),
  ).rejects.toThrow("[aws-sdk-contracts] No handler for GET https://example.test/");
});

test("MSW leaves traffic that is not ours to onUnhandledRequest", async () => {
  const mock = createAwsMock();
  const unhandled: string[] = [];
  const other = setupServer(...mock.handlers);
  server.close();
  other.listen(listenOptions((url) => void unhandled.push(url)));
  try {
    await fetch("http://example.test/not-aws").catch(() => undefined);
  } finally {
    other.close();
    server.listen(listenOptions("error"));
  }
  expect(unhandled).toEqual(["http://example.test/not-aws"]);
});

test("stored sessions are frozen snapshots; update() changes what the mock answers", async () => {
  const mock = createAwsMock();
  const glue = new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
  const stored = mock.glue.sessions.add({ Id: "s-1", Status: "READY" });
  expect(() => {
    (stored as { Status?: string }).Status = "FAILED";
  }).toThrow(TypeError);
  expect((await glue.send(new GlueGetSession({ Id: "s-1" }))).Session?.Status).toBe("READY");
  const failed = mock.glue.sessions.update("s-1", { Status: "FAILED" });
  expect(failed.ErrorMessage).toEqual(expect.any(String));
  expect((await glue.send(new GlueGetSession({ Id: "s-1" }))).Session).toEqual(failed);
});

describe("mock details", () => {
  const direct = (mock: AwsMock) => ({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });

  test("a delay planned for N calls delays each of them once", async () => {
    const mock = createAwsMock({ unknownIds: "generate" });
    const glue = new GlueClient(direct(mock));
    mock.fault("glue:GetSession", { delay: 40 }, { times: 2 });
    const took: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await glue.send(new GlueGetSession({ Id: "d" }));
      took.push(performance.now() - start);
    }
    expect(took[0]).toBeGreaterThanOrEqual(35);
    expect(took[1]).toBeGreaterThanOrEqual(35);
    expect(mock.responses.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  test("respondWith serves the state its partial names, fields agreeing", async () => {
    const mock = createAwsMock();
    const glue = new GlueClient(direct(mock));
    mock.respondWith("glue:GetSession", { Session: { Status: "FAILED" } });
    const { Session } = await glue.send(new GlueGetSession({ Id: "x" }));
    expect(Session).toMatchObject({ Status: "FAILED", ErrorMessage: expect.any(String), CompletedOn: expect.any(Date) });
  });

  test("respondWith validate: false still writes Dates in the protocol's timestamp format", async () => {
    const mock = createAwsMock();
    const glue = new GlueClient(direct(mock));
    mock.respondWith("glue:GetSession", { Session: { Id: "" } }, { validate: false });
    const out = await glue.send(new GlueGetSession({ Id: "x" }));
    expect(out.Session?.Id).toBe("");
    expect(typeof JSON.parse(mock.responses[0]!.body).Session.CreatedOn).toBe("number");
  });

  test("framework errors use the service's message member casing", async () => {
    const mock = createAwsMock();
    const glue = new GlueClient(direct(mock));
    mock.fault("glue:GetSession", { status: 503 });
    await glue.send(new GlueGetSession({ Id: "x" })).catch(() => undefined);
    expect(JSON.parse(mock.responses[0]!.body)).toEqual({ Message: "Injected server error.", __type: "ServiceUnavailableException" });
  });

  test("an injected error carries only its own members", async () => {
    const mock = createAwsMock();
    const deadline = new DeadlineClient(direct(mock));
    mock.fault("deadline:GetSession", { error: "ThrottlingException" });
    const error = await deadline
      .send(new DeadlineGetSession({ farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}`, jobId: `job-${"3".repeat(32)}`, sessionId: `session-${"4".repeat(32)}` }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as ThrottlingException).context).toBeUndefined();
    expect(() => mock.fault("deadline:GetSession", { error: "ThrottlingException", members: { retryAfterSeconds: 1.5 } })).not.toThrow();
    await expect(
      deadline.send(new DeadlineGetSession({ farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}`, jobId: `job-${"3".repeat(32)}`, sessionId: `session-${"4".repeat(32)}` })),
    ).rejects.toThrow("retryAfterSeconds must be a whole number");
  });

  test("a null member is read as absent, the call log keeps the body as sent, and a body nested too deep is refused", async () => {
    const mock = createAwsMock();
    mock.glue.sessions.add({ Id: "alive" });
    const post = (body: string) =>
      mock.answer({ method: "POST", url: new URL("https://glue.us-west-2.amazonaws.com/"), header: (name) => ({ "x-amz-target": "AWSGlue.GetSession" })[name.toLowerCase()], body: async () => body });
    const answered = await post('{"Id":"alive","RequestOrigin":null}');
    expect(answered).toMatchObject({ status: 200 });
    expect(JSON.parse(answered!.body)).toMatchObject({ Session: { Id: "alive" } });
    expect(mock.calls.at(-1)!.input).toEqual({ Id: "alive", RequestOrigin: null });
    // A null where the model wants a string would be a SerializationException: read as absent, it is not.
    const nested = await post(`{"Id":"alive","X":${"[".repeat(600)}${"]".repeat(600)}}`);
    expect(nested).toMatchObject({ status: 400 });
    expect(JSON.parse(nested!.body)).toMatchObject({ __type: "SerializationException" });
    expect(nested!.body).toContain("Request body nests deeper than 512 levels.");
    expect(mock.calls).toHaveLength(1);
  });

  test("inputFor tells apart the same session id under two jobs", () => {
    const mock = createAwsMock();
    const sessionId = `session-${"5".repeat(32)}`;
    const a = mock.deadline.sessions.add({ sessionId }, { jobId: `job-${"1".repeat(32)}` });
    const b = mock.deadline.sessions.add({ sessionId }, { jobId: `job-${"2".repeat(32)}` });
    expect(mock.deadline.sessions.inputFor(a).jobId).toBe(`job-${"1".repeat(32)}`);
    expect(mock.deadline.sessions.inputFor(b).jobId).toBe(`job-${"2".repeat(32)}`);
  });

  test("adding after a removal never reuses a seed and so never overwrites a session", () => {
    const mock = createAwsMock();
    const first = mock.deviceFarm.testGridSessions.add();
    const second = mock.deviceFarm.testGridSessions.add();
    mock.deviceFarm.testGridSessions.remove(first.arn!);
    const third = mock.deviceFarm.testGridSessions.add();
    expect(third.arn).not.toBe(second.arn);
    expect(mock.deviceFarm.testGridSessions.size).toBe(2);
  });
});

describe("any operation of the registry", () => {
  test("restJson input is read from labels, query parameters and headers as the model binds them, and checked", async () => {
    const { DeadlineClient, ListJobsCommand, UpdateWorkerScheduleCommand } = await import("@aws-sdk/client-deadline");
    // Ids nobody created: generated answers, as the farm family would otherwise not know them.
    const mock = createAwsMock({ unknownIds: "generate" });
    const deadline = new DeadlineClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
    const ids = { farmId: `farm-${"1".repeat(32)}`, queueId: `queue-${"2".repeat(32)}` };
    const first = await deadline.send(new ListJobsCommand({ ...ids, maxResults: 2 }));
    expect(first.jobs).toHaveLength(2);
    const second = await deadline.send(new ListJobsCommand({ ...ids, maxResults: 2, nextToken: first.nextToken }));
    expect(mock.callsTo("deadline:ListJobs")[1]!.input).toEqual({ ...ids, maxResults: 2, nextToken: first.nextToken });
    expect(second.jobs![0]).not.toEqual(first.jobs![0]);
    const tooMany = await deadline.send(new ListJobsCommand({ ...ids, maxResults: 0 })).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ name: "ValidationException", message: "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1" });
    // The other host prefix (scheduling.) routes the same way, by method and path.
    const schedule = await deadline.send(new UpdateWorkerScheduleCommand({ ...ids, fleetId: `fleet-${"3".repeat(32)}`, workerId: `worker-${"4".repeat(32)}` })).catch((e: unknown) => e);
    expect(schedule).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(mock.callsTo("deadline:UpdateWorkerSchedule")[0]!.url).toMatch(/^https:\/\/scheduling\.deadline\./);
  });
});

test("faults, planned answers, validation and the call log work for any operation", async () => {
  const { GetJobRunCommand } = await import("@aws-sdk/client-glue");
  const mock = createAwsMock();
  const glue = new GlueClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
  mock.fault("glue:GetJobRun", { error: "EntityNotFoundException", members: { Message: "Job run jr_1 not found." } });
  await expect(glue.send(new GetJobRunCommand({ JobName: "nightly", RunId: "jr_1" }))).rejects.toBeInstanceOf(EntityNotFoundException);
  mock.respondWith("glue:GetJobRun", { JobRun: { Id: "jr_1", JobName: "nightly", JobRunState: "SUCCEEDED" } });
  expect((await glue.send(new GetJobRunCommand({ JobName: "nightly", RunId: "jr_1" }))).JobRun?.JobRunState).toBe("SUCCEEDED");
  const invalid = await glue.send(new GetJobRunCommand({ JobName: "", RunId: "jr_1" })).catch((e: unknown) => e);
  expect(invalid).toMatchObject({ name: "ValidationException", message: expect.stringContaining("at 'jobName' failed to satisfy constraint: Member must have length greater than or equal to 1") });
  expect(mock.callsTo("glue:GetJobRun").map((c) => c.input)).toEqual([
    { JobName: "nightly", RunId: "jr_1" },
    { JobName: "nightly", RunId: "jr_1" },
    { JobName: "", RunId: "jr_1" },
  ]);
});
