// The small shared helpers: error messages, counted nouns, the serial queue, SHA-256 hex.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../src-shared/util/error-message';
import { plural } from '../../../src-shared/util/plural';
import { serialQueue } from '../../../src-shared/util/serial-queue';
import { sha256Hex } from '../../../src-shared/util/sha256';

describe('errorMessage', () => {
  it("gives an Error's message and anything else as text", () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('plural', () => {
  it('counts with the singular for one and the plural otherwise', () => {
    expect(plural(1, 'annotation')).toBe('1 annotation');
    expect(plural(0, 'annotation')).toBe('0 annotations');
    expect(plural(2, 'was', 'were')).toBe('2 were');
    expect(plural(1, 'was', 'were')).toBe('1 was');
  });
});

describe('serialQueue', () => {
  it('starts each task once the one before has settled, failed or not', async () => {
    const queue = serialQueue();
    const order: string[] = [];
    let release!: () => void;
    const first = queue(
      () =>
        new Promise<string>((resolve) => {
          order.push('first started');
          release = () => resolve('one');
        }),
    );
    const second = queue(async () => {
      order.push('second started');
      throw new Error('second failed');
    });
    const third = queue(async () => {
      order.push('third started');
      return 3;
    });
    await Promise.resolve();
    expect(order).toEqual(['first started']);
    release();
    await expect(first).resolves.toBe('one');
    await expect(second).rejects.toThrow('second failed');
    await expect(third).resolves.toBe(3);
    expect(order).toEqual(['first started', 'second started', 'third started']);
  });
});

describe('sha256Hex', () => {
  it('hashes bytes, and text as its UTF-8 bytes, as Node does', async () => {
    const text = 'مرحبا, world';
    const hex = createHash('sha256').update(text, 'utf8').digest('hex');
    expect(await sha256Hex(text)).toBe(hex);
    expect(await sha256Hex(new TextEncoder().encode(text))).toBe(hex);
  });
});
