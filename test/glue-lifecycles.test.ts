import {
  CrawlerNotRunningException,
  CrawlerRunningException,
  CreateCrawlerCommand,
  CreateTriggerCommand,
  CreateWorkflowCommand,
  EntityNotFoundException,
  GetCrawlerCommand,
  GetDataQualityRulesetEvaluationRunCommand,
  GetTriggerCommand,
  GetWorkflowRunCommand,
  GlueClient,
  CreateMLTransformCommand,
  GetMLTaskRunCommand,
  GetMLTaskRunsCommand,
  StartMLEvaluationTaskRunCommand,
  StartExportLabelsTaskRunCommand,
  CancelMLTaskRunCommand,
  StartCrawlerCommand,
  StartDataQualityRulesetEvaluationRunCommand,
  StartTriggerCommand,
  StartWorkflowRunCommand,
  StopCrawlerCommand,
  StopTriggerCommand,
  type Crawler,
} from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

const role = "arn:aws:iam::123456789012:role/GlueCrawlerRole";
const glueOf = () => new GlueClient({ ...testClientConfig(), requestHandler: createAwsMock().requestHandler() });

describe("Glue runs that progress, as Glue's states say", () => {
  test("an ML task run of a transform: started by any of its four operations, STARTING, RUNNING, SUCCEEDED with its span; cancelled: STOPPING, STOPPED; another transform's is not found", async () => {
    const glue = glueOf();
    const { TransformId } = await glue.send(
      new CreateMLTransformCommand({ Name: "dedupe-customers", Role: role, GlueVersion: "4.0", InputRecordTables: [{ DatabaseName: "crm", TableName: "customers" }], Parameters: { TransformType: "FIND_MATCHES", FindMatchesParameters: { PrimaryKeyColumnName: "id" } }, MaxCapacity: 10 }),
    );
    const { TaskRunId } = await glue.send(new StartMLEvaluationTaskRunCommand({ TransformId }));
    const states: string[] = [];
    let run;
    for (let i = 0; i < 8 && run?.Status !== "SUCCEEDED"; i++) states.push((run = await glue.send(new GetMLTaskRunCommand({ TransformId, TaskRunId }))).Status!);
    expect([...new Set(states)]).toEqual(["STARTING", "RUNNING", "SUCCEEDED"]);
    expect(run!.ExecutionTime).toBe(Math.round((run!.CompletedOn!.getTime() - run!.StartedOn!.getTime()) / 1000));
    expect(run!.Properties).toEqual({ TaskType: "EVALUATION" });
    const { TaskRunId: exported } = await glue.send(new StartExportLabelsTaskRunCommand({ TransformId, OutputS3Path: "s3://labels/out/" }));
    expect(exported).not.toBe(TaskRunId);
    expect((await glue.send(new GetMLTaskRunCommand({ TransformId, TaskRunId: exported }))).Properties).toEqual({ TaskType: "EXPORT_LABELS" });
    await glue.send(new CancelMLTaskRunCommand({ TransformId, TaskRunId: exported }));
    const cancelled: string[] = [];
    for (let i = 0; i < 4; i++) cancelled.push((await glue.send(new GetMLTaskRunCommand({ TransformId, TaskRunId: exported }))).Status!);
    expect([...new Set(cancelled)]).toEqual(["STOPPING", "STOPPED"]);
    expect((await glue.send(new GetMLTaskRunsCommand({ TransformId }))).TaskRuns!.map((r) => r.TaskRunId).sort()).toEqual([TaskRunId, exported].sort());
    await expect(glue.send(new GetMLTaskRunCommand({ TransformId: "tfm-0000000000000000000000000000000000000000", TaskRunId }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  test("a crawler rests READY, crawls (RUNNING, STOPPING, READY) with its LastCrawl; starting it twice and stopping it at rest are Glue's errors", async () => {
    const glue = glueOf();
    await glue.send(new CreateCrawlerCommand({ Name: "orders", Role: role, DatabaseName: "sales", Targets: { S3Targets: [{ Path: "s3://lake/sales/orders/" }] }, Schedule: "cron(0 2 * * ? *)" }));
    const first = (await glue.send(new GetCrawlerCommand({ Name: "orders" }))).Crawler!;
    expect(first).toMatchObject({ State: "READY", Schedule: { ScheduleExpression: "cron(0 2 * * ? *)", State: "SCHEDULED" } });
    expect(first.LastCrawl).toBeUndefined();
    await expect(glue.send(new StopCrawlerCommand({ Name: "orders" }))).rejects.toBeInstanceOf(CrawlerNotRunningException);
    await glue.send(new StartCrawlerCommand({ Name: "orders" }));
    await expect(glue.send(new StartCrawlerCommand({ Name: "orders" }))).rejects.toBeInstanceOf(CrawlerRunningException);
    const seen: Crawler[] = [];
    for (let i = 0; i < 8 && seen.at(-1)?.State !== "READY"; i++) seen.push((await glue.send(new GetCrawlerCommand({ Name: "orders" }))).Crawler!);
    expect([...new Set(seen.map((c) => c.State))]).toEqual(["RUNNING", "STOPPING", "READY"]);
    const crawled = seen.at(-1)!;
    expect(crawled.LastCrawl).toMatchObject({ Status: "SUCCEEDED", LogGroup: "/aws-glue/crawlers" });
    expect(crawled.LastCrawl!.StartTime!.getTime()).toBeGreaterThanOrEqual(first.CreationTime!.getTime());
    // A second crawl, stopped: its LastCrawl says CANCELLED.
    await glue.send(new StartCrawlerCommand({ Name: "orders" }));
    await glue.send(new StopCrawlerCommand({ Name: "orders" }));
    let state = "";
    for (let i = 0; i < 4 && state !== "READY"; i++) state = (await glue.send(new GetCrawlerCommand({ Name: "orders" }))).Crawler!.State!;
    expect(state).toBe("READY");
    expect((await glue.send(new GetCrawlerCommand({ Name: "orders" }))).Crawler!.LastCrawl!.Status).toBe("CANCELLED");
    await expect(glue.send(new StartCrawlerCommand({ Name: "nobody" }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  test("a trigger is CREATED, ACTIVATED by StartTrigger (or at once with StartOnCreation), DEACTIVATED by StopTrigger", async () => {
    const glue = glueOf();
    const actions = [{ JobName: "nightly" }];
    await glue.send(new CreateTriggerCommand({ Name: "at-two", Type: "SCHEDULED", Schedule: "cron(0 2 * * ? *)", Actions: actions }));
    expect((await glue.send(new GetTriggerCommand({ Name: "at-two" }))).Trigger).toMatchObject({ State: "CREATED", Type: "SCHEDULED", Actions: actions });
    await glue.send(new StartTriggerCommand({ Name: "at-two" }));
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await glue.send(new GetTriggerCommand({ Name: "at-two" }))).Trigger!.State);
    expect(states).toEqual(["ACTIVATING", "ACTIVATED", "ACTIVATED"]);
    await glue.send(new StopTriggerCommand({ Name: "at-two" }));
    for (let i = 0; i < 2; i++) states.push((await glue.send(new GetTriggerCommand({ Name: "at-two" }))).Trigger!.State);
    expect(states.slice(-2)).toEqual(["DEACTIVATING", "DEACTIVATED"]);
    await glue.send(new CreateTriggerCommand({ Name: "on-demand", Type: "ON_DEMAND", Actions: actions, StartOnCreation: true }));
    expect((await glue.send(new GetTriggerCommand({ Name: "on-demand" }))).Trigger!.State).toBe("ACTIVATING");
  });

  test("a workflow run goes RUNNING to COMPLETED with its start and end; a data quality run STARTING, RUNNING, SUCCEEDED with its ExecutionTime", async () => {
    const glue = glueOf();
    await glue.send(new CreateWorkflowCommand({ Name: "daily" }));
    const { RunId } = await glue.send(new StartWorkflowRunCommand({ Name: "daily" }));
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push((await glue.send(new GetWorkflowRunCommand({ Name: "daily", RunId: RunId! }))).Run!);
    expect(runs.map((r) => r.Status)).toEqual(["RUNNING", "RUNNING", "COMPLETED", "COMPLETED"]);
    expect(runs[0]!.CompletedOn).toBeUndefined();
    expect(runs[2]!.CompletedOn!.getTime()).toBeGreaterThan(runs[2]!.StartedOn!.getTime());
    const dq = await glue.send(new StartDataQualityRulesetEvaluationRunCommand({ DataSource: { GlueTable: { DatabaseName: "sales", TableName: "orders" } }, Role: role, RulesetNames: ["orders-checks"] }));
    const statuses = [];
    let last;
    for (let i = 0; i < 5; i++) statuses.push((last = await glue.send(new GetDataQualityRulesetEvaluationRunCommand({ RunId: dq.RunId! }))).Status);
    expect([...new Set(statuses)]).toEqual(["STARTING", "RUNNING", "SUCCEEDED"]);
    expect(last!.ExecutionTime).toBe(Math.round((last!.CompletedOn!.getTime() - last!.StartedOn!.getTime()) / 1000));
  });
});
