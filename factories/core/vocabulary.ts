import type { Gen } from "./random.js";

/**
 * Words the generic factory writes with, so that values read like an account's own: what teams name
 * their data and resources, and the plain sentences AWS and its users put in descriptions and messages.
 * Generic: nothing here names a service.
 */

/** What the data of an account is about: resource names and descriptions are made from these. */
export const SUBJECTS = ["orders", "customers", "invoices", "payments", "shipments", "inventory", "clickstream", "sessions", "telemetry", "events", "products", "returns", "ledger", "campaigns", "renders", "assets"] as const;

/** How often, or for what, a resource runs. */
const CADENCES = ["Nightly", "Hourly", "Daily", "Weekly", "Incremental", "Ad hoc"] as const;

/** Stages of a pipeline a resource may belong to. */
const STAGES = ["raw", "curated", "staging", "prod", "analytics", "reporting"] as const;

/** What a resource's name ends with, when its own kind says nothing (`orders-pipeline`). */
const ROLES = ["pipeline", "ingest", "export", "sync", "report", "archive"] as const;

/** Sentences a person or a service writes in a neutral message or comment. */
const NOTES = [
  "Created by the deployment pipeline.",
  "Managed by the data platform team.",
  "Requested from the CI pipeline.",
  "Updated after the schema change.",
  "Owned by the analytics team.",
  "Scheduled by the nightly workflow.",
] as const;

/** What a failure says: the error texts users meet in logs and consoles. */
const FAILURES = [
  "An error occurred while calling o102.pyWriteDynamicFrame. java.lang.OutOfMemoryError: Java heap space",
  "Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)",
  "Command failed with exit code 1",
  "Task timed out after 60.00 minutes",
  "Connection refused: the host did not answer within 30 seconds",
  "The specified key does not exist.",
] as const;

/** The words of a structure's name, lower case: `JobRun` → `job run`, `TestGridProject` → `test grid project`. */
const words = new Map<string, string>();
export function wordsOf(name: string): string {
  let out = words.get(name);
  if (out === undefined) words.set(name, (out = splitWords(name)));
  return out;
}

function splitWords(name: string): string {
  return name
    .replace(/^(Get|List|Describe|Create|Update|Delete|Search|Start|Stop|BatchGet|Batch)(?=[A-Z])/, "")
    .replace(/(Summary|Detail|Details|Response|Output|Result|Input|Request|Info|Item|Properties|Configuration|Config)$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .trim();
}

/** The subject of this build: one per build, so a job, its script and its description speak of the same data. */
export function subject(gen: Gen): string {
  return gen.memo("$subject", () => gen.root().pick("$subject", SUBJECTS));
}

/**
 * A resource name in the account's words: `orders-crawler`, `customers-curated`; a structure's own name
 * (`own`) speaks of the build's subject, a name of another resource of any.
 */
export function resourceName(gen: Gen, kind: string, ownName = false): string {
  const words = wordsOf(kind);
  const what = words.slice(words.lastIndexOf(" ") + 1) || gen.pick("$role", ROLES);
  const own = ownName ? subject(gen) : gen.pick("$subject", SUBJECTS);
  return gen.bool("$stage", 0.4) ? `${own}-${gen.pick("$stagename", STAGES)}` : `${own}-${what === "name" || what === "" ? gen.pick("$role", ROLES) : what}`;
}

/** A short plain description of a resource of this kind: "Nightly orders ETL job". */
export function description(gen: Gen, kind: string): string {
  const what = wordsOf(kind) || "resource";
  return `${gen.pick("$cadence", CADENCES)} ${subject(gen)} ${what}`;
}

/** A neutral note: what a message, comment or reason says when nothing failed. */
export function note(gen: Gen): string {
  return gen.pick("$note", NOTES);
}

/** What a failure says. */
export function failure(gen: Gen): string {
  return gen.pick("$failure", FAILURES);
}

/** A word with its first letter in upper case. */
export const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** An IAM role name for a service: `OrdersGlueRole`. */
export function roleName(gen: Gen, service: string): string {
  return `${capital(subject(gen))}${capital(service)}Role`;
}

/** A person's user name as IAM and Identity Center sessions carry it. */
const PEOPLE = ["jdoe", "asmith", "mgarcia", "kpatel", "lchen", "rnovak", "build-bot"] as const;

/** The principal that made or changed something: an assumed role's session, as STS writes it. */
export function principalArn(gen: Gen, account: string, service: string): string {
  return `arn:aws:sts::${account}:assumed-role/${roleName(gen, service)}/${gen.pick("$person", PEOPLE)}`;
}

/** Keys of a map of settings when the member says nothing more. */
export const SETTING_KEYS = ["owner", "source", "format", "compression", "retention", "schedule", "stage", "team"] as const;

/** The account's data bucket in a region, named for the build's subject: `orders-data-<account>-<region>`. */
export function dataBucket(gen: Gen, account: string, regionName: string): string {
  return `${subject(gen)}-data-${account}-${regionName}`;
}

/** An S3 location in the account's own bucket for the member: `s3://orders-data-<account>-<region>/orders/manifest/`. */
export function s3Location(gen: Gen, account: string, regionName: string, member: string): string {
  const s = subject(gen);
  const { words, file } = locationWords(member);
  return `s3://${dataBucket(gen, account, regionName)}/${s}/${words ? `${words}/` : ""}${file === "script" ? `${s}_job.py` : file}`;
}

/** The folder words of a location member (`TempDir` → `temp`) and the file it names, found once per member. */
const locations = new Map<string, { readonly words: string; readonly file: string }>();
function locationWords(member: string): { readonly words: string; readonly file: string } {
  let found = locations.get(member);
  if (found) return found;
  const words = wordsOf(capital(member)).replace(/\b(s3|uri|url|path|location|prefix|dir)\b/g, "").trim().replace(/\s+/g, "-");
  const file = /script/.test(member.toLowerCase()) ? "script" : /manifest|file/.test(member.toLowerCase()) ? "manifest.json" : "";
  locations.set(member, (found = { words, file }));
  return found;
}
