/**
 * The resource model of a service, as data: each resource's identifiers and parent, the operations that
 * create, read, update, delete, list and batch-read it, where its entity sits in their inputs and outputs,
 * and the not-found, already-exists and conflict errors they model. Deadline's Smithy model declares
 * `resource` shapes (read as they are); the rest is inferred from operation names and identifier members,
 * with small per-service refinements for what names cannot tell (Device Farm's parents are in its ARNs).
 */
import type { IROperation, IRService, IRType, SmithyModel } from "./reconcile.js";

export interface ResourceModel {
  readonly name: string;
  /** Where the resource comes from: the model's `resource` shape, or operation names. */
  readonly source: "model" | "inferred";
  /** Members of the read operation's input that name one resource (`DatabaseName`, `Name`). */
  readonly identifiers: readonly string[];
  readonly parent?: string;
  readonly operations: Readonly<Partial<Record<Lifecycle, string>>>;
  /** Other operations that create it, named otherwise (Glue's `StartMLEvaluationTaskRun` starts an ML task run). */
  readonly creates?: readonly string[];
  /** The structure the resource is, and the member holding it in each operation's output (`GetTable` → `Table`). */
  readonly entity?: { readonly shape: string; readonly outputs: Readonly<Record<string, string>>; readonly inputs: Readonly<Record<string, string>> };
  readonly errors: { readonly notFound?: string; readonly alreadyExists?: string; readonly conflict?: string };
  /**
   * Its ARN after `arn:<partition>:<service>:<region>:<account>:`, with its identifiers in braces (`farm/{farmId}`):
   * the model's `aws.api#arn` template, a refinement, or `{arn}` when an identifier is the ARN itself.
   */
  readonly arn?: string;
}

type Lifecycle = "create" | "read" | "update" | "delete" | "list" | "listNames" | "batchRead" | "batchDelete" | "start" | "stop";

export interface ResourceRefinements {
  /** Parents that identifiers cannot tell (every Device Farm resource is named by one `arn`). */
  readonly parents?: Readonly<Record<string, string>>;
  /** ARN templates the model does not declare (Glue's, from its documentation), by resource. */
  readonly arns?: Readonly<Record<string, string>>;
  /** Operations that create a resource though their names do not say so, by resource. */
  readonly creates?: Readonly<Record<string, readonly string[]>>;
  /** Lifecycle operations named otherwise, by resource (`{ MLTaskRun: { stop: "CancelMLTaskRun" } }`). */
  readonly operations?: Readonly<Record<string, Readonly<Partial<Record<Lifecycle, string>>>>>;
}

export interface ResourceReport {
  readonly resources: ResourceModel[];
  /** Every operation no resource binds, with the reason. */
  readonly unbound: { readonly operation: string; readonly reason: string }[];
}

const NOT_FOUND = ["EntityNotFoundException", "NotFoundException", "ResourceNotFoundException"];
const ALREADY_EXISTS = ["AlreadyExistsException", "IdempotentParameterMismatchException"];
const CONFLICT = ["ConflictException", "ConcurrentModificationException", "CannotDeleteException", "ResourceInUseException"];
const TAGGING = /^(TagResource|UntagResource|GetTags|ListTagsForResource)$/;
/** Input members that never name a resource: pages, tokens, options. */
const NOT_IDENTIFYING = /^(NextToken|nextToken|MaxResults|maxResults|ClientToken|clientToken)$/;

const plurals = (noun: string): string[] => [`${noun}s`, `${noun}es`, noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`];

export function resourceModel(namespace: string, model: SmithyModel, service: IRService, refinements: ResourceRefinements = {}): ResourceReport {
  const ops = new Map(service.operations.map((o) => [o.name, o]));
  const structure = (name: string) => service.structures.get(name);
  const bound = new Map<string, string>();
  const resources: ResourceModel[] = [];

  const identifiersOf = (read: IROperation): string[] => (structure(read.input)?.required ?? []).filter((m) => !NOT_IDENTIFYING.test(m));
  const firstError = (names: readonly string[], ...opNames: (string | undefined)[]) => {
    for (const n of opNames) {
      const found = n ? ops.get(n)?.errors.find((e) => names.includes(e)) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  /** The member of an operation's output (or input) that holds a structure of this name, or its list. */
  const holding = (shapeName: string, entity: string, listed = false): string | undefined => {
    const s = structure(shapeName);
    const refers = (t: IRType): boolean => (t.kind === "ref" && t.name === entity) || (listed && t.kind === "list" && refers(t.member));
    return s?.members.find((m) => refers(m.type))?.name;
  };
  /** The one list of structures an output holds (a listing's summaries), leaving out its lists of failures. */
  const summaries = (output: string): string | undefined => {
    const lists = (structure(output)?.members ?? []).filter((m) => m.type.kind === "list" && m.type.member.kind === "ref" && structure(m.type.member.name) && !/error|fail|unprocessed|missing|notfound/i.test(m.name));
    return lists.length === 1 ? lists[0]!.name : undefined;
  };
  const entityOf = (noun: string, o: Partial<Record<Lifecycle, string>>): ResourceModel["entity"] => {
    const read = o.read ? ops.get(o.read) : undefined;
    const members = read ? (structure(read.output)?.members ?? []) : [];
    // The member holding the entity: a structure of the noun's name, else a structure member named for the noun.
    const readMember =
      members.find((m) => m.type.kind === "ref" && m.type.name === noun) ??
      members.find((m) => m.type.kind === "ref" && structure(m.type.name) && m.name.toLowerCase() === noun.toLowerCase());
    const shape = readMember?.type.kind === "ref" ? readMember.type.name : undefined;
    // No such member: the read's output is the entity itself (Glue's GetDataQualityRuleset, Deadline's GetFarm);
    // its listings hold summaries (`farms: FarmSummary[]`), each the entity's members of the item's shape.
    if (!shape) {
      if (!read) return undefined;
      const outputs: Record<string, string> = { [read.name]: "" };
      for (const kind of ["list", "batchRead"] as const) {
        const op = o[kind] ? ops.get(o[kind]) : undefined;
        const items = op ? summaries(op.output) : undefined;
        if (items) outputs[op!.name] = items;
      }
      return { shape: read.output, outputs, inputs: {} };
    }
    const outputs: Record<string, string> = {};
    const inputs: Record<string, string> = {};
    for (const [kind, name] of Object.entries(o)) {
      const op = ops.get(name);
      if (!op) continue;
      const out = kind === "listNames" ? structure(op.output)?.members.find((m) => m.type.kind === "list" && /Names$/.test(m.name))?.name : (holding(op.output, shape, kind === "list" || kind === "batchRead") ?? (kind === "list" || kind === "batchRead" ? summaries(op.output) : undefined));
      if (out) outputs[name] = out;
      const input = holding(op.input, `${shape}Input`) ?? holding(op.input, `${shape}Update`) ?? holding(op.input, shape);
      if (input) inputs[name] = input;
    }
    return { shape, outputs, inputs };
  };
  const add = (name: string, source: ResourceModel["source"], o: Partial<Record<Lifecycle, string>>, identifiers: string[], parent?: string) => {
    for (const op of Object.values(o)) bound.set(op, name);
    resources.push({
      name,
      source,
      identifiers,
      ...(parent ? { parent } : {}),
      operations: o,
      ...(entityOf(name, o) ? { entity: entityOf(name, o)! } : {}),
      errors: {
        ...(firstError(NOT_FOUND, o.read, o.update, o.delete) ? { notFound: firstError(NOT_FOUND, o.read, o.update, o.delete)! } : {}),
        ...(firstError(ALREADY_EXISTS, o.create) ? { alreadyExists: firstError(ALREADY_EXISTS, o.create)! } : {}),
        ...(firstError(CONFLICT, o.update, o.delete, o.create) ? { conflict: firstError(CONFLICT, o.update, o.delete, o.create)! } : {}),
      },
    });
  };

  // 1. Resources the model declares, with their children.
  const declared = Object.entries(model.shapes).filter(([id, s]) => id.startsWith(`${namespace}#`) && s.type === "resource") as [string, Record<string, unknown>][];
  const parentOf = new Map<string, string>();
  for (const [id, s] of declared) for (const child of (s.resources as { target: string }[] | undefined) ?? []) parentOf.set(child.target, id);
  const local = (id: string) => id.split("#")[1]!.replace(/Resource$/, "");
  for (const [id, s] of declared.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const o: Partial<Record<Lifecycle, string>> = {};
    for (const kind of ["create", "read", "update", "delete", "list"] as const) {
      const target = (s[kind] as { target: string } | undefined)?.target;
      if (target && ops.has(local(target))) o[kind] = target.split("#")[1]!;
    }
    const parent = parentOf.get(id);
    add(local(id), "model", o, Object.keys((s.identifiers as Record<string, unknown>) ?? {}), parent ? local(parent) : undefined);
    const template = ((s.traits as Record<string, unknown> | undefined)?.["aws.api#arn"] as { template?: string } | undefined)?.template;
    if (template) resources[resources.length - 1] = { ...resources.at(-1)!, arn: template };
  }

  // 2. Resources named by operations: a Get<Noun> with a Create, Start, Schedule, Delete or a listing of the same noun.
  const names = [...ops.keys()].sort();
  const nouns = new Set<string>();
  for (const n of names) {
    const m = /^Get(.+)$/.exec(n);
    // Made by the caller (Create, Start, Schedule), removable, or listed: a resource (Deadline's steps and tasks the service makes are listed).
    const listed = m && plurals(m[1]!).some((p) => ops.has(`List${p}`) || ops.has(`Get${p}`));
    if (m && !bound.has(n) && (ops.has(`Create${m[1]}`) || ops.has(`Start${m[1]}`) || ops.has(`Schedule${m[1]}`) || ops.has(`Delete${m[1]}`) || listed)) nouns.add(m[1]!);
  }
  for (const noun of [...nouns].sort()) {
    const pick = (...candidates: string[]) => candidates.find((c) => ops.has(c) && !bound.has(c));
    const o: Partial<Record<Lifecycle, string>> = {};
    const set = (kind: Lifecycle, ...candidates: string[]) => {
      const found = pick(...candidates);
      if (found) o[kind] = found;
    };
    set("read", `Get${noun}`);
    set("create", `Create${noun}`, `Start${noun}`, `Schedule${noun}`);
    // A resource that is created, then started and stopped again (a Glue crawler, a trigger).
    if (o.create === `Create${noun}`) set("start", `Start${noun}`);
    set("update", `Update${noun}`, `Put${noun}`);
    set("delete", `Delete${noun}`);
    // A listing of entities (Glue's GetJobs) is the list; one of names only (ListJobs) is listNames.
    const listings = plurals(noun).flatMap((p) => [`List${p}`, `Get${p}`]).filter((c, i, all) => ops.has(c) && !bound.has(c) && all.indexOf(c) === i);
    const readOut = o.read ? ops.get(o.read) : undefined;
    const entityName = readOut ? (structure(readOut.output)?.members.find((m) => m.type.kind === "ref" && m.type.name === noun) ? noun : undefined) : undefined;
    const ofEntities = listings.find((c) => entityName !== undefined && holding(ops.get(c)!.output, entityName, true) !== undefined) ?? listings[0];
    if (ofEntities) o.list = ofEntities;
    const ofNames = listings.find((c) => c !== ofEntities && (structure(ops.get(c)!.output)?.members ?? []).some((m) => m.type.kind === "list" && (m.type.member.kind === "string" || m.type.member.kind === "ref") && /Names$/.test(m.name)));
    if (ofNames) o.listNames = ofNames;
    set("batchRead", ...plurals(noun).map((p) => `BatchGet${p}`), `BatchGet${noun}`);
    set("batchDelete", `BatchDelete${noun}`, ...plurals(noun).map((p) => `BatchDelete${p}`));
    set("stop", `Stop${noun}`, `BatchStop${noun}`);
    add(noun, "inferred", o, identifiersOf(ops.get(o.read!)!));
  }

  // 3. Parents: a refinement, else the resource whose identifiers the child's include (`JobName` ⊂ `JobName, RunId`).
  // A parent's own identifier names it (`DatabaseName`, `farmId`): a shared generic one (`RunId`) names no parent.
  const idsOf = (r: ResourceModel) => r.identifiers.map((i) => (i === "Name" ? `${r.name}Name` : i));
  const namesItself = (r: ResourceModel) => idsOf(r).at(-1)?.toLowerCase().startsWith(r.name.toLowerCase()) === true;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    if (r.parent) continue;
    const named = refinements.parents?.[r.name];
    const candidates = resources.filter((p) => p !== r && namesItself(p) && idsOf(p).length < r.identifiers.length && idsOf(p).every((id) => r.identifiers.includes(id)));
    const parent = named ?? candidates.sort((a, b) => idsOf(b).length - idsOf(a).length)[0]?.name;
    if (parent) resources[i] = { ...r, parent };
  }

  // Operations named otherwise: what the refinements say creates or stops a resource.
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const creates = refinements.creates?.[r.name];
    const more = refinements.operations?.[r.name];
    for (const op of [...(creates ?? []), ...Object.values(more ?? {})]) {
      if (!ops.has(op!)) throw new Error(`resource refinement of ${r.name}: no operation ${op}`);
      bound.set(op!, r.name);
    }
    if (creates || more) resources[i] = { ...r, ...(creates ? { creates } : {}), operations: { ...r.operations, ...more } };
  }

  // ARNs: a refinement, or an identifier that is the ARN itself (Device Farm's `arn`, `projectArn`).
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const own = r.identifiers.at(-1);
    // Its own ARN: `arn`, or an ARN named for the resource (`projectArn` of a test grid project; not the `ResourceArn` a property is about).
    const isOwn = own !== undefined && /arn$/i.test(own) && (own.length === 3 || r.name.toLowerCase().endsWith(own.slice(0, -3).toLowerCase()));
    const arn = r.arn ?? refinements.arns?.[r.name] ?? (r.identifiers.length === 1 && isOwn ? `{${own}}` : undefined);
    if (arn) resources[i] = { ...r, arn };
  }

  const unbound = names
    .filter((n) => !bound.has(n))
    .map((operation) => ({
      operation,
      reason: TAGGING.test(operation)
        ? "tags, by ARN: every taggable resource"
        : /^(List|Get|Search|Describe)/.test(operation)
          ? "reads without a resource of its own (a search, a listing of something no Get names, or a service setting)"
          : /^(Create|Update|Delete|Put|Start|Stop|Batch|Associate|Disassociate|Assume|Copy|Import|Reset|Cancel)/.test(operation)
            ? "acts on a resource no Get reads, or on several at once"
            : "a service action without a resource",
    }));
  return { resources: resources.sort((a, b) => (a.name < b.name ? -1 : 1)), unbound };
}

/** The report of every service: resources, their operations, and the operations bound to none. */
export function emitResourceReport(reports: readonly { id: string; report: ResourceReport }[]): string {
  const lines = ["# Resources", "", "Generated by `npm run codegen` (`codegen/resources.ts`). Do not edit.", ""];
  for (const { id, report } of reports) {
    lines.push(`## ${id}: ${report.resources.length} resources, ${report.unbound.length} operations bound to none`, "");
    lines.push("| resource | from | identifiers | parent | create | read | update | delete | list | entity | not found |", "|---|---|---|---|---|---|---|---|---|---|---|");
    for (const r of report.resources) {
      const o = r.operations;
      lines.push(`| ${r.name} | ${r.source} | ${r.identifiers.join(", ")} | ${r.parent ?? ""} | ${[o.create, ...(r.creates ?? [])].filter(Boolean).join(", ")} | ${o.read ?? ""} | ${o.update ?? ""} | ${o.delete ?? ""} | ${o.list ?? ""} | ${r.entity?.shape ?? ""} | ${r.errors.notFound ?? ""} |`);
    }
    lines.push("", "Bound to no resource:", "");
    for (const u of report.unbound) lines.push(`- ${u.operation}: ${u.reason}`);
    lines.push("");
  }
  return lines.join("\n");
}
