// The library: every document, grouped by the file it came from.
import type { ReactElement } from 'react';
import type { DocumentRecord } from '../../../src-shared/model';

interface Props {
  documents: readonly DocumentRecord[];
  currentId: string | null;
  onOpen: (id: string) => void;
}

export function LibraryList({ documents, currentId, onOpen }: Props): ReactElement {
  const groups = new Map<string, DocumentRecord[]>();
  for (const doc of documents) groups.set(doc.sourceFile, [...(groups.get(doc.sourceFile) ?? []), doc]);
  return (
    <nav className="cd-library" aria-label="Library">
      <h2 className="cd-panel-title">Library</h2>
      {documents.length === 0 && <p className="cd-empty">No articles yet. Open a file to start.</p>}
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
  );
}
