// Small readers for untrusted JSON: take what has the expected type, never trust the rest.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-LD lets most properties hold one value or an array of them. */
export function oneOrMany(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first non-empty string among a one-or-many value; null if there is none. */
export function firstString(value: unknown): string | null {
  // Called for nearly every field of every annotation: no array is made for a single value.
  if (typeof value === 'string') return value === '' ? null : value;
  if (Array.isArray(value)) for (const v of value) if (typeof v === 'string' && v !== '') return v;
  return null;
}

export function strings(value: unknown): string[] {
  return oneOrMany(value).filter((v): v is string => typeof v === 'string');
}

export function hasType(value: JsonRecord, type: string): boolean {
  const t = value.type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
