// Picking articles in the library for export, as file managers do: a click picks one article
// (and opens it), Ctrl+click (Cmd+click) adds or removes one, Shift+click picks the run from the
// last clicked row to this one.

export type PickHow = 'open' | 'toggle' | 'range';

/**
 * The picked ids after a click on row `at`. `rows` holds each row's article id (null for a file
 * heading); `anchor` is the row of the last plain or Ctrl+click.
 */
export function pickedAfterClick(
  picked: ReadonlySet<string>,
  rows: readonly (string | null)[],
  anchor: number | null,
  at: number,
  how: PickHow,
): ReadonlySet<string> {
  const id = rows[at];
  if (id == null) return picked;
  if (how === 'open') return new Set([id]);
  if (how === 'toggle') {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  }
  const from = anchor ?? at;
  const [lo, hi] = from <= at ? [from, at] : [at, from];
  const next = new Set<string>();
  for (let i = lo; i <= hi; i++) {
    const row = rows[i];
    if (row != null) next.add(row);
  }
  return next;
}
