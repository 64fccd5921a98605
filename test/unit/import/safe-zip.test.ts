// Hostile archives are refused before anything is inflated, or while inflating at the first
// step past what the entry declared — each with a message naming the entry and the problem.
import { describe, expect, it } from 'vitest';
import { listZip, readEntry, writeZip, ARCHIVE_LIMITS } from '../../../src-shared/safe-zip';
import { rawZip } from '../qda/zip-safety';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const refusal = (bytes: Uint8Array): string => {
  const listed = listZip(bytes);
  if (!listed.ok) return listed.error;
  for (const entry of listed.value) {
    const read = readEntry(bytes, entry);
    if (!read.ok) return read.error;
  }
  throw new Error('expected a refusal');
};

describe('the .qdpx archive reader', () => {
  it('reads back what writeZip wrote, byte for byte', () => {
    const files = { 'project.qde': text('<Project/>'), 'sources/A.txt': text('مرحبا 🚀') };
    const zip = writeZip(files);
    const listed = listZip(zip);
    expect(listed.ok && listed.value.map((e) => e.name)).toEqual(['project.qde', 'sources/A.txt']);
    if (!listed.ok) return;
    const second = listed.value[1];
    const read = second ? readEntry(zip, second) : null;
    expect(read?.ok && new TextDecoder().decode(read.value)).toBe('مرحبا 🚀');
    expect(writeZip(files)).toEqual(zip); // deterministic
  });

  it('refuses names that leave the archive: ../, absolute, drive letters', () => {
    for (const name of [
      '../evil.txt',
      'sources/../../evil.txt',
      '/etc/passwd',
      'C:\\evil.txt',
      '\\\\host\\x',
    ]) {
      const message = refusal(rawZip([{ name, data: text('x') }]));
      expect(message).toContain(`“${name}”`);
      expect(message).toMatch(/leaves the archive|absolute path/);
    }
  });

  it('refuses a zip bomb by its compression ratio before inflating it', () => {
    const bomb = rawZip([{ name: 'sources/bomb.txt', data: new Uint8Array(8 * 1024 * 1024), deflate: true }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(bomb)).toMatch(/“sources\/bomb.txt” would expand \d+-fold, as a zip bomb does/);
  });

  it('stops an entry that inflates past the size it declares', () => {
    const liar = rawZip([
      { name: 'project.qde', data: new Uint8Array(2_000_000).fill(65), deflate: true, declaredSize: 1000 },
    ]);
    expect(refusal(liar)).toMatch(/“project.qde” holds more than the size it declares/);
  });

  it('refuses a huge declared size, too many entries, encryption, other methods', () => {
    const huge = rawZip([{ name: 'sources/big.txt', data: text('x'), declaredSize: 0x7fffffff }]);
    expect(refusal(huge)).toMatch(
      /“sources\/big.txt” declares 2048 MB, more than the 64 MB an entry may hold/,
    );
    const many = rawZip(
      Array.from({ length: ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) => ({
        name: `s/${i}`,
        data: new Uint8Array(0),
      })),
    );
    expect(refusal(many)).toMatch(/holds 10001 entries, more than the 10000 allowed/);
    expect(refusal(rawZip([{ name: 'a.txt', data: text('x'), flags: 1 }]))).toMatch(/“a.txt” is encrypted/);
    expect(refusal(text('not a zip at all'))).toMatch(/not a ZIP archive/);
  });

  it('refuses damaged data: a wrong checksum or a cut-short entry', () => {
    const zip = rawZip([{ name: 'a.txt', data: text('hello') }]);
    const flipped = zip.slice();
    flipped[30 + 'a.txt'.length] = 0x48; // 'h' → 'H' in the stored data
    expect(refusal(flipped)).toMatch(/“a.txt” is damaged \(checksum\)/);
  });
});
