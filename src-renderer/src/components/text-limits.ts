// How much text each field holds, and the guard the fields call: a paste or an edit that would
// go beyond a field's limit is refused whole, with a message saying so — nothing is silently
// cut, and a multi-megabyte paste never reaches the field, the store or the search index.
import { useState, type ClipboardEvent } from 'react';

/**
 * Characters (UTF-16 code units) per field. README "Using it" lists them. A date field (an
 * article's publication date, evidence accessed) takes only a date, so it needs none.
 */
export const TEXT_LIMITS = {
  /** A claim's notes. */
  notes: 100_000,
  /** A claim's one-line rationale. */
  rationale: 2_000,
  evidenceNote: 20_000,
  evidenceTitle: 1_000,
  /** Every web address: evidence, published fact-check, article, source, organisation, desk server. */
  url: 4_096,
  /** A source's name (on the Sources page, or typed into a claimant or evidence source picker). */
  sourceName: 300,
  /** A source's aliases, comma-separated. */
  aliases: 2_000,
  /** A source's reliability note. */
  reliabilityNote: 20_000,
  /** An article's outlet and author. */
  articleDetail: 300,
  labelName: 100,
  /** The analyst's and the organisation's names in Settings. */
  settingsName: 200,
  /** A desk token. */
  token: 1_000,
  /** The annotation search box, the library and source filters, the command palette. */
  search: 1_000,
} as const;

interface TextBinding {
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
}

export function refusalMessage(field: string, limit: number, length: number): string {
  return `Not pasted: ${field} holds at most ${limit.toLocaleString('en')} characters, and this would make it ${length.toLocaleString('en')}.`;
}

/** The binding with its limit enforced; `onRefuse` hears the message (null once a change is taken). */
export function withLimit<T extends TextBinding>(
  binding: T,
  field: string,
  limit: number,
  onRefuse: (message: string | null) => void,
): Limited<T> {
  return {
    ...binding,
    onChange(event) {
      const length = event.currentTarget.value.length;
      // Typing at the limit, or a drop: refused like a paste, the field keeps what it had.
      if (length > limit && length > binding.value.length)
        return onRefuse(refusalMessage(field, limit, length));
      onRefuse(null);
      binding.onChange(event);
    },
    onPaste(event) {
      const target = event.currentTarget;
      const pasted = event.clipboardData.getData('text/plain').length;
      const selected = (target.selectionEnd ?? 0) - (target.selectionStart ?? 0);
      const length = target.value.length - selected + pasted;
      if (length <= limit) return;
      event.preventDefault();
      onRefuse(refusalMessage(field, limit, length));
    },
  };
}

type Limited<T> = T & { onPaste: (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void };

/**
 * A component's guard for its fields: `limit(binding, field, max)` is withLimit reporting into
 * `refused`, the message the component shows (LimitAlert) until a change is taken.
 */
export function useTextLimits(): {
  refused: string | null;
  limit: <T extends TextBinding>(binding: T, field: string, max: number) => Limited<T>;
} {
  const [refused, setRefused] = useState<string | null>(null);
  return { refused, limit: (binding, field, max) => withLimit(binding, field, max, setRefused) };
}
