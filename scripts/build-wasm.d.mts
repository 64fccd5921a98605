// Types for build-wasm.mjs, which the unit tests import to check line-scan-wasm.ts is current.
export function assemble(): Promise<Buffer>;
export function moduleText(bytes: Buffer): string;
