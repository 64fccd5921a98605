// A component test's screen (jsdom): a fresh container and React root per test, and the steps a
// user takes — typing, keys, clicks — each inside act(), plus waiting for live queries.
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The current test's container and root; set before each test by `screenPerTest`. */
export const screen = { container: null as unknown as HTMLDivElement, root: null as unknown as Root };

export function screenPerTest(): void {
  beforeEach(() => {
    screen.container = document.body.appendChild(document.createElement('div'));
    screen.root = createRoot(screen.container);
  });
  afterEach(() => {
    act(() => screen.root.unmount());
    screen.container.remove();
  });
}

export async function render(element: ReactElement): Promise<void> {
  await act(async () => screen.root.render(element));
}

/** Types as a user would: React listens for the input event, not for a changed value. */
export async function type(input: HTMLInputElement, text: string): Promise<void> {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function press(target: Element, key: string): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export async function click(target: Element): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
}

/** Waits for Dexie's live queries to deliver. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  expect(check()).toBe(true);
}

export const button = (name: string): HTMLButtonElement => {
  const found = [...screen.container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button “${name}”`);
  return found;
};
