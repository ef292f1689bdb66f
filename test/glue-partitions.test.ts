import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  BatchGetPartitionCommand,
  CreateDatabaseCommand,
  CreatePartitionCommand,
  CreateTableCommand,
  EntityNotFoundException,
  GetPartitionsCommand,
  GlueClient,
  InvalidInputException,
  paginateGetPartitions,
} from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";
import { parseExpression, partitionFilter } from "../handlers/families/partition-expression.js";

/** A table of orders partitioned by day (a date), region (a string) and hour (an int), with a partition per value. */
async function orders() {
  const glue = new GlueClient({ ...testClientConfig(), requestHandler: createAwsMock().requestHandler() });
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: "sales" } }));
  const PartitionKeys = [{ Name: "dt", Type: "date" }, { Name: "region", Type: "string" }, { Name: "hour", Type: "int" }];
  await glue.send(new CreateTableCommand({ DatabaseName: "sales", TableInput: { Name: "orders", PartitionKeys, StorageDescriptor: { Columns: [{ Name: "id", Type: "bigint" }], Location: "s3://lake/sales/orders/" } } }));
  const values: string[][] = [];
  for (const dt of ["2026-01-01", "2026-01-02", "2026-02-01"]) for (const region of ["eu-west-1", "us-east-1"]) for (const hour of ["2", "10"]) values.push([dt, region, hour]);
  const { Errors } = await glue.send(new BatchCreatePartitionCommand({ DatabaseName: "sales", TableName: "orders", PartitionInputList: values.map((Values) => ({ Values, StorageDescriptor: { Location: `s3://lake/sales/orders/dt=${Values[0]}/region=${Values[1]}/hour=${Values[2]}/` } })) }));
  expect(Errors).toBeUndefined();
  const select = async (Expression: string) => ((await glue.send(new GetPartitionsCommand({ DatabaseName: "sales", TableName: "orders", Expression }))).Partitions ?? []).map((p) => p.Values!.join("/"));
  return { glue, values, select };
}

describe("Glue partitions: GetPartitions filters with the Expression grammar Glue documents", () => {
  test("comparisons by the key's type, AND/OR/NOT, BETWEEN, IN, LIKE, parentheses", async () => {
    const { select, values } = await orders();
    expect(await select("")).toHaveLength(values.length);
    expect(await select("dt = '2026-01-02' AND region = 'us-east-1'")).toEqual(["2026-01-02/us-east-1/2", "2026-01-02/us-east-1/10"]);
    // hour is an int: 10 > 9 as a number, though "10" < "9" as a string.
    expect(await select("hour > 9 and dt >= '2026-02-01'")).toEqual(["2026-02-01/eu-west-1/10", "2026-02-01/us-east-1/10"]);
    expect(await select("dt BETWEEN '2026-01-01' AND '2026-01-02' AND NOT region LIKE 'us-%' AND hour IN (2, 3)")).toEqual(["2026-01-01/eu-west-1/2", "2026-01-02/eu-west-1/2"]);
    expect(await select("(dt < '2026-01-02' OR dt > '2026-01-31') AND region <> 'eu-west-1' AND hour = '2'")).toEqual(["2026-01-01/us-east-1/2", "2026-02-01/us-east-1/2"]);
    expect(await select("region NOT IN ('us-east-1') AND dt = '2026-02-01' AND hour <= 2")).toEqual(["2026-02-01/eu-west-1/2"]);
  });

  test("a filter Glue refuses is its InvalidInputException, in Glue's words", async () => {
    const { glue } = await orders();
    const refuse = (Expression: string) => glue.send(new GetPartitionsCommand({ DatabaseName: "sales", TableName: "orders", Expression })).catch((e: unknown) => e);
    // An unquoted date reads as arithmetic (awslabs/aws-glue-data-catalog-client-for-apache-hive-metastore#32).
    expect(await refuse("dt=2021-01-01")).toMatchObject({ name: "InvalidInputException", message: "Unsupported expression '2021 - 01 - 01'" });
    expect(await refuse("country = 'fr'")).toBeInstanceOf(InvalidInputException);
    expect(await refuse("hour LIKE '1%'")).toMatchObject({ message: "Integral data type doesn't support operation 'LIKE'" });
    expect(await refuse("dt = ")).toBeInstanceOf(InvalidInputException);
  });

  test("pages the SDK's paginator walks, and segments that split the partitions between readers", async () => {
    const { glue, values } = await orders();
    const paged: string[] = [];
    for await (const page of paginateGetPartitions({ client: glue, pageSize: 5 }, { DatabaseName: "sales", TableName: "orders" })) paged.push(...page.Partitions!.map((p) => p.Values!.join("/")));
    expect(paged).toEqual(values.map((v) => v.join("/")));
    const segments = [];
    for (let n = 0; n < 3; n++) segments.push(...(await glue.send(new GetPartitionsCommand({ DatabaseName: "sales", TableName: "orders", Segment: { SegmentNumber: n, TotalSegments: 3 } }))).Partitions!);
    expect(segments.map((p) => p.Values!.join("/")).sort()).toEqual(values.map((v) => v.join("/")).sort());
  });

  test("values one per key; BatchGet and BatchDelete read and remove the same store; a missing table is not found", async () => {
    const { glue, select } = await orders();
    await expect(glue.send(new CreatePartitionCommand({ DatabaseName: "sales", TableName: "orders", PartitionInput: { Values: ["2026-03-01"] } }))).rejects.toMatchObject({ name: "InvalidInputException", message: "The number of partition keys do not match the number of partition values" });
    const { Partitions } = await glue.send(new BatchGetPartitionCommand({ DatabaseName: "sales", TableName: "orders", PartitionsToGet: [{ Values: ["2026-01-01", "eu-west-1", "2"] }, { Values: ["1999-01-01", "eu-west-1", "2"] }] }));
    expect(Partitions!.map((p) => [p.Values, p.StorageDescriptor?.Location])).toEqual([[["2026-01-01", "eu-west-1", "2"], "s3://lake/sales/orders/dt=2026-01-01/region=eu-west-1/hour=2/"]]);
    const { Errors } = await glue.send(new BatchDeletePartitionCommand({ DatabaseName: "sales", TableName: "orders", PartitionsToDelete: [{ Values: ["2026-01-01", "eu-west-1", "2"] }, { Values: ["1999-01-01", "eu-west-1", "2"] }] }));
    expect(Errors).toEqual([{ PartitionValues: ["1999-01-01", "eu-west-1", "2"], ErrorDetail: { ErrorCode: "EntityNotFoundException", ErrorMessage: "Partition not found." } }]);
    expect(await select("dt = '2026-01-01' AND hour = 2")).toEqual(["2026-01-01/us-east-1/2"]);
    await expect(glue.send(new BatchGetPartitionCommand({ DatabaseName: "sales", TableName: "nowhere", PartitionsToGet: [{ Values: ["x"] }] }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });
});

describe("the expression grammar on its own", () => {
  test("keywords in any case, quotes doubled inside strings, IS NULL", () => {
    const keys = [{ Name: "name", Type: "string" }];
    expect(partitionFilter("name = 'o''brien'", keys)(["o'brien"])).toBe(true);
    expect(partitionFilter("name is not null And Name like '_x%'", keys)(["axe"])).toBe(true);
    expect(parseExpression("   ")).toBeUndefined();
    expect(() => parseExpression("a = 'b' c")).toThrow(/Unsupported expression/);
  });
});

describe("a populated account's partitions fit their table", () => {
  test("GetPartitions of a table nobody made: each partition has one value per partition key of the table GetTable answers", async () => {
    const { GlueClient, GetTableCommand, GetPartitionsCommand } = await import("@aws-sdk/client-glue");
    const { createAwsMock, testClientConfig } = await import("../handlers/index.js");
    const glue = new GlueClient({ ...testClientConfig(), requestHandler: createAwsMock({ unknownIds: "generate", seed: 2 }).requestHandler() });
    let checked = 0;
    for (const TableName of ["orders", "customers", "events", "invoices", "sessions", "clicks"]) {
      const keys = (await glue.send(new GetTableCommand({ DatabaseName: "sales", Name: TableName }))).Table!.PartitionKeys ?? [];
      const partitions = (await glue.send(new GetPartitionsCommand({ DatabaseName: "sales", TableName }))).Partitions ?? [];
      if (keys.length === 0) expect(partitions).toEqual([]);
      for (const p of partitions) expect(p.Values, `${TableName}: ${keys.map((k) => k.Name).join(", ")}`).toHaveLength(keys.length);
      checked += partitions.length;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
