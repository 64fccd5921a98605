// The size-limit guard every text field uses: a paste or an edit that would go beyond the limit is
// refused whole (the field's own change is never called), with a message giving the sizes; a
// change within it is passed on and clears the message.
import type { ClipboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { withLimit } from '../../../src-renderer/src/components/text-limits';

function field(value: string, limit: number) {
  const taken: string[] = [];
  const messages: (string | null)[] = [];
  const binding = withLimit(
    { value, onChange: (e: { currentTarget: { value: string } }) => taken.push(e.currentTarget.value) },
    'Name',
    limit,
    (m) => messages.push(m),
  );
  const paste = (text: string, selectionStart = value.length, selectionEnd = value.length): boolean => {
    let prevented = false;
    binding.onPaste({
      currentTarget: { value, selectionStart, selectionEnd },
      clipboardData: { getData: () => text },
      preventDefault: () => (prevented = true),
    } as unknown as ClipboardEvent<HTMLInputElement>);
    return prevented;
  };
  return { binding, taken, messages, paste };
}

describe('withLimit', () => {
  it('refuses a paste that would go beyond the limit, counting what the paste replaces', () => {
    const f = field('Peskov', 10);
    expect(f.paste('Dmitry')).toBe(true);
    expect(f.messages).toEqual(['Not pasted: Name holds at most 10 characters, and this would make it 12.']);
    // Replacing the selected "Peskov" (6) with "Dmitry" (6) stays within it: the paste goes ahead.
    expect(f.paste('Dmitry', 0, 6)).toBe(false);
    expect(f.taken).toEqual([]);
  });

  it('refuses typing past the limit but takes any change that shortens an over-long value', () => {
    const f = field('abcdefghij', 10);
    f.binding.onChange({ currentTarget: { value: 'abcdefghijk' } });
    expect(f.taken).toEqual([]);
    expect(f.messages.at(-1)).toMatch(/at most 10 characters, and this would make it 11/);
    f.binding.onChange({ currentTarget: { value: 'abcdefghi' } });
    expect(f.taken).toEqual(['abcdefghi']);
    expect(f.messages.at(-1)).toBeNull();

    const over = field('x'.repeat(12), 10);
    over.binding.onChange({ currentTarget: { value: 'x'.repeat(11) } });
    expect(over.taken).toHaveLength(1);
  });
});
