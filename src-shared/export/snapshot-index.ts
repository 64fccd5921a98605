// Lookups every exporter needs (document, label and source by id) built once per export, and the
// order annotations are exported in: by document as the library lists them, then by position.
import type { AnnotationRecord, DocumentRecord, LabelRecord, LibrarySnapshot, SourceRecord } from '../model';

export interface SnapshotIndex {
  documents: ReadonlyMap<string, DocumentRecord>;
  labels: ReadonlyMap<string, LabelRecord>;
  sources: ReadonlyMap<string, SourceRecord>;
  /** Position of each document in the snapshot, for a stable export order. */
  documentOrder: ReadonlyMap<string, number>;
}

export function indexSnapshot(snapshot: LibrarySnapshot): SnapshotIndex {
  return {
    documents: new Map(snapshot.documents.map((d) => [d.id, d])),
    labels: new Map(snapshot.labels.map((l) => [l.id, l])),
    sources: new Map(snapshot.sources.map((s) => [s.id, s])),
    documentOrder: new Map(snapshot.documents.map((d, i) => [d.id, i])),
  };
}

/** The annotations to export (all, or those whose id is listed), in export order. */
export function selectAnnotations(
  snapshot: LibrarySnapshot,
  index: SnapshotIndex,
  annotationIds?: readonly string[],
): AnnotationRecord[] {
  const wanted = annotationIds ? new Set(annotationIds) : null;
  const chosen = wanted ? snapshot.annotations.filter((a) => wanted.has(a.id)) : [...snapshot.annotations];
  // Annotations of a document missing from the snapshot sort last rather than being dropped.
  const rank = (a: AnnotationRecord): number =>
    index.documentOrder.get(a.documentId) ?? Number.MAX_SAFE_INTEGER;
  return chosen.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.target.position.start - b.target.position.start ||
      a.target.position.end - b.target.position.end,
  );
}

/** Display name of an annotation's label; the raw id when the label no longer exists. */
export function labelName(index: SnapshotIndex, annotation: AnnotationRecord): string {
  return index.labels.get(annotation.labelId)?.name ?? annotation.labelId;
}

/** Names of the sources cited by an annotation's evidence, each once, in citation order. */
export function citedSourceNames(index: SnapshotIndex, annotation: AnnotationRecord): string[] {
  const names = new Set<string>();
  for (const e of annotation.evidence) {
    const name = e.sourceId ? index.sources.get(e.sourceId)?.name : undefined;
    if (name) names.add(name);
  }
  return [...names];
}
