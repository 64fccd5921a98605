// Window and session hardening from Electron's security checklist: no navigation away from the
// app, no new windows (http(s) links go to the system browser), no permissions, no <webview>.
import { app, shell, type Session, type WebContents } from 'electron';
import { vetExternalUrl } from '../../src-shared/url-trust';

/** Denies every permission request and check (camera, notifications, clipboard read, …). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  const guard = (event: { url: string; preventDefault: () => void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);

  contents.setWindowOpenHandler(({ url }) => {
    const vetted = vetExternalUrl(url);
    if (vetted !== null) void shell.openExternal(vetted).catch(() => undefined);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the hardening to every webContents ever created, including ones we did not ask for. */
export function hardenAllWebContents(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenSession(contents.session);
    hardenWebContents(contents, isAppUrl);
  });
}
