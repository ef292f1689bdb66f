/**
 * Service rules the model cannot express but the service applies, as data: a request that breaks one is answered
 * with the service's modelled error in its own words. Each rule names where its words were seen.
 */
export interface RequestRule {
  /** The operations it applies to (`service:Operation`). */
  readonly operations: readonly string[];
  /** The member of the request the rule reads (`JobUpdate` of UpdateJob); the request itself when absent. */
  readonly within?: string;
  /** Broken when both members are given. */
  readonly both?: readonly [string, string];
  /** Broken when this member is missing (or empty), where `when` holds. */
  readonly missing?: string;
  /** Members and the values that make the rule apply (`{ Type: "CONDITIONAL" }`). */
  readonly when?: Readonly<Record<string, unknown>>;
  readonly error: string;
  readonly message: string;
  readonly source: string;
  /** What a generated request sets to keep the rule (`{ Type: "ON_DEMAND" }`); a `both` rule drops its second member. */
  readonly fix?: Readonly<Record<string, unknown>>;
}

const JOBS = ["glue:CreateJob", "glue:StartJobRun"];

export const rules: readonly RequestRule[] = [
  ...[undefined, "JobUpdate"].flatMap((within) => {
    const operations = within ? ["glue:UpdateJob"] : JOBS;
    return [
      { operations, within, both: ["AllocatedCapacity", "MaxCapacity"], error: "InvalidInputException", message: "Please set only Allocated Capacity or Max Capacity.", source: "Glue's UpdateJob response, quoted in a live-tested client" },
      { operations, within, both: ["MaxCapacity", "WorkerType"], error: "InvalidInputException", message: "Please do not set Max Capacity if using Worker Type and Number of Workers.", source: "boto/boto3#2644; StartJobRun and UpdateJob responses quoted in Airflow DAGs" },
      { operations, within, both: ["AllocatedCapacity", "WorkerType"], error: "InvalidInputException", message: "Please do not set Allocated Capacity if using Worker Type and Number of Workers", source: "apache/airflow#25996 (a CreateJob response)" },
    ] as RequestRule[];
  }),
  { operations: ["glue:CreateTrigger"], when: { Type: "CONDITIONAL" }, missing: "Predicate", error: "InvalidInputException", message: "Predicate cannot be null or empty", fix: { Type: "ON_DEMAND" }, source: "CreateTrigger API reference (Predicate is required for CONDITIONAL); wording as Glue's `… cannot be null or empty` (aws/aws-cdk#34652)" },
  { operations: ["glue:CreateTrigger"], when: { Type: "SCHEDULED" }, missing: "Schedule", error: "InvalidInputException", message: "Schedule cannot be null or empty", fix: { Type: "ON_DEMAND" }, source: "CreateTrigger API reference; wording as Glue's `… cannot be null or empty` (aws/aws-cdk#24575)" },
];

/** The rules of each operation that has any, in the order `rules` gives them. */
const byOperation = new Map<string, RequestRule[]>();
for (const rule of rules) for (const op of rule.operations) byOperation.set(op, [...(byOperation.get(op) ?? []), rule]);

/** The rule a request breaks, if any. */
export function broken(operation: string, input: Readonly<Record<string, unknown>>): RequestRule | undefined {
  return byOperation.get(operation)?.find((rule) => {
    const at = (rule.within ? input[rule.within] : input) as Record<string, unknown> | undefined;
    if (!at || typeof at !== "object") return false;
    if (rule.when && !Object.entries(rule.when).every(([k, v]) => at[k] === v)) return false;
    if (rule.both) return at[rule.both[0]] !== undefined && at[rule.both[1]] !== undefined;
    if (rule.missing) {
      const value = at[rule.missing];
      return value === undefined || value === "" || (typeof value === "object" && value !== null && Object.keys(value).length === 0);
    }
    return false;
  });
}

/** A generated request made to keep every rule (what a factory's "valid input" must be): a copy, changed where a rule is broken. */
export function keepingRules<T extends object>(operation: string, input: T): T {
  let out = input as Record<string, unknown>;
  for (let rule = broken(operation, out), guard = 0; rule && guard < rules.length; rule = broken(operation, out), guard++) {
    const at = { ...((rule.within ? out[rule.within] : out) as Record<string, unknown>) };
    if (rule.both) delete at[rule.both[1]];
    Object.assign(at, rule.fix);
    out = rule.within ? { ...out, [rule.within]: at } : at;
  }
  return out as T;
}
