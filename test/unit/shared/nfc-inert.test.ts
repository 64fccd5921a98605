// canonicalBlock skips NFC for blocks made only of ASCII and the characters isNfcInert lists, so
// any text made of those must already be NFC: each is NFC's quick-check "yes" with combining
// class 0, and no two of them compose.
import { describe, expect, it } from 'vitest';
import { isNfcInert } from '../../../src-shared/canonical';

describe('isNfcInert', () => {
  it('lists only characters that text made of them and ASCII keeps through NFC', () => {
    const inert: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) if (isNfcInert(c)) inert.push(String.fromCharCode(c));
    expect(inert.length).toBeGreaterThan(150);
    const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i));
    for (const a of inert) {
      for (const b of [...inert, ...ascii]) {
        expect((a + b).normalize('NFC')).toBe(a + b);
        expect((b + a).normalize('NFC')).toBe(b + a);
      }
    }
  });

  it('leaves out what NFC would compose: the Arabic hamza and madda marks', () => {
    for (const mark of [0x653, 0x654, 0x655]) expect(isNfcInert(mark)).toBe(false);
    expect('\u0627\u0654'.normalize('NFC')).toBe('\u0623');
  });
});
