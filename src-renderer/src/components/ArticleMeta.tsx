// The lines above an article: its details (ArticleDetails: outlet, author, date, address), where
// it came from and how it was read, then the encoding picker for text files and its other
// versions. Items are joined with a separator that never ends a line.
import type { ReactElement } from 'react';
import type { DocumentRecord } from '../../../src-shared/model';
import { readsWithEncoding } from '../app/import-files';
import { EncodingPicker } from './EncodingPicker';
import { ArticleDetails } from './ArticleDetails';

/** Where the analyst opened the article from: an article in two files is in both. */
export interface ArticlePlace {
  file: string;
  articleIndex: number;
}

/** The separator between items: breakable before it, never after, so no line ends in "·". */
export const META_SEPARATOR = ' ·\u00a0';

export function ArticleMeta({
  document: doc,
  place,
  onOpen,
}: {
  document: DocumentRecord;
  place?: ArticlePlace;
  onOpen: (id: string) => void;
}): ReactElement {
  const file = place?.file ?? doc.sourceFile;
  const ownFile = file === doc.sourceFile;
  const parts = [
    file,
    `article ${(place?.articleIndex ?? doc.articleIndex) + 1}`,
    doc.credit && `photo ${doc.credit}`,
    doc.format,
    !ownFile && `also in ${doc.sourceFile}`,
  ].filter(Boolean);
  const encoding = ownFile && readsWithEncoding(doc.format);
  return (
    <>
      <ArticleDetails key={doc.id} document={doc} />
      <div className="cd-article-meta">
        <p>{parts.join(META_SEPARATOR)}</p>
        {(encoding || doc.previousVersionId || doc.supersededBy) && (
          <div className="cd-article-tools">
            {encoding && <EncodingPicker document={doc} onOpen={onOpen} />}
            {doc.previousVersionId && (
              <button
                type="button"
                className="cd-link"
                onClick={() => onOpen(doc.previousVersionId as string)}
              >
                Previous version
              </button>
            )}
            {doc.supersededBy && (
              <span>
                An earlier version —{' '}
                <button type="button" className="cd-link" onClick={() => onOpen(doc.supersededBy as string)}>
                  Open the current version
                </button>
              </span>
            )}
          </div>
        )}
      </div>
    </>
  );
}
