// The content hash of an article as the importer assembles it: SHA-256 of its canonical blocks
// joined by BLOCK_SEPARATOR — exactly contentHash(canonicalText(…)) in src-shared. Texts and
// verbatim file bytes are gathered in one reused buffer and hashed in one call per article: a
// dump of 10,000 articles would otherwise spend more on hash objects than on hashing.
import crypto, { type Hash } from 'node:crypto';
import { BLOCK_SEPARATOR } from '../../src-shared/canonical';

const SCRATCH_BYTES = 1 << 20;
/** Reused by every call; hashPieces runs start to end without yielding, so nothing interleaves. */
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
const SEPARATOR = Buffer.from(BLOCK_SEPARATOR, 'utf8');

/** crypto.hash (Node ≥ 20.12) hashes a buffer without creating a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;

class Gatherer {
  private length = 0;
  private stream: Hash | null = null;

  text(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.length + text.length * 3 > SCRATCH_BYTES) this.spill();
    if (text.length * 3 > SCRATCH_BYTES) (this.stream as Hash).update(text, 'utf8');
    else this.length += scratch.write(text, this.length, 'utf8');
  }

  bytes(bytes: Uint8Array, start: number, end: number): void {
    const size = end - start;
    if (this.length + size > SCRATCH_BYTES) this.spill();
    if (size > SCRATCH_BYTES) (this.stream as Hash).update(bytes.subarray(start, end));
    else {
      scratch.set(bytes.subarray(start, end), this.length);
      this.length += size;
    }
  }

  digest(): string {
    const gathered = scratch.subarray(0, this.length);
    if (this.stream === null && oneShot) return oneShot('sha256', gathered, 'hex');
    return (this.stream ?? crypto.createHash('sha256')).update(gathered).digest('hex');
  }

  /** Hands what is gathered to a streaming hash, for an article larger than the buffer. */
  private spill(): void {
    this.stream ??= crypto.createHash('sha256');
    this.stream.update(scratch.subarray(0, this.length));
    this.length = 0;
  }
}

/** An article's canonical pieces in order: each one's text, and where its UTF-8 lies in `bytes`. */
export interface PieceTexts {
  texts: readonly string[];
  /** Byte range of piece i in `bytes` when it was read verbatim (hashed without re-encoding), else -1. */
  starts: readonly number[];
  ends: readonly number[];
  bytes: Uint8Array | null;
}

/**
 * SHA-256 (hex) of the pieces' texts joined by BLOCK_SEPARATOR. Verbatim pieces that follow
 * each other in `bytes` with exactly BLOCK_SEPARATOR between them are copied as one run.
 */
export function hashPieces({ texts, starts, ends, bytes }: PieceTexts): string {
  const out = new Gatherer();
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i < texts.length; i++) {
    const start = starts[i] as number;
    if (start >= 0 && runStart >= 0 && separates(bytes as Uint8Array, runEnd, start)) {
      runEnd = ends[i] as number;
      continue;
    }
    if (runStart >= 0) out.bytes(bytes as Uint8Array, runStart, runEnd);
    if (i > 0) out.bytes(SEPARATOR, 0, SEPARATOR.length);
    runStart = start;
    runEnd = ends[i] as number;
    if (start < 0) out.text(texts[i] as string);
  }
  if (runStart >= 0) out.bytes(bytes as Uint8Array, runStart, runEnd);
  return out.digest();
}

/** True when the bytes from `end` to `next` are exactly BLOCK_SEPARATOR ("\n\n"). */
const separates = (bytes: Uint8Array, end: number, next: number): boolean =>
  next === end + 2 && bytes[end] === 0x0a && bytes[end + 1] === 0x0a;
