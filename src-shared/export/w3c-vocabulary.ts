// The names ClaimDesk's W3C Web Annotation export and import agree on: context, IRIs of
// documents, and which body purpose carries which annotation field.
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A document's IRI: its content hash, so a re-import finds the same text wherever the file lives. */
export const DOCUMENT_IRI_PREFIX = 'urn:claimdesk:doc:';

/**
 * The evidence stance has no term in anno.jsonld; a key that is itself an absolute IRI is kept
 * by JSON-LD processors (unlike an undefined bare term), so the stance survives a round trip.
 */
export const STANCE_KEY = 'urn:claimdesk:stance';

/**
 * The verdict body also carries the verdict's id under this key, so a rationale that happens to
 * read "False" is never mistaken for the verdict when ClaimDesk reads its own file back.
 */
export const VERDICT_KEY = 'urn:claimdesk:verdict';

/** Body purposes per field (Web Annotation §3.3.5 motivations). */
export const PURPOSE = {
  label: 'classifying',
  verdict: 'assessing',
  notes: 'commenting',
  evidence: 'linking',
  claimant: 'identifying',
  tag: 'tagging',
} as const;
