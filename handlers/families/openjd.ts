import type * as Yaml from "yaml";
import { nodeBuiltin, nodeRequire } from "../../src/platform.js";

/**
 * The part of an Open Job Description job template (specification `jobtemplate-2023-09`) that decides what a
 * Deadline job is: its name, its steps with their dependencies, and each step's tasks, the points of its
 * parameter space. Format strings (`{{Param.Frames}}`) are resolved with the job's parameters and their defaults.
 * Scripts, environments and host requirements are the worker's business and are not read.
 */
export interface JobPlan {
  readonly name: string;
  readonly description?: string;
  readonly steps: readonly StepPlan[];
}

export interface StepPlan {
  readonly name: string;
  readonly dependsOn: readonly string[];
  /** Each task's parameter values as Deadline answers them (`{ Frame: { int: "1" } }`); one task with none when the step has no parameter space. */
  readonly tasks: readonly Readonly<Record<string, Readonly<Record<string, string>>>>[];
  /** The parameter space as `GetStep` answers it. */
  readonly parameterSpace?: { readonly parameters: readonly { name: string; type: string }[]; readonly combination?: string };
}

/** Why a template is refused: `CANNOT_PARSE` when it is not JSON or YAML, `FIELD_VALIDATION_FAILED` when it breaks the specification. */
export class TemplateError extends Error {
  constructor(
    readonly reason: "CANNOT_PARSE" | "FIELD_VALIDATION_FAILED",
    message: string,
  ) {
    super(message);
  }
}

type Rec = Record<string, unknown>;
const TYPE_KEY: Record<string, string> = { INT: "int", FLOAT: "float", STRING: "string", PATH: "path", CHUNK_INT: "chunkInt" };
/** The specification's limits on a parameter space (2023-09 §3.4): at most 16 parameters, 1024 values each; this many tasks per step. */
const MAX_TASKS = 10_000;

let yaml: Pick<typeof Yaml, "parse"> | undefined;

/** The YAML parser: required on first use in Node; elsewhere loaded beforehand by `loadYaml()`. */
function yamlParser(): Pick<typeof Yaml, "parse"> {
  if (yaml) return yaml;
  const require = nodeRequire();
  if (!require) throw new Error("the YAML parser is not loaded (loadYaml() first)");
  return (yaml = require("yaml") as typeof Yaml);
}

/** Loads the YAML parser as a module where it cannot be required (a browser); undefined when there is nothing to wait for. */
export function loadYaml(): Promise<void> | undefined {
  if (yaml || nodeBuiltin("node:module")) return undefined;
  return import("yaml").then((module) => {
    yaml = module;
  });
}

/** The template as a value: JSON, or YAML (read on first use). */
function parse(text: string, type: string): Rec {
  // Outside Node the parser must have been loaded first: a missing parser is the mock's error, not the template's.
  const yamlParse = type === "JSON" ? undefined : yamlParser();
  let value: unknown;
  try {
    value = yamlParse ? yamlParse.parse(text) : JSON.parse(text);
  } catch (e) {
    throw new TemplateError("CANNOT_PARSE", `The job template is not valid ${type}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new TemplateError("CANNOT_PARSE", `The job template must be a ${type} object.`);
  return value as Rec;
}

const invalid = (message: string) => new TemplateError("FIELD_VALIDATION_FAILED", message);

/**
 * Reads a job template and the job's parameters (`{ Frames: { string: "1-10" } }`, as `CreateJob` takes them).
 * @throws TemplateError naming what is wrong, in the words a job's author would look for.
 */
export function planJob(text: string, type: string, parameters: Readonly<Record<string, Readonly<Record<string, string>>>> = {}): JobPlan {
  const template = parse(text, type);
  if (template.specificationVersion !== "jobtemplate-2023-09") throw invalid(`specificationVersion must be "jobtemplate-2023-09"${template.specificationVersion === undefined ? "" : `, not ${JSON.stringify(template.specificationVersion)}`}.`);
  if (typeof template.name !== "string") throw invalid("name: a job template needs a name.");
  // The job's parameter values: what the request gives, else the definition's default.
  const values = new Map<string, string>();
  for (const def of (template.parameterDefinitions as Rec[] | undefined) ?? []) {
    const name = String(def.name);
    const given = parameters[name];
    const value = given ? Object.values(given)[0] : def.default !== undefined ? String(def.default) : undefined;
    if (value === undefined) throw invalid(`parameterDefinitions: the job parameter ${name} has no default and no value was given.`);
    values.set(name, value);
  }
  for (const name of Object.keys(parameters)) if (!values.has(name)) throw invalid(`parameters: ${name} is not a parameter of the job template.`);
  const format = (s: string, where: string) =>
    s.replace(/\{\{\s*(?:Param|RawParam)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
      const v = values.get(name);
      if (v === undefined) throw invalid(`${where}: ${name} is not a job parameter.`);
      return v;
    });

  const steps = template.steps;
  if (!Array.isArray(steps) || steps.length === 0) throw invalid("steps: a job template needs at least one step.");
  const names = new Set<string>();
  const planned: StepPlan[] = steps.map((raw: Rec, i: number) => {
    const where = `steps[${i}]`;
    if (typeof raw?.name !== "string" || raw.name.length === 0 || raw.name.length > 64) throw invalid(`${where}.name: a step needs a name of 1 to 64 characters.`);
    if (names.has(raw.name)) throw invalid(`${where}.name: the step name ${raw.name} is used twice.`);
    names.add(raw.name);
    const dependsOn = ((raw.dependencies as Rec[] | undefined) ?? []).map((d) => String(d.dependsOn));
    const space = raw.parameterSpace as Rec | undefined;
    if (!space) return { name: raw.name, dependsOn, tasks: [{}] };
    const defs = space.taskParameterDefinitions as Rec[] | undefined;
    if (!Array.isArray(defs) || defs.length === 0 || defs.length > 16) throw invalid(`${where}.parameterSpace.taskParameterDefinitions: 1 to 16 task parameters.`);
    const lists = new Map<string, { type: string; values: string[] }>();
    for (const [j, def] of defs.entries()) {
      const at = `${where}.parameterSpace.taskParameterDefinitions[${j}]`;
      const type = String(def.type);
      if (!TYPE_KEY[type]) throw invalid(`${at}.type: one of INT, FLOAT, STRING, PATH, not ${JSON.stringify(def.type)}.`);
      const range = def.range;
      let list: string[];
      if (typeof range === "string") {
        if (type !== "INT" && type !== "CHUNK_INT") throw invalid(`${at}.range: a range expression is for INT parameters; give a ${type} parameter a list.`);
        list = intRange(format(range, `${at}.range`), `${at}.range`).map(String);
      } else if (Array.isArray(range) && range.length > 0 && range.length <= 1024) list = range.map((v) => format(String(v), `${at}.range`));
      else throw invalid(`${at}.range: a list of 1 to 1024 values${type === "INT" ? " or a range expression" : ""}.`);
      if (type === "INT" && list.some((v) => !/^-?\d+$/.test(v))) throw invalid(`${at}.range: INT values must be integers.`);
      lists.set(String(def.name), { type, values: list });
    }
    const combination = typeof space.combination === "string" ? space.combination : undefined;
    const points = combine(combination ?? [...lists.keys()].join(" * "), lists, `${where}.parameterSpace.combination`);
    if (points.length > MAX_TASKS) throw invalid(`${where}.parameterSpace: ${points.length} tasks, more than ${MAX_TASKS}.`);
    const tasks = points.map((point) => Object.fromEntries(Object.entries(point).map(([name, v]) => [name, { [TYPE_KEY[lists.get(name)!.type]!]: v }])));
    return { name: raw.name, dependsOn, tasks, parameterSpace: { parameters: [...lists].map(([name, { type }]) => ({ name, type })), ...(combination ? { combination } : {}) } };
  });
  for (const [i, step] of planned.entries()) for (const d of step.dependsOn) if (!names.has(d) || d === step.name) throw invalid(`steps[${i}].dependencies: ${d} is not another step of the template.`);
  // Dependencies must not go round.
  const seen = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (path.includes(name)) throw invalid(`steps: the dependencies go round (${[...path, name].join(" -> ")}).`);
    if (seen.has(name)) return;
    for (const d of planned.find((s) => s.name === name)!.dependsOn) visit(d, [...path, name]);
    seen.add(name);
  };
  for (const s of planned) visit(s.name, []);
  const name = format(template.name, "name");
  if (name.length === 0 || name.length > 128) throw invalid("name: the job name must be 1 to 128 characters once its parameters are put in.");
  return { name, ...(typeof template.description === "string" ? { description: format(template.description, "description") } : {}), steps: planned };
}

/**
 * An integer range expression (2023-09 §3.4.1.1.1): `1-10`, `1-10:2`, `1,3,5`, `10-1:-1`, joined by commas; ranges
 * may not overlap, and the values are listed in increasing order.
 */
export function intRange(expression: string, where = "range"): number[] {
  const values: number[] = [];
  for (const part of expression.split(",")) {
    const m = /^\s*(-?\d+)\s*(?:-\s*(-?\d+)\s*(?::\s*(-?\d+)\s*)?)?$/.exec(part);
    if (!m) throw invalid(`${where}: ${JSON.stringify(expression)} is not a range expression (such as "1-10:2,20").`);
    const start = Number(m[1]);
    if (m[2] === undefined) {
      values.push(start);
      continue;
    }
    const end = Number(m[2]);
    const step = m[3] === undefined ? (end >= start ? 1 : -1) : Number(m[3]);
    if (step === 0 || (end - start) * step < 0) throw invalid(`${where}: the range ${part.trim()} never reaches its end.`);
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) values.push(v);
    if (values.length > 1024 * 1024) throw invalid(`${where}: too many values.`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) throw invalid(`${where}: the value ${sorted[i]} is in the expression twice.`);
  return sorted;
}

type Point = Record<string, string>;

/**
 * A combination expression (2023-09 §3.4.3): `A * B` is every pair (the right one varying fastest); `(A, B)` pairs
 * values in order (the lists must be as long). Every parameter appears exactly once.
 */
function combine(expression: string, lists: ReadonlyMap<string, { values: string[] }>, where: string): Point[] {
  const tokens = expression.match(/[A-Za-z_][A-Za-z0-9_]*|[()*,]|\S/g) ?? [];
  let i = 0;
  const used = new Set<string>();
  const fail = (what: string): never => {
    throw invalid(`${where}: ${JSON.stringify(expression)} ${what}.`);
  };
  const product = (): Point[] => {
    let points = element();
    while (tokens[i] === "*") {
      i++;
      const right = element();
      points = points.flatMap((l) => right.map((r) => ({ ...l, ...r })));
    }
    return points;
  };
  const element = (): Point[] => {
    const t = tokens[i++];
    if (t === "(") {
      const parts = [product()];
      while (tokens[i] === ",") i++, parts.push(product());
      if (tokens[i++] !== ")") fail("has a ( without its )");
      if (parts.some((p) => p.length !== parts[0]!.length)) fail("pairs lists of different lengths");
      return parts[0]!.map((_, k) => Object.assign({}, ...parts.map((p) => p[k])));
    }
    if (t === undefined || !/^[A-Za-z_]/.test(t)) return fail(t === undefined ? "ends too early" : `has ${JSON.stringify(t)} where a parameter belongs`);
    const list = lists.get(t);
    if (!list) return fail(`names ${t}, which is not a task parameter`);
    if (used.has(t)) fail(`names ${t} twice`);
    used.add(t);
    return list.values.map((v) => ({ [t]: v }));
  };
  const points = product();
  if (i < tokens.length) fail(`has ${JSON.stringify(tokens[i])} after its end`);
  for (const name of lists.keys()) if (!used.has(name)) fail(`leaves out ${name}`);
  return points;
}
