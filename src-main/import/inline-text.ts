// Builds one block's canonical text from inline pieces (plain runs and link runs), so the
// InlineLink offsets point into exactly the text finalizeArticle keeps.
import { canonicalBlock, normaliseRaw } from '../../src-shared/canonical';
import type { InlineLink } from '../../src-shared/model';

/** Only these addresses are kept: the app opens links, and nothing else is safe to open. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

export function safeHref(href: string | null | undefined): string | null {
  const trimmed = href?.trim() ?? '';
  return SAFE_HREF.test(trimmed) ? trimmed : null;
}

export interface BuiltText {
  text: string;
  links: InlineLink[];
}

export class InlineText {
  private out = '';
  private pendingSpace = false;
  private readonly links: InlineLink[] = [];

  /** Appends a run; whitespace is collapsed across runs as canonicalBlock would. */
  push(raw: string, href: string | null = null): void {
    const run = normaliseRaw(raw).replace(/\s+/g, ' ');
    if (run === '') return;
    let core = run;
    if (core.startsWith(' ')) {
      this.pendingSpace = true;
      core = core.slice(1);
    }
    const trailing = core.endsWith(' ');
    if (trailing) core = core.slice(0, -1);
    if (core !== '') {
      if (this.pendingSpace && this.out !== '') this.out += ' ';
      this.pendingSpace = false;
      const start = this.out.length;
      this.out += core;
      const link = safeHref(href);
      if (link !== null) this.addLink(start, this.out.length, link);
    }
    if (trailing) this.pendingSpace = true;
  }

  /** Forces a word break (e.g. <br>), collapsed like any whitespace. */
  space(): void {
    this.pendingSpace = true;
  }

  get isEmpty(): boolean {
    return this.out === '';
  }

  build(): BuiltText {
    const text = this.out;
    // A run that starts with a combining mark can compose with the previous run under NFC;
    // then offsets would drift, so the links are dropped rather than misplaced.
    const canonical = canonicalBlock(text).text;
    if (canonical !== text) return { text: canonical, links: [] };
    return { text, links: this.links.slice() };
  }

  private addLink(start: number, end: number, href: string): void {
    const last = this.links[this.links.length - 1];
    // Runs of one anchor split by markup (<a><b>x</b> y</a>) become one link.
    if (last && last.href === href && (last.end === start || last.end + 1 === start)) {
      last.end = end;
      return;
    }
    this.links.push({ start, end, href });
  }
}
