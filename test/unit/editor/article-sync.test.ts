// @vitest-environment jsdom
// What the analyst sees in the article as highlights come and go: MarkNodes in the editor state
// and <mark> elements on screen, overlaps kept as one mark holding every id, and only the touched
// paragraph redrawn when one highlight changes.
import { $isMarkNode } from '@lexical/mark';
import { $getRoot, $isElementNode, createEditor, type LexicalEditor, type LexicalNode } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleEditorConfig } from '../../../src-renderer/src/editor/editor-config';
import {
  createRenderedArticle,
  syncArticle,
  type Highlight,
  type RenderedArticle,
} from '../../../src-renderer/src/editor/article-sync';
import { MarkPainter } from '../../../src-renderer/src/editor/mark-painter';
import { blockOffsets } from '../../../src-shared/canonical';
import type { DocBlock } from '../../../src-shared/model';

const BLOCKS: DocBlock[] = [
  { kind: 'title', text: 'Grain exports fall', direction: 'ltr' },
  { kind: 'paragraph', text: 'The minister said exports rose by ten percent.', direction: 'ltr' },
  { kind: 'paragraph', text: 'Officials at the port disputed the figure.', direction: 'ltr' },
];
const OFFSETS = blockOffsets(BLOCKS);
const LOOKS: Record<string, { color: string; title: string }> = {
  claim: { color: '#f2c94c', title: 'Claim' },
  quote: { color: '#56ccf2', title: 'Quote' },
};

/** A highlight over `phrase` in block `b`. */
function over(id: string, b: number, phrase: string, labelId = 'claim'): Highlight {
  const at = (BLOCKS[b] as DocBlock).text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" not in block ${b}`);
  const start = (OFFSETS[b] as number) + at;
  return { id, start, end: start + phrase.length, labelId };
}

let root: HTMLElement;
let editor: LexicalEditor;
let rendered: RenderedArticle;
let painter: MarkPainter;

beforeEach(() => {
  root = document.body.appendChild(document.createElement('div'));
  editor = createEditor(articleEditorConfig);
  editor.setRootElement(root);
  rendered = createRenderedArticle();
  painter = new MarkPainter(editor, rendered.drawn);
  painter.register();
  painter.setLabels((labelId) => LOOKS[labelId]);
});

afterEach(() => {
  editor.setRootElement(null);
  root.remove();
});

const sync = (highlights: Highlight[], documentId = 'doc'): void =>
  syncArticle(editor, documentId, BLOCKS, highlights, rendered);

/** The marks in the editor state: their text and ids, in document order. */
function stateMarks(): { text: string; ids: string[] }[] {
  return editor.getEditorState().read(() => {
    const marks: { text: string; ids: string[] }[] = [];
    const visit = (node: LexicalNode): void => {
      if ($isMarkNode(node)) marks.push({ text: node.getTextContent(), ids: node.getIDs() });
      if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
    };
    visit($getRoot());
    return marks;
  });
}

/** The <mark> elements on screen: text, ids, colour and hover title. */
function screenMarks(): { text: string; ids: string; color: string; title: string }[] {
  return [...root.querySelectorAll('mark')].map((mark) => ({
    text: mark.textContent ?? '',
    ids: mark.dataset.annotationIds ?? '',
    color: mark.style.getPropertyValue('--cd-mark-color'),
    title: mark.title,
  }));
}

describe('syncArticle', () => {
  it('draws the article with each highlight as a MarkNode and a painted <mark>', () => {
    sync([over('a', 1, 'exports rose'), over('b', 2, 'port', 'quote')]);
    expect(root.children).toHaveLength(3);
    expect(root.textContent).toBe(BLOCKS.map((b) => b.text).join(''));
    expect(stateMarks()).toEqual([
      { text: 'exports rose', ids: ['a'] },
      { text: 'port', ids: ['b'] },
    ]);
    expect(screenMarks()).toEqual([
      { text: 'exports rose', ids: 'a', color: '#f2c94c', title: 'Claim' },
      { text: 'port', ids: 'b', color: '#56ccf2', title: 'Quote' },
    ]);
  });

  it('keeps overlapping highlights as one mark holding both ids, innermost last', () => {
    sync([over('outer', 1, 'said exports rose'), over('inner', 1, 'exports', 'quote')]);
    expect(stateMarks()).toEqual([
      { text: 'said ', ids: ['outer'] },
      { text: 'exports', ids: ['outer', 'inner'] },
      { text: ' rose', ids: ['outer'] },
    ]);
    const overlap = root.querySelector('mark.cd-mark-overlap');
    expect(overlap?.textContent).toBe('exports');
    expect(screenMarks()[1]).toEqual({
      text: 'exports',
      ids: 'outer inner',
      color: '#56ccf2',
      title: 'Claim + Quote',
    });
  });

  it('adds a highlight by redrawing only its paragraph', () => {
    const first = [over('a', 1, 'exports rose')];
    sync(first);
    const before = [...root.children];
    const untouchedMark = root.querySelector('mark');
    sync([...first, over('b', 2, 'disputed')]);
    expect([...root.children]).toEqual(before);
    expect(root.querySelector('mark')).toBe(untouchedMark);
    expect(stateMarks().map((m) => m.text)).toEqual(['exports rose', 'disputed']);
    expect(screenMarks()[1]).toMatchObject({ text: 'disputed', ids: 'b', title: 'Claim' });
  });

  it('deleting one of two overlapping highlights keeps the other whole', () => {
    const outer = over('outer', 1, 'said exports rose');
    sync([outer, over('inner', 1, 'exports', 'quote')]);
    sync([outer]);
    expect(stateMarks()).toEqual([{ text: 'said exports rose', ids: ['outer'] }]);
    expect(root.querySelector('mark.cd-mark-overlap')).toBeNull();
    expect(screenMarks()).toEqual([
      { text: 'said exports rose', ids: 'outer', color: '#f2c94c', title: 'Claim' },
    ]);
  });

  it('redraws a relabelled highlight and one moved to another paragraph', () => {
    sync([over('a', 1, 'exports rose'), over('b', 1, 'minister')]);
    sync([over('a', 1, 'exports rose', 'quote'), over('b', 2, 'Officials')]);
    expect(stateMarks()).toEqual([
      { text: 'exports rose', ids: ['a'] },
      { text: 'Officials', ids: ['b'] },
    ]);
    expect(screenMarks().map((m) => [m.text, m.title])).toEqual([
      ['exports rose', 'Quote'],
      ['Officials', 'Claim'],
    ]);
  });

  it('draws a highlight across two paragraphs in both, and takes it out of both', () => {
    const across: Highlight = {
      id: 'x',
      start: over('-', 1, 'ten percent.').start,
      end: over('-', 2, 'Officials').end,
    };
    const other = over('o', 2, 'figure');
    sync([across, other]);
    expect(stateMarks()).toEqual([
      { text: 'ten percent.', ids: ['x'] },
      { text: 'Officials', ids: ['x'] },
      { text: 'figure', ids: ['o'] },
    ]);
    sync([other]);
    expect(stateMarks()).toEqual([{ text: 'figure', ids: ['o'] }]);
    expect(root.textContent).toBe(BLOCKS.map((b) => b.text).join(''));
  });

  it('repaints every mark when a label is recoloured or renamed', () => {
    sync([over('a', 1, 'exports rose'), over('b', 2, 'port', 'quote')]);
    painter.setLabels((labelId) =>
      labelId === 'claim' ? { color: '#eb5757', title: 'False claim' } : LOOKS[labelId],
    );
    expect(screenMarks().map((m) => [m.text, m.color, m.title])).toEqual([
      ['exports rose', '#eb5757', 'False claim'],
      ['port', '#56ccf2', 'Quote'],
    ]);
    expect(painter.elementsOf('b').map((e) => e.textContent)).toEqual(['port']);
  });

  it('leaves the editor alone when nothing changed, and redraws everything for another document', () => {
    const highlights = [over('a', 1, 'exports rose')];
    sync(highlights);
    const state = editor.getEditorState();
    sync([...highlights]);
    expect(editor.getEditorState()).toBe(state);
    const paragraph = root.children[1];
    sync(highlights, 'another version');
    expect(root.children[1]).not.toBe(paragraph);
    expect(stateMarks()).toEqual([{ text: 'exports rose', ids: ['a'] }]);
  });
});
