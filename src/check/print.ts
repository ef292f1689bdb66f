import { registry } from "../contracts/registry.js";
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

/**
 * A string from a file (a member name, a value, a file name) made safe for a terminal: control
 * characters, line breaks and bidirectional overrides are written as escapes, so a file can neither
 * move the cursor, clear the screen nor fake a line of the report.
 */
export function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

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
    const skipped = r.skipped ? `${r.skipped} ${r.entries.length ? "other " : ""}entr${r.skipped === 1 ? "y" : "ies"} skipped (not one of the modelled operations)` : "";
    const what = r.entries.length
      ? ` (${r.format}, ${[...new Set(r.entries.map((e) => e.operation))].join(", ")}${skipped ? `, ${skipped}` : ""})`
      : r.format && r.problems.length === 0
        ? ` (${r.format}, nothing checked${skipped ? `: ${skipped}` : ""})`
        : "";
    lines.push(`${r.ok ? green("PASS") : red("FAIL")} ${clean(r.source)}${dim(clean(what))}`);
    for (const p of r.problems) lines.push(`  ${red("error")} ${p.code}: ${clean(p.message)}`);
    for (const id of new Set(r.entries.map((e) => e.operation))) {
      if (registry.find(id)?.constraints === false) lines.push(dim(`  note ${id} is only in the SDK, not yet in AWS's model: checked for structure, without constraints`));
    }
    for (const { e, f } of shown) {
      lines.push(`  ${f.severity === "violation" ? red(f.severity) : f.severity === "info" ? dim(f.severity) : yellow(f.severity)} ${f.code} ${clean(f.path)}${e.part !== "response" ? ` [${clean(e.part)}]` : ""}`);
      lines.push(`    ${clean(f.message)}`);
      lines.push(dim(`    expected: ${clean(f.expected)}`));
      lines.push(dim(`    received: ${clean(f.received)}`));
    }
  }
  lines.push("", summaryLine(totals(reports)));
  return lines.join("\n");
}

export function formatJson(reports: readonly CheckReport[]): string {
  return JSON.stringify({ totals: totals(reports), reports }, null, 2);
}

/** Text for an XML attribute or element: markup escaped, and characters XML 1.0 cannot hold written as `\uXXXX`. */
const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/[<>&"'\t\n\r]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" })[c]!);

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
