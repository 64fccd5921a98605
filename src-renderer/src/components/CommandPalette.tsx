// Ctrl+K: type to find any action, arrows to choose, Enter to run.
import { useState, type ReactElement } from 'react';
import { filterCommands, type Command } from '../app/commands';
import { Modal } from './Modal';

interface Props {
  open: boolean;
  commands: readonly Command[];
  onClose: () => void;
}

function PaletteBody({ commands, onClose }: Omit<Props, 'open'>): ReactElement {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = filterCommands(commands, query).filter((c) => c.enabled !== false);
  const run = (command: Command | undefined): void => {
    if (!command) return;
    onClose();
    // Let the dialog close and focus return before the command moves focus itself.
    setTimeout(command.run, 0);
  };
  return (
    <div className="cd-palette">
      <input
        autoFocus
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="cd-palette-list"
        aria-activedescendant={shown[active] ? `cd-cmd-${shown[active].id}` : undefined}
        placeholder="Type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(shown.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter') run(shown[active]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="cd-palette-list" role="listbox" aria-label="Commands">
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={`cd-cmd-${c.id}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(c)}
          >
            <span>{c.title}</span>
            {c.keys && <kbd>{c.keys}</kbd>}
          </li>
        ))}
        {shown.length === 0 && <li className="cd-empty">No matching command.</li>}
      </ul>
    </div>
  );
}

export function CommandPalette({ open, commands, onClose }: Props): ReactElement {
  return (
    <Modal label="Command palette" open={open} onClose={onClose} className="cd-palette-modal">
      <PaletteBody commands={commands} onClose={onClose} />
    </Modal>
  );
}
