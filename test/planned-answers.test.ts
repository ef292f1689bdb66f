import { DeadlineClient, ListJobsCommand } from "@aws-sdk/client-deadline";
import { CreateSessionCommand, GetJobRunCommand, GetSessionCommand, GlueClient } from "@aws-sdk/client-glue";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

const glueOf = (mock: ReturnType<typeof createAwsMock>) => new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
const runId = `jr_${"ab".repeat(32)}`;

describe("planned answers keep the request's identifiers", () => {
  test("respondWith on a generated operation answers the job and run asked for, in the planned state with its rules", async () => {
    const mock = createAwsMock();
    mock.respondWith("glue:GetJobRun", { JobRun: { JobRunState: "FAILED" } });
    const { JobRun } = await glueOf(mock).send(new GetJobRunCommand({ JobName: "nightly", RunId: runId }));
    expect(JobRun).toMatchObject({ JobName: "nightly", Id: runId, JobRunState: "FAILED", ErrorMessage: expect.any(String), CompletedOn: expect.any(Date) });
  });

  test("respondWith on a stateful operation merges into the stored entity", async () => {
    const mock = createAwsMock();
    const glue = glueOf(mock);
    const role = "arn:aws:iam::123456789012:role/GlueNotebookRole";
    await glue.send(new CreateSessionCommand({ Id: "nb", Role: role, Command: { Name: "glueetl" } }));
    mock.respondWith("glue:GetSession", { Session: { Status: "FAILED" } });
    const { Session } = await glue.send(new GetSessionCommand({ Id: "nb" }));
    expect(Session).toMatchObject({ Id: "nb", Role: role, Status: "FAILED" });
  });

  test("a planned list's partial items are built whole by the item's factory with the given members", async () => {
    const mock = createAwsMock();
    const jobId = `job-${"c".repeat(32)}`;
    mock.respondWith("deadline:ListJobs", { jobs: [{ jobId, taskRunStatus: "FAILED" }] });
    const deadline = new DeadlineClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    const { jobs } = await deadline.send(new ListJobsCommand({ farmId: `farm-${"a".repeat(32)}`, queueId: `queue-${"b".repeat(32)}` }));
    expect(jobs).toHaveLength(1);
    expect(jobs![0]).toMatchObject({ jobId, taskRunStatus: "FAILED", name: expect.any(String), createdAt: expect.any(Date), lifecycleStatus: expect.any(String) });
  });
});

describe("the rules of a state hold whenever the state is set", () => {
  const failed = ["FAILED", "TIMEOUT", "ERROR"];
  const ended = ["STOPPED", "SUCCEEDED", ...failed, "EXPIRED"];
  test("for all seeds and states, an override or a trait of a job run state gets that state's members", () => {
    const factories = createFactories({ seed: 1 });
    const factory = factories.operation("glue:GetJobRun");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom("STARTING", "RUNNING", "STOPPING", "WAITING", ...ended), (seed, state) => {
        for (const run of [factory.build({ JobRun: { JobRunState: state as never } }, { seed }).JobRun!, factory.with(state.toLowerCase()).build(undefined, { seed }).JobRun!]) {
          expect(run.JobRunState).toBe(state);
          expect(run.CompletedOn !== undefined).toBe(ended.includes(state));
          expect(run.ErrorMessage !== undefined).toBe(failed.includes(state));
        }
      }),
      { numRuns: 60 },
    );
    expect(() => factory.with("dancing")).toThrow(/known traits are starting \| running \| /);
  });
});
