// @vitest-environment jsdom
// The source combobox (typing, arrow keys, Enter, Escape, inline create, clear) and the Sources
// view over fake-indexeddb (add, merge duplicates, a source page with its claims, Escape back).
import { act, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourcePicker } from '../../../src-renderer/src/components/SourcePicker';
import { SourcesView } from '../../../src-renderer/src/components/SourcesView';
import { openDatabase, type ClaimdeskDb } from '../../../src-renderer/src/db/database';
import { createAnnotation } from '../../../src-renderer/src/db/library';
import { createSource } from '../../../src-renderer/src/db/sources';
import { UndoHistory } from '../../../src-renderer/src/db/annotation-changes';
import type { SourceKind, SourceRecord } from '../../../src-shared/model';
import { storeParsedFile } from '../../../src-renderer/src/db/store-file';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function render(element: ReactElement): Promise<void> {
  await act(async () => root.render(element));
}

/** Types as a user would: React listens for the input event, not for a changed value. */
async function type(input: HTMLInputElement, text: string): Promise<void> {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(target: Element, key: string): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

async function click(target: Element): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
}

/** Waits for Dexie's live queries to deliver. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  expect(check()).toBe(true);
}

const byRole = (role: string): HTMLElement[] => [
  ...container.querySelectorAll<HTMLElement>(`[role="${role}"]`),
];
const combobox = (): HTMLInputElement => byRole('combobox')[0] as HTMLInputElement;
const optionTexts = (): string[] => byRole('option').map((o) => o.textContent ?? '');
const button = (name: string): HTMLButtonElement => {
  const found = [...container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button “${name}”`);
  return found;
};

const sources: SourceRecord[] = [
  { id: 'peskov', name: 'Dmitry Peskov', kind: 'person', aliases: [], url: null, reliabilityNote: '' },
  {
    id: 'kremlin',
    name: 'Kremlin',
    kind: 'organisation',
    aliases: ['Peskov office'],
    url: null,
    reliabilityNote: '',
  },
  { id: 'tass', name: 'TASS', kind: 'outlet', aliases: [], url: null, reliabilityNote: '' },
];

function Harness({
  onChange,
  onCreate,
  initial = null,
}: {
  onChange: (id: string | null) => void;
  onCreate: (name: string, kind: SourceKind) => Promise<SourceRecord>;
  initial?: string | null;
}): ReactElement {
  const [value, setValue] = useState(initial);
  const [list, setList] = useState(sources);
  return (
    <SourcePicker
      label="Claimant"
      sources={list}
      value={value}
      onChange={(id) => {
        setValue(id);
        onChange(id);
      }}
      onCreate={async (name, kind) => {
        const created = await onCreate(name, kind);
        setList((l) => [...l, created]);
        return created;
      }}
    />
  );
}

describe('SourcePicker', () => {
  it('is a labelled combobox controlling a listbox', async () => {
    await render(<Harness onChange={vi.fn()} onCreate={vi.fn()} />);
    const input = combobox();
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Claimant');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(input.getAttribute('aria-controls')!)?.getAttribute('role')).toBe(
      'listbox',
    );
  });

  it('lists matches as the analyst types, an alias match saying whose alias it is', async () => {
    await render(<Harness onChange={vi.fn()} onCreate={vi.fn()} />);
    await type(combobox(), 'Pesk');
    expect(combobox().getAttribute('aria-expanded')).toBe('true');
    expect(optionTexts()).toEqual([
      'Dmitry Peskov person',
      'Peskov office alias of Kremlin organisation',
      'Create “Pesk” new person',
    ]);
  });

  it('ArrowDown then Enter picks the first match and shows its name', async () => {
    const onChange = vi.fn();
    await render(<Harness onChange={onChange} onCreate={vi.fn()} />);
    await type(combobox(), 'Pesk');
    await press(combobox(), 'ArrowDown');
    const active = combobox().getAttribute('aria-activedescendant');
    expect(document.getElementById(active!)?.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById(active!)?.textContent).toContain('Dmitry Peskov');
    await press(combobox(), 'Enter');
    expect(onChange).toHaveBeenCalledWith('peskov');
    expect(combobox().value).toBe('Dmitry Peskov');
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
  });

  it('ArrowUp wraps to the last option; Escape closes, a second Escape restores the name', async () => {
    await render(<Harness initial="tass" onChange={vi.fn()} onCreate={vi.fn()} />);
    expect(combobox().value).toBe('TASS');
    await type(combobox(), 'kreml');
    await press(combobox(), 'ArrowUp');
    expect(document.getElementById(combobox().getAttribute('aria-activedescendant')!)?.textContent).toContain(
      'Create “kreml”',
    );
    await press(combobox(), 'Escape');
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
    expect(combobox().value).toBe('kreml');
    await press(combobox(), 'Escape');
    expect(combobox().value).toBe('TASS');
  });

  it('offers no Create option when the typed text is a source’s name or alias', async () => {
    await render(<Harness onChange={vi.fn()} onCreate={vi.fn()} />);
    await type(combobox(), 'peskov office');
    expect(optionTexts()).toEqual(['Peskov office alias of Kremlin organisation']);
  });

  it('creates a new source inline and chooses it', async () => {
    const onChange = vi.fn();
    const onCreate = vi.fn(async (name: string, kind: SourceKind): Promise<SourceRecord> => ({
      id: 'new-id',
      name,
      kind,
      aliases: [],
      url: null,
      reliabilityNote: '',
    }));
    await render(<Harness onChange={onChange} onCreate={onCreate} />);
    await type(combobox(), '  Maria Zakharova ');
    expect(optionTexts()).toEqual(['Create “Maria Zakharova” new person']);
    await click(byRole('option')[0]!);
    expect(onCreate).toHaveBeenCalledWith('Maria Zakharova', 'person');
    expect(onChange).toHaveBeenCalledWith('new-id');
    expect(combobox().value).toBe('Maria Zakharova');
  });

  it('shows a refused creation and keeps the typed text', async () => {
    const onChange = vi.fn();
    const onCreate = vi.fn(() => Promise.reject(new Error('A source needs a name.')));
    await render(<Harness onChange={onChange} onCreate={onCreate} />);
    await type(combobox(), 'Someone');
    await press(combobox(), 'ArrowDown');
    await press(combobox(), 'Enter');
    expect(byRole('alert')[0]?.textContent).toBe('A source needs a name.');
    expect(onChange).not.toHaveBeenCalled();
    expect(combobox().value).toBe('Someone');
  });

  const creating = () =>
    vi.fn(async (name: string, kind: SourceKind): Promise<SourceRecord> => ({
      id: `new-${name}`,
      name,
      kind,
      aliases: [],
      url: null,
      reliabilityNote: '',
    }));

  async function blur(input: HTMLInputElement): Promise<void> {
    await act(async () => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
  }

  it('Enter with typed text and no option chosen creates that name when nothing matches exactly', async () => {
    const onChange = vi.fn();
    const onCreate = creating();
    await render(<Harness onChange={onChange} onCreate={onCreate} />);
    await type(combobox(), 'Pesk');
    await press(combobox(), 'Enter');
    expect(onCreate).toHaveBeenCalledWith('Pesk', 'person');
    expect(onChange).toHaveBeenCalledWith('new-Pesk');
    expect(combobox().value).toBe('Pesk');
  });

  it('Enter with a source’s exact name or alias chooses it without creating a twin', async () => {
    const onChange = vi.fn();
    const onCreate = creating();
    await render(<Harness onChange={onChange} onCreate={onCreate} />);
    await type(combobox(), 'tass');
    await press(combobox(), 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('tass');
    await type(combobox(), 'PESKOV OFFICE');
    await press(combobox(), 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('kremlin');
    expect(combobox().value).toBe('Kremlin');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('Tab and leaving the field commit the typed name, once', async () => {
    const onChange = vi.fn();
    const onCreate = creating();
    await render(<Harness onChange={onChange} onCreate={onCreate} />);
    await type(combobox(), 'Maria Zakharova');
    await press(combobox(), 'Tab');
    await blur(combobox());
    expect(onCreate).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('new-Maria Zakharova');
    await type(combobox(), 'Dmitry Peskov');
    await blur(combobox());
    expect(onChange).toHaveBeenLastCalledWith('peskov');
    expect(combobox().value).toBe('Dmitry Peskov');
  });

  it('Tab with an option highlighted takes that option', async () => {
    const onChange = vi.fn();
    await render(<Harness onChange={onChange} onCreate={creating()} />);
    await type(combobox(), 'Pesk');
    await press(combobox(), 'ArrowDown');
    await press(combobox(), 'ArrowDown');
    await press(combobox(), 'Tab');
    expect(onChange).toHaveBeenCalledWith('kremlin');
  });

  it('a refused creation on blur keeps the draft visible with the reason', async () => {
    const onChange = vi.fn();
    await render(
      <Harness
        onChange={onChange}
        onCreate={() => Promise.reject(new Error('Names are at most 200 characters.'))}
      />,
    );
    await type(combobox(), 'Someone');
    await blur(combobox());
    expect(byRole('alert')[0]?.textContent).toBe('Names are at most 200 characters.');
    expect(combobox().value).toBe('Someone');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('erasing the name and leaving clears the choice; Escape alone discards typing', async () => {
    const onChange = vi.fn();
    const onCreate = creating();
    await render(<Harness initial="tass" onChange={onChange} onCreate={onCreate} />);
    await type(combobox(), 'Somebody new');
    await press(combobox(), 'Escape');
    await press(combobox(), 'Escape');
    await blur(combobox());
    expect(combobox().value).toBe('TASS');
    expect(onCreate).not.toHaveBeenCalled();
    await type(combobox(), '');
    await blur(combobox());
    expect(onChange).toHaveBeenCalledWith(null);
    expect(combobox().value).toBe('');
  });

  it('commits the typed name when the editor closes without a blur', async () => {
    const onCreate = creating();
    await render(<Harness onChange={vi.fn()} onCreate={onCreate} />);
    await type(combobox(), 'Closing Time');
    await act(async () => root.render(<></>));
    expect(onCreate).toHaveBeenCalledWith('Closing Time', 'person');
  });

  it('clears the choice with its labelled clear button', async () => {
    const onChange = vi.fn();
    await render(<Harness initial="peskov" onChange={onChange} onCreate={vi.fn()} />);
    await click(button('Clear Claimant'));
    expect(onChange).toHaveBeenCalledWith(null);
    expect(combobox().value).toBe('');
  });
});

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
    const scope = container.querySelector(`form[aria-label="${form}"]`)!;
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
    const onError = vi.fn();
    await render(
      <SourcesView
        db={db}
        history={new UndoHistory(db)}
        onOpenAnnotation={onOpenAnnotation}
        onError={onError}
        onInfo={vi.fn()}
      />,
    );
    await until(() => container.textContent?.includes('Dmitry Peskov') ?? false);

    await type(field('Add source', 'Name'), 'dmitry peskov');
    await type(field('Add source', 'URL'), 'javascript:alert(1)');
    await act(async () =>
      container.querySelector<HTMLFormElement>('form[aria-label="Add source"]')!.requestSubmit(),
    );
    expect(onError).toHaveBeenCalledWith(expect.stringMatching(/not a web address/));
    await type(field('Add source', 'URL'), '');
    await act(async () =>
      container.querySelector<HTMLFormElement>('form[aria-label="Add source"]')!.requestSubmit(),
    );
    const notice = (): Element | null => container.querySelector('[aria-label="Likely the same"]');
    await until(() => notice() !== null);
    expect(notice()?.textContent).toMatch(/Dmitry Peskov · dmitry peskov|dmitry peskov · Dmitry Peskov/);
    expect(notice()?.textContent).toContain('same name');
    await click(button('Merge into Dmitry Peskov'));
    await until(() => notice() === null);
    expect((await db.sources.toArray()).map((s) => s.id)).toEqual([peskov.id]);

    await click(container.querySelector(`button[data-source-id="${peskov.id}"]`)!);
    const heading = container.querySelector('h2.cd-source-title');
    expect(heading?.textContent).toBe('Dmitry Peskov');
    expect(document.activeElement).toBe(heading);
    await until(() => container.querySelector('.cd-source-claim') !== null);
    const claim = container.querySelector('.cd-source-claim')!;
    expect(claim.textContent).toContain('talks would resume');
    await click(claim);
    expect(onOpenAnnotation).toHaveBeenCalledWith('doc-1', annotation.id);

    await type(field('Source details', 'Aliases'), 'Peskov, peskov');
    await press(field('Source details', 'Aliases'), 'Escape');
    await until(() => container.querySelector('h2.cd-source-title') === null);
    expect((await db.sources.get(peskov.id))?.aliases).toEqual(['Peskov']);
    expect(document.activeElement?.getAttribute('data-source-id')).toBe(peskov.id);
  });
});

describe('SourcePicker surname match', () => {
  it('pre-selects the one source a surname stands for; Enter takes it, Create stays offered', async () => {
    const onChange = vi.fn();
    const onCreate = vi.fn();
    await render(<Harness onChange={onChange} onCreate={onCreate} />);
    await type(combobox(), 'Peskov');
    const active = document.getElementById(combobox().getAttribute('aria-activedescendant')!);
    expect(active?.textContent).toBe('Dmitry Peskov person');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    expect(optionTexts()).toContain('Create “Peskov” new person');
    await press(combobox(), 'Enter');
    expect(onChange).toHaveBeenCalledWith('peskov');
    expect(onCreate).not.toHaveBeenCalled();
    expect(combobox().value).toBe('Dmitry Peskov');
  });

  it('ArrowDown from the pre-selected source moves on to Create', async () => {
    const onCreate = vi.fn(async (name: string, kind: SourceKind) => ({
      id: 'x',
      name,
      kind,
      aliases: [],
      url: null,
      reliabilityNote: '',
    }));
    await render(<Harness onChange={vi.fn()} onCreate={onCreate} />);
    await type(combobox(), 'peskov');
    await press(combobox(), 'ArrowDown');
    await press(combobox(), 'ArrowDown');
    await press(combobox(), 'Enter');
    expect(onCreate).toHaveBeenCalledWith('peskov', 'person');
  });
});
