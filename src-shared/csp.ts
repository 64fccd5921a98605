// The Content-Security-Policy both editions send with the renderer: only the app's own scripts,
// no inline script, no plugins, no framing, no form posts, connections only to the app itself
// and to WebSocket servers (the desk server, Teams: its address is the analyst's to set, so it
// cannot be listed here; plain http(s) fetches to other hosts stay refused).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
