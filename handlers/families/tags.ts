import { registry, type Operation, type Shape } from "../../src/index.js";
import { tagsIn, type ResourceEngine } from "../engine.js";
import type { Answer, Family } from "./family.js";

type Rec = Record<string, unknown>;

/** The tagging operations every service has, by what they do. */
const KINDS: Readonly<Record<string, "add" | "remove" | "read">> = { TagResource: "add", UntagResource: "remove", GetTags: "read", ListTagsForResource: "read" };
const NOT_FOUND = ["EntityNotFoundException", "ResourceNotFoundException", "NotFoundException"];

/**
 * Tags by ARN, for every resource the engine keeps whose ARN the resource model knows: what a create gave and what
 * `TagResource` adds are read by `GetTags`/`ListTagsForResource`, `UntagResource` takes them away, and an ARN of a
 * resource that does not exist is the operation's not-found error. One keeper per service, found by operation names.
 */
export class Tags implements Family {
  readonly operations: readonly string[];

  constructor(
    readonly service: string,
    readonly engine: ResourceEngine,
    readonly fresh: boolean,
  ) {
    this.operations = Object.keys(KINDS).filter((name) => registry.find(`${service}:${name}`));
  }

  reset(): void {}

  answer(operation: string, input: Rec): Answer | undefined {
    const kind = KINDS[operation];
    const op = kind ? (registry.find(`${this.service}:${operation}`) as Operation | undefined) : undefined;
    if (!kind || !op) return undefined;
    const members = op.request.shape.members as Record<string, Shape>;
    const arn = Object.entries(input).find(([k, v]) => /arn$/i.test(k) && typeof v === "string")?.[1] as string | undefined;
    if (!arn) return undefined;
    const tags = this.engine.tagsOf(this.service, arn);
    if (!tags) {
      const error = op.errors.find((e) => NOT_FOUND.includes(e.name))?.name;
      return this.fresh && error ? { error, members: { message: `Resource ${arn} not found.` }, missing: true } : undefined;
    }
    if (kind === "add") {
      this.engine.retag(this.service, arn, tagsIn(op, input) ?? {});
      return { output: {} };
    }
    if (kind === "remove") {
      const keys = Object.entries(members).find(([, m]) => m.kind === "list" && (m.member.kind === "string" || m.member.kind === "enum"))?.[0];
      this.engine.retag(this.service, arn, {}, keys ? ((input[keys] as string[] | undefined) ?? []) : []);
      return { output: {} };
    }
    // A map of tags (Glue, Deadline), or a list of `{ Key, Value }` (Device Farm).
    const [name, shape] = Object.entries(op.response.shape.members as Record<string, Shape>).find(([k]) => k.toLowerCase() === "tags") ?? [];
    if (!name) return undefined;
    return { output: { [name]: shape!.kind === "list" ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) : tags } };
  }
}
