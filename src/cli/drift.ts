import { compareWithInstalledSdks, type InstalledSdkReport } from "../drift/sdk-schema.js";

/** Renders the SDK comparison for people: one block per operation, one line per difference. */
function formatDriftReport(reports: readonly InstalledSdkReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.version === undefined) {
      lines.push(`${report.operation}: ${report.package} is not installed, skipped`);
      continue;
    }
    if (report.differences.length === 0) {
      lines.push(`${report.operation}: matches ${report.package}@${report.version}`);
      continue;
    }
    lines.push(`${report.operation}: ${report.differences.length} difference(s) with ${report.package}@${report.version}`);
    for (const d of report.differences) lines.push(`  ${d.part} ${d.path} [${d.kind}] ${d.message}`);
  }
  const differing = reports.filter((r) => r.differences.length > 0).length;
  const compared = reports.filter((r) => r.version !== undefined).length;
  lines.push("", `${compared - differing} passed, ${differing} failed`);
  return lines.join("\n");
}

/** `aws-sdk-contracts drift`: compares the contracts with the SDK clients installed here. */
export async function runDrift(options: { json: boolean }, out: (text: string) => void): Promise<number> {
  const reports = await compareWithInstalledSdks();
  out(options.json ? JSON.stringify(reports, null, 2) : formatDriftReport(reports));
  return reports.some((r) => r.differences.length > 0) ? 1 : 0;
}
