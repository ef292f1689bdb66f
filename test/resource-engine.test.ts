import { BatchGetJobsCommand, BatchStopJobRunCommand, GetJobRunCommand, GetJobRunsCommand, StartJobRunCommand, type JobRun, CreateDatabaseCommand, CreateJobCommand, CreateTableCommand, DeleteDatabaseCommand, GetDatabasesCommand, DeleteJobCommand, EntityNotFoundException, GetJobCommand, GetJobsCommand, GetTableCommand, GetTablesCommand, GlueClient, UpdateJobCommand, AlreadyExistsException } from "@aws-sdk/client-glue";
import { UpdateProjectCommand, CreateUploadCommand, GetRunCommand, GetUploadCommand, ScheduleRunCommand, CreateDevicePoolCommand, CreateProjectCommand, DeleteDevicePoolCommand, DeviceFarmClient, GetDevicePoolCommand, ListDevicePoolsCommand, NotFoundException, UpdateDevicePoolCommand } from "@aws-sdk/client-device-farm";
import { CreateFarmCommand, DeadlineClient, ResourceNotFoundException, UpdateFarmCommand } from "@aws-sdk/client-deadline";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

const glueOf = (mock: ReturnType<typeof createAwsMock>) => new GlueClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
const role = "arn:aws:iam::123456789012:role/GlueJobRole";

describe("what a test creates it can read, list, update and delete", () => {
  test("Glue: a table created in a database is read back as created, listed under it, and goes with the database", async () => {
    const glue = glueOf(createAwsMock());
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: "sales" } }));
    const columns = [{ Name: "order_id", Type: "bigint" }, { Name: "amount", Type: "decimal(10,2)" }];
    await glue.send(new CreateTableCommand({ DatabaseName: "sales", TableInput: { Name: "orders", TableType: "EXTERNAL_TABLE", StorageDescriptor: { Columns: columns, Location: "s3://lake/sales/orders/" } } }));
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: "sales", Name: "orders" }));
    expect(Table).toMatchObject({ Name: "orders", DatabaseName: "sales", TableType: "EXTERNAL_TABLE", StorageDescriptor: { Columns: columns, Location: "s3://lake/sales/orders/" } });
    expect((await glue.send(new GetTablesCommand({ DatabaseName: "sales" }))).TableList?.map((t) => t.Name)).toEqual(["orders"]);
    await expect(glue.send(new CreateTableCommand({ DatabaseName: "sales", TableInput: { Name: "orders" } }))).rejects.toBeInstanceOf(AlreadyExistsException);
    await glue.send(new DeleteDatabaseCommand({ Name: "sales" }));
    await expect(glue.send(new GetTableCommand({ DatabaseName: "sales", Name: "orders" }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  test("Glue: a job keeps its role and worker type, an update changes it, a delete makes it not found", async () => {
    const glue = glueOf(createAwsMock());
    await glue.send(new CreateJobCommand({ Name: "nightly", Role: role, Command: { Name: "glueetl", ScriptLocation: "s3://code/nightly.py" }, WorkerType: "G.1X", NumberOfWorkers: 4 }));
    expect((await glue.send(new GetJobCommand({ JobName: "nightly" }))).Job).toMatchObject({ Name: "nightly", Role: role, WorkerType: "G.1X", NumberOfWorkers: 4 });
    await glue.send(new UpdateJobCommand({ JobName: "nightly", JobUpdate: { Role: role, Command: { Name: "glueetl", ScriptLocation: "s3://code/v2.py" }, WorkerType: "G.2X", NumberOfWorkers: 2 } }));
    expect((await glue.send(new GetJobCommand({ JobName: "nightly" }))).Job).toMatchObject({ WorkerType: "G.2X", NumberOfWorkers: 2, Command: { ScriptLocation: "s3://code/v2.py" } });
    expect((await glue.send(new GetJobsCommand({}))).Jobs?.map((j) => j.Name)).toEqual(["nightly"]);
    await glue.send(new DeleteJobCommand({ JobName: "nightly" }));
    await expect(glue.send(new GetJobCommand({ JobName: "nightly" }))).rejects.toBeInstanceOf(EntityNotFoundException);
    expect((await glue.send(new GetJobsCommand({}))).Jobs).toEqual([]);
  });

  test("Device Farm: a device pool's ARN is the service's; it is read, listed, renamed and deleted by it", async () => {
    const mock = createAwsMock();
    const df = new DeviceFarmClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    const { project } = await df.send(new CreateProjectCommand({ name: "web QA" }));
    const rules = [{ attribute: "PLATFORM" as const, operator: "EQUALS" as const, value: '"ANDROID"' }];
    const { devicePool } = await df.send(new CreateDevicePoolCommand({ projectArn: project!.arn!, name: "android phones", rules }));
    expect((await df.send(new GetDevicePoolCommand({ arn: devicePool!.arn! }))).devicePool).toMatchObject({ name: "android phones", arn: devicePool!.arn, rules });
    await df.send(new UpdateDevicePoolCommand({ arn: devicePool!.arn!, name: "android only" }));
    expect((await df.send(new ListDevicePoolsCommand({ arn: project!.arn! }))).devicePools?.map((p) => p.name)).toEqual(["android only"]);
    await df.send(new DeleteDevicePoolCommand({ arn: devicePool!.arn! }));
    await expect(df.send(new GetDevicePoolCommand({ arn: devicePool!.arn! }))).rejects.toBeInstanceOf(NotFoundException);
  });
});

describe("a fresh mock is a fresh account", () => {
  test("a job nobody created is not found; lists are empty; a table in a missing database is the database's not-found", async () => {
    const glue = glueOf(createAwsMock());
    await expect(glue.send(new GetJobCommand({ JobName: "nightly" }))).rejects.toBeInstanceOf(EntityNotFoundException);
    expect((await glue.send(new GetJobsCommand({}))).Jobs).toEqual([]);
    expect((await glue.send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);
    const error = await glue.send(new CreateTableCommand({ DatabaseName: "nowhere", TableInput: { Name: "t" } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntityNotFoundException);
    expect((error as Error).message).toMatch(/^Database nowhere not found\.$/);
  });

  test("with unknownIds: generate, the account is populated as before", async () => {
    const glue = glueOf(createAwsMock({ unknownIds: "generate" }));
    expect((await glue.send(new GetJobCommand({ JobName: "nightly" }))).Job?.Name).toBe("nightly");
    expect((await glue.send(new GetDatabasesCommand({}))).DatabaseList!.length).toBeGreaterThan(2);
  });
});

describe("runs that progress", () => {
  test("Glue: a job run STARTING, RUNNING, SUCCEEDED, with times and ExecutionTime that agree; a stopped one ends STOPPED", async () => {
    const mock = createAwsMock();
    const glue = glueOf(mock);
    await glue.send(new CreateJobCommand({ Name: "nightly", Role: role, Command: { Name: "glueetl", ScriptLocation: "s3://code/nightly.py" } }));
    const { JobRunId } = await glue.send(new StartJobRunCommand({ JobName: "nightly" }));
    const seen: JobRun[] = [];
    for (let i = 0; i < 8; i++) {
      const { JobRun } = await glue.send(new GetJobRunCommand({ JobName: "nightly", RunId: JobRunId! }));
      seen.push(JobRun!);
      if (JobRun!.JobRunState === "SUCCEEDED") break;
    }
    expect([...new Set(seen.map((r) => r.JobRunState))]).toEqual(["STARTING", "RUNNING", "SUCCEEDED"]);
    expect(seen[0]).not.toHaveProperty("CompletedOn");
    const done = seen.at(-1)!;
    expect(done.Id).toBe(JobRunId);
    expect(done.ErrorMessage).toBeUndefined();
    expect(done.ExecutionTime).toBe(Math.round((done.CompletedOn!.getTime() - done.StartedOn!.getTime()) / 1000));
    expect((await glue.send(new GetJobRunsCommand({ JobName: "nightly" }))).JobRuns?.map((r) => r.Id)).toEqual([JobRunId]);

    const second = await glue.send(new StartJobRunCommand({ JobName: "nightly" }));
    await glue.send(new BatchStopJobRunCommand({ JobName: "nightly", JobRunIds: [second.JobRunId!] }));
    const states: string[] = [];
    for (let i = 0; i < 3; i++) states.push((await glue.send(new GetJobRunCommand({ JobName: "nightly", RunId: second.JobRunId! }))).JobRun!.JobRunState!);
    expect(states).toEqual(["STOPPING", "STOPPED", "STOPPED"]);
  });

  test("Glue: a run of a job nobody created is the job's not-found", async () => {
    await expect(glueOf(createAwsMock()).send(new StartJobRunCommand({ JobName: "nope" }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  test("Device Farm: a scheduled run goes PENDING to COMPLETED with a result; an upload keeps the type asked for and is processed", async () => {
    const mock = createAwsMock();
    const df = new DeviceFarmClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    const { project } = await df.send(new CreateProjectCommand({ name: "app" }));
    const { upload } = await df.send(new CreateUploadCommand({ projectArn: project!.arn!, name: "app.apk", type: "ANDROID_APP" }));
    expect(upload).toMatchObject({ type: "ANDROID_APP", name: "app.apk", status: "INITIALIZED" });
    const uploads: string[] = [];
    for (let i = 0; i < 3; i++) uploads.push((await df.send(new GetUploadCommand({ arn: upload!.arn! }))).upload!.status!);
    expect(uploads).toEqual(["INITIALIZED", "PROCESSING", "SUCCEEDED"]);
    const { devicePool } = await df.send(new CreateDevicePoolCommand({ projectArn: project!.arn!, name: "phones", rules: [{ attribute: "PLATFORM", operator: "EQUALS", value: '"ANDROID"' }] }));
    const { run } = await df.send(new ScheduleRunCommand({ projectArn: project!.arn!, appArn: upload!.arn!, devicePoolArn: devicePool!.arn!, test: { type: "BUILTIN_FUZZ" } }));
    expect(run!.status).toBe("PENDING");
    expect(run!.arn).toContain(project!.arn!.split(":").at(-1));
    const statuses: string[] = [];
    let last;
    for (let i = 0; i < 8 && last?.status !== "COMPLETED"; i++) statuses.push((last = (await df.send(new GetRunCommand({ arn: run!.arn! }))).run!).status!);
    expect([...new Set(statuses)]).toEqual(["PENDING", "SCHEDULING", "PREPARING", "RUNNING", "COMPLETED"]);
    expect(last).toMatchObject({ result: "PASSED", started: expect.any(Date), stopped: expect.any(Date) });
  });
});

describe("BatchGet answers exactly the keys asked for", () => {
  test("jobs that exist come back, the others are in JobsNotFound; a populated account answers each as its Get", async () => {
    const glue = glueOf(createAwsMock());
    await glue.send(new CreateJobCommand({ Name: "nightly", Role: role, Command: { Name: "glueetl" } }));
    const out = await glue.send(new BatchGetJobsCommand({ JobNames: ["nightly", "weekly"] }));
    expect(out.Jobs?.map((j) => j.Name)).toEqual(["nightly"]);
    expect(out.JobsNotFound).toEqual(["weekly"]);
    const populated = glueOf(createAwsMock({ unknownIds: "generate" }));
    const both = await populated.send(new BatchGetJobsCommand({ JobNames: ["a", "b"] }));
    expect(both.Jobs?.map((j) => j.Name)).toEqual(["a", "b"]);
    expect(both.JobsNotFound).toEqual([]);
    expect(both.Jobs![0]).toEqual((await populated.send(new GetJobCommand({ JobName: "a" }))).Job);
  });
});

describe("what the test sets", () => {
  test("mock.resources.add puts a resource of any kind in place; Get and List answer it; mistakes are sentences", async () => {
    const mock = createAwsMock();
    const glue = glueOf(mock);
    mock.resources.add("glue", "Database", { Name: "sales" });
    const table = mock.resources.add("glue", "Table", { DatabaseName: "sales", Name: "orders", TableType: "EXTERNAL_TABLE" });
    expect((await glue.send(new GetTableCommand({ DatabaseName: "sales", Name: "orders" }))).Table).toEqual(table);
    expect((await glue.send(new GetTablesCommand({ DatabaseName: "sales" }))).TableList?.map((t) => t.Name)).toEqual(["orders"]);
    expect(mock.resources.list("glue", "Table")).toHaveLength(1);
    expect(() => mock.resources.add("glue", "Tabel", {})).toThrow(/glue has no resource "Tabel" the mock keeps; known: .*Table/);
    expect(() => mock.resources.add("glue", "Table", { Name: "x" })).toThrow(/Failed to add a glue Table: it needs its DatabaseName/);
    expect(() => mock.resources.add("glue", "Table", { DatabaseName: "sales", Name: "y", Owner: 7 })).toThrow(/Failed to add a glue Table: \$\.Table\.Owner/);
    mock.reset();
    await expect(glue.send(new GetTableCommand({ DatabaseName: "sales", Name: "orders" }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });
});

describe("resources a session family keeps", () => {
  test("an update of a project or farm the family holds is answered; one of a project or farm nobody created is not found", async () => {
    const mock = createAwsMock();
    const df = new DeviceFarmClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    const { project } = await df.send(new CreateProjectCommand({ name: "web QA" }));
    expect((await df.send(new UpdateProjectCommand({ arn: project!.arn!, name: "web QA 2" }))).$metadata.httpStatusCode).toBe(200);
    await expect(df.send(new UpdateProjectCommand({ arn: project!.arn!.replace(/.{4}$/, "0000"), name: "x" }))).rejects.toBeInstanceOf(NotFoundException);
    const deadline = new DeadlineClient({ ...testClientConfig(), requestHandler: mock.requestHandler() });
    const { farmId } = await deadline.send(new CreateFarmCommand({ displayName: "render" }));
    expect((await deadline.send(new UpdateFarmCommand({ farmId, displayName: "render 2" }))).$metadata.httpStatusCode).toBe(200);
    await expect(deadline.send(new UpdateFarmCommand({ farmId: `farm-${"9".repeat(32)}`, displayName: "x" }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("service rules the model cannot express, in the service's words", () => {
  test("Glue jobs: capacity given two ways is InvalidInputException; a second run beyond MaxConcurrentRuns is ConcurrentRunsExceededException", async () => {
    const { CreateTriggerCommand, InvalidInputException, ConcurrentRunsExceededException } = await import("@aws-sdk/client-glue");
    const glue = glueOf(createAwsMock());
    const command = { Name: "glueetl", ScriptLocation: "s3://code/nightly.py" };
    const both = await glue.send(new CreateJobCommand({ Name: "nightly", Role: role, Command: command, MaxCapacity: 10, WorkerType: "G.1X", NumberOfWorkers: 10 })).catch((e: unknown) => e);
    expect(both).toBeInstanceOf(InvalidInputException);
    expect((both as Error).message).toBe("Please do not set Max Capacity if using Worker Type and Number of Workers.");
    await glue.send(new CreateJobCommand({ Name: "nightly", Role: role, Command: command, WorkerType: "G.1X", NumberOfWorkers: 2 }));
    const update = await glue.send(new UpdateJobCommand({ JobName: "nightly", JobUpdate: { Role: role, Command: command, AllocatedCapacity: 2, MaxCapacity: 2 } })).catch((e: unknown) => e);
    expect((update as Error).message).toBe("Please set only Allocated Capacity or Max Capacity.");
    await glue.send(new StartJobRunCommand({ JobName: "nightly" }));
    const second = await glue.send(new StartJobRunCommand({ JobName: "nightly" })).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConcurrentRunsExceededException);
    expect((second as Error).message).toBe("Concurrent runs exceeded for nightly");
    const trigger = await glue.send(new CreateTriggerCommand({ Name: "after-nightly", Type: "CONDITIONAL", Actions: [{ JobName: "report" }] })).catch((e: unknown) => e);
    expect(trigger).toMatchObject({ name: "InvalidInputException", message: "Predicate cannot be null or empty" });
  });

  test("a planned answer of a kept resource goes over what is stored", async () => {
    const mock = createAwsMock();
    const glue = glueOf(mock);
    await glue.send(new CreateJobCommand({ Name: "nightly", Role: role, Command: { Name: "glueetl", ScriptLocation: "s3://code/nightly.py" }, WorkerType: "G.1X", NumberOfWorkers: 4 }));
    mock.respondWith("glue:GetJob", { Job: { Description: "Planned." } });
    expect((await glue.send(new GetJobCommand({ JobName: "nightly" }))).Job).toMatchObject({ Name: "nightly", Role: role, WorkerType: "G.1X", Description: "Planned." });
  });
});

describe("a generated request keeps the service's rules", () => {
  test("for any seed, the input factory of every operation a rule reads builds a request no rule refuses", async () => {
    const fc = (await import("fast-check")).default;
    const { createFactories } = await import("../factories/index.js");
    const { rules, broken } = await import("../src/contracts/service-rules.js");
    const factories = createFactories({ seed: 1 });
    for (const id of new Set(rules.flatMap((r) => r.operations))) {
      fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => broken(id, factories.input(id as never).build(undefined, { seed }) as Record<string, unknown>) === undefined), { numRuns: 100 });
    }
  });
});
