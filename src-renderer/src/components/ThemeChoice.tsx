// Settings → Theme: follow the system's light or dark preference, or keep one. Applies at once.
import { useState, type ReactElement } from 'react';
import { chooseTheme, storedTheme, THEMES, type Theme } from '../app/theme';
import './theme-choice.css';

const NAMES: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeChoice(): ReactElement {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <fieldset className="cd-theme-choice">
      <legend>Theme</legend>
      {THEMES.map((t) => (
        <label key={t}>
          <input
            type="radio"
            name="theme"
            value={t}
            checked={theme === t}
            onChange={() => {
              setTheme(t);
              chooseTheme(t);
            }}
          />
          {NAMES[t]}
        </label>
      ))}
      <small className="cd-xd-hint">System follows the light or dark setting of this computer.</small>
    </fieldset>
  );
}
