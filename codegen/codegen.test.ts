import { describe, expect, test } from "vitest";
import { linkShapes } from "../src/model/link.js";
import { registry } from "../src/index.js";
import { emitOperations, emitShapes } from "./emit.js";
import { jsPattern, reconcile, type SmithyModel } from "./reconcile.js";
import { refinements as deadline } from "./refinements/deadline.js";
import { refinements as deviceFarm } from "./refinements/deviceFarm.js";
import { enumMembersOf, paginatorsOf, throwsOf, type SdkClient } from "./sdk.js";

describe("pass 1: what the SDK says", () => {
  test("enum-typed members come from the type declarations, for plain, list and map members", () => {
    const enums = new Map([["SessionStatus", ["READY"]]]);
    const d = `export interface Session {\n    Status?: SessionStatus | undefined;\n    History?: SessionStatus[] | undefined;\n    ByName?: Record<string, SessionStatus> | undefined;\n    Id: string | undefined;\n}`;
    expect([...enumMembersOf(d, enums)]).toEqual([
      ["Session.Status", "SessionStatus"],
      ["Session.History", "SessionStatus"],
      ["Session.ByName", "SessionStatus"],
    ]);
  });

  test("errors come from @throws tags, without the service's base exception; paginators from the bundle", () => {
    expect(throwsOf("@throws {@link EntityNotFoundException} (client fault)\n@throws {@link GlueServiceException}", "GlueServiceException")).toEqual(["EntityNotFoundException"]);
    expect([...paginatorsOf('createPaginator(GlueClient, GetJobsCommand, "NextToken", "NextToken", "MaxResults")')]).toEqual([["GetJobs", { inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxResults" }]]);
  });
});

describe("pass 2: reconciliation", () => {
  test("Smithy patterns lose needless escapes so that they compile with the u flag", () => {
    expect(jsPattern("^[A-Z\\_]+$")).toBe("^[A-Z_]+$");
    expect(jsPattern("^arn:aws[\\w-]*:\\d{12}\\.x$")).toBe("^arn:aws[\\w-]*:\\d{12}\\.x$");
    expect(jsPattern("[a-z\\-]")).toBe("[a-z\\-]");
    expect(jsPattern("(?<!x)\\p{Alnum}")).toBeUndefined();
  });

  const ns = "com.example";
  const model: SmithyModel = {
    shapes: {
      "com.example#GetThing": { type: "operation", input: { target: "com.example#GetThingRequest" }, output: { target: "com.example#GetThingResponse" }, errors: [{ target: "com.example#Missing" }] },
      "com.example#GetThingRequest": { type: "structure", members: { Name: { target: "com.example#Name", traits: { "smithy.api#required": {} } } } },
      "com.example#GetThingResponse": { type: "structure", members: { Thing: { target: "com.example#Thing" }, Gone: { target: "smithy.api#String" } } },
      "com.example#Thing": { type: "structure", members: { Name: { target: "com.example#Name" }, Status: { target: "com.example#Status" }, Parts: { target: "com.example#Things" } } },
      "com.example#Things": { type: "list", member: { target: "com.example#Thing" } },
      "com.example#Name": { type: "string", traits: { "smithy.api#length": { min: 1, max: 8 }, "smithy.api#pattern": "^[a-z\\_]+$" } },
      "com.example#Status": { type: "enum", members: { A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "ON" } }, B: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "OFF" } } } },
      "com.example#Missing": { type: "structure", members: { message: { target: "smithy.api#String" } }, traits: { "smithy.api#error": "client" } },
    },
  };
  const thing: unknown[] = [3, ns, "Thing", 0, ["Name", "Status", "Parts", "Color"], [0, 0, [1, ns, "Things", 0, () => thing], 0]];
  const sdk: SdkClient = {
    package: "@example/client",
    version: "1.0.0",
    module: { Missing$: [-3, ns, "Missing", { error: "client", httpError: 404 }, ["message"], [0]] },
    operations: [
      { name: "GetThing", traits: 0, input: [3, ns, "GetThingRequest", 0, ["Name"], [0], 1], output: [3, ns, "GetThingResponse", 0, ["Thing"], [() => thing]], errors: ["Missing"] },
      { name: "NewThing", traits: 0, input: [3, ns, "NewThingRequest", 0, [], []], output: [3, ns, "NewThingResponse", 0, [], []], errors: [] },
    ],
    enumMembers: new Map([["Thing.Status", "Status"]]),
    enums: new Map([["Status", ["OFF", "ON", "PAUSED"]]]),
    paginators: new Map(),
  };
  const service = reconcile(ns, model, sdk);

  test("structure from the SDK, constraints from the model, enum values as the SDK has them in the model's order", () => {
    const t = service.structures.get("Thing")!;
    expect(t.members.map((m) => m.name)).toEqual(["Name", "Status", "Parts", "Color"]);
    expect(t.members[0]!.type).toEqual({ kind: "string", length: { min: 1, max: 8 }, pattern: "^[a-z_]+$" });
    expect(t.members[1]!.type).toEqual({ kind: "enum", name: "Status", values: ["ON", "OFF", "PAUSED"] });
    expect(t.members[2]!.type).toEqual({ kind: "list", member: { kind: "ref", name: "Thing" } });
    expect(service.structures.get("GetThingRequest")!.required).toEqual(["Name"]);
    expect(service.structures.get("Missing")!.error).toEqual({ fault: "client", httpStatus: 404 });
  });

  test("every disagreement is a note", () => {
    expect(service.notes).toEqual([
      "enum Status: the SDK adds PAUSED",
      "member GetThingResponse.Gone: only in AWS's model (the SDK dropped it)",
      "member Thing.Color: only in the SDK (no constraints)",
      "operation NewThing: only in the SDK (errors from its @throws tags)",
      'pattern "^[a-z\\\\_]+$": needless escapes removed for JavaScript\'s u flag',
      "structure NewThingRequest: only in the SDK (no constraints)",
      "structure NewThingResponse: only in the SDK (no constraints)",
    ]);
    expect(service.operations.map((o) => [o.name, o.modelled])).toEqual([
      ["GetThing", true],
      ["NewThing", false],
    ]);
  });

  test("pass 3 writes the same bytes twice, and the data links back into shapes, a cycle included", () => {
    const info = { id: "example", namespace: ns, sdkPackage: "@example/client", sdkVersion: "1.0.0", modelFile: "models/example.json" };
    expect(emitShapes(info, service)).toEqual(emitShapes(info, service));
    expect(emitOperations(info, service)).toEqual(emitOperations(info, service));
    const shapes = linkShapes(JSON.parse(emitShapes(info, service).json));
    const t = shapes.Thing!;
    expect((t.members.Parts as { member: unknown }).member).toBe(t);
    expect(t.members.Status).toMatchObject({ kind: "enum", values: ["ON", "OFF", "PAUSED"] });
    expect(JSON.parse(emitOperations(info, service).json)[0]).toMatchObject({ name: "GetThing", input: "GetThingRequest", errors: ["Missing"], outputMembers: ["Thing"] });
  });
});

describe("hand refinements", () => {
  test.each(Object.entries({ ...deviceFarm, ...deadline }))("%s carries its traits in the generated contracts", (path, { traits }) => {
    const [structure, member] = path.split(".") as [string, string];
    const found = registry.operations
      .flatMap((op) => [op.response.shape])
      .map((root) => {
        const seen = new Set<unknown>();
        const walk = (s: unknown): unknown => {
          if (!s || typeof s !== "object" || seen.has(s)) return undefined;
          seen.add(s);
          const shape = s as { kind: string; name?: string; members?: Record<string, unknown>; member?: unknown; value?: unknown };
          if (shape.kind === "structure" && shape.name === structure) return shape.members![member];
          for (const child of [...Object.values(shape.members ?? {}), shape.member, shape.value]) {
            const hit = walk(child);
            if (hit) return hit;
          }
          return undefined;
        };
        return walk(root);
      })
      .find(Boolean);
    expect(found).toMatchObject(traits);
  });
});

test("every pattern of every generated contract compiles with the u flag", () => {
  const patterns = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown): void => {
    if (!s || typeof s !== "object" || seen.has(s)) return;
    seen.add(s);
    const shape = s as { pattern?: string; members?: Record<string, unknown>; member?: unknown; key?: unknown; value?: unknown };
    if (shape.pattern) patterns.add(shape.pattern);
    for (const child of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) walk(child);
  };
  for (const op of registry.operations) {
    walk(op.request.shape);
    walk(op.response.shape);
    for (const e of op.errors) walk(e.shape);
  }
  expect(patterns.size).toBeGreaterThan(100);
  for (const p of patterns) expect(() => new RegExp(p, "u"), p).not.toThrow();
});
