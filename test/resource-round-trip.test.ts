import { afterAll, describe, expect, test } from "vitest";
import { createFactories } from "../factories/index.js";
import { createAwsMock } from "../handlers/index.js";
import { registry, type Operation, type OperationId, type Resource, type Shape, type StructureShape } from "../src/index.js";
import { client, send, type Client } from "./support/sdk.js";

type Rec = Record<string, unknown>;
const services = ["glue", "deadline", "deviceFarm"] as const;
/**
 * Kinds the engine does not keep yet, and why: each is checked to be still answered by the generator, so that the
 * list cannot outlive the gap.
 */
const NOT_KEPT: Record<string, string> = {};
const all = services.flatMap((service) => registry.resources(service).filter((r) => r.entity && r.operations.create && r.operations.read).map((r) => [service, r.name] as const));
const kinds = all.filter(([service, name]) => !NOT_KEPT[`${service}:${name}`]);
const op = (service: string, name: string): Operation => registry.get(`${service}:${name}` as OperationId);
/** What a create needs that a generated input cannot give: a job's template in the Open Job Description format. */
const REQUIRED: Record<string, Rec> = {
  "deadline:CreateJob": { template: JSON.stringify({ specificationVersion: "jobtemplate-2023-09", name: "Render", steps: [{ name: "Frames", script: { actions: { onRun: { command: "echo" } } } }] }), templateType: "JSON", parameters: {} },
};
/** Requests made to agree with each other where the service checks them: a partition has one value per key of its table. */
const FIT: Record<string, (input: Rec) => void> = {
  "glue:CreateTable": (input) => void ((input.TableInput as Rec).PartitionKeys = [{ Name: "dt", Type: "date" }]),
  "glue:CreatePartition": (input) => void ((input.PartitionInput as Rec).Values = ["2026-01-01"]),
  "glue:UpdatePartition": (input) => void ((input.PartitionInput as Rec).Values = ["2026-01-01"]),
};
const lcfirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The members of a request that name a parent's identifiers (`DatabaseName` for a database's `Name`; a project's `arn` as `projectArn`). */
function parentMembers(parent: Resource, ids: Rec, request: StructureShape): Rec {
  const out: Rec = {};
  for (const [k, v] of Object.entries(ids)) {
    const named = k === "Name" ? (Object.hasOwn(request.members, `${parent.name}Name`) || !Object.hasOwn(request.members, "Name") ? `${parent.name}Name` : "Name") : k === "arn" && !Object.hasOwn(request.members, "arn") ? `${lcfirst(parent.name)}Arn` : k;
    out[Object.hasOwn(request.members, named) ? named : (Object.keys(request.members).find((m) => m.toLowerCase() === named.toLowerCase()) ?? named)] = v;
  }
  return out;
}

/** The identifiers as an operation's request names them (Glue's DeleteConnection takes a connection's `Name` as `ConnectionName`). */
function as(op: Operation, resource: Resource, ids: Rec): Rec {
  const members = (op.request.shape as StructureShape).members;
  return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k === "Name" && !Object.hasOwn(members, k) && Object.hasOwn(members, `${resource.name}Name`) ? `${resource.name}Name` : k, v]));
}

describe("every resource kind keeps what a test creates: create, read, list, update, delete, then not found, through the real SDK", () => {
  const clients: Client[] = [];
  afterAll(() => clients.forEach((c) => c.destroy()));

  test.each(kinds)("%s %s", async (service, name) => {
    const mock = createAwsMock({ seed: 3 });
    const factories = createFactories({ seed: 5 });
    const byName = new Map(registry.resources(service).map((r) => [r.name, r]));
    const c = await client(op(service, byName.get(name)!.operations.read!), { requestHandler: mock.requestHandler() });
    clients.push(c);

    // A device of the public catalogue that takes remote access, for what a create names a device by.
    const device = mock.deviceFarm.devices().find((d) => d.remoteAccessEnabled)!.arn;
    /** The identifiers of the parent each kind was made under, as the parent's read takes them. */
    const parents = new Map<string, Rec>();
    /** Creates a resource of a kind (its parents first) and returns the identifiers its read takes. */
    const make = async (resource: Resource): Promise<Rec> => {
      const create = op(service, resource.operations.create!);
      const parent = resource.parent ? byName.get(resource.parent) : undefined;
      const parentIds = parent?.operations.create ? await make(parent) : undefined;
      if (parentIds) parents.set(resource.name, parentIds);
      const above = parent && parentIds ? parentMembers(parent, parentIds, create.request.shape as StructureShape) : {};
      const built = factories.input(create.id as OperationId).build() as Rec;
      if (typeof built.deviceArn === "string") built.deviceArn = device;
      const input = { ...built, ...REQUIRED[create.id], ...above };
      FIT[create.id]?.(input);
      await send(c, create, input);
      const held = mock.resources.list(service, resource.name);
      expect(held, `${resource.name} is held after ${create.name}`).toHaveLength(1);
      return mock.resources.inputFor(service, resource.name, held[0]!)!;
    };

    const resource = byName.get(name)!;
    const ids = await make(resource);
    const read = op(service, resource.operations.read!);
    const entity = mock.resources.list(service, name)[0]!;
    const got = await send(c, read, ids);
    const member = resource.entity!.outputs[read.name]!;
    const { $metadata: _, ...body } = got;
    expect(member === "" ? body : body[member]).toEqual(entity);

    if (resource.operations.list && resource.entity!.outputs[resource.operations.list]) {
      const list = op(service, resource.operations.list);
      const shape = list.request.shape as StructureShape;
      const built = factories.input(list.id as OperationId).build() as Rec;
      const required = Object.fromEntries(Object.entries(built).filter(([k]) => shape.required.includes(k)));
      // Listed under the parent it was made in (a database's tables, a project's device pools).
      const parent = resource.parent ? byName.get(resource.parent) : undefined;
      const under = parent && parents.has(name) ? parentMembers(parent, parents.get(name)!, shape) : {};
      const listed = await send(c, list, { ...required, ...under });
      const items = listed[resource.entity!.outputs[list.name]!] as Rec[];
      expect(items.length, `${list.name} lists it`).toBe(1);
    }

    if (resource.operations.update) {
      const update = op(service, resource.operations.update);
      const input = { ...(factories.input(update.id as OperationId).build() as Rec), ...as(update, resource, ids) };
      FIT[update.id]?.(input);
      const entityInput = resource.entity!.inputs[update.name];
      if (entityInput && input[entityInput]) for (const [k, v] of Object.entries(ids)) if (k === "Name" || k.endsWith("Name")) (input[entityInput] as Rec).Name ??= v;
      await send(c, update, input);
      // What the update set, the read gives back: every plain member of the changes the entity has.
      const { $metadata: __, ...after } = await send(c, read, ids);
      const now = (member === "" ? after : after[member]) as Rec;
      const shape = member === "" ? (read.response.shape as StructureShape) : ((read.response.shape as StructureShape).members as Record<string, Shape>)[member] as StructureShape;
      const changes = (entityInput ? input[entityInput] : input) as Rec;
      const kinds: Record<string, string[]> = { string: ["string", "enum"], number: ["integer", "long", "float", "double", "intEnum"], boolean: ["boolean"] };
      const plain = Object.entries(changes).filter(([k, v]) => Object.hasOwn(shape.members, k) && !Object.hasOwn(ids, k) && kinds[typeof v]?.includes((shape.members as Record<string, Shape>)[k]!.kind));
      for (const [k, v] of plain) expect(now[k], `${update.name} sets ${k}`).toEqual(v);
    }

    if (resource.operations.delete) {
      // What runs is stopped before it is deleted (a session), and read until the stop is through.
      if (resource.operations.stop) {
        // What rests between runs (a crawler) is started first: stopping it at rest is its own error.
        if (resource.operations.start) {
          const start = op(service, resource.operations.start);
          await send(c, start, as(start, resource, ids));
        }
        const stop = op(service, resource.operations.stop);
        await send(c, stop, as(stop, resource, ids));
        for (let i = 0; i < 4; i++) await send(c, read, ids);
      }
      const remove = op(service, resource.operations.delete);
      await send(c, remove, as(remove, resource, ids));
      const error = await send(c, read, ids).catch((e: unknown) => e);
      expect((error as Error).name, `${read.name} after delete`).toBe(resource.errors.notFound);
    }
  });
});

describe.skipIf(Object.keys(NOT_KEPT).length === 0)("kinds not kept yet are said so", () => {
  test.each(Object.entries(NOT_KEPT))("%s: %s", async (kind) => {
    const [service, name] = kind.split(":") as [string, string];
    const resource = registry.resources(service).find((r) => r.name === name)!;
    const mock = createAwsMock({ seed: 3 });
    const create = op(service, resource.operations.create!);
    const c = await client(create, { requestHandler: mock.requestHandler() });
    await send(c, create, createFactories({ seed: 5 }).input(create.id as OperationId).build() as Rec);
    expect(mock.resources.list(service, name)).toEqual([]);
    c.destroy();
  });
});
