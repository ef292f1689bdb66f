import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { registry } from "../src/index.js";

const byName = (service: string) => new Map(registry.resources(service).map((r) => [r.name, r]));

describe("the resource model, generated from the models and operation names", () => {
  test("Glue's catalog and jobs: tables under databases, partitions under tables, runs under jobs", () => {
    const glue = byName("glue");
    expect(glue.get("Table")).toMatchObject({
      identifiers: ["DatabaseName", "Name"],
      parent: "Database",
      operations: { create: "CreateTable", read: "GetTable", update: "UpdateTable", delete: "DeleteTable", list: "GetTables" },
      entity: { shape: "Table", outputs: { GetTable: "Table", GetTables: "TableList" }, inputs: { CreateTable: "TableInput", UpdateTable: "TableInput" } },
      errors: { notFound: "EntityNotFoundException", alreadyExists: "AlreadyExistsException" },
    });
    expect(glue.get("Partition")).toMatchObject({ parent: "Table", operations: { list: "GetPartitions" } });
    expect(glue.get("JobRun")).toMatchObject({ parent: "Job", identifiers: ["JobName", "RunId"], operations: { create: "StartJobRun", read: "GetJobRun", list: "GetJobRuns" } });
  });

  test("Deadline's declared resources keep the model's hierarchy; steps and tasks, which the service makes, are found by their listings", () => {
    const deadline = byName("deadline");
    expect(deadline.get("Job")).toMatchObject({ source: "model", parent: "Queue", identifiers: ["farmId", "queueId", "jobId"] });
    expect(deadline.get("Queue")).toMatchObject({ source: "model", parent: "Farm" });
    expect(deadline.get("Step")).toMatchObject({ source: "inferred", parent: "Job", operations: { read: "GetStep", list: "ListSteps" } });
    expect(deadline.get("Task")).toMatchObject({ parent: "Step" });
    expect(deadline.get("Farm")!.errors.notFound).toBe("ResourceNotFoundException");
  });

  test("Device Farm's parents come from its ARNs (a refinement): runs are scheduled in projects", () => {
    const df = byName("deviceFarm");
    expect(df.get("Run")).toMatchObject({ parent: "Project", identifiers: ["arn"], operations: { create: "ScheduleRun", read: "GetRun", list: "ListRuns", stop: "StopRun" } });
    expect(df.get("Job")).toMatchObject({ parent: "Run" });
    expect(df.get("Project")!.errors.notFound).toBe("NotFoundException");
  });

  test("every operation is bound to a resource or reported as bound to none, with a reason", () => {
    const report = readFileSync(new URL("../models/RESOURCES.md", import.meta.url), "utf8");
    for (const op of registry.operations) {
      const bound = registry.resources(op.service.id).some((r) => Object.values(r.operations).includes(op.name) || r.creates?.includes(op.name));
      expect(bound || report.includes(`- ${op.name}: `), op.id).toBe(true);
    }
    // Every parent is a resource of the same service, and every bound operation exists.
    for (const service of ["glue", "deadline", "deviceFarm"]) {
      const names = byName(service);
      for (const r of names.values()) {
        if (r.parent) expect(names.has(r.parent), `${service} ${r.name} → ${r.parent}`).toBe(true);
        for (const op of [...Object.values(r.operations), ...(r.creates ?? [])]) expect(registry.find(`${service}:${op}`), `${service}:${op}`).toBeDefined();
      }
    }
  });
});
