import { registry, type Operation } from "../../src/index.js";
import type { ResourceEngine } from "../engine.js";
import type { Answer, Family } from "./family.js";

type Rec = Record<string, unknown>;

/** The registry a schema is in when its request names none (Glue Schema Registry, "default-registry"). */
const DEFAULT_REGISTRY = "default-registry";

/** The name an ARN of this type ends with (`…:registry/payments` → `payments`; a schema's `…:schema/reg/name` → `reg/name`). */
const fromArn = (arn: unknown, type: string): string | undefined => (typeof arn === "string" ? new RegExp(`:${type}/(.+)$`).exec(arn)?.[1] : undefined);

/** The registry a `RegistryId` names, by its name or its ARN. */
const registryNamed = (id: Rec | undefined): unknown => id?.RegistryName ?? fromArn(id?.RegistryArn, "registry");

/** The registry a request names: `RegistryId` as a name or an ARN, or a create's `RegistryName`. */
function registryOf(input: Rec): string | undefined {
  const name = registryNamed(input.RegistryId as Rec | undefined) ?? input.RegistryName;
  return typeof name === "string" ? name : undefined;
}

/** The schema a request names, as `registry/schema`: `SchemaId` as an ARN or names, or a create's `SchemaName` in its registry. */
function schemaOf(input: Rec): string | undefined {
  const id = input.SchemaId as Rec | undefined;
  const byArn = fromArn(id?.SchemaArn, "schema");
  if (byArn) return byArn;
  const schema = id?.SchemaName ?? input.SchemaName;
  const inRegistry = id?.RegistryName ?? registryNamed(input.RegistryId as Rec | undefined) ?? DEFAULT_REGISTRY;
  return typeof schema === "string" ? `${String(inRegistry)}/${schema}` : undefined;
}

/**
 * Glue's Schema Registry: registries and schemas are named by structures (`RegistryId`: a name or an ARN;
 * `SchemaId`: an ARN, or a name and its registry), so the resource engine keeps them under one name each
 * (`payments`, `payments/orders`) whatever form a request uses, and their answers name them as the service does.
 */
export class GlueRegistry implements Family {
  readonly service = "glue";
  readonly operations = ["CreateRegistry", "UpdateRegistry", "DeleteRegistry", "CreateSchema", "UpdateSchema", "DeleteSchema"];

  constructor(readonly engine: ResourceEngine) {
    engine.namedBy(
      "glue",
      "Registry",
      (input) => {
        const name = registryOf(input);
        return name === undefined ? undefined : { RegistryId: name };
      },
      (ids) => ({ RegistryId: { RegistryName: ids.RegistryId } }),
    );
    engine.namedBy(
      "glue",
      "Schema",
      (input) => {
        const name = schemaOf(input);
        return name === undefined ? undefined : { SchemaId: name };
      },
      (ids) => {
        const [inRegistry, schema] = String(ids.SchemaId).split("/");
        return { SchemaId: { RegistryName: inRegistry, SchemaName: schema } };
      },
    );
    // Names and ARNs as the entity's identity says, in the account and region its generated ARN has.
    const arnOf = (generated: unknown, type: string, path: string) => (typeof generated === "string" ? generated.replace(/:[^:]+$/, `:${type}/${path}`) : undefined);
    engine.derive("glue", "Registry", (entity, ids) => ({ RegistryName: ids.RegistryId, RegistryArn: arnOf(entity.RegistryArn, "registry", String(ids.RegistryId)) }));
    engine.derive("glue", "Schema", (entity, ids) => {
      const [inRegistry, schema] = String(ids.SchemaId).split("/") as [string, string];
      return { SchemaName: schema, RegistryName: inRegistry, SchemaArn: arnOf(entity.SchemaArn, "schema", `${inRegistry}/${schema}`), RegistryArn: arnOf(entity.RegistryArn, "registry", inRegistry) };
    });
    // A registry's schemas only, when ListSchemas names one.
    engine.filter("glue", "Schema", (input, schemas) => {
      const inRegistry = registryNamed(input.RegistryId as Rec | undefined);
      return inRegistry === undefined ? schemas : schemas.filter((s) => String(s.ids.SchemaId).startsWith(`${String(inRegistry)}/`));
    });
  }

  reset(): void {}

  answer(operation: string, input: Rec): Answer | undefined {
    if (!this.operations.includes(operation)) return undefined;
    const kind = operation.endsWith("Registry") ? "Registry" : "Schema";
    const op = registry.get(`glue:${operation}` as never) as Operation;
    // What the entity is before the call (a delete answers what it deleted).
    const before = this.#entity(kind, input);
    const answered = this.engine.answer(op, input, op.request.decode(input) as Rec);
    if (!answered || "error" in answered) return answered;
    const entity = this.#entity(kind, input) ?? before;
    if (!entity) return answered;
    // The operation's answer, member by member from the entity; a delete's status is DELETING.
    const members = Object.keys(op.response.shape.members);
    const output: Rec = {};
    for (const m of members) if (entity[m] !== undefined) output[m] = entity[m];
    if (operation.startsWith("Delete")) output.Status = "DELETING";
    if (operation.startsWith("Create") && input.Tags !== undefined) output.Tags = input.Tags;
    for (const m of members) if (output[m] === undefined && (answered.output as Rec)[m] !== undefined && !/Arn$|Name$/.test(m)) output[m] = (answered.output as Rec)[m];
    return { output };
  }

  /** The kept registry or schema a request names, if any. */
  #entity(kind: "Registry" | "Schema", input: Rec): Rec | undefined {
    const name = kind === "Registry" ? registryOf(input) : schemaOf(input);
    return name === undefined ? undefined : this.engine.get("glue", kind, kind === "Registry" ? { RegistryId: name } : { SchemaId: name });
  }
}
