import type { CheckReport } from "./check.js";

export interface Totals {
  readonly passed: number;
  readonly failed: number;
  /** Drift findings across all files (failures only with `strict`). */
  readonly drift: number;
  /** Files that could not be checked at all. */
  readonly unusable: number;
}

export function totals(reports: readonly CheckReport[]): Totals {
  let drift = 0;
  for (const r of reports) for (const e of r.entries) drift += e.findings.filter((f) => f.severity === "drift").length;
  return {
    passed: reports.filter((r) => r.ok).length,
    failed: reports.filter((r) => !r.ok).length,
    drift,
    unusable: reports.filter((r) => r.problems.length > 0).length,
  };
}

/** The closing line: `N passed, N failed`, then the drift count. */
export function summaryLine(t: Totals): string {
  return `${t.passed} passed, ${t.failed} failed${t.drift ? ` (${t.drift} drift finding${t.drift === 1 ? "" : "s"})` : ""}`;
}

const paint = (on: boolean, code: number) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Human output: grouped by file, each finding with its path, what was expected and what came. */
export function formatText(reports: readonly CheckReport[], { quiet = false, color = false }: { quiet?: boolean; color?: boolean } = {}): string {
  const red = paint(color, 31);
  const green = paint(color, 32);
  const yellow = paint(color, 33);
  const dim = paint(color, 2);
  const lines: string[] = [];
  for (const r of reports) {
    const findings = r.entries.flatMap((e) => e.findings.map((f) => ({ e, f })));
    const shown = quiet ? findings.filter(({ f }) => f.severity === "violation") : findings;
    if (quiet && r.ok) continue;
    const what = r.entries.length ? ` (${r.format}, ${[...new Set(r.entries.map((e) => e.operation))].join(", ")}${r.skipped ? `, ${r.skipped} other entr${r.skipped === 1 ? "y" : "ies"} skipped` : ""})` : "";
    lines.push(`${r.ok ? green("PASS") : red("FAIL")} ${r.source}${dim(what)}`);
    for (const p of r.problems) lines.push(`  ${red("error")} ${p.code}: ${p.message}`);
    for (const { e, f } of shown) {
      lines.push(`  ${f.severity === "violation" ? red(f.severity) : yellow(f.severity)} ${f.code} ${f.path}${e.part !== "response" ? ` [${e.part}]` : ""}`);
      lines.push(`    ${f.message}`);
      lines.push(dim(`    expected: ${f.expected}`));
      lines.push(dim(`    received: ${f.received}`));
    }
  }
  lines.push("", summaryLine(totals(reports)));
  return lines.join("\n");
}

export function formatJson(reports: readonly CheckReport[]): string {
  return JSON.stringify({ totals: totals(reports), reports }, null, 2);
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** JUnit XML: one test case per file, a failure per violation or problem. */
export function formatJunit(reports: readonly CheckReport[]): string {
  const t = totals(reports);
  const cases = reports.map((r) => {
    const failures = [
      ...r.problems.map((p) => `${p.code}: ${p.message}`),
      ...r.entries.flatMap((e) => e.findings.filter((f) => f.severity === "violation").map((f) => `${f.code} ${f.path}: ${f.message} (expected ${f.expected}, received ${f.received})`)),
    ];
    const body = failures.length ? `<failure message="${xml(failures[0]!)}">${xml(failures.join("\n"))}</failure>` : "";
    return `    <testcase classname="aws-sdk-contracts.check" name="${xml(r.source)}">${body}</testcase>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites tests="${reports.length}" failures="${t.failed}">`,
    `  <testsuite name="aws-sdk-contracts check" tests="${reports.length}" failures="${t.failed}">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
  ].join("\n");
}
