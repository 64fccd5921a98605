// The desk address is trusted by parsing it, not by looking at it: only ws: and wss: with a host.
import { expect, it } from 'vitest';
import { deskUrlProblem } from '../../../src-renderer/src/desk/desk-session';

it('accepts WebSocket addresses with a host', () => {
  for (const url of ['ws://127.0.0.1:1234', 'wss://desk.example.org', 'ws://[::1]:1234/desk'])
    expect(deskUrlProblem(url)).toBeNull();
});

it('refuses addresses that only look like one', () => {
  for (const url of [
    'http://desk.example.org',
    'https://desk.example.org',
    'javascript:alert(1)//ws://x',
    'file:///etc/passwd',
    'ws//desk.example.org',
    'desk.example.org:1234',
    ' ',
    'data:text/html,ws://x',
  ])
    expect(deskUrlProblem(url), url).not.toBeNull();
});
