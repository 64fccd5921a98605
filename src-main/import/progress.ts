// Progress of one parse for the import progress bar: how far through the file the importer is
// and how many articles it has found, reported at most every ~100 ms so reporting costs nothing
// measurable even when a parser reports after every article.

export interface ParseProgress {
  /** Bytes of the file worked through (an estimate: the passes below are weighted by time). */
  bytes: number;
  /** Articles found so far. */
  articles: number;
}

export type ProgressListener = (progress: ParseProgress) => void;

/**
 * The passes of a parse and the share of its time each takes (measured on a 20 MB news dump):
 * decoding and line normalisation, splitting into articles, then finalising each article
 * (canonical text, direction, content hash), which is the costliest — or both at once.
 */
const PASSES = {
  read: [0, 0.15],
  split: [0.15, 0.45],
  finalize: [0.45, 1],
  /** Splitting and finalising in one pass (news dumps, read line by line). */
  articles: [0.15, 1],
} as const;

export type ParsePass = keyof typeof PASSES;

/** Reports `done` (0–1) of the current pass and the articles found so far. */
export type PassProgress = (done: number, articles: number) => void;

const ignore: PassProgress = () => undefined;

export const REPORT_INTERVAL_MS = 100;

export class ProgressMeter {
  private last: number;

  constructor(
    private readonly totalBytes: number,
    private readonly listener: ProgressListener | undefined,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = REPORT_INTERVAL_MS,
  ) {
    this.last = now();
  }

  /** The reporter for one pass; a no-op when nobody listens, so parsers can call it freely. */
  pass(name: ParsePass): PassProgress {
    const listener = this.listener;
    if (!listener) return ignore;
    const [from, to] = PASSES[name];
    return (done, articles) => {
      const at = this.now();
      if (at - this.last < this.intervalMs) return;
      this.last = at;
      const share = from + (to - from) * Math.min(1, Math.max(0, done));
      listener({ bytes: Math.round(this.totalBytes * share), articles });
    };
  }
}
