import {
  CreateFarmCommand,
  CreateFleetCommand,
  CreateJobCommand,
  CreateLicenseEndpointCommand,
  CreateLimitCommand,
  CreateQueueCommand,
  CreateQueueFleetAssociationCommand,
  CreateQueueLimitAssociationCommand,
  DeadlineClient,
  DeleteLicenseEndpointCommand,
  GetJobCommand,
  GetQueueCommand,
  GetStepCommand,
  ListStepsCommand,
  ListTasksCommand,
  SearchJobsCommand,
  ListSessionsCommand,
  ListSessionActionsCommand,
  BatchGetStepCommand,
  SearchTasksCommand,
  UpdateJobCommand,
  UpdateQueueFleetAssociationCommand,
  UpdateQueueLimitAssociationCommand,
  ValidationException,
  waitUntilFleetActive,
  waitUntilJobComplete,
  waitUntilJobCreateComplete,
  waitUntilJobSucceeded,
  waitUntilLicenseEndpointDeleted,
  waitUntilLicenseEndpointValid,
  waitUntilQueueFleetAssociationStopped,
  waitUntilQueueLimitAssociationStopped,
  waitUntilQueueScheduling,
  waitUntilQueueSchedulingBlocked,
} from "@aws-sdk/client-deadline";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { intRange, planJob, TemplateError } from "../handlers/families/openjd.js";
import { advanceUntilSettled } from "../handlers/vitest.js";

afterEach(() => vi.useRealTimers());

const role = "arn:aws:iam::123456789012:role/DeadlineFleetRole";
const fleetConfiguration = { customerManaged: { mode: "NO_SCALING" as const, workerCapabilities: { vCpuCount: { min: 2 }, memoryMiB: { min: 4096 }, osFamily: "LINUX" as const, cpuArchitectureType: "x86_64" as const } } };

/** A job bundle's template, in YAML as Deadline's samples write them: frames times cameras, then an encode after them. */
const RENDER_YAML = `
specificationVersion: jobtemplate-2023-09
name: "Shot {{Param.Shot}}"
parameterDefinitions:
- name: Shot
  type: STRING
  default: "010"
- name: Frames
  type: STRING
  default: "1-5"
steps:
- name: Render
  parameterSpace:
    taskParameterDefinitions:
    - name: Frame
      type: INT
      range: "{{Param.Frames}}"
    - name: Camera
      type: STRING
      range: [left, right]
    combination: "Frame * Camera"
  script:
    actions:
      onRun:
        command: render
        args: ["{{Task.Param.Frame}}", "{{Task.Param.Camera}}"]
- name: Encode
  dependencies:
  - dependsOn: Render
  script:
    actions:
      onRun:
        command: encode
`;

/** A farm with a queue and a fleet, the fleet associated with the queue: where jobs run. Time is fake and the mock reads it. */
async function farm(options: { associate?: boolean; defaultBudgetAction?: "NONE" | "STOP_SCHEDULING_AND_COMPLETE_TASKS" } = {}) {
  vi.useFakeTimers();
  const mock = createAwsMock({ clock: { now: () => Date.now() } });
  const deadline = new DeadlineClient({ ...testClientConfig({ maxAttempts: 1 }), requestHandler: mock.requestHandler() });
  const { farmId } = await deadline.send(new CreateFarmCommand({ displayName: "Render farm" }));
  const { queueId } = await deadline.send(new CreateQueueCommand({ farmId, displayName: "Shots", ...(options.defaultBudgetAction ? { defaultBudgetAction: options.defaultBudgetAction } : {}) }));
  const { fleetId } = await deadline.send(new CreateFleetCommand({ farmId, displayName: "Linux fleet", roleArn: role, maxWorkerCount: 4, configuration: fleetConfiguration }));
  if (options.associate !== false) await deadline.send(new CreateQueueFleetAssociationCommand({ farmId, queueId, fleetId }));
  return { mock, deadline, farmId: farmId!, queueId: queueId!, fleetId: fleetId! };
}

const waiter = (client: DeadlineClient, maxWaitTime = 3600) => ({ client, maxWaitTime });

describe("a Deadline job is made from its Open Job Description template and runs on the queue's fleet", () => {
  test("a YAML template with parameters: tasks from the parameter space, the dependent step after the other, and the SDK's waiters through to SUCCEEDED", async () => {
    const { deadline, farmId, queueId, fleetId } = await farm();
    expect((await advanceUntilSettled(waitUntilFleetActive(waiter(deadline), { farmId, fleetId }))).state).toBe("SUCCESS");
    const { jobId } = await deadline.send(new CreateJobCommand({ farmId, queueId, priority: 50, template: RENDER_YAML, templateType: "YAML", parameters: { Frames: { string: "1-3" } } }));
    const ids = { farmId, queueId, jobId: jobId! };
    expect((await advanceUntilSettled(waitUntilJobCreateComplete(waiter(deadline), ids))).state).toBe("SUCCESS");
    const created = await deadline.send(new GetJobCommand(ids));
    expect(created).toMatchObject({ name: "Shot 010", lifecycleStatus: "CREATE_COMPLETE", taskRunStatus: "READY", priority: 50 });
    expect(created.taskRunStatusCounts).toMatchObject({ READY: 6, PENDING: 1, SUCCEEDED: 0 });
    expect(Object.keys(created.taskRunStatusCounts!)).toHaveLength(12);
    expect((await advanceUntilSettled(waitUntilQueueScheduling(waiter(deadline, 700), { farmId, queueId }))).state).toBe("SUCCESS");

    const { steps } = await deadline.send(new ListStepsCommand(ids));
    expect(steps!.map((s) => s.name)).toEqual(["Render", "Encode"]);
    const render = steps![0]!;
    const { tasks } = await deadline.send(new ListTasksCommand({ ...ids, stepId: render.stepId! }));
    // Frame * Camera: the right one varies fastest, as the specification says.
    expect(tasks!.map((t) => `${t.parameters!.Frame!.int}${t.parameters!.Camera!.string}`)).toEqual(["1left", "1right", "2left", "2right", "3left", "3right"]);
    expect(new Set(tasks!.map((t) => t.taskId))).toHaveProperty("size", 6);

    expect((await advanceUntilSettled(waitUntilJobSucceeded(waiter(deadline), ids))).state).toBe("SUCCESS");
    const done = await deadline.send(new GetJobCommand(ids));
    expect(done.taskRunStatus).toBe("SUCCEEDED");
    expect(done.taskRunStatusCounts).toMatchObject({ SUCCEEDED: 7, READY: 0, RUNNING: 0, PENDING: 0 });
    expect(done.endedAt!.getTime()).toBeGreaterThan(done.startedAt!.getTime());
    const [first, second] = await Promise.all(steps!.map((s) => deadline.send(new GetStepCommand({ ...ids, stepId: s.stepId! }))));
    expect(first!.taskRunStatus).toBe("SUCCEEDED");
    // The encode starts when the render ends, and its dependency is resolved.
    expect(second!.startedAt!.getTime()).toBeGreaterThanOrEqual(first!.endedAt!.getTime());
    expect(second!.dependencyCounts).toEqual({ dependenciesResolved: 1, dependenciesUnresolved: 0, consumersResolved: 0, consumersUnresolved: 0 });
    expect((await advanceUntilSettled(waitUntilJobComplete(waiter(deadline), ids))).state).toBe("SUCCESS");

    // The searches read the same store: the job by its status, its tasks by their parameters' step.
    const { jobId: urgent } = await deadline.send(new CreateJobCommand({ farmId, queueId, priority: 90, template: RENDER_YAML, templateType: "YAML", targetTaskRunStatus: "SUSPENDED" }));
    const succeeded = await deadline.send(new SearchJobsCommand({ farmId, queueIds: [queueId], itemOffset: 0, filterExpressions: { operator: "AND", filters: [{ stringFilter: { name: "TASK_RUN_STATUS", operator: "EQUAL", value: "SUCCEEDED" } }] } }));
    expect(succeeded).toMatchObject({ totalResults: 1, jobs: [{ jobId, queueId, name: "Shot 010" }] });
    const byPriority = await deadline.send(new SearchJobsCommand({ farmId, queueIds: [queueId], itemOffset: 0, pageSize: 1, sortExpressions: [{ fieldSort: { name: "PRIORITY", sortOrder: "DESCENDING" } }] }));
    expect(byPriority).toMatchObject({ totalResults: 2, nextItemOffset: 1, jobs: [{ jobId: urgent }] });
    // The steps ran in sessions on the fleet: one a step, ended, their actions the steps' own tasks.
    const { sessions } = await deadline.send(new ListSessionsCommand(ids));
    expect(sessions!.map((x) => [x.fleetId, x.lifecycleStatus])).toEqual([[fleetId, "ENDED"], [fleetId, "ENDED"]]);
    const { sessionActions } = await deadline.send(new ListSessionActionsCommand({ ...ids, sessionId: sessions![0]!.sessionId! }));
    const ranTasks = sessionActions!.map((a) => a.definition?.taskRun?.taskId).filter(Boolean);
    expect(ranTasks).toEqual(tasks!.map((t) => t.taskId));
    expect(sessionActions!.every((a) => a.status === "SUCCEEDED")).toBe(true);
    // BatchGetStep: exactly the keys asked, each with its identifiers; a missing one in the errors.
    const missing = { farmId, queueId, jobId: jobId!, stepId: "step-00000000000000000000000000000000" };
    const batch = await deadline.send(new BatchGetStepCommand({ identifiers: [{ farmId, queueId, jobId: jobId!, stepId: render.stepId! }, missing] }));
    expect(batch.steps!.map((s) => [s.stepId, s.jobId, s.name, s.taskRunStatus])).toEqual([[render.stepId, jobId, "Render", "SUCCEEDED"]]);
    expect(batch.errors).toEqual([{ ...missing, code: "ResourceNotFoundException", message: `Step ${missing.stepId} not found.` }]);
    const found = await deadline.send(new SearchTasksCommand({ farmId, queueIds: [queueId], jobId, itemOffset: 0 }));
    expect(found.totalResults).toBe(7);
    expect(found.tasks!.every((t) => t.jobId === jobId && t.runStatus === "SUCCEEDED")).toBe(true);
  });

  test("a job in a queue with no fleet waits READY; a canceled one completes the JobComplete waiter and fails the JobSucceeded one", async () => {
    const { deadline, farmId, queueId } = await farm({ associate: false });
    const template = JSON.stringify({ specificationVersion: "jobtemplate-2023-09", name: "Sim", steps: [{ name: "Solve", parameterSpace: { taskParameterDefinitions: [{ name: "Seed", type: "INT", range: "1-10:3" }] }, script: { actions: { onRun: { command: "solve" } } } }] });
    const { jobId } = await deadline.send(new CreateJobCommand({ farmId, queueId, priority: 10, template, templateType: "JSON" }));
    const ids = { farmId, queueId, jobId: jobId! };
    vi.advanceTimersByTime(3_600_000);
    expect(await deadline.send(new GetJobCommand(ids))).toMatchObject({ taskRunStatus: "READY", taskRunStatusCounts: expect.objectContaining({ READY: 4 }) });
    await deadline.send(new UpdateJobCommand({ ...ids, targetTaskRunStatus: "CANCELED" }));
    expect((await advanceUntilSettled(waitUntilJobComplete(waiter(deadline), ids))).state).toBe("SUCCESS");
    const failed = await advanceUntilSettled(waitUntilJobSucceeded(waiter(deadline), ids)).catch((e: unknown) => e);
    expect(String(failed)).toMatch(/FAILURE/);
    expect((await deadline.send(new GetJobCommand(ids))).taskRunStatusCounts).toMatchObject({ CANCELED: 4 });
  });

  test("a queue whose budget action stops scheduling, with no budget, is SCHEDULING_BLOCKED (NO_BUDGET_CONFIGURED)", async () => {
    const { deadline, farmId, queueId } = await farm({ defaultBudgetAction: "STOP_SCHEDULING_AND_COMPLETE_TASKS" });
    expect((await advanceUntilSettled(waitUntilQueueSchedulingBlocked(waiter(deadline, 300), { farmId, queueId }))).state).toBe("SUCCESS");
    expect(await deadline.send(new GetQueueCommand({ farmId, queueId }))).toMatchObject({ status: "SCHEDULING_BLOCKED", blockedReason: "NO_BUDGET_CONFIGURED" });
  });

  test("a queue's association with a fleet and with a limit stop when an update stops them", async () => {
    const { deadline, farmId, queueId, fleetId } = await farm();
    await deadline.send(new UpdateQueueFleetAssociationCommand({ farmId, queueId, fleetId, status: "STOP_SCHEDULING_AND_COMPLETE_TASKS" }));
    expect((await advanceUntilSettled(waitUntilQueueFleetAssociationStopped(waiter(deadline, 600), { farmId, queueId, fleetId }))).state).toBe("SUCCESS");
    const { limitId } = await deadline.send(new CreateLimitCommand({ farmId, displayName: "Nuke licenses", amountRequirementName: "amount.license.nuke", maxCount: 10 }));
    await deadline.send(new CreateQueueLimitAssociationCommand({ farmId, queueId, limitId }));
    await deadline.send(new UpdateQueueLimitAssociationCommand({ farmId, queueId, limitId, status: "STOP_LIMIT_USAGE_AND_CANCEL_TASKS" }));
    expect((await advanceUntilSettled(waitUntilQueueLimitAssociationStopped(waiter(deadline, 600), { farmId, queueId, limitId: limitId! }))).state).toBe("SUCCESS");
  });

  test("a license endpoint becomes READY, and is not found once deleted", async () => {
    const { deadline } = await farm();
    const { licenseEndpointId } = await deadline.send(new CreateLicenseEndpointCommand({ vpcId: "vpc-0a1b2c3d4e5f67890", subnetIds: ["subnet-0a1b2c3d4e5f67890"], securityGroupIds: ["sg-0a1b2c3d4e5f67890"] }));
    expect((await advanceUntilSettled(waitUntilLicenseEndpointValid(waiter(deadline, 1140), { licenseEndpointId: licenseEndpointId! }))).state).toBe("SUCCESS");
    await deadline.send(new DeleteLicenseEndpointCommand({ licenseEndpointId: licenseEndpointId! }));
    expect((await advanceUntilSettled(waitUntilLicenseEndpointDeleted(waiter(deadline, 2340), { licenseEndpointId: licenseEndpointId! }))).state).toBe("SUCCESS");
  });

  test("a template that is not YAML, or that breaks the specification, is the operation's ValidationException saying where", async () => {
    const { deadline, farmId, queueId } = await farm();
    const send = (template: string, templateType: "JSON" | "YAML") => deadline.send(new CreateJobCommand({ farmId, queueId, priority: 1, template, templateType })).catch((e: unknown) => e);
    const unparsable = await send("steps: [", "YAML");
    expect(unparsable).toBeInstanceOf(ValidationException);
    expect(unparsable).toMatchObject({ reason: "CANNOT_PARSE" });
    const dangling = await send(JSON.stringify({ specificationVersion: "jobtemplate-2023-09", name: "J", steps: [{ name: "A", dependencies: [{ dependsOn: "B" }], script: {} }] }), "JSON");
    expect(dangling).toMatchObject({ reason: "FIELD_VALIDATION_FAILED", message: "steps[0].dependencies: B is not another step of the template." });
  });
});

describe("the template's parameter space, as the 2023-09 specification defines it", () => {
  test("integer range expressions", () => {
    expect(intRange("1-5:2")).toEqual([1, 3, 5]);
    expect(intRange("10-15:2,1-5")).toEqual([1, 2, 3, 4, 5, 10, 12, 14]);
    expect(intRange("1-10:4")).toEqual([1, 5, 9]);
    expect(intRange("10-1:-3")).toEqual([1, 4, 7, 10]);
    expect(intRange(" -2 - 2 ")).toEqual([-2, -1, 0, 1, 2]);
    for (const bad of ["1-10:4,9-15", "1-5:0", "2-0:1", "", "1,", "a-b"]) expect(() => intRange(bad), bad).toThrow(TemplateError);
  });

  test("combinations: a product varies the right one fastest; parentheses pair lists in order", () => {
    const template = (combination: string) =>
      JSON.stringify({
        specificationVersion: "jobtemplate-2023-09",
        name: "J",
        steps: [{ name: "S", parameterSpace: { taskParameterDefinitions: [{ name: "A", type: "INT", range: "1-2" }, { name: "B", type: "INT", range: "10-11" }, { name: "C", type: "STRING", range: ["x", "y"] }], combination }, script: {} }],
      });
    const points = (combination: string) => planJob(template(combination), "JSON").steps[0]!.tasks.map((t) => [t.A!.int, t.B!.int, t.C!.string].join(""));
    expect(points("(A, B) * C")).toEqual(["110x", "110y", "211x", "211y"]);
    expect(points("C * A * B")).toHaveLength(8);
    expect(points("C * A * B")[1]).toBe("111x");
    expect(() => points("A * B")).toThrow(/leaves out C/);
    expect(() => points("A * A * B * C")).toThrow(/names A twice/);
  });
});
