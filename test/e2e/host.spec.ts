// The browser edition's host answers only its own page: the RPC endpoints need the page's token,
// its own Host, and no foreign Origin.
import { expect, test } from '@playwright/test';

test('RPC refuses requests without the page token, from another origin, or to another host', async ({
  request,
  page,
  baseURL,
}) => {
  const body = Buffer.from('Title\n\nBody text.');
  const noToken = await request.post('/rpc/importFile?name=a.txt', { data: body });
  expect(noToken.status()).toBe(403);

  await page.goto('/');
  const token = await page.locator('meta[name="claimdesk-token"]').getAttribute('content');
  expect(token).toMatch(/^[0-9a-f]{64}$/);

  const foreign = await request.post('/rpc/importFile?name=a.txt', {
    data: body,
    headers: { 'x-claimdesk-token': token as string, origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);

  const rebound = await request.post('/rpc/importFile?name=a.txt', {
    data: body,
    headers: { 'x-claimdesk-token': token as string, host: 'evil.example' },
  });
  expect(rebound.status()).toBe(421);

  const good = await request.post('/rpc/importFile?name=a.txt', {
    data: body,
    headers: { 'x-claimdesk-token': token as string, origin: new URL(baseURL as string).origin },
  });
  expect(await good.json()).toMatchObject({
    ok: true,
    value: { file: 'a.txt', articles: [{ title: 'Title' }] },
  });

  // The import's reply is the worker's own JSON: arguments are still validated first, and a file
  // that cannot be read still comes back as an error naming it.
  const headers = { 'x-claimdesk-token': token as string };
  const pathName = await request.post('/rpc/importFile?name=..%2Fa.txt', { data: body, headers });
  expect(await pathName.json()).toEqual({
    ok: false,
    error: 'importFile: the file name is not a bare file name',
  });
  const badOptions = await request.post('/rpc/importFile?name=a.txt&options=%7Bnope', {
    data: body,
    headers,
  });
  expect(await badOptions.json()).toMatchObject({ ok: false });
  const empty = await request.post('/rpc/importFile?name=empty.txt', { data: Buffer.alloc(0), headers });
  expect(await empty.json()).toEqual({ ok: false, error: expect.stringMatching(/^empty\.txt: /) as unknown });

  const traversal = await request.get('/..%2f..%2fpackage.json');
  expect(traversal.status()).toBe(404);
  const page404 = await request.get('/index.html');
  expect(page404.headers()['content-security-policy']).toContain("script-src 'self'");
});

test('a second host on a taken port says so clearly and exits', async ({ baseURL }) => {
  const { spawnSync } = await import('node:child_process');
  const port = new URL(baseURL as string).port;
  const second = spawnSync(process.execPath, ['out/main/web-host.js', '--port', port], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(second.status).toBe(1);
  expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  expect(second.stderr).toContain('--port N');

  const bad = spawnSync(process.execPath, ['out/main/web-host.js', '--port', 'http'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--port needs a number');
});
