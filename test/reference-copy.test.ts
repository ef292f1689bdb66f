import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { registry, type Shape } from "../src/index.js";

/**
 * The contracts carry every constraint of aws-shapes.json (the reference's machine-readable twin):
 * member names, @required, lengths, ranges, patterns, enum values, timestamp formats, error statuses.
 */
interface RefMember {
  name: string;
  required: boolean;
  type: string;
  length?: { min?: number; max?: number };
  range?: { min?: number; max?: number };
  pattern?: string;
  enum?: string[];
  timestampFormat?: string;
  ref?: string;
  member?: RefMember;
  key?: RefMember;
  value?: RefMember;
  httpHeader?: string;
  sensitive?: boolean;
}
interface RefShape {
  type: "structure" | "error";
  httpStatus?: number;
  fault?: string;
  members: RefMember[];
}
const shapesFile = new URL("./reference/aws-shapes.json", import.meta.url);
const ref = JSON.parse(readFileSync(shapesFile, "utf8")) as {
  operations: Record<string, { input: string; output: string; errors: { shape: string; httpStatus: number; fault: string }[]; method: string; path: string; hostPrefix: string | null; xAmzTarget: string | null }>;
  shapes: Record<string, RefShape>;
};

function compare(ours: Shape, theirs: RefMember, path: string, out: string[]): void {
  const note = (what: string): void => void out.push(`${path}: ${what}`);
  const eq = (a: unknown, b: unknown, what: string) => {
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) note(`${what} ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  };
  if (theirs.type === "structure") {
    if (ours.kind !== "structure") return note(`kind ${ours.kind}`);
    return compareStructure(ours, ref.shapes[theirs.ref!]!, path, out);
  }
  // A length of at least 0 says nothing: the Smithy model writes it, botocore leaves it out.
  const noZeroMin = (b: unknown) => (b && typeof b === "object" && (b as { min?: number }).min === 0 ? Object.fromEntries(Object.entries(b).filter(([k]) => k !== "min")) : b);
  if ("length" in ours || theirs.length) eq(noZeroMin((ours as { length?: unknown }).length), noZeroMin(theirs.length), "length");
  if ("range" in ours || theirs.range) eq((ours as { range?: unknown }).range, theirs.range, "range");
  if (theirs.type.startsWith("enum")) {
    if (ours.kind !== "enum") return note(`kind ${ours.kind}, expected enum`);
    eq([...ours.values], theirs.enum, "enum");
    return;
  }
  eq((ours as { pattern?: string }).pattern, theirs.pattern, "pattern");
  if (theirs.type === "timestamp") {
    if (ours.kind !== "timestamp") return note(`kind ${ours.kind}`);
    const format = theirs.timestampFormat?.startsWith("date-time") ? "date-time" : undefined;
    eq(ours.format, format, "timestamp format");
  } else if (theirs.type === "list") {
    if (ours.kind !== "list") return note(`kind ${ours.kind}`);
    compare(ours.member, theirs.member!, `${path}[]`, out);
  } else if (theirs.type === "map") {
    if (ours.kind !== "map") return note(`kind ${ours.kind}`);
    compare(ours.key, theirs.key!, `${path}{key}`, out);
    compare(ours.value, theirs.value!, `${path}{}`, out);
  } else {
    const kind = ours.kind === "enum" ? "string" : ours.kind;
    eq(kind, theirs.type, "type");
  }
  eq(ours.httpHeader, theirs.httpHeader, "httpHeader");
}

function compareStructure(ours: Shape & { kind: "structure" }, theirs: RefShape, path: string, out: string[]): void {
  const members = ours.members as Record<string, Shape>;
  const names = theirs.members.map((m) => m.name);
  const bodyNames = Object.keys(members).filter((n) => n !== "__type" || names.includes(n));
  if (JSON.stringify(bodyNames) !== JSON.stringify(names)) out.push(`${path}: members ${bodyNames} != ${names}`);
  const required = theirs.members.filter((m) => m.required).map((m) => m.name);
  if (JSON.stringify([...ours.required]) !== JSON.stringify(required)) out.push(`${path}: required ${ours.required} != ${required}`);
  for (const m of theirs.members) if (members[m.name]) compare(members[m.name]!, m, `${path}.${m.name}`, out);
}

// The reference covers the four session operations; the generated contracts must carry its constraints.
const referenced = registry.operations.filter((op) => ref.operations[`${op.service.id.toLowerCase()}.${op.name}`]);
test("the reference's operations are all in the registry", () => expect(referenced).toHaveLength(Object.keys(ref.operations).length));

describe.each(referenced.map((op) => [op.id, op] as const))("%s", (id, op) => {
  const [service, name] = id.split(":") as [string, string];
  const refOp = ref.operations[`${service.toLowerCase()}.${name}`]!;

  test("request, response and error shapes carry the reference's constraints", () => {
    const differences: string[] = [];
    compareStructure(op.request.shape, ref.shapes[refOp.input]!, "request", differences);
    compareStructure(op.response.shape, ref.shapes[refOp.output]!, "response", differences);
    for (const error of refOp.errors) {
      const ours = op.errors.find((e) => `${e.shape.name}` === error.shape.split("#")[1]);
      if (!ours) differences.push(`error ${error.shape} missing`);
      else {
        compareStructure(ours.shape, ref.shapes[error.shape]!, error.shape, differences);
        if (ours.httpStatus !== error.httpStatus) differences.push(`${error.shape}: status ${ours.httpStatus} != ${error.httpStatus}`);
        if (ours.fault !== error.fault) differences.push(`${error.shape}: fault ${ours.fault} != ${error.fault}`);
      }
    }
    expect(differences).toEqual([]);
    // The same errors; their order differs between documents and means nothing.
    expect(op.errors.map((e) => e.name).sort()).toEqual(refOp.errors.map((e) => e.shape.split("#")[1]).sort());
  });

  test("HTTP binding and X-Amz-Target match the reference", () => {
    expect({ method: op.http.method, path: op.http.path, hostPrefix: op.http.hostPrefix ?? null, target: op.target ?? null }).toEqual({
      method: refOp.method,
      path: refOp.path,
      hostPrefix: refOp.hostPrefix,
      target: refOp.xAmzTarget,
    });
  });
});

// Beside a developer's checkout only: a clone with nothing beside it tests its own copy, and skips this.
const shared = new URL("../../shared/reference/", import.meta.url);
const besideShared = existsSync(new URL("published-responses/", shared));
describe.runIf(besideShared)("the reference copy in test/reference", () => {
  const published = besideShared ? readdirSync(new URL("published-responses/", shared)).map((f) => `published-responses/${f}`) : [];
  test.each(["aws-wire.md", "aws-shapes.json", ...published])("%s equals the shared reference", (file) => {
    expect(readFileSync(new URL(`./reference/${file}`, import.meta.url), "utf8")).toBe(readFileSync(new URL(file, shared), "utf8"));
  });
});
