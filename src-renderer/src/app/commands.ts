// Every action the analyst can take, in one list: the command palette (Ctrl+K) runs them, the
// shortcuts sheet (?) lists them, and the keyboard handler matches their keys.

export interface Command {
  id: string;
  title: string;
  /** Shown in the palette and the shortcuts sheet, e.g. "Ctrl+Z". */
  keys?: string;
  /** Matches a key press (when focus is not in a text field, unless `inFields`). */
  matches?: (event: KeyboardEvent) => boolean;
  /** Also fires while typing in a field (e.g. Ctrl+K). */
  inFields?: boolean;
  enabled?: boolean;
  run: () => void;
}

const mod = (event: KeyboardEvent): boolean => event.ctrlKey || event.metaKey;

export const keys = {
  plain: (key: string) => (e: KeyboardEvent) => !mod(e) && !e.altKey && e.key === key,
  ctrl: (key: string) => (e: KeyboardEvent) =>
    mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === key,
  ctrlShift: (key: string) => (e: KeyboardEvent) =>
    mod(e) && e.shiftKey && !e.altKey && e.key.toLowerCase() === key,
};

/** The first enabled command whose keys match, honouring whether focus is in a text field. */
export function commandForKey(
  commands: readonly Command[],
  event: KeyboardEvent,
  typing: boolean,
): Command | undefined {
  return commands.find(
    (c) => c.enabled !== false && c.matches !== undefined && (!typing || c.inFields) && c.matches(event),
  );
}

/** Palette filtering: every word of the query must start a word of the title. */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => {
    const titleWords = c.title.toLowerCase().split(/[\s…—-]+/);
    return words.every((w) => titleWords.some((t) => t.startsWith(w)));
  });
}
