// Article bodies between a library and its desk node (articles by hash): the desk document lists
// each article's stub, so the bodies of articles this library adds are put on the node, and the
// bodies of listed articles it lacks are got from the node, verified against their hash. Puts
// that have not been taken stay queued until the link is back; on every new link the node is
// asked which of this library's listed articles it lacks (an upload cut short by a crash), and
// those are put again. A body the node will not take because it does not hash to its id, or is
// over the size cap, is shared whole in the document instead, as older desks did.
import type * as Y from 'yjs';
import { MAX_ARTICLE_BODY_CHARS, verifyArticle } from '../../../src-shared/desk/article-messages';
import { bodyOf } from '../../../src-shared/desk/article-stub';
import { documentsOf, isWhole } from '../../../src-shared/desk/desk-doc';
import type { DocBlock, DocumentRecord } from '../../../src-shared/model';
import type { ClaimdeskDb } from '../db/database';
import type { ArticleLink } from './article-fetch';
import type { Held, Touched } from './desk-remote-write';

/** Bodies kept in memory for puts still to come; beyond it they are read back from the library. */
const HELD_CHARS = 64 * 1024 * 1024;
/** Ids a put works through at a time. */
const PUT_BATCH = 2_000;
/** Asking again for bodies the node did not have: first after this, doubling up to RETRY_MAX_MS. */
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;
/** How long sound bodies a node refused (its store failed) wait before they are put again. */
const RETRY_PUT_MS = 30_000;

const bodyChars = (record: DocumentRecord): number =>
  record.blocks.reduce((n, b) => n + b.text.length + 64, 0);

export class DeskArticles {
  private link: ArticleLink | null = null;
  private readOnly = false;
  /** Ids to put, with their record while it is kept in memory. */
  private readonly toPut = new Map<string, DocumentRecord | null>();
  private heldChars = 0;
  private putting: Promise<void> = Promise.resolve();
  private putScheduled = false;

  constructor(
    private readonly db: ClaimdeskDb,
    private readonly doc: Y.Doc,
    private readonly onProblem: (message: string) => void,
    /** Shares records whole in the desk document (bodies a node will not take). */
    private readonly shareWhole: (records: DocumentRecord[]) => void,
  ) {}

  /** The link to the node, once synced (null while there is none). */
  setLink(link: ArticleLink | null, readOnly: boolean): void {
    this.link = link;
    this.readOnly = readOnly;
    if (!link || readOnly) return;
    this.schedulePut();
    void this.putting.then(() => this.checkHeld());
  }

  get linked(): boolean {
    return this.link !== null;
  }

  /** Queues the bodies of articles whose stubs this library wrote: put as soon as there is a link. */
  upload(records: readonly DocumentRecord[]): void {
    for (const record of records) {
      if (this.toPut.has(record.id)) continue;
      const chars = bodyChars(record);
      const keep = this.heldChars + chars <= HELD_CHARS;
      if (keep) this.heldChars += chars;
      this.toPut.set(record.id, keep ? record : null);
    }
    this.schedulePut();
  }

  /** Puts still waiting (for a link, or for the node to take them). */
  get waitingPuts(): number {
    return this.toPut.size;
  }

  /** Resolves when the puts queued so far have been answered (or the link went). */
  putsSettled(): Promise<void> {
    return this.putting;
  }

  private schedulePut(): void {
    if (this.putScheduled || !this.link || this.readOnly || this.toPut.size === 0) return;
    this.putScheduled = true;
    this.putting = this.putting.then(async () => {
      this.putScheduled = false;
      await this.putQueued().catch(() => undefined); // the link went: the queue waits for the next
    });
  }

  private async putQueued(): Promise<void> {
    while (this.link && !this.readOnly && this.toPut.size > 0) {
      const link = this.link;
      const ids = [...this.toPut.keys()].slice(0, PUT_BATCH);
      const records = await this.recordsOf(ids);
      const big = records.filter(
        (r) =>
          bodyChars(r) > MAX_ARTICLE_BODY_CHARS / 2 &&
          JSON.stringify(r.blocks).length > MAX_ARTICLE_BODY_CHARS,
      );
      const bodies = records.filter((r) => !big.includes(r)).map(bodyOf);
      const { stored, refused } = bodies.length ? await link.put(bodies) : { stored: [], refused: [] };
      const unverifiable: DocumentRecord[] = [...big];
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const id of refused) {
        const record = byId.get(id);
        if (record && !(await verifyArticle(bodyOf(record)))) unverifiable.push(record);
      }
      if (unverifiable.length) this.shareWhole(unverifiable);
      const done = new Set([...stored, ...unverifiable.map((r) => r.id)]);
      // Ids no longer in the library (deleted meanwhile) are done too.
      for (const id of ids) if (done.has(id) || !byId.has(id)) this.forget(id);
      // The node refused sound bodies (its store failed): they are put again in a while.
      if (ids.every((id) => this.toPut.has(id))) {
        setTimeout(() => this.schedulePut(), RETRY_PUT_MS);
        return;
      }
    }
  }

  private forget(id: string): void {
    const record = this.toPut.get(id);
    if (record) this.heldChars -= bodyChars(record);
    this.toPut.delete(id);
  }

  private async recordsOf(ids: string[]): Promise<DocumentRecord[]> {
    const unread = ids.filter((id) => this.toPut.get(id) === null);
    const read = new Map(
      (await this.db.documents.bulkGet(unread))
        .filter((d): d is DocumentRecord => d !== undefined)
        .map((d) => [d.id, d]),
    );
    return ids
      .map((id) => this.toPut.get(id) ?? read.get(id))
      .filter((d): d is DocumentRecord => d !== undefined);
  }

  /** Asks the node which of the listed articles this library holds it lacks, and puts those. */
  private async checkHeld(): Promise<void> {
    const link = this.link;
    if (!link || this.readOnly) return;
    const listed = new Set<string>();
    for (const [id, held] of documentsOf(this.doc).entries()) if (!isWhole(held)) listed.add(id);
    if (listed.size === 0) return;
    const local = (await this.db.documents.toCollection().primaryKeys()).filter((id) => listed.has(id));
    try {
      const lacking = await link.lacking(local);
      for (const id of lacking) if (!this.toPut.has(id)) this.toPut.set(id, null);
      this.schedulePut();
    } catch {
      // The link went: the next one asks again.
    }
  }

  /**
   * The verified bodies of `ids` the node holds (none without a link); a body that does not hash
   * to its id is reported and left out.
   */
  async fetch(ids: readonly string[]): Promise<Map<string, DocBlock[]>> {
    const bodies = new Map<string, DocBlock[]>();
    const link = this.link;
    if (!link || ids.length === 0) return bodies;
    try {
      const fetched = await link.get([...ids]);
      for (const a of fetched.articles) bodies.set(a.id, a.blocks);
      if (fetched.rejected.length > 0)
        this.onProblem(
          `${fetched.rejected.length === 1 ? 'An article' : `${fetched.rejected.length} articles`} from the desk did not match ${fetched.rejected.length === 1 ? 'its' : 'their'} content hash and ${fetched.rejected.length === 1 ? 'was' : 'were'} not stored.`,
        );
    } catch {
      // The link went: what is still missing is asked for again on the next one.
    }
    return bodies;
  }
}

/**
 * Listed articles whose body has not come yet and the annotations on them (neither is stored
 * until the body is): handed back to be tried again, soon after a miss and then less often,
 * and at once on a new link.
 */
export class WaitingForBodies {
  readonly documentIds = new Set<string>();
  private annotations: Touched = new Map();
  private retryMs = RETRY_MIN_MS;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly retry: () => void) {}

  /** Keeps what a write could not store; `arrived` bodies came in it. */
  hold(held: Held, arrived: number, linked: boolean): void {
    for (const id of held.documentIds) this.documentIds.add(id);
    for (const [id, change] of held.annotations) {
      const was = this.annotations.get(id);
      this.annotations.set(
        id,
        was === 'all' || change === 'all' ? 'all' : new Set([...(was ?? []), ...change]),
      );
    }
    if (arrived > 0) this.retryMs = RETRY_MIN_MS;
    if (this.documentIds.size > 0 && linked && this.timer === undefined) {
      this.timer = setTimeout(() => this.fire(), this.retryMs);
      this.retryMs = Math.min(2 * this.retryMs, RETRY_MAX_MS);
    }
  }

  /** Everything waiting, handed back (and no longer kept here). */
  take(): Held {
    const held: Held = { documentIds: [...this.documentIds], annotations: this.annotations };
    this.documentIds.clear();
    this.annotations = new Map();
    return held;
  }

  relinked(): void {
    this.retryMs = RETRY_MIN_MS;
    this.fire();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.stop();
    if (this.documentIds.size > 0 || this.annotations.size > 0) this.retry();
  }
}
