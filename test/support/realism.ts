import { SUBJECTS } from "../../factories/core/vocabulary.js";
import { hints, type Hints } from "../../factories/hints.js";
import type { Shape, StructureShape } from "../../src/index.js";

/**
 * What a reader of real responses expects of any answer, as rules over every member that has a value:
 * the answer's account and region, IAM roles and principals where members name them, S3 locations,
 * text that reads as text, and the state rules the service hints give (times, counts, results).
 * A finding names the JSON path, the rule and the value.
 */

export interface Where {
  readonly account: string;
  readonly region: string;
}

export interface Finding {
  readonly path: string;
  readonly rule: string;
  readonly value: unknown;
}

/** Faker's hacker phrases ("you can't hack the … without …, we need to …"): filler, never a message. */
const FILLER = /\b(we need to|you can't|won't do anything|then you can|so we can|try to (?:hack|parse|index|compress|navigate))\b/i;

/** Members that name a type, format, state or class; and what a resource name looks like (`orders-curated`). */
const TYPED = /(type|format|class|library|classification|status|state|mode|kind|runtime)$/i;
const NAMED = new RegExp(`^(${SUBJECTS.join("|")})-`);

/** A role member: `Role`, `RoleArn`, `executionRoleArn`, `IamRole`. */
const ROLE = /^(role|rolearn|iamrole|.*rolearn)$/i;
const PRINCIPAL = /^(createdby|updatedby|modifiedby|lastmodifiedby|requestedby)$/i;
/** An S3 bucket name (Amazon S3, "Bucket naming rules"). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function arnFinding(value: string, where: Where, service: Hints): string | undefined {
  const parts = value.split(":");
  if (parts.length < 6) return "an ARN has six parts";
  const [, partition, svc, region, account] = parts;
  if (partition !== "aws") return `partition ${partition}`;
  const regions = service.regions?.length === 1 && svc !== "iam" && svc !== "sts" && svc !== "s3" ? service.regions : [where.region];
  if (region !== "" && !regions.includes(region!)) return `region ${region} is not the answer's (${regions.join(", ")})`;
  if (account !== "" && account !== where.account && account !== "aws") return `account ${account} is not the answer's (${where.account})`;
  return undefined;
}

/** The findings of one value of `shape` built for `where`, under the service's hints. */
export function realismFindings(service: string, shape: Shape, value: unknown, where: Where): Finding[] {
  const out: Finding[] = [];
  walk(hints[service] ?? {}, shape, value, "$", "", "", where, out);
  return out;
}

function walk(h: Hints, shape: Shape, value: unknown, path: string, member: string, parent: string, where: Where, out: Finding[]): void {
  if (value === undefined || value === null) return;
  switch (shape.kind) {
    case "structure": {
      const rec = value as Record<string, unknown>;
      const members = shape.members as Record<string, Shape>;
      for (const [name, m] of Object.entries(members)) walk(h, m, rec[name], `${path}.${name}`, name, shape.name, where, out);
      if (!shape.union) stateFindings(h, shape, rec, path, where, out);
      return;
    }
    case "list":
      (value as unknown[]).forEach((v, i) => walk(h, shape.member, v, `${path}[${i}]`, member, parent, where, out));
      return;
    case "map":
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(h, shape.value, v, `${path}.${k}`, member, parent, where, out);
      return;
    case "string": {
      const text = value as string;
      const add = (rule: string) => out.push({ path, rule, value: text });
      if (text.startsWith("arn:")) {
        const problem = arnFinding(text, where, h);
        if (problem) add(`ARNs name the answer's account and region: ${problem}`);
      }
      if (ROLE.test(member) && text.startsWith("arn:") && !/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(text)) add("a role member is an IAM role ARN");
      if (ROLE.test(member) && !text.startsWith("arn:") && member.toLowerCase().endsWith("arn")) add("a role ARN member is an IAM role ARN");
      if (PRINCIPAL.test(member) && !/^arn:aws:(sts|iam)::\d{12}:(assumed-role|user|role)\/\S+$/.test(text) && !/^([0-9a-f]{10}-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text)) add("createdBy/updatedBy name a principal ARN or an Identity Store user id");
      if (text.startsWith("s3://")) {
        const bucket = text.slice(5).split("/")[0]!;
        if (!BUCKET.test(bucket)) add("an S3 location names a valid bucket");
      }
      if (FILLER.test(text)) add("text is plain, never filler phrases");
      if (TYPED.test(member) && NAMED.test(text)) add("a member that names a type, format, state or class holds a word of that kind, never a resource name");
      return;
    }
    default:
      return;
  }
}

/** Whether the `only` conditions on a member (if any) allow it here; a condition may name a path of members (`device.fleetType`). */
function allowed(h: Hints, shape: StructureShape, rec: Record<string, unknown>, m: string): boolean {
  const at = (path: string) => path.split(".").reduce<unknown>((v, step) => (v && typeof v === "object" ? (v as Record<string, unknown>)[step] : undefined), rec);
  return Object.entries(h.only?.[shape.name]?.[m] ?? {}).every(([other, values]) => values.includes(at(other)));
}

/** The state rules of the service's hints, checked on a structure that has its state member set. */
function stateFindings(h: Hints, shape: StructureShape, rec: Record<string, unknown>, path: string, where: Where, out: Finding[]): void {
  const add = (rule: string, value: unknown) => out.push({ path, rule, value });
  // (Always there where an `only` condition allows it: a job's device instance on a private device.)
  for (const m of h.always?.[shape.name] ?? []) if (Object.hasOwn(shape.members, m) && rec[m] === undefined && allowed(h, shape, rec, m)) add(`${shape.name}.${m} is always there`, undefined);
  const rule = h.states?.[shape.name];
  const state = rule ? rec[rule.member] : undefined;
  const when = rule && typeof state === "string" ? rule.when[state] : undefined;
  if (when) {
    for (const m of when.present ?? []) if (Object.hasOwn(shape.members, m) && rec[m] === undefined) add(`${shape.name} ${state} has ${m}`, undefined);
    for (const m of when.absent ?? []) if (rec[m] !== undefined) add(`${shape.name} ${state} has no ${m}`, rec[m]);
    // (A member a verdict decides takes its verdict over a value the verdict replaces: the verdict's own rule below checks it.)
    const verdict = h.verdicts?.[shape.name];
    const replaced = (m: string, v: unknown) => m === verdict?.member && !verdict.unless?.includes(v as string);
    for (const [m, v] of Object.entries(when.values ?? {})) if (!replaced(m, v) && Object.hasOwn(shape.members, m) && rec[m] !== undefined && rec[m] !== v) add(`${shape.name} ${state} has ${m} ${String(v)}`, rec[m]);
    for (const [a, b] of when.same ?? []) if (rec[a] !== undefined && rec[b] !== undefined && rec[a] !== rec[b]) add(`${shape.name} ${state} has ${a} equal to ${b}`, [rec[a], rec[b]]);
    for (const [m, keys] of Object.entries(when.zero ?? {})) {
      const counts = rec[m] as Record<string, unknown> | undefined;
      for (const k of keys) if (counts?.[k] !== undefined && counts[k] !== 0) add(`${shape.name} ${state} has counted no ${k} yet`, counts);
    }
    for (const [m, keys] of Object.entries(when.keys ?? {})) {
      const counts = rec[m] as Record<string, unknown> | undefined;
      for (const k of Object.keys(counts ?? {})) if (!keys.includes(k)) add(`${shape.name} ${state} counts only ${keys.join(", ")}`, counts);
    }
  }
  const verdict = h.verdicts?.[shape.name];
  const counts = verdict ? (rec[verdict.from] as Record<string, unknown> | undefined) : undefined;
  if (verdict && counts && typeof rec[verdict.member] === "string" && !verdict.unless?.includes(rec[verdict.member] as string)) {
    const expected = verdict.order.find(([count]) => typeof counts[count] === "number" && (counts[count] as number) > 0)?.[1] ?? verdict.otherwise;
    if (rec[verdict.member] !== expected) add(`${shape.name}.${verdict.member} is its ${verdict.from}' verdict (${expected})`, rec[verdict.member]);
  }
  // Counts add up once they are counted: a total of tests none of which has a result yet is not a sum.
  for (const [total, parts] of Object.entries(h.sums?.[shape.name] ?? {})) {
    if (typeof rec[total] === "number" && parts.some((p) => typeof rec[p] === "number" && rec[p] !== 0) && Math.abs((rec[total] as number) - parts.reduce((sum, p) => sum + (typeof rec[p] === "number" ? (rec[p] as number) : 0), 0)) > 0.011) add(`${shape.name}.${total} is the sum of ${parts.join(", ")}`, rec[total]);
  }
  // A Glue catalog id, an account id: the answer's account.
  for (const m of Object.keys(shape.members)) if (/^(CatalogId|AccountId|awsAccountId)$/i.test(m) && typeof rec[m] === "string" && rec[m] !== where.account && /^\d{12}$/.test(rec[m] as string)) add(`${shape.name}.${m} is the answer's account`, rec[m]);
  for (const [m, conditions] of Object.entries(h.only?.[shape.name] ?? {})) {
    if (rec[m] !== undefined && !allowed(h, shape, rec, m)) add(`${shape.name}.${m} only where ${JSON.stringify(conditions)}`, rec[m]);
  }
  for (const [m, [from, to, unit]] of Object.entries(h.spans?.[shape.name] ?? {})) {
    const a = rec[from];
    const b = rec[to];
    if (rec[m] === undefined) continue;
    if (!(a instanceof Date && b instanceof Date)) add(`${shape.name}.${m} is the span from ${from} to ${to}, both there`, rec[m]);
    else if (Math.abs((rec[m] as number) - (b.getTime() - a.getTime()) / unit) > 1) add(`${shape.name}.${m} is the span from ${from} to ${to}`, rec[m]);
  }
  // Timestamps in their order: created, started, ended.
  const order = ["created", "started", "ended"].map((word) => Object.keys(shape.members).find((k) => new RegExp(`^${word}(at|on|time)?$`, "i").test(k) || new RegExp(`^(${word === "ended" ? "completed|stopped|ended" : word})(at|on|time)?$`, "i").test(k)));
  const times = order.map((k) => (k ? rec[k] : undefined)).filter((t): t is Date => t instanceof Date);
  for (let i = 1; i < times.length; i++) if (times[i]!.getTime() < times[i - 1]!.getTime()) add(`${shape.name}: created, started and ended times in order`, times.map((t) => t.toISOString()));
}
