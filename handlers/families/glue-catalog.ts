import { registry, type Operation } from "../../src/index.js";
import type { ResourceEngine } from "../engine.js";
import type { Answer, Family } from "./family.js";
import { ExpressionError, partitionFilter } from "./partition-expression.js";

type Rec = Record<string, unknown>;

/** Glue's own words when a partition's values do not fit its table's keys (apache/hudi#6281, Glue's InvalidInputException). */
const VALUES_MISMATCH = "The number of partition keys do not match the number of partition values";

/**
 * What the Glue Data Catalog's partitions need beyond the resource engine: `GetPartitions` filtered by its
 * `Expression` and split by its `Segment`, a partition's values checked against its table's keys, and the batch
 * operations on partitions (`BatchCreatePartition`, `BatchGetPartition`, `BatchDeletePartition`) on the same store;
 * and the metrics of the crawlers that fill the catalog (`GetCrawlerMetrics`), read from the crawlers kept.
 */
export class GlueCatalog implements Family {
  readonly service = "glue";
  readonly operations = ["BatchCreatePartition", "BatchGetPartition", "BatchDeletePartition", "GetCrawlerMetrics"];

  constructor(
    readonly engine: ResourceEngine,
    readonly fresh: boolean,
  ) {
    engine.filter("glue", "Partition", (input, partitions) => {
      const table = this.#table(input);
      let kept = partitions;
      if (typeof input.Expression === "string" && table) {
        try {
          const matches = partitionFilter(input.Expression, (table.PartitionKeys as { Name?: string; Type?: string }[] | undefined) ?? []);
          kept = kept.filter((p) => matches((p.entity.Values as string[] | undefined) ?? []));
        } catch (e) {
          if (!(e instanceof ExpressionError)) throw e;
          return { error: "InvalidInputException", members: { message: e.message } };
        }
      }
      // A segment of the table's partitions, for readers in parallel: each partition in exactly one.
      const segment = input.Segment as { SegmentNumber?: number; TotalSegments?: number } | undefined;
      if (segment?.TotalSegments) kept = kept.filter((_, i) => i % segment.TotalSegments! === segment.SegmentNumber);
      return kept;
    });
    // In a populated account a table's partitions have one value per partition key of the table its name stands
    // for; a table without partition keys has no partitions.
    engine.identify("glue", "Partition", (ids) => {
      const table = engine.generatedEntity("glue", "Table", { DatabaseName: ids.DatabaseName, Name: ids.TableName });
      const keys = (table?.PartitionKeys as { Type?: string }[] | undefined) ?? [];
      if (!keys.length) return undefined;
      const given = (ids.PartitionValues as string[] | undefined) ?? [];
      return { PartitionValues: keys.map((_, i) => given[i] ?? given[0] ?? "2025-12-01") };
    });
    for (const operation of ["CreatePartition", "UpdatePartition"]) engine.guard("glue", operation, (input) => this.#fits(input, input.PartitionInput as Rec | undefined));
  }

  reset(): void {}

  /** The table a request names, if the mock keeps it. */
  #table(input: Rec): Rec | undefined {
    return this.engine.get("glue", "Table", { DatabaseName: input.DatabaseName, Name: input.TableName });
  }

  /**
   * The metrics of the crawlers the request names (all of them when it names none) that the account has: in a fresh
   * account, only those a test made (a name nobody made has no metrics: left out); a populated account answers as it
   * answers any operation. A crawler that is running is still estimating its time left (AWS Glue API reference,
   * CrawlerMetrics); its counts are of crawls the mock does not run: none.
   */
  #crawlerMetrics(input: Rec): Answer | undefined {
    if (!this.fresh) return undefined;
    const names = input.CrawlerNameList as string[] | undefined;
    const crawlers = this.engine.all("glue", "Crawler").filter((c) => names === undefined || names.includes(c.entity.Name as string));
    const metrics = crawlers.map(({ entity }) => ({
      CrawlerName: entity.Name,
      TimeLeftSeconds: 0,
      StillEstimating: entity.State === "RUNNING",
      LastRuntimeSeconds: 0,
      MedianRuntimeSeconds: 0,
      TablesCreated: 0,
      TablesUpdated: 0,
      TablesDeleted: 0,
    }));
    return { output: { CrawlerMetricsList: metrics } };
  }

  /** A partition whose values are not one per partition key of its table: Glue's InvalidInputException. */
  #fits(input: Rec, partition: Rec | undefined): Answer | undefined {
    const keys = this.#table(input)?.PartitionKeys as unknown[] | undefined;
    const values = partition?.Values as unknown[] | undefined;
    if (!keys || !values || keys.length === values.length) return undefined;
    return { error: "InvalidInputException", members: { message: VALUES_MISMATCH } };
  }

  answer(operation: string, input: Rec): Answer | undefined {
    if (!this.operations.includes(operation)) return undefined;
    if (operation === "GetCrawlerMetrics") return this.#crawlerMetrics(input);
    const table = this.#table(input);
    if (!table) {
      // A table nobody made: not found in a fresh account; a populated one answers as it answers any operation.
      return this.fresh ? { error: "EntityNotFoundException", members: { message: `Table ${String(input.DatabaseName)}/${String(input.TableName)} not found.` }, missing: true } : undefined;
    }
    const ids = (values: unknown) => ({ DatabaseName: input.DatabaseName, TableName: input.TableName, PartitionValues: values });
    switch (operation) {
      case "BatchCreatePartition": {
        const create = registry.get("glue:CreatePartition") as Operation;
        const errors: Rec[] = [];
        for (const partition of (input.PartitionInputList as Rec[] | undefined) ?? []) {
          const one = { ...(input.CatalogId ? { CatalogId: input.CatalogId } : {}), DatabaseName: input.DatabaseName, TableName: input.TableName, PartitionInput: partition };
          const answered = this.engine.answer(create, one, create.request.decode(one) as Rec);
          if (answered && "error" in answered) errors.push({ PartitionValues: partition.Values, ErrorDetail: { ErrorCode: answered.error, ErrorMessage: String(answered.members.message) } });
        }
        return { output: errors.length ? { Errors: errors } : {} };
      }
      case "BatchGetPartition": {
        // Partitions that do not exist are left out of the answer (UnprocessedKeys is for what Glue could not read in time).
        const found = ((input.PartitionsToGet as Rec[] | undefined) ?? []).map((key) => this.engine.get("glue", "Partition", ids(key.Values))).filter((p): p is Rec => p !== undefined);
        return { output: { Partitions: found } };
      }
      case "BatchDeletePartition": {
        const errors = ((input.PartitionsToDelete as Rec[] | undefined) ?? [])
          .filter((key) => !this.engine.remove("glue", "Partition", ids(key.Values)))
          .map((key) => ({ PartitionValues: key.Values, ErrorDetail: { ErrorCode: "EntityNotFoundException", ErrorMessage: "Partition not found." } }));
        return { output: errors.length ? { Errors: errors } : {} };
      }
      default:
        return undefined;
    }
  }
}
