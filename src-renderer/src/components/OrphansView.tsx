// Annotations whose text could not be found again after their article changed. They are kept,
// never silently dropped: the analyst sees each quote and decides.
import type { ReactElement } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnnotationRecord, LabelRecord } from '../../../src-shared/model';
import { useLibrary } from '../app/library-context';

interface Props {
  labels: ReadonlyMap<string, LabelRecord>;
  onOpen: (documentId: string, annotationId: string) => void;
  onDelete: (annotation: AnnotationRecord) => void;
}

export function OrphansView({ labels, onOpen, onDelete }: Props): ReactElement {
  const { db } = useLibrary();
  const orphans = useLiveQuery(() => db.annotations.filter((a) => a.orphaned).toArray(), [db]) ?? [];
  const titles = useLiveQuery(
    async () =>
      new Map(
        (await db.documents.bulkGet([...new Set(orphans.map((o) => o.documentId))])).flatMap((d) =>
          d ? [[d.id, d.title] as const] : [],
        ),
      ),
    [db, orphans],
  );
  return (
    <section className="cd-orphans" aria-label="Orphans">
      <h2 className="cd-panel-title">
        Orphans <span className="cd-count">{orphans.length}</span>
      </h2>
      {orphans.length === 0 && <p className="cd-empty">Every annotation is anchored in its article.</p>}
      <ul>
        {orphans.map((a) => (
          <li key={a.id} className="cd-orphan">
            <span
              className="cd-label-chip"
              style={{ ['--cd-label-color' as string]: labels.get(a.labelId)?.color }}
            >
              {labels.get(a.labelId)?.name ?? a.labelId}
            </span>
            <q dir="auto">{a.target.quote.exact}</q>
            <span className="cd-orphan-doc">{titles?.get(a.documentId) ?? ''}</span>
            <span className="cd-orphan-actions">
              <button type="button" onClick={() => onOpen(a.documentId, a.id)}>
                Open article
              </button>
              <button type="button" onClick={() => onDelete(a)}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
