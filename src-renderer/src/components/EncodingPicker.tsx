// The encoding a text article was read with, and the analyst's way to correct it: the file's
// stored bytes are read again with the chosen encoding, and the corrected articles replace the
// garbled ones as new versions (annotations carried over and re-anchored). When the file has
// annotations the analyst is asked first, told how many would no longer be found (a dry run).
import { useState, type ReactElement } from 'react';
import type { DocumentRecord, ParsedFile } from '../../../src-shared/model';
import { readAgainWithEncoding } from '../app/import-files';
import { useLibrary } from '../app/library-context';
import { previewCarriedAnnotations, type CarryPreview } from '../db/file-documents';
import { Modal } from './Modal';
import './import-progress.css';
import { plural } from '../../../src-shared/util/plural';

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

interface Question {
  file: string;
  encoding: string;
  preview: CarryPreview;
  answer: (yes: boolean) => void;
}

/** What re-reading would do to the annotations, in the analyst's terms. */
export function describePreview({ annotated, orphaned }: CarryPreview): string {
  if (orphaned === 0)
    return `The text changes; all ${plural(annotated, 'annotation')} on it would be found again and kept in place.`;
  return `The text changes; ${orphaned} of ${plural(annotated, 'annotation')} on it would no longer be found and would move to Orphans.`;
}

function ConfirmReread({ question }: { question: Question | null }): ReactElement {
  return (
    <Modal label="Read the file again?" open={question !== null} onClose={() => question?.answer(false)}>
      {question && (
        <>
          <h2>Read {question.file} again?</h2>
          <p>
            Reading it as {nameOf(question.encoding)}: {describePreview(question.preview)}
          </p>
          <div className="cd-xd-actions">
            <button type="button" onClick={() => question.answer(false)}>
              Cancel
            </button>
            <button type="button" className="cd-xd-primary" autoFocus onClick={() => question.answer(true)}>
              Read again
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

const nameOf = (encoding: string): string => ENCODINGS.find(([name]) => name === encoding)?.[1] ?? encoding;

export function EncodingPicker({ document: doc, onOpen }: Props): ReactElement {
  const { db } = useLibrary();
  const [busy, setBusy] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);

  /** Asks first when re-reading would move annotations: how many would no longer be found. */
  const askFirst =
    (encoding: string) =>
    async (parsed: ParsedFile): Promise<boolean> => {
      const preview = await previewCarriedAnnotations(db, parsed);
      if (preview.annotated === 0) return true;
      return new Promise<boolean>((resolve) =>
        setQuestion({
          file: parsed.file,
          encoding,
          preview,
          answer: (yes) => {
            setQuestion(null);
            resolve(yes);
          },
        }),
      );
    };
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
      const outcome = await readAgainWithEncoding(doc.sourceFile, encoding, askFirst(encoding));
      if (outcome.declined) return;
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
      {busy && !question && <span role="status">Reading again…</span>}
      <ConfirmReread question={question} />
      {message?.forId === doc.id && (
        <span className="cd-encoding-message" role="alert">
          {message.text}
        </span>
      )}
    </span>
  );
}
