// Opening a web address outside the app, always through the bridge's vetted route (desktop:
// shell.openExternal after the URL check; browser edition: a new tab with noopener).
import { getBridge } from '../bridge/bridge';

export function openExternalLink(url: string, onError: (message: string) => void): void {
  void getBridge()
    .openExternal(url)
    .then((result) => {
      if (!result.ok) onError(result.error);
    });
}
