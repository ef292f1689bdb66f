import { KNOWN_DRIFT } from "../contracts/known-drift.js";
import { registry, unknownOperation } from "../contracts/registry.js";
import { compareWithInstalledSdks, type InstalledSdkReport } from "../drift/sdk-schema.js";
import { UsageError } from "./usage.js";

/** Renders the SDK comparison for people: one line per service when it matches, one line per difference otherwise. */
function formatDriftReport(reports: readonly InstalledSdkReport[]): string {
  const lines: string[] = [];
  const byService = new Map<string, InstalledSdkReport[]>();
  for (const r of reports) {
    const service = r.operation.split(":")[0]!;
    byService.set(service, [...(byService.get(service) ?? []), r]);
  }
  for (const [service, list] of byService) {
    const { package: pkg, version } = list[0]!;
    if (version === undefined) {
      lines.push(`${service}: ${pkg} is not installed, skipped`);
      continue;
    }
    const differing = list.filter((r) => r.differences.length > 0);
    const plural = (n: number) => `${n} operation${n === 1 ? "" : "s"}`;
    const known = KNOWN_DRIFT.filter((d) => d.service === service);
    const knownLines = known.map((d) => `  known drift: ${d.structure}.${d.member} (${d.kind === "member" ? "a member beyond the model" : `values beyond the model: ${d.values.join(", ")}`}) — ${d.evidence[0]}`);
    if (differing.length === 0) {
      lines.push(`${service}: ${plural(list.length)} ${list.length === 1 ? "matches" : "match"} ${pkg}@${version}`, ...knownLines);
      continue;
    }
    lines.push(`${service}: ${plural(differing.length)} of ${list.length} differ from ${pkg}@${version}`, ...knownLines);
    for (const r of differing) {
      lines.push(`  ${r.operation}: ${r.differences.length} difference(s)`);
      for (const d of r.differences) lines.push(`    ${d.part} ${d.path} [${d.kind}] ${d.message}`);
    }
  }
  const compared = reports.filter((r) => r.version !== undefined);
  const failed = compared.filter((r) => r.differences.length > 0).length;
  lines.push("", `${compared.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}

/** `aws-sdk-contracts drift [--operation ID] [--json]`: compares the contracts with the SDK clients installed here. */
export async function runDrift(options: { json: boolean; operation?: string }, out: (text: string) => void): Promise<number> {
  if (options.operation !== undefined && !registry.find(options.operation)) throw new UsageError(`--operation: ${unknownOperation(options.operation)}`);
  const reports = await compareWithInstalledSdks(undefined, options.operation ? [options.operation] : undefined);
  if (reports.every((r) => r.version === undefined)) {
    const packages = [...new Set(reports.map((r) => r.package))];
    throw new UsageError(`None of the SDK clients to compare with is installed here (${packages.join(", ")}): install the ones your code uses.`);
  }
  out(options.json ? JSON.stringify(reports, null, 2) : formatDriftReport(reports));
  return reports.some((r) => r.differences.length > 0) ? 1 : 0;
}
