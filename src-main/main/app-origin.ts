// The desktop renderer's one origin, shared by the protocol handler, the navigation guard and
// the IPC sender check. Environment-free so unit tests can import it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'claimdesk';
/**
 * Never change this: IndexedDB (the analyst's whole library) is keyed by origin, so a new
 * scheme or host would silently open an empty library and strand the old one.
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
