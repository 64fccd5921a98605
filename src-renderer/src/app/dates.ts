// Dates as the analyst reads them: in the analyst's own locale (the browser's or the system's
// languages), with the month spelled so that 5/12 and 12/5 are never confused. Exports keep ISO.

function locales(): readonly string[] {
  const { languages, language } = globalThis.navigator ?? {};
  return languages && languages.length > 0 ? languages : language ? [language] : [];
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(withTime: boolean): Intl.DateTimeFormat {
  const key = `${locales().join(',')}|${withTime}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat([...locales()], {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' as const } : {}),
    });
    formats.set(key, found);
  }
  return found;
}

/** An ISO date (or date-time) for the screen; the text as given when it is not a date. */
export function displayDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(withTime).format(date);
}
