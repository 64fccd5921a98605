// The domain model shared by every process: what importers produce, what the library stores,
// and what an annotation records. Environment-free: no DOM, no Node APIs.
import type { ImportedFactCheck } from './factcheck/fact-check';
import type { QdaCodings } from './qda/qda-model';

export type Direction = 'ltr' | 'rtl';

export type ImportFormat = 'news-dump' | 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** A body block as an importer yields it (the CLI's `blocks`). */
export type BodyBlockKind = 'paragraph' | 'heading' | 'quote' | 'list-item';

/** An inline link kept from Markdown/HTML/DOCX sources; offsets are within the block's text. */
export interface InlineLink {
  start: number;
  end: number;
  href: string;
}

export interface ParsedBlock {
  kind: BodyBlockKind;
  text: string;
  /** Heading level 1–6 for headings. */
  level?: number;
  direction?: Direction;
  links?: InlineLink[];
}

export interface ParsedArticle {
  title: string;
  caption: string | null;
  credit: string | null;
  author: string | null;
  published: string | null;
  siteName?: string | null;
  /** The article's web address, where the file says it (canonical link, og:url, front matter). */
  url?: string | null;
  direction: Direction;
  blocks: ParsedBlock[];
  /** SHA-256 (hex) of the article's canonical text: the document's identity. */
  contentHash: string;
}

export interface ParsedFile {
  file: string;
  format: ImportFormat;
  encoding: string;
  articles: ParsedArticle[];
  /** A REFI-QDA project (.qdpx): its codes and the highlights placed in the articles. */
  qda?: QdaCodings;
  /** A ClaimReview file: the published fact-checks it holds (and no articles). */
  factChecks?: ImportedFactCheck[];
}

/** A block of a stored document: the title and caption are blocks too, so they can be annotated. */
export type DocBlockKind = 'title' | 'caption' | BodyBlockKind;

export interface DocBlock {
  kind: DocBlockKind;
  text: string;
  direction: Direction;
  level?: number;
  links?: InlineLink[];
}

/** An article's details the analyst can see and correct: where and when it was published, by whom. */
export const ARTICLE_DETAILS = ['url', 'published', 'outlet', 'author'] as const;
export type ArticleDetail = (typeof ARTICLE_DETAILS)[number];

export interface DocumentRecord {
  /** Content hash of `text` (SHA-256 hex). */
  id: string;
  sourceFile: string;
  articleIndex: number;
  title: string;
  caption: string | null;
  credit: string | null;
  author: string | null;
  published: string | null;
  /** The article's web address, if the file gave one or the analyst recorded it. */
  url?: string | null;
  /** The outlet that published it (a page's site name, or the analyst's entry). */
  outlet?: string | null;
  /** The details the analyst set: kept as set when the file is opened again. */
  analystFields?: ArticleDetail[];
  direction: Direction;
  format: ImportFormat;
  encoding: string;
  blocks: DocBlock[];
  /** Canonical text: block texts joined by BLOCK_SEPARATOR. Selectors index into it. */
  text: string;
  importedAt: string;
  /** The document this one replaced when its file was re-opened with this article changed. */
  previousVersionId?: string | null;
  /** Set on a replaced version: the document that replaced it (hidden from the library). */
  supersededBy?: string | null;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: UTF-16 code unit offsets into the canonical text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnnotationTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export const VERDICTS = [
  'true',
  'mostly-true',
  'mixed',
  'misleading',
  'mostly-false',
  'false',
  'unverifiable',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const STATUSES = ['to-check', 'in-progress', 'checked', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type EvidenceStance = 'supports' | 'refutes' | 'context';

export interface EvidenceItem {
  id: string;
  url: string;
  title: string;
  stance: EvidenceStance;
  note: string;
  /** ISO date (YYYY-MM-DD) the analyst accessed the evidence. */
  accessed: string | null;
  sourceId: string | null;
}

export interface AnnotationRecord {
  id: string;
  documentId: string;
  target: AnnotationTarget;
  labelId: string;
  verdict: Verdict | null;
  rationale: string;
  status: Status;
  priority: Priority;
  notes: string;
  claimantId: string | null;
  evidence: EvidenceItem[];
  /** Where the published fact-check of this claim is (ClaimReview's `url`); absent until given. */
  reviewUrl?: string;
  author: string;
  /** Who last changed it: the author, or the desk member whose change came last (Teams). */
  modifiedBy?: string;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  /** Set when the annotation could not be re-anchored in a changed text; kept, never dropped. */
  orphaned: boolean;
}

export interface LabelRecord {
  id: string;
  name: string;
  /** CSS colour used for the highlight (light theme); the dark theme derives from it. */
  color: string;
  order: number;
}

export type SourceKind = 'person' | 'organisation' | 'outlet' | 'document';

export interface SourceRecord {
  id: string;
  name: string;
  kind: SourceKind;
  aliases: string[];
  url: string | null;
  reliabilityNote: string;
}

export interface SettingsRecord {
  /** The analyst's name, recorded as each annotation's author. */
  analystName: string;
  /** The organisation publishing ClaimReview. */
  organisationName: string;
  organisationUrl: string;
}

/** Everything in a library: what a backup holds and what exporters read. */
export interface LibrarySnapshot {
  documents: DocumentRecord[];
  annotations: AnnotationRecord[];
  labels: LabelRecord[];
  sources: SourceRecord[];
  settings: SettingsRecord;
}
