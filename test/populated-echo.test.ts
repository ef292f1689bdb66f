import { GetStatementCommand, GetWorkflowRunsCommand, GlueClient } from "@aws-sdk/client-glue";
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
