// The line above an article: where it came from, how it was read, and its other versions.
import type { ReactElement } from 'react';
import type { DocumentRecord } from '../../../src-shared/model';

export function ArticleMeta({
  document: doc,
  onOpen,
}: {
  document: DocumentRecord;
  onOpen: (id: string) => void;
}): ReactElement {
  const parts = [
    doc.sourceFile,
    `article ${doc.articleIndex + 1}`,
    doc.author && `by ${doc.author}`,
    doc.published && new Date(doc.published).toLocaleDateString(),
    doc.credit && `photo ${doc.credit}`,
    `${doc.format}, ${doc.encoding}`,
  ].filter(Boolean);
  return (
    <p className="cd-article-meta">
      {parts.join(' · ')}
      {doc.previousVersionId && (
        <>
          {' · '}
          <button type="button" className="cd-link" onClick={() => onOpen(doc.previousVersionId as string)}>
            Previous version
          </button>
        </>
      )}
      {doc.supersededBy && (
        <>
          {' · an earlier version — '}
          <button type="button" className="cd-link" onClick={() => onOpen(doc.supersededBy as string)}>
            Open the current version
          </button>
        </>
      )}
    </p>
  );
}
