// The library's context menu (right-click or Shift+F10 on a row): delete the article, the
// selected articles, or every article of the row's file. A menu of buttons: arrow keys move,
// Escape closes, and focus returns to the row.
import { useEffect, useRef, type ReactElement } from 'react';
import './library-menu.css';

export interface RowMenuItem {
  label: string;
  run: () => void;
}

interface Props {
  at: { x: number; y: number };
  items: readonly RowMenuItem[];
  onClose: () => void;
}

export function LibraryRowMenu({ at, items, onClose }: Props): ReactElement {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent): void => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => {
      window.removeEventListener('mousedown', away);
      opener?.focus?.();
    };
  }, [onClose]);

  return (
    <div
      ref={menu}
      role="menu"
      aria-label="Library actions"
      className="cd-row-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(event) => {
        const buttons = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const at = buttons.indexOf(document.activeElement as HTMLElement);
        const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
        if (step !== 0) buttons[(at + step + buttons.length) % buttons.length]?.focus();
        else if (event.key !== 'Escape' && event.key !== 'Tab') return;
        else onClose();
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
