// The application menu: File (Open…, Open Recent, Export report…, Quit), Edit, View, Help.
// Rebuilt whenever the recent-files list changes.
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { version } from '../../package.json';
import { vetExternalUrl } from '../../src-shared/url-trust';

/** The Help link: the W3C model the app's annotation export follows. */
export const HELP_URL = 'https://www.w3.org/TR/annotation-model/';

export interface MenuActions {
  openFiles(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  exportReport(): void;
  recent: readonly string[];
}

function openRecentMenu(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions {
  if (isMac) {
    // macOS keeps the list itself (fed by app.addRecentDocument) and reopens through 'open-file'.
    return {
      label: 'Open Recent',
      role: 'recentDocuments',
      submenu: [{ label: 'Clear Menu', role: 'clearRecentDocuments' }],
    };
  }
  const entries: MenuItemConstructorOptions[] =
    actions.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : actions.recent.map((path) => ({
          // '&' would otherwise become a mnemonic marker on Windows and Linux.
          label: path.replaceAll('&', '&&'),
          click: () => actions.openRecent(path),
        }));
  return {
    label: 'Open &Recent',
    submenu: [
      ...entries,
      { type: 'separator' },
      { label: '&Clear', enabled: actions.recent.length > 0, click: () => actions.clearRecent() },
    ],
  };
}

export function installMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFiles() },
        openRecentMenu(actions, isMac),
        { label: '&Export report…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'About Claimdesk', role: 'about' },
        {
          label: 'Web Annotation Data Model (W3C)',
          click: () => {
            const url = vetExternalUrl(HELP_URL);
            if (url !== null) void shell.openExternal(url).catch(() => undefined);
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  // From package.json at build time: run as `electron out/main/index.js`, app.getVersion()
  // would report Electron's own version.
  app.setAboutPanelOptions({ applicationName: 'Claimdesk', applicationVersion: version });
}
