// In-browser half of the editor benchmark: the app's own article view (Lexical editor,
// ArticleBlockNode, MarkNode highlights, mark painting), timed in real Chromium.
import { createEditor, type LexicalEditor } from 'lexical';
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
import '../../../src-renderer/src/styles.css';

let seed = 7;
const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const WORDS =
  'the minister said exports rose by percent last year according to officials port grain union strike council budget library water'.split(
    ' ',
  );

function article(words: number): DocBlock[] {
  const blocks: DocBlock[] = [{ kind: 'title', text: 'A very long article', direction: 'ltr' }];
  for (let left = words; left > 0; left -= 50) {
    const n = Math.min(50, left);
    blocks.push({
      kind: 'paragraph',
      direction: 'ltr',
      text: Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ') + '.',
    });
  }
  return blocks;
}

function highlights(blocks: DocBlock[], count: number): Highlight[] {
  const offsets = blockOffsets(blocks);
  return Array.from({ length: count }, (_, i) => {
    const b = 1 + Math.floor(rand() * (blocks.length - 1));
    const text = (blocks[b] as DocBlock).text;
    const start = Math.floor(rand() * (text.length - 40));
    return {
      id: `a${i}`,
      start: (offsets[b] as number) + start,
      end: (offsets[b] as number) + start + 10 + Math.floor(rand() * 30),
      labelId: 'claim',
    };
  });
}

interface Session {
  editor: LexicalEditor;
  rendered: RenderedArticle;
  blocks: DocBlock[];
  spans: Highlight[];
  painter: MarkPainter;
}
let session: Session | null = null;

function sync(s: Session): void {
  syncArticle(s.editor, 'doc', s.blocks, s.spans, s.rendered);
  void document.body.offsetHeight; // force style and layout: the article is on screen
}

const bench = {
  /** Opens a fresh article of `words` words with `count` highlights; returns ms to render. */
  open(words: number, count: number): number {
    session?.editor.setRootElement(null);
    const root = document.getElementById('article') as HTMLElement;
    root.replaceChildren();
    seed = 7;
    const editor = createEditor(articleEditorConfig);
    const rendered = createRenderedArticle();
    const painter = new MarkPainter(editor, rendered.drawn);
    painter.register();
    painter.setLabels(() => ({ color: '#f2c94c', title: 'Claim' }));
    const blocks = article(words);
    const spans = highlights(blocks, count);
    const t0 = performance.now();
    editor.setRootElement(root);
    const s: Session = { editor, blocks, spans, painter, rendered };
    sync(s);
    session = s;
    return performance.now() - t0;
  },
  /** Adds one highlight to the open article; returns ms until it is drawn. */
  addOne(): number {
    const s = session as Session;
    const offsets = blockOffsets(s.blocks);
    const b = Math.floor(s.blocks.length / 2);
    const extra = {
      id: `extra${s.spans.length}`,
      start: (offsets[b] as number) + 3,
      end: (offsets[b] as number) + 25,
      labelId: 'claim',
    };
    const t0 = performance.now();
    s.spans = [...s.spans, extra];
    sync(s);
    const ms = performance.now() - t0;
    if (!document.querySelector(`mark[data-annotation-ids~="${extra.id}"]`))
      throw new Error('highlight not drawn');
    return ms;
  },
  marks(): number {
    return document.querySelectorAll('mark').length;
  },
};

(window as unknown as { claimdeskBench: typeof bench }).claimdeskBench = bench;
