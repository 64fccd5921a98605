// The encoding a text article was read with, and the analyst's way to correct it: the file's
// stored bytes are read again with the chosen encoding, and the corrected articles replace the
// garbled ones as new versions (annotations carried over and re-anchored).
import { useState, type ReactElement } from 'react';
import type { DocumentRecord } from '../../../src-shared/model';
import { readAgainWithEncoding } from '../app/import-files';
import './import-progress.css';

/** Common encodings of newsroom files; labels name the script so the analyst can choose. */
const ENCODINGS: readonly [string, string][] = [
  ['utf-8', 'UTF-8'],
  ['utf-16le', 'UTF-16 LE'],
  ['utf-16be', 'UTF-16 BE'],
  ['windows-1252', 'Western (Windows-1252)'],
  ['iso-8859-1', 'Western (ISO-8859-1)'],
  ['iso-8859-15', 'Western (ISO-8859-15)'],
  ['macintosh', 'Western (Mac Roman)'],
  ['windows-1256', 'Arabic (Windows-1256)'],
  ['iso-8859-6', 'Arabic (ISO-8859-6)'],
  ['windows-1250', 'Central European (Windows-1250)'],
  ['windows-1251', 'Cyrillic (Windows-1251)'],
  ['koi8-r', 'Cyrillic (KOI8-R)'],
  ['windows-1253', 'Greek (Windows-1253)'],
  ['windows-1254', 'Turkish (Windows-1254)'],
  ['windows-1255', 'Hebrew (Windows-1255)'],
];

interface Props {
  document: DocumentRecord;
  /** Opens the re-read article (its new version, or the same document when nothing changed). */
  onOpen: (id: string) => void;
}

export function EncodingPicker({ document: doc, onOpen }: Props): ReactElement {
  const [busy, setBusy] = useState(false);
  // Kept with the document it is about: the picker stays mounted as the analyst moves on.
  const [message, setMessage] = useState<{ forId: string; text: string } | null>(null);
  const known = ENCODINGS.some(([name]) => name === doc.encoding);
  const options: readonly [string, string][] = known
    ? ENCODINGS
    : [[doc.encoding, doc.encoding], ...ENCODINGS];

  const choose = async (encoding: string): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await readAgainWithEncoding(doc.sourceFile, encoding);
      const [error] = outcome.errors;
      if (error) {
        setMessage({ forId: doc.id, text: error });
        return;
      }
      const next = outcome.documentIds[doc.articleIndex] ?? outcome.documentIds[0] ?? doc.id;
      if (outcome.orphaned > 0)
        setMessage({
          forId: next,
          text: `${outcome.orphaned} annotation${outcome.orphaned === 1 ? '' : 's'} could not be placed in the re-read text — see Orphans.`,
        });
      onOpen(next);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="cd-encoding">
      <label htmlFor={`cd-encoding-${doc.id}`}>Encoding</label>
      <select
        id={`cd-encoding-${doc.id}`}
        value={doc.encoding}
        disabled={busy}
        title="Read the file again with another encoding"
        onChange={(event) => void choose(event.currentTarget.value)}
      >
        {options.map(([name, label]) => (
          <option key={name} value={name}>
            {label}
          </option>
        ))}
      </select>
      {busy && <span role="status">Reading again…</span>}
      {message?.forId === doc.id && (
        <span className="cd-encoding-message" role="alert">
          {message.text}
        </span>
      )}
    </span>
  );
}
