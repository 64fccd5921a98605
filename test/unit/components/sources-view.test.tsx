// @vitest-environment jsdom
// The Sources view over fake-indexeddb, inside the library context: add a source (a refused
// address is reported as a notice), merge a duplicate as one undoable step, open a source's page
// with its claims, and Escape back.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourcesView } from '../../../src-renderer/src/components/SourcesView';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';
import { createSource } from '../../../src-renderer/src/db/sources';
import { button, click, press, render, screen, screenPerTest, type, until } from './dom';
import { noticeTexts, testLibrary, withLibrary } from './with-library';

screenPerTest();

describe('SourcesView', () => {
  let db: ClaimdeskDb;
  let n = 0;
  beforeEach(() => {
    db = openDatabase(`test-sources-view-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const field = (form: string, label: string): HTMLInputElement => {
    const scope = screen.container.querySelector(`form[aria-label="${form}"]`)!;
    const span = [...scope.querySelectorAll('label > span')].find((s) => s.textContent === label)!;
    return span.parentElement!.querySelector('input, select, textarea') as HTMLInputElement;
  };

  it('adds a source, merges a duplicate, opens its page with claims, and Escape goes back', async () => {
    await storeParsedFile(db, {
      file: 'dump.txt',
      format: 'news-dump',
      encoding: 'utf-8',
      articles: [
        {
          title: 'Talks',
          caption: null,
          credit: null,
          author: null,
          published: null,
          direction: 'ltr',
          blocks: [{ kind: 'paragraph', text: 'Peskov said talks would resume.' }],
          contentHash: 'doc-1',
        },
      ],
    });
    const peskov = await createSource(db, { name: 'Dmitry Peskov', kind: 'person' });
    const document1 = (await db.documents.get('doc-1'))!;
    const start = document1.text.indexOf('talks would resume');
    const annotation = await createAnnotation(db, {
      document: document1,
      start,
      end: start + 18,
      labelId: 'claim',
      author: 'Ana',
    });
    await db.annotations.update(annotation.id, { claimantId: peskov.id });
    const onOpenAnnotation = vi.fn();
    const library = testLibrary(db);
    await render(withLibrary(library, <SourcesView onOpenAnnotation={onOpenAnnotation} />));
    await until(() => screen.container.textContent?.includes('Dmitry Peskov') ?? false);

    await type(field('Add source', 'Name'), 'dmitry peskov');
    await type(field('Add source', 'URL'), 'javascript:alert(1)');
    await act(async () =>
      screen.container.querySelector<HTMLFormElement>('form[aria-label="Add source"]')!.requestSubmit(),
    );
    expect(noticeTexts(library)).toEqual([expect.stringMatching(/not a web address/)]);
    await type(field('Add source', 'URL'), '');
    await act(async () =>
      screen.container.querySelector<HTMLFormElement>('form[aria-label="Add source"]')!.requestSubmit(),
    );
    const notice = (): Element | null => screen.container.querySelector('[aria-label="Likely the same"]');
    await until(() => notice() !== null);
    expect(notice()?.textContent).toMatch(/Dmitry Peskov · dmitry peskov|dmitry peskov · Dmitry Peskov/);
    expect(notice()?.textContent).toContain('same name');
    await click(button('Merge into Dmitry Peskov'));
    await until(() => notice() === null);
    await until(() => noticeTexts(library).some((t) => /Undo \(Ctrl\+Z\) takes it back/.test(t)));
    expect(library.history.canUndo).toBe(true);
    expect((await db.sources.toArray()).map((s) => s.id)).toEqual([peskov.id]);

    await click(screen.container.querySelector(`button[data-source-id="${peskov.id}"]`)!);
    const heading = screen.container.querySelector('h2.cd-source-title');
    expect(heading?.textContent).toBe('Dmitry Peskov');
    expect(document.activeElement).toBe(heading);
    await until(() => screen.container.querySelector('.cd-source-claim') !== null);
    const claim = screen.container.querySelector('.cd-source-claim')!;
    expect(claim.textContent).toContain('talks would resume');
    await click(claim);
    expect(onOpenAnnotation).toHaveBeenCalledWith('doc-1', annotation.id);

    await type(field('Source details', 'Aliases'), 'Peskov, peskov');
    await press(field('Source details', 'Aliases'), 'Escape');
    await until(() => screen.container.querySelector('h2.cd-source-title') === null);
    expect((await db.sources.get(peskov.id))?.aliases).toEqual(['Peskov']);
    expect(document.activeElement?.getAttribute('data-source-id')).toBe(peskov.id);
  });
});
