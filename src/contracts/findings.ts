import type * as z from "zod";
import type { Shape } from "../model/shapes.js";
import { shapeAt } from "./build.js";
import { driftCodes, jsonType, show, type FindingCode, type IssueParams } from "./issues.js";
import { knownDriftOf, type KnownDrift } from "./known-drift.js";

/** One thing a contract found wrong with a value: data first, rendering is the printer's job. */
export interface Finding {
  /** `info` is drift AWS is known to send (`known_drift`): it never fails a check, even a strict one. */
  readonly severity: "violation" | "drift" | "info";
  readonly code: FindingCode;
  /** JSON path from the document root, e.g. `$.Session.WorkerType` or `$.device.instances[0].arn`. */
  readonly path: string;
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

const drift = new Set<string>(driftCodes);

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders a path as JSONPath: `$.a.b[0]["odd key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (identifier.test(String(key))) out += `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const received = (value: unknown): string => (value === undefined ? "nothing" : value === null ? "null" : `${jsonType(value)} ${show(value)}`);

/** The known drift a finding at this path is: the member's owner structure, by name, and the value. */
function knownAt(root: Shape, path: readonly PropertyKey[], input: unknown): KnownDrift | undefined {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === "number") end--;
  const member = path[end - 1];
  const owner = end > 0 ? shapeAt(root, path.slice(0, end - 1)) : undefined;
  return owner?.kind === "structure" && typeof member === "string" ? knownDriftOf(owner.name, member, input) : undefined;
}

/** Whether a path from the root passes through a `@sensitive` shape. */
function sensitiveAt(root: Shape, path: readonly PropertyKey[]): boolean {
  let shape: Shape | undefined = root;
  for (const key of path) {
    if (!shape || shape.sensitive) return shape?.sensitive === true;
    shape = shapeAt(shape, [key]);
  }
  return shape?.sensitive === true;
}

function membersOf(shape: Shape | undefined): string {
  if (shape?.kind !== "structure") return "a modelled member";
  return `one of ${shape.name}'s members: ${Object.keys(shape.members).join(", ")}`;
}

/**
 * Turns zod issues raised by a contract schema into findings. `strict` makes drift a violation.
 * `root` is the shape the schema was built from, used to name what was expected.
 */
export function toFindings(issues: readonly z.core.$ZodIssue[], root: Shape, strict: boolean, prefix: readonly PropertyKey[] = []): Finding[] {
  const findings: Finding[] = [];
  const add = (code: FindingCode, path: readonly PropertyKey[], message: string, expected: string, input: unknown) => {
    // A @sensitive member's value (or anything inside one) is never quoted in a finding.
    const hidden = input !== undefined && input !== null && sensitiveAt(root, path);
    const known = code === "unknown_member" || code === "unknown_enum_value" ? knownAt(root, path, input) : undefined;
    if (known) {
      findings.push({
        severity: "info",
        code: "known_drift",
        path: formatPath([...prefix, ...path]),
        message: `${message} AWS is known to send it (${known.evidence[0]}).`,
        expected,
        received: received(input),
      });
      return;
    }
    findings.push({
      severity: drift.has(code) && !strict ? "drift" : "violation",
      code,
      path: formatPath([...prefix, ...path]),
      message: hidden ? message.split(show(input)).join("The sensitive value") : message,
      expected,
      received: hidden ? `${jsonType(input)} (sensitive: not shown)` : received(input),
    });
  };
  for (const issue of issues) {
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "custom": {
        const params = issue.params as IssueParams | undefined;
        add(params?.code ?? "wrong_type", issue.path, issue.message, params?.expected ?? "a valid value", input);
        break;
      }
      case "unrecognized_keys": {
        const owner = shapeAt(root, issue.path);
        for (const key of issue.keys) {
          const value = input && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined;
          add("unknown_member", [...issue.path, key], `Member ${JSON.stringify(key)} is not in the model; the SDK drops it.`, membersOf(owner), value);
        }
        break;
      }
      case "invalid_type": {
        const expected = issue.expected === "record" ? "object" : issue.expected;
        if (input === undefined) add("missing_required", issue.path, `Required member is missing.`, expected, input);
        else if (input === null) add("null_value", issue.path, `Value is null; AWS omits absent members instead.`, expected, input);
        else if (typeof input === "number" && !Number.isFinite(input)) add("wrong_type", issue.path, `Expected ${expected}, received a number beyond the range of a double (it reads as ${input}).`, expected, input);
        else add("wrong_type", issue.path, `Expected ${expected}, received ${jsonType(input)}.`, expected, input);
        break;
      }
      case "invalid_union":
      case "invalid_value":
      case "invalid_format":
      case "invalid_key":
      case "invalid_element":
      case "not_multiple_of":
      case "too_big":
      case "too_small":
        add("wrong_type", issue.path, issue.message, "a valid value", input);
        break;
    }
  }
  return findings;
}
