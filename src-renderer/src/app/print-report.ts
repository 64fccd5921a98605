// The browser edition's PDF path: the report opens in a tab of its own (a blob: URL of the
// report's HTML) and the browser's print dialog offers "Save as PDF". No frame is needed, so the
// app's CSP stays as it is (frame-src 'none', script-src 'self').
import { err, ok, type Result } from '../../../src-shared/result';

/**
 * Opens the tab for the report at once. Call it in the click handler, before anything is
 * awaited: browsers allow a new window only while the click still counts as the analyst's.
 */
export function openPrintWindow(): Window | null {
  return window.open('', '_blank');
}

/**
 * A blob: document inherits the app's CSP, which forbids inline styles: the report would print
 * unstyled. Styles applied through the CSSOM are not subject to CSP, so its <style> sheets and
 * style attributes are applied that way — no script runs in the report itself.
 */
export function applyReportStyles(doc: Document): void {
  const view = doc.defaultView;
  if (!view) return;
  doc.adoptedStyleSheets = [...doc.querySelectorAll('style')].map((element) => {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(element.textContent ?? '');
    return sheet;
  });
  for (const element of doc.querySelectorAll<HTMLElement>('[style]'))
    element.style.cssText = element.getAttribute('style') ?? '';
}

function loaded(target: Window, url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = (): void => {
      let ready = false;
      try {
        ready = target.location.href === url && target.document.readyState === 'complete';
      } catch {
        // Not reachable (closed, or another origin): give up below.
      }
      if (ready) resolve(true);
      else if (target.closed || Date.now() > until) resolve(false);
      else setTimeout(check, 30);
    };
    check();
  });
}

/** Shows the report in `target` (from openPrintWindow) and opens the browser's print dialog. */
export async function printReport(
  html: string,
  target: Window | null,
  timeoutMs = 15_000,
): Promise<Result<null>> {
  if (!target)
    return err(
      'The browser blocked the window for printing: allow pop-ups for this address, then try again.',
    );
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  // The tab keeps showing the report after printing; its address lives as long as a download's.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  target.location.replace(url);
  if (!(await loaded(target, url, timeoutMs))) {
    if (!target.closed) target.close();
    return err('The report could not be opened for printing.');
  }
  applyReportStyles(target.document);
  target.focus();
  target.print();
  return ok(null);
}
