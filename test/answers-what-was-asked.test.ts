import { CreateCrawlerCommand, GetCrawlerMetricsCommand, GetStatementCommand, GetWorkflowRunsCommand, GlueClient, StartCrawlerCommand } from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

describe("in a populated account an answer is about what the request names", () => {
  const glue = () => new GlueClient({ ...testClientConfig(), requestHandler: createAwsMock({ unknownIds: "generate", seed: 3 }).requestHandler() });

  test("a statement asked for by its number is that statement", async () => {
    const client = glue();
    for (const Id of [1, 7, 42]) {
      const { Statement } = await client.send(new GetStatementCommand({ SessionId: "etl-session", Id }));
      expect(Statement!.Id).toBe(Id);
    }
  });

  test("a workflow's runs are runs of that workflow, each with its own run id", async () => {
    const { Runs } = await glue().send(new GetWorkflowRunsCommand({ Name: "orders-wf" }));
    expect(Runs!.length).toBeGreaterThan(0);
    expect(new Set(Runs!.map((run) => run.Name))).toEqual(new Set(["orders-wf"]));
    expect(new Set(Runs!.map((run) => run.WorkflowRunId)).size).toBe(Runs!.length);
  });
});

describe("a fresh account's crawler metrics are of its crawlers", () => {
  test("none before a crawler is made; then those named that exist, or all", async () => {
    const client = new GlueClient({ ...testClientConfig(), requestHandler: createAwsMock().requestHandler() });
    expect((await client.send(new GetCrawlerMetricsCommand({}))).CrawlerMetricsList).toEqual([]);
    for (const Name of ["orders-crawler", "events-crawler"]) {
      await client.send(new CreateCrawlerCommand({ Name, Role: "arn:aws:iam::123456789012:role/GlueCrawler", DatabaseName: "sales", Targets: { S3Targets: [{ Path: `s3://data/${Name}/` }] } }));
    }
    const named = await client.send(new GetCrawlerMetricsCommand({ CrawlerNameList: ["orders-crawler", "nobody-made-this"] }));
    expect(named.CrawlerMetricsList!.map((m) => m.CrawlerName)).toEqual(["orders-crawler"]);
    const all = await client.send(new GetCrawlerMetricsCommand({}));
    expect(all.CrawlerMetricsList!.map((m) => m.CrawlerName).sort()).toEqual(["events-crawler", "orders-crawler"]);
    await client.send(new StartCrawlerCommand({ Name: "orders-crawler" }));
    const running = await client.send(new GetCrawlerMetricsCommand({ CrawlerNameList: ["orders-crawler"] }));
    expect(running.CrawlerMetricsList![0]!.StillEstimating).toBe(true);
  });
});
