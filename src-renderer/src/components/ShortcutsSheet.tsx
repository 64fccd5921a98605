// "?": every keyboard shortcut, from the same command list the keys are handled by, the label
// keys once (with the labels they stand for), and the library list's own keys.
import type { ReactElement } from 'react';
import type { Command } from '../app/commands';
import { Modal } from './Modal';

interface Props {
  open: boolean;
  commands: readonly Command[];
  /** The labels' names in key order (key 1 is the first). */
  labelNames: readonly string[];
  onClose: () => void;
}

/** The library list's keys (handled by LibraryList while a library row has focus). */
export const LIBRARY_KEYS: readonly [string[], string][] = [
  [['↑', '↓'], 'Previous or next article in the library'],
  [['Home', 'End'], 'First or last article in the library'],
  [['Enter'], 'Open the article'],
  [['Ctrl+click', 'Shift+click'], 'Select several articles (for Export report)'],
];

function Keys({ keys, joiner }: { keys: readonly string[]; joiner: string }): ReactElement {
  return (
    <>
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && joiner}
          <kbd>{k}</kbd>
        </span>
      ))}
    </>
  );
}

export function ShortcutsSheet({ open, commands, labelNames, onClose }: Props): ReactElement {
  const keyed = labelNames.slice(0, 9);
  return (
    <Modal label="Keyboard shortcuts" open={open} onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table className="cd-shortcuts">
        <tbody>
          {keyed.length > 0 && (
            <tr>
              <td>
                <Keys keys={keyed.length > 1 ? ['1', String(keyed.length)] : ['1']} joiner="–" />
              </td>
              <td>
                Highlight the selection with a label, or relabel the selected annotation (
                {keyed.map((name, i) => `${i + 1} ${name}`).join(', ')})
              </td>
            </tr>
          )}
          {commands
            .filter((c) => c.keys && !c.id.startsWith('label-'))
            .map((c) => (
              <tr key={c.id}>
                <td>
                  <kbd>{c.keys}</kbd>
                </td>
                <td>{c.title}</td>
              </tr>
            ))}
        </tbody>
        <tbody aria-label="Library">
          <tr>
            <th colSpan={2} scope="colgroup">
              In the library list
            </th>
          </tr>
          {LIBRARY_KEYS.map(([keys, what]) => (
            <tr key={what}>
              <td>
                <Keys keys={keys} joiner=" / " />
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Modal>
  );
}
