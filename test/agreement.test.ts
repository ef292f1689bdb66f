import { describe, expect, test } from "vitest";
import { ownMember } from "../handlers/generated.js";
import { createAwsMock } from "../handlers/index.js";
import { registry, type Operation, type Shape, type StructureShape } from "../src/index.js";
import { client, send } from "./support/sdk.js";

/**
 * In a populated account (`unknownIds: "generate"`), an entity is a function of its kind and identifiers: every
 * item of a list is what a read of its identifiers answers, member for member, through the real SDK clients.
 */
/** Kinds whose list and read cannot agree by identifiers, and why. */
const APART: Readonly<Record<string, string>> = {
  "glue:Session": "kept by the interactive-session family, whose own tests read its lists",
  "glue:Statement": "kept by the interactive-session family, whose own tests read its lists",
  "deadline:Session": "kept by the farm family: sessions exist only where a job ran",
  "deadline:SessionAction": "kept by the farm family: session actions exist only where a job ran",
  "deviceFarm:RemoteAccessSession": "kept by the session family",
  "deviceFarm:TestGridSession": "kept by the session family (its identifier is its ARN, made at creation)",
  "deviceFarm:Device": "the public device catalogue: ListDevices reads it, with its own test",
  "glue:Classifier": "a classifier is a union of kinds (Grok, XML, JSON, CSV), each with its own name member",
  "glue:Registry": "named by a RegistryId structure, not a value an item carries",
  "glue:Schema": "named by a SchemaId structure, not a value an item carries",
  "glue:AssetType": "named by an Identifier the listed item does not carry",
  "glue:FormType": "named by an Identifier the listed item does not carry",
  "glue:Glossary": "named by an Identifier the listed item does not carry",
  "glue:GlossaryTerm": "named by an Identifier the listed item does not carry",
};

const services = registry.services;
const cases = services.flatMap((service) =>
  registry
    .resources(service)
    .filter((r) => r.operations.list && r.operations.read && r.entity?.outputs[r.operations.list] !== undefined && r.entity.outputs[r.operations.read] !== undefined)
    .filter((r) => !Object.hasOwn(APART, `${service}:${r.name}`))
    .map((r) => [`${service}:${r.name}`, service, r] as const),
);

/** The structure a listing's items are. */
const shapeOfItems = (op: Operation, member: string) => ((op.response.shape as StructureShape).members as Record<string, { member: StructureShape }>)[member]!.member;

/** How many listings checked that their items live under the request's parent (the check must not be vacuous). */
let underParents = 0;

const entityOf = (op: Operation, member: string, output: Record<string, unknown>) => (member === "" ? output : (output[member] as Record<string, unknown>));

describe("a listed entity is the entity read", () => {
  test("there are list/read pairs in every service", () => {
    for (const service of services) expect(cases.filter(([, s]) => s === service).length, service).toBeGreaterThan(0);
  });

  test.each(cases)("%s: each listed item agrees with the Get of its identifiers", async (_, service, resource) => {
    const mock = createAwsMock({ unknownIds: "generate", seed: 9 });
    const list = registry.get(`${service}:${resource.operations.list!}` as never) as Operation;
    const read = registry.get(`${service}:${resource.operations.read!}` as never) as Operation;
    const listInput = mock.factories.input(list.id as never).build(undefined, { seed: 3 }) as Record<string, unknown>;
    const listed = await send(await client(list, { requestHandler: mock.requestHandler() }), list, listInput);
    const items = (listed[resource.entity!.outputs[list.name]!] ?? []) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    const readShape = (read.response.shape as StructureShape).members as Record<string, Shape>;
    const member = resource.entity!.outputs[read.name]!;
    const shape = (member === "" ? read.response.shape : readShape[member]) as StructureShape;
    const c = await client(read, { requestHandler: mock.requestHandler() });
    // An item named by its own ARN has its own, under the parent's the request names (a run's jobs: job:<project>/<run>/<n>).
    const parentArn = Object.values(listInput).find((v) => typeof v === "string" && v.startsWith("arn:")) as string | undefined;
    const ownArn = resource.identifiers.at(-1)!;
    if (parentArn && /arn$/i.test(ownArn)) {
      const parentId = parentArn.split(":").slice(6).join(":");
      underParents++;
      for (const item of items) {
        const arn = String(item[ownArn] ?? item[ownMember(shapeOfItems(list, resource.entity!.outputs[list.name]!), ownArn) ?? ""]);
        expect(arn).not.toBe(parentArn);
        expect(arn.split(":").slice(6).join(":").startsWith(`${parentId}/`), `${arn} under ${parentArn}`).toBe(true);
      }
    }
    for (const item of items.slice(0, 3)) {
      const ids: Record<string, unknown> = {};
      for (const i of resource.identifiers) ids[i] = item[i] ?? item[ownMember(shape, i) ?? ""] ?? listInput[i] ?? (i === "Name" ? listInput[`${resource.name}Name`] : undefined);
      const readInput = { ...(mock.factories.input(read.id as never).build(undefined, { seed: 3 }) as Record<string, unknown>), ...ids };
      const entity = entityOf(read, member, await send(c, read, readInput));
      const common = Object.keys(item).filter((k) => k !== "$metadata" && k in entity);
      expect(common.length, "members in common").toBeGreaterThan(0);
      // A summary may hold less of a nested structure than the entity (its own, smaller shape): what it holds agrees.
      for (const k of common) {
        const v = item[k];
        if (v && typeof v === "object" && !(v instanceof Date)) expect(entity[k], `${resource.name}.${k} of ${JSON.stringify(ids)}`).toMatchObject(v as object);
        else expect(entity[k], `${resource.name}.${k} of ${JSON.stringify(ids)}`).toEqual(v);
      }
    }
  });
});

/** Kinds read in batches: a batch read of identifiers answers what a read of each answers. */
const batched = services.flatMap((service) =>
  registry
    .resources(service)
    .filter((r) => r.operations.batchRead && r.operations.read && r.entity?.outputs[r.operations.batchRead] !== undefined && !Object.hasOwn(APART, `${service}:${r.name}`))
    .map((r) => [`${service}:${r.name}`, service, r] as const),
);

test("listings of items named by their own ARN were checked to live under their parent", () => {
  expect(underParents).toBeGreaterThanOrEqual(4);
});

describe("a batch read answers what each read answers", () => {
  test("there are batch reads in the services that model them", () => {
    expect(new Set(batched.map(([, s]) => s))).toEqual(new Set(["glue", "deadline"]));
  });

  test.each(batched)("%s: each entity of a batch read is the one its read answers, and only the keys asked", async (_, service, resource) => {
    const mock = createAwsMock({ unknownIds: "generate", seed: 9 });
    const batch = registry.get(`${service}:${resource.operations.batchRead!}` as never) as Operation;
    const read = registry.get(`${service}:${resource.operations.read!}` as never) as Operation;
    // Two reads' worth of identifiers, as a test would have them.
    const inputs = [1, 2].map((seed) => mock.factories.input(read.id as never).build(undefined, { seed }) as Record<string, unknown>);
    const keys = inputs.map((input) => Object.fromEntries(resource.identifiers.map((i) => [i, input[i]])));
    const members = Object.entries(batch.request.shape.members as Record<string, Shape>).filter(([, m]) => m.kind === "list");
    expect(members.length, "the batch request's list of keys").toBe(1);
    const [listName, list] = members[0]!;
    const item = (list as { member: Shape }).member;
    // A key structure names identifiers its own way (`catalogId`, `Values` for `PartitionValues`); the rest come from the request.
    const keyOf = (k: Record<string, unknown>) =>
      Object.fromEntries(Object.keys((item as StructureShape).members).flatMap((m) => {
        const i = resource.identifiers.find((id) => id.toLowerCase() === m.toLowerCase() || id.toLowerCase().endsWith(m.toLowerCase()));
        return i ? [[m, k[i]]] : [];
      }));
    const top = Object.fromEntries(resource.identifiers.filter((i) => Object.hasOwn(batch.request.shape.members, i)).map((i) => [i, keys[0]![i]]));
    const batchInput = { ...top, [listName]: item.kind === "structure" ? keys.map(keyOf) : keys.map((k) => k[resource.identifiers.at(-1)!]) };
    // Keys under one parent: the second read is of the first's parent.
    for (const i of Object.keys(top)) inputs[1]![i] = keys[1]![i] = keys[0]![i];
    const answered = await send(await client(batch, { requestHandler: mock.requestHandler() }), batch, batchInput);
    const found = (answered[resource.entity!.outputs[batch.name]!] ?? []) as Record<string, unknown>[];
    expect(found).toHaveLength(2);
    const readMember = resource.entity!.outputs[read.name]!;
    const c = await client(read, { requestHandler: mock.requestHandler() });
    // An item may wrap the entity with its keys (Glue's BatchTableOptimizer): the entity is what the read answers.
    const itemShape = ((batch.response.shape as StructureShape).members as Record<string, Shape & { member?: Shape }>)[resource.entity!.outputs[batch.name]!]!.member as StructureShape;
    const wrap = Object.entries(itemShape.members as Record<string, Shape>).find(([, m]) => m.kind === "structure" && m.name === resource.entity!.shape)?.[0];
    for (const [i, found_] of found.entries()) {
      const item = (wrap ? found_[wrap] : found_) as Record<string, unknown>;
      const entity = entityOf(read, readMember, await send(c, read, inputs[i]!));
      const common = Object.keys(item).filter((k) => k in entity);
      expect(common.length).toBeGreaterThan(1);
      for (const k of common) expect(entity[k], `${resource.name}.${k}`).toEqual(item[k]);
    }
  });
});
