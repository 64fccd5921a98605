// Ctrl+K: type to find any action — or an article by its title, to open it — arrows to choose,
// Enter to run. Commands that need a selected annotation are listed, dimmed, until there is one.
import { useMemo, useState, type ReactElement } from 'react';
import { filterCommands, type Command } from '../app/commands';
import { foldText } from '../../../src-shared/text-fold';
import type { LibraryEntry } from '../db/database';
import { Modal } from './Modal';
import { LimitAlert } from './LimitAlert';
import { TEXT_LIMITS, useTextLimits } from './text-limits';

interface Props {
  open: boolean;
  commands: readonly Command[];
  /** The library, offered as "Open …" when the query matches a title. */
  documents: readonly LibraryEntry[];
  onOpenDocument: (id: string) => void;
  onClose: () => void;
}

/** At most this many articles are offered; typing more of the title narrows them. */
const DOCUMENTS_OFFERED = 8;

/** Articles whose title holds every word of the query (folded: case and diacritics aside), once each. */
export function documentsMatching(
  documents: readonly LibraryEntry[],
  query: string,
  limit = DOCUMENTS_OFFERED,
): LibraryEntry[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.join('').length < 2) return [];
  const found = new Map<string, LibraryEntry>();
  for (const d of documents) {
    if (found.size >= limit) break;
    if (found.has(d.id)) continue;
    const title = foldText(d.title);
    if (words.every((w) => title.includes(w))) found.set(d.id, d);
  }
  return [...found.values()];
}

function PaletteBody({ commands, documents, onOpenDocument, onClose }: Omit<Props, 'open'>): ReactElement {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { refused, limit } = useTextLimits();
  const shown = useMemo<Command[]>(
    () => [
      ...filterCommands(commands, query),
      ...documentsMatching(documents, query).map((d) => ({
        id: `open-${d.id}`,
        title: `Open “${d.title}”`,
        keys: d.sourceFile,
        run: () => onOpenDocument(d.id),
      })),
    ],
    [commands, documents, onOpenDocument, query],
  );
  const run = (command: Command | undefined): void => {
    if (!command || command.enabled === false) return;
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
        placeholder="Type a command or an article’s title…"
        {...limit(
          {
            value: query,
            onChange: (e) => {
              setQuery(e.currentTarget.value);
              setActive(0);
            },
          },
          'The command box',
          TEXT_LIMITS.search,
        )}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(shown.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter') run(shown[active]);
          else return;
          e.preventDefault();
        }}
      />
      <LimitAlert message={refused} />
      <ul id="cd-palette-list" role="listbox" aria-label="Commands">
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={`cd-cmd-${c.id}`}
            role="option"
            aria-selected={i === active}
            aria-disabled={c.enabled === false ? true : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(c)}
          >
            <span dir="auto">
              {c.title}
              {c.enabled === false && <small className="cd-palette-why"> — select an annotation first</small>}
            </span>
            {c.keys && (c.id.startsWith('open-') ? <small>{c.keys}</small> : <kbd>{c.keys}</kbd>)}
          </li>
        ))}
        {shown.length === 0 && <li className="cd-empty">No matching command or article title.</li>}
      </ul>
    </div>
  );
}

export function CommandPalette({ open, onClose, ...rest }: Props): ReactElement {
  return (
    <Modal label="Command palette" open={open} onClose={onClose} className="cd-palette-modal">
      <PaletteBody onClose={onClose} {...rest} />
    </Modal>
  );
}
