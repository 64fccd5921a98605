// @vitest-environment jsdom
// The source combobox: typing, arrow keys, Enter, Escape, inline create, clear, surname match.
import { act, useState, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SourcePicker } from '../../../src-renderer/src/components/SourcePicker';
import type { SourceKind, SourceRecord } from '../../../src-shared/model';
import { button, click, press, render, screen, screenPerTest, type } from './dom';

screenPerTest();

const byRole = (role: string): HTMLElement[] => [
  ...screen.container.querySelectorAll<HTMLElement>(`[role="${role}"]`),
];
const combobox = (): HTMLInputElement => byRole('combobox')[0] as HTMLInputElement;
const optionTexts = (): string[] => byRole('option').map((o) => o.textContent ?? '');
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
    expect(screen.container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Claimant');
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
    await act(async () => screen.root.render(<></>));
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
