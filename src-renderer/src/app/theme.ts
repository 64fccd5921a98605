// The window's theme: the system's (light or dark as the operating system prefers), or always
// light, or always dark. A setting of this computer, not of the library: kept in localStorage,
// read before the first paint so the window never flashes the other theme.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'claimdesk.theme';

const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);

export function storedTheme(): Theme {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Shows the window in `theme` now (styles.css reads data-theme and color-scheme). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Applies `theme` at once and keeps it for the next start. */
export function chooseTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    globalThis.localStorage?.setItem(KEY, theme);
  } catch {
    // Storage refused (private window): the theme still applies until the window closes.
  }
}
