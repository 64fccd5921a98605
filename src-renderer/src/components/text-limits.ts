// How much text each field holds, and the guard the fields call: a paste or an edit that would
// go beyond a field's limit is refused whole, with a message saying so — nothing is silently
// cut, and a multi-megabyte paste never reaches the field, the store or the search index.
import type { ClipboardEvent } from 'react';

/** Characters (UTF-16 code units) per field. README "Using it" lists them. */
export const TEXT_LIMITS = {
  notes: 100_000,
  rationale: 2_000,
  evidenceNote: 20_000,
  evidenceTitle: 1_000,
  url: 4_096,
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
): T & { onPaste: (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void } {
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
