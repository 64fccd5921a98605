// Benchmark harness: every figure is printed beside a baseline measured in the same run, so the
// ratio means something on a noisy machine. Timings are the median of several runs.
import { performance } from 'node:perf_hooks';

export interface BenchLine {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'elements';
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

/**
 * Medians of `measured` and `baseline`, run in turns (measured, baseline, baseline, measured,
 * …) after one unmeasured warm-up each, so a slow spell of a shared machine or one side's
 * garbage falls on both sides alike instead of on whichever ran second.
 */
export async function pairedMedianMs(
  measured: () => unknown | Promise<unknown>,
  baseline: () => unknown | Promise<unknown>,
  pairs = 5,
): Promise<{ value: number; baseline: number }> {
  const time = async (fn: () => unknown | Promise<unknown>, into: number[] | null): Promise<void> => {
    const t0 = performance.now();
    await fn();
    into?.push(performance.now() - t0);
  };
  await time(measured, null);
  await time(baseline, null);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      await time(measured, a);
      await time(baseline, b);
    } else {
      await time(baseline, b);
      await time(measured, a);
    }
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return { value: median(a), baseline: median(b) };
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
