// Strict readers for untrusted JSON records: each checks one value's type and returns a fresh
// copy holding only the allowed fields, or throws a CheckError naming the path that is wrong.

export class CheckError extends Error {}

export type Check<T> = (value: unknown, path: string) => T;

const OPTIONAL = Symbol('optional');
type OptionalCheck<T> = Check<T | undefined> & { [OPTIONAL]: true };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

function fail(path: string, expected: string, value: unknown): never {
  throw new CheckError(`${path}: expected ${expected}, found ${describe(value)}`);
}

export const str: Check<string> = (v, path) => (typeof v === 'string' ? v : fail(path, 'text', v));

export const bool: Check<boolean> = (v, path) =>
  typeof v === 'boolean' ? v : fail(path, 'true or false', v);

export const finite: Check<number> = (v, path) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'a number', v);

export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (v, path) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? v
      : fail(path, `a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}`, v);
}

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (v, path) => (values.includes(v as T) ? (v as T) : fail(path, `one of ${values.join(', ')}`, v));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? null : check(v, path));
}

/** A field that may be absent; when absent it stays absent in the copy. */
export function optional<T>(check: Check<T>): OptionalCheck<T> {
  return Object.assign((v: unknown, path: string) => (v === undefined ? undefined : check(v, path)), {
    [OPTIONAL]: true as const,
  });
}

export function listOf<T>(check: Check<T>): Check<T[]> {
  return (v, path) =>
    Array.isArray(v) ? v.map((item, i) => check(item, `${path}[${i}]`)) : fail(path, 'a list', v);
}

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/** An object with exactly these fields read; any other field is dropped. */
export function record<T extends object>(shape: Shape<T>): Check<T> {
  const entries = Object.entries(shape) as [string, Check<unknown>][];
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'an object', v);
    const source = v as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, check] of entries) {
      const present = Object.prototype.hasOwnProperty.call(source, key);
      if (!present && OPTIONAL in check) continue;
      if (!present) throw new CheckError(`${path}: the field "${key}" is missing`);
      copy[key] = check(source[key], `${path}.${key}`);
    }
    return copy as T;
  };
}

/** Requires each record's `id` to be unique in its list. */
export function uniqueIds<T extends { id: string }>(check: Check<T[]>): Check<T[]> {
  return (v, path) => {
    const list = check(v, path);
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id))
        throw new CheckError(`${path}: the id ${JSON.stringify(item.id)} appears more than once`);
      seen.add(item.id);
    }
    return list;
  };
}
