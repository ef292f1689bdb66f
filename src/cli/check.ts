import { relative } from "node:path";
import { parseArgs } from "node:util";
import { checkPaths } from "../check/files.js";
import { formats, type Format } from "../check/formats.js";
import { formatJson, formatJunit, formatText, totals } from "../check/print.js";
import { samplesDir } from "../check/samples.js";
import { registry, unknownOperation } from "../contracts/registry.js";
import { UsageError } from "./usage.js";

export interface CheckIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether progress may be drawn (a TTY outside CI). */
  readonly progress: boolean;
  /** Whether the text reporter may use colour (a TTY outside CI, without NO_COLOR). */
  readonly color?: boolean;
  readonly progressWrite?: (text: string) => void;
}


/** `aws-sdk-contracts check [paths…]`: exit 0 clean, 1 on violations, 2 on unusable input. */
export async function runCheck(args: readonly string[], io: CheckIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      strict: { type: "boolean", default: false },
      operation: { type: "string" },
      format: { type: "string" },
      reporter: { type: "string", default: "text" },
      quiet: { type: "boolean", short: "q", default: false },
      "max-bytes": { type: "string" },
    },
  });
  let maxBytes: number | undefined;
  if (values["max-bytes"] !== undefined) {
    maxBytes = Number(values["max-bytes"]);
    if (!/^\d+$/.test(values["max-bytes"]) || !Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive whole number of bytes; got "${values["max-bytes"]}".`);
  }
  if (values.format && !formats.includes(values.format as Format)) throw new UsageError(`--format must be one of ${formats.join(", ")}; got "${values.format}".`);
  if (values.operation && !registry.find(values.operation)) {
    throw new UsageError(`--operation: ${unknownOperation(values.operation)}`);
  }
  if (!["text", "json", "junit"].includes(values.reporter!)) throw new UsageError(`--reporter must be text, json or junit; got "${values.reporter}".`);

  const usingSamples = positionals.length === 0;
  const inputs = usingSamples ? [samplesDir()] : positionals;
  if (usingSamples && values.reporter === "text" && !values.quiet) io.out(`No paths given: checking the sample recordings shipped with aws-sdk-contracts.\n`);
  const draw = io.progress && io.progressWrite;
  let reports = await checkPaths(
    inputs,
    {
      strict: values.strict ?? false,
      ...(values.operation ? { operation: values.operation } : {}),
      ...(values.format ? { format: values.format as Format } : {}),
      ...(maxBytes ? { maxBytes } : {}),
    },
    draw ? (done, total) => io.progressWrite!(done < total ? `\rchecking ${done + 1}/${total}` : "\r\x1b[K") : undefined,
  );
  if (usingSamples) {
    const base = samplesDir();
    reports = reports.map((r) => ({ ...r, source: `samples/${relative(base, r.source)}` }));
  }
  const text = values.reporter === "json" ? formatJson(reports) : values.reporter === "junit" ? formatJunit(reports) : formatText(reports, { quiet: values.quiet ?? false, color: io.color ?? false });
  io.out(text);
  const t = totals(reports);
  if (t.unusable > 0) return 2;
  return t.failed > 0 ? 1 : 0;
}
