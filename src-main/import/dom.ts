// An inert DOM for untrusted HTML: jsdom that neither runs scripts nor fetches anything, and
// DOMPurify bound to that window. Loaded on demand so text imports never pay for jsdom.
import type { WindowLike } from 'dompurify';

export interface InertDom {
  window: Window;
  /** Sanitised markup as a fragment of this window's document: no script, handler or unsafe URL. */
  sanitize(html: string): DocumentFragment;
  close(): void;
}

export async function inertDom(html: string): Promise<InertDom> {
  const [{ JSDOM, VirtualConsole }, { default: createDOMPurify }] = await Promise.all([
    import('jsdom'),
    import('dompurify'),
  ]);
  // No runScripts and no resources: scripts stay inert text and nothing is fetched. A console
  // of our own keeps the page's CSS and markup complaints out of the app's logs.
  const { window } = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const purify = createDOMPurify(window as unknown as WindowLike);
  return {
    window,
    sanitize: (dirty) =>
      purify.sanitize(dirty, {
        USE_PROFILES: { html: true },
        FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'template', 'noscript'],
        FORBID_ATTR: ['style'],
        // Dropped with everything inside: their text is never article prose.
        ADD_FORBID_CONTENTS: [
          'svg',
          'math',
          'form',
          'button',
          'select',
          'textarea',
          'object',
          'embed',
          'nav',
        ],
        RETURN_DOM_FRAGMENT: true,
      }),
    close: () => window.close(),
  };
}
