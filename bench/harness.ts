/** A side-by-side benchmark: contenders run in alternating rounds in one process; we report ratios. */
export interface Contender {
  readonly name: string;
  readonly run: (i: number) => unknown;
}

export interface Measurement {
  readonly name: string;
  /** Median operations per second over the rounds. */
  readonly opsPerSecond: number;
}

/** The middle value of some samples (the upper one of an even count). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Rounds of a side-by-side benchmark: `BENCH_ROUNDS` (at least one) where set, for a steadier median on a noisy machine. */
export const benchRounds = (fallback: number): number => Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS)) || fallback);

/**
 * Runs each contender for `roundMs` per round, alternating, `rounds` times, after a warm-up. `BENCH_ROUNDS`
 * and `BENCH_ROUND_MS` override the defaults.
 */
export function measure(contenders: readonly Contender[], { rounds = benchRounds(5), roundMs = Math.max(1, Number(process.env.BENCH_ROUND_MS) || 150) } = {}): Measurement[] {
  const rates: number[][] = contenders.map(() => []);
  let sink = 0;
  for (const c of contenders) for (let i = 0; i < 200; i++) sink += c.run(i) ? 1 : 0;
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((c, k) => {
      let n = 0;
      const start = performance.now();
      let now = start;
      while (now - start < roundMs) {
        for (let j = 0; j < 16; j++) sink += c.run(n++) ? 1 : 0;
        now = performance.now();
      }
      rates[k]!.push((n * 1000) / (now - start));
    });
  }
  if (sink < 0) console.log(sink);
  return contenders.map((c, k) => ({ name: c.name, opsPerSecond: median(rates[k]!) }));
}

export function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [`\n${title}`, line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(2));
