// The line above an article: where it came from, how it was read (with the encoding picker for
// text files), its other versions, and its details (ArticleDetails: outlet, author, date, address).
import type { ReactElement } from 'react';
import type { DocumentRecord } from '../../../src-shared/model';
import { readsWithEncoding } from '../app/import-files';
import { EncodingPicker } from './EncodingPicker';
import { ArticleDetails } from './ArticleDetails';

export function ArticleMeta({
  document: doc,
  onOpen,
  onError,
}: {
  document: DocumentRecord;
  onOpen: (id: string) => void;
  onError: (message: string) => void;
}): ReactElement {
  const parts = [
    doc.sourceFile,
    `article ${doc.articleIndex + 1}`,
    doc.credit && `photo ${doc.credit}`,
    doc.format,
  ].filter(Boolean);
  return (
    <>
      <ArticleDetails key={doc.id} document={doc} onError={onError} />
      <p className="cd-article-meta">
        {parts.join(' · ')}
        {readsWithEncoding(doc.format) && (
          <>
            {' · '}
            <EncodingPicker document={doc} onOpen={onOpen} />
          </>
        )}
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
    </>
  );
}
