// The library: every document, grouped by the file it came from, narrowed by a title filter;
// below it, the files opened most recently, which re-open from their stored bytes.
import { useMemo, useState, type ReactElement } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocumentRecord } from '../../../src-shared/model';
import { foldText } from '../../../src-shared/text-fold';
import { reopenRecentFile } from '../app/import-files';
import { recentFiles, type RecentFile } from '../db/files';
import { db } from '../db/instance';
import './import-progress.css';

interface Props {
  documents: readonly DocumentRecord[];
  currentId: string | null;
  onOpen: (id: string) => void;
}

const NO_RECENT: RecentFile[] = [];

function RecentFiles({ onOpen }: { onOpen: (id: string) => void }): ReactElement | null {
  const recent = useLiveQuery(() => recentFiles(db), [], NO_RECENT);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (recent.length === 0) return null;

  const reopen = async (file: RecentFile): Promise<void> => {
    setOpening(file.id);
    setError(null);
    try {
      const outcome = await reopenRecentFile(file.id, file.name);
      setError(outcome.errors[0] ?? null);
      const first = outcome.documentIds[0];
      if (first) onOpen(first);
    } finally {
      setOpening(null);
    }
  };

  return (
    <section className="cd-recent-files" aria-label="Recent files">
      <h2 className="cd-panel-title">Recent files</h2>
      {error && (
        <p className="cd-empty" role="alert">
          {error}
        </p>
      )}
      <ul>
        {recent.map((file) => (
          <li key={file.id}>
            <button
              type="button"
              className="cd-library-item"
              title={`Open ${file.name} again`}
              disabled={opening !== null}
              aria-busy={opening === file.id}
              onClick={() => void reopen(file)}
            >
              {file.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LibraryList({ documents, currentId, onOpen }: Props): ReactElement {
  const [filter, setFilter] = useState('');
  const folded = useMemo(() => documents.map((doc) => foldText(doc.title)), [documents]);
  const wanted = foldText(filter);
  const groups = new Map<string, DocumentRecord[]>();
  documents.forEach((doc, i) => {
    if (wanted !== '' && !folded[i]?.includes(wanted)) return;
    groups.set(doc.sourceFile, [...(groups.get(doc.sourceFile) ?? []), doc]);
  });
  return (
    <>
      <nav className="cd-library" aria-label="Library">
        <h2 className="cd-panel-title">
          Library{' '}
          <span className="cd-count" data-count={documents.length}>
            {documents.length.toLocaleString()}
          </span>
        </h2>
        {documents.length === 0 ? (
          <p className="cd-empty">No articles yet. Open a file to start.</p>
        ) : (
          <input
            type="search"
            className="cd-library-filter"
            aria-label="Filter library"
            placeholder="Filter by title"
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
          />
        )}
        {documents.length > 0 && groups.size === 0 && <p className="cd-empty">No titles match “{filter}”.</p>}
        {[...groups].map(([file, docs]) => (
          <section key={file} className="cd-library-group" aria-label={file}>
            <h3 className="cd-library-file" title={file}>
              {file}
            </h3>
            <ul>
              {docs
                .sort((a, b) => a.articleIndex - b.articleIndex)
                .map((doc) => (
                  <li key={doc.id}>
                    <button
                      type="button"
                      className="cd-library-item"
                      aria-current={doc.id === currentId ? 'true' : undefined}
                      dir={doc.direction}
                      onClick={() => onOpen(doc.id)}
                    >
                      {doc.title}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </nav>
      <RecentFiles onOpen={onOpen} />
    </>
  );
}
