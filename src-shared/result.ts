// Replies between processes are values, never thrown errors: `{ok: true, value}` or
// `{ok: false, error}` with a message fit to show the analyst.
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });
