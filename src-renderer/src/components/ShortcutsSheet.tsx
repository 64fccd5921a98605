// "?": every keyboard shortcut, from the same command list the keys are handled by.
import type { ReactElement } from 'react';
import type { Command } from '../app/commands';
import { Modal } from './Modal';

interface Props {
  open: boolean;
  commands: readonly Command[];
  onClose: () => void;
}

export function ShortcutsSheet({ open, commands, onClose }: Props): ReactElement {
  return (
    <Modal label="Keyboard shortcuts" open={open} onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table className="cd-shortcuts">
        <tbody>
          <tr>
            <td>
              <kbd>1</kbd>–<kbd>9</kbd>
            </td>
            <td>Highlight the selection with label 1–9, or relabel the selected annotation</td>
          </tr>
          {commands
            .filter((c) => c.keys)
            .map((c) => (
              <tr key={c.id}>
                <td>
                  <kbd>{c.keys}</kbd>
                </td>
                <td>{c.title}</td>
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
