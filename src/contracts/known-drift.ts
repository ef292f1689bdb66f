import type { Shape } from "../model/shapes.js";

/**
 * What AWS is documented or seen to send beyond its model: members a structure does not declare and
 * enum values its enum does not list. Data, each with its evidence. The check reports a body that
 * carries one as `known_drift` (information, never a failure, even with `--strict`); drift nobody has
 * seen yet stays drift. The mock and the factories send it on request (`knownDrift: true`), so code can
 * be tested against what AWS really sends.
 */
export interface KnownDrift {
  /** The registry's service id. */
  readonly service: string;
  /** The model's structure that holds the member (`Run`, `Table`). */
  readonly structure: string;
  readonly member: string;
  /** `member`: a member the structure does not declare; `enum_value`: values its enum member does not list. */
  readonly kind: "member" | "enum_value";
  /** The values AWS sends: for a member, examples of its value; for an enum, the values beyond the model. */
  readonly values: readonly (string | number | boolean)[];
  /** For an enum: the value AWS sends in place of a modelled one (`ANDROID` → `ANDROID_APP`), when there is such a pairing. */
  readonly sentFor?: Readonly<Record<string, string>>;
  /** Where it is seen: documentation pages, issues, published responses. */
  readonly evidence: readonly string[];
}

export const KNOWN_DRIFT: readonly KnownDrift[] = [
  {
    service: "deviceFarm",
    structure: "Run",
    member: "platform",
    kind: "enum_value",
    values: ["ANDROID_APP", "IOS_APP"],
    sentFor: { ANDROID: "ANDROID_APP", IOS: "IOS_APP" },
    evidence: [
      "https://docs.aws.amazon.com/devicefarm/latest/developerguide/how-to-stop-test-runs.html (stop-run and list-runs output: \"platform\": \"ANDROID_APP\")",
      "https://docs.aws.amazon.com/cli/latest/reference/devicefarm/get-run.html",
    ],
  },
  {
    service: "glue",
    structure: "Table",
    member: "IsRowFilteringEnabled",
    kind: "member",
    values: [false],
    evidence: ["https://docs.aws.amazon.com/cli/latest/reference/glue/get-table.html (example output: \"IsRowFilteringEnabled\": false)"],
  },
  {
    service: "glue",
    structure: "Table",
    member: "DatabaseId",
    kind: "member",
    values: ["0b5ef3a2e9d44e0f9a3c1d2b7e6f8a90"],
    evidence: ["https://docs.aws.amazon.com/cli/latest/reference/glue/get-table.html (example output: \"DatabaseId\")"],
  },
  {
    // Built-in Explorer runs were retired from ScheduleRun in 2024 (and the value from the model), but runs made
    // before still read back with it; the same enum types Job, Suite and Test.
    service: "deviceFarm",
    structure: "Run",
    member: "type",
    kind: "enum_value",
    values: ["BUILTIN_EXPLORER"],
    evidence: [
      "https://docs.aws.amazon.com/devicefarm/latest/developerguide/how-to-stop-test-runs.html (stop-run and list-runs output: \"type\": \"BUILTIN_EXPLORER\")",
      "botocore examples-1.json of devicefarm until 2024 (GetRun and ListRuns outputs)",
    ],
  },
  {
    service: "glue",
    structure: "Connection",
    member: "ConnectionType",
    kind: "enum_value",
    values: ["SNOWFLAKE"],
    evidence: [
      "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-connect-snowflake-home.html (\"choose a SNOWFLAKE type connection\")",
      "https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/1810 (get-connection output: \"ConnectionType\": \"SNOWFLAKE\")",
    ],
  },
];

const byPlace = new Map<string, KnownDrift>(KNOWN_DRIFT.map((d) => [`${d.structure}.${d.member}`, d]));

/** The known drift of a structure's member (with the value, for an enum): undefined when nobody has seen it. */
export function knownDriftOf(structure: string, member: string, value?: unknown): KnownDrift | undefined {
  const found = byPlace.get(`${structure}.${member}`);
  if (!found) return undefined;
  if (found.kind === "enum_value" && !found.values.includes(value as string)) return undefined;
  return found;
}

/**
 * A wire value with the known drift of its structures put in: members AWS adds are added, enum values
 * AWS sends in place of modelled ones replace them. The input is not changed.
 */
export function withKnownDrift(shape: Shape, value: unknown, depth = 0): unknown {
  if (depth > 512 || value === null || typeof value !== "object") return value;
  if (shape.kind === "list" && Array.isArray(value)) return value.map((v) => withKnownDrift(shape.member, v, depth + 1));
  if (shape.kind === "map" && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withKnownDrift(shape.value, v, depth + 1)]));
  if (shape.kind !== "structure" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  const members = shape.members as Record<string, Shape>;
  for (const [k, v] of Object.entries(value)) out[k] = Object.hasOwn(members, k) ? withKnownDrift(members[k]!, v, depth + 1) : v;
  for (const drift of KNOWN_DRIFT) {
    if (drift.structure !== shape.name) continue;
    if (drift.kind === "member" && !(drift.member in out)) out[drift.member] = drift.values[0];
    if (drift.kind === "enum_value" && typeof out[drift.member] === "string") out[drift.member] = drift.sentFor?.[out[drift.member] as string] ?? out[drift.member];
  }
  return out;
}
