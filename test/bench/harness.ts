// Benchmark harness: every figure is printed beside a baseline measured in the same run, so the
// ratio means something on a noisy machine. Timings are the median of several runs.
import { performance } from 'node:perf_hooks';

export interface BenchLine {
  name: string;
  value: number;
  unit: 'ms' | 'MB';
  baselineName: string;
  baseline: number;
  /** The aim for value / baseline, if the issue sets one. */
  aim?: number;
}

export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export function formatLine(line: BenchLine): string {
  const ratio = line.baseline > 0 ? line.value / line.baseline : Number.NaN;
  const aim =
    line.aim === undefined
      ? ''
      : ratio <= line.aim
        ? `  (aim ≤ ${line.aim}×: met)`
        : `  (aim ≤ ${line.aim}×: MISSED)`;
  return `${line.name}: ${line.value.toFixed(1)} ${line.unit}  | ${line.baselineName}: ${line.baseline.toFixed(1)} ${line.unit}  | ratio ${ratio.toFixed(2)}×${aim}`;
}

/** A benchmark module exports `run`, returning its lines. */
export type Benchmark = () => Promise<BenchLine[]>;
