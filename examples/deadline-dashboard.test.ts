import {
  ConflictException,
  CreateFarmCommand,
  CreateFleetCommand,
  CreateJobCommand,
  CreateQueueCommand,
  CreateWorkerCommand,
  DeadlineClient,
  GetFleetCommand,
  GetJobCommand,
  GetSessionActionCommand,
  GetWorkerCommand,
  ListSessionsForWorkerCommand,
  UpdateSessionCommand,
  paginateListJobs,
  ResourceNotFoundException,
} from "@aws-sdk/client-deadline";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { registry, type Contract } from "../src/index.js";
import { endSession, jobActivity } from "./deadline-dashboard.js";

const role = "arn:aws:iam::123456789012:role/DeadlineFleetRole";
/** A job template in the Open Job Description format: one step that renders ten frames. */
const template = JSON.stringify({
  specificationVersion: "jobtemplate-2023-09",
  name: "Shot 010",
  steps: [{ name: "Render", parameterSpace: { taskParameterDefinitions: [{ name: "Frame", type: "INT", range: "1-10" }] }, script: { actions: { onRun: { command: "render", args: ["{{Task.Param.Frame}}"] } } } }],
});

async function farm() {
  const mock = createAwsMock();
  const deadline = new DeadlineClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
  const { farmId } = await deadline.send(new CreateFarmCommand({ displayName: "Render farm" }));
  const { queueId } = await deadline.send(new CreateQueueCommand({ farmId, displayName: "Shots" }));
  const { fleetId } = await deadline.send(
    new CreateFleetCommand({
      farmId,
      displayName: "Spot fleet",
      roleArn: role,
      maxWorkerCount: 10,
      configuration: { customerManaged: { mode: "NO_SCALING", workerCapabilities: { vCpuCount: { min: 2 }, memoryMiB: { min: 4096 }, osFamily: "LINUX", cpuArchitectureType: "x86_64" } } },
    }),
  );
  const { workerId } = await deadline.send(new CreateWorkerCommand({ farmId, fleetId }));
  const { jobId } = await deadline.send(new CreateJobCommand({ farmId, queueId, priority: 50, template, templateType: "JSON" }));
  return { mock, deadline, ids: { farmId: farmId!, queueId: queueId!, fleetId: fleetId!, workerId: workerId!, jobId: jobId! } };
}

function expectContractValid(mock: ReturnType<typeof createAwsMock>) {
  for (const sent of mock.responses) {
    const op = registry.get(sent.operation);
    const contract: Contract = sent.status < 300 ? op.response : op.errors.find((e) => e.name === sent.headers["x-amzn-errortype"])!.body;
    expect(contract.validate(sent.body === "" ? {} : JSON.parse(sent.body), { strict: true }).findings, sent.operation).toEqual([]);
  }
}

describe("the Deadline farm hierarchy", () => {
  test("ids are consistent from farm to session, and what a session names exists", async () => {
    const { mock, deadline, ids } = await farm();
    expect(ids.farmId).toMatch(/^farm-[0-9a-f]{32}$/);
    const session = mock.deadline.startSession(ids);
    expect(session.sessionId).toMatch(/^session-[0-9a-f]{32}$/);
    expect(await deadline.send(new GetJobCommand(ids))).toMatchObject({ jobId: ids.jobId, priority: 50, taskRunStatus: "RUNNING" });
    expect(await deadline.send(new GetWorkerCommand(ids))).toMatchObject({ workerId: ids.workerId, fleetId: ids.fleetId, farmId: ids.farmId, status: "RUNNING" });
    expect(await deadline.send(new GetFleetCommand(ids))).toMatchObject({ fleetId: ids.fleetId, workerCount: 1, roleArn: role, displayName: "Spot fleet" });
    const forWorker = await deadline.send(new ListSessionsForWorkerCommand(ids));
    expect(forWorker.sessions).toEqual([expect.objectContaining({ sessionId: session.sessionId, queueId: ids.queueId, jobId: ids.jobId, lifecycleStatus: "STARTED" })]);
    expectContractValid(mock);
  });

  test("a dashboard lists a job's sessions and their actions through every page, then ends one", async () => {
    const { mock, deadline, ids } = await farm();
    const sessions = [0, 1, 2].map(() => mock.deadline.startSession(ids));
    const activity = await jobActivity(deadline, ids);
    expect(activity.map((a) => a.session.sessionId)).toEqual(sessions.map((s) => s.sessionId));
    const first = activity[0]!;
    expect(first.actions.map((a) => Object.keys(a.definition!)[0])).toEqual(["syncInputJobAttachments", "envEnter", "taskRun"]);
    expect(first.actions.map((a) => a.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "RUNNING"]);
    expect(first.actions[0]!.sessionActionId).toBe(`sessionaction-${sessions[0]!.sessionId.slice(8)}-0`);
    const states = await endSession(deadline, { ...ids, sessionId: sessions[0]!.sessionId }, { sleep: async () => {} });
    expect(states).toEqual(["UPDATE_IN_PROGRESS", "ENDED"]);
    const ended = (await jobActivity(deadline, ids))[0]!;
    expect(ended.session).toMatchObject({ lifecycleStatus: "ENDED", targetLifecycleStatus: "ENDED" });
    expect(ended.actions.map((a) => a.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
    const action = await deadline.send(new GetSessionActionCommand({ ...ids, sessionActionId: ended.actions[3]!.sessionActionId }));
    expect(action).toMatchObject({ sessionId: sessions[0]!.sessionId, definition: { envExit: { environmentId: expect.stringContaining(ids.jobId) } } });
    expectContractValid(mock);
  });

  test("ListJobs pages through every job of the queue with the SDK's paginator", async () => {
    const { deadline, ids } = await farm();
    for (let i = 0; i < 4; i++) await deadline.send(new CreateJobCommand({ farmId: ids.farmId, queueId: ids.queueId, priority: 10 + i, template, templateType: "JSON" }));
    const jobs = [];
    for await (const page of paginateListJobs({ client: deadline, pageSize: 2 }, { farmId: ids.farmId, queueId: ids.queueId })) jobs.push(...page.jobs!);
    expect(jobs.map((j) => j.priority)).toEqual([50, 10, 11, 12, 13]);
  });

  test("a session added to the store brings its farm, queue, job, fleet and worker, and its log group names the farm and queue", async () => {
    const mock = createAwsMock();
    const deadline = new DeadlineClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
    const session = mock.deadline.sessions.add({ lifecycleStatus: "STARTED" });
    const ids = mock.deadline.sessions.inputFor(session);
    expect(await deadline.send(new GetJobCommand(ids as never))).toMatchObject({ jobId: ids.jobId });
    expect(await deadline.send(new GetWorkerCommand({ farmId: ids.farmId!, fleetId: session.fleetId, workerId: session.workerId }))).toMatchObject({ workerId: session.workerId });
    expect(JSON.stringify(session.log)).toContain(ids.farmId!);
    expect(JSON.stringify(session.log)).toContain(ids.queueId!);
  });
});

describe("illegal steps get the error the model lists for them", () => {
  test.each([
    ["create a queue in a missing farm", "deadline:CreateQueue", "ResourceNotFoundException"],
    ["read a missing job", "deadline:GetJob", "ResourceNotFoundException"],
    ["end a session that has ended", "deadline:UpdateSession", "ConflictException"],
  ] as const)("%s: %s answers %s", async (what, id, error) => {
    expect(registry.get(id).errors.map((e) => e.name)).toContain(error);
    const { mock, deadline, ids } = await farm();
    let thrown: unknown;
    if (what === "create a queue in a missing farm") thrown = await deadline.send(new CreateQueueCommand({ farmId: `farm-${"0".repeat(32)}`, displayName: "x" })).catch((e: unknown) => e);
    if (what === "read a missing job") thrown = await deadline.send(new GetJobCommand({ ...ids, jobId: `job-${"0".repeat(32)}` })).catch((e: unknown) => e);
    if (what === "end a session that has ended") {
      const session = mock.deadline.startSession(ids);
      await endSession(deadline, { ...ids, sessionId: session.sessionId }, { sleep: async () => {} });
      thrown = await deadline.send(new UpdateSessionCommand({ ...ids, sessionId: session.sessionId, targetLifecycleStatus: "ENDED" })).catch((e: unknown) => e);
    }
    expect(thrown).toBeInstanceOf(error === "ConflictException" ? ConflictException : ResourceNotFoundException);
    expect((thrown as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(registry.get(id).errors.find((e) => e.name === error)!.httpStatus);
    expectContractValid(mock);
  });
});

test("mock.deadline.resources() shows the hierarchy the mock holds", async () => {
  const { mock, ids } = await farm();
  mock.deadline.sessions.add({ lifecycleStatus: "STARTED" });
  const held = mock.deadline.resources();
  expect(held.farms).toHaveLength(2);
  expect(held.jobs.map((j) => j.jobId)).toContain(ids.jobId);
  expect(held.workers).toHaveLength(2);
});

test("a throttled ListSessions is retried by the SDK, and the dashboard still gets every session", async () => {
  const { mock, ids } = await farm();
  const deadline = new DeadlineClient({ ...testClientConfig({ maxAttempts: 3 }), requestHandler: mock.requestHandler() });
  mock.deadline.startSession(ids);
  mock.fault("deadline:ListSessions", { error: "ThrottlingException" });
  expect(await jobActivity(deadline, ids)).toHaveLength(1);
  expect(mock.callsTo("deadline:ListSessions").map((c) => c.attempt)).toEqual([1, 2]);
});
