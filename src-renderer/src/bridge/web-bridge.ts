// The browser edition's transport for the RPC map: HTTP to the Node host that served this page,
// authenticated with the per-start token the host wrote into index.html. Saving is a download
// and links open in a new tab — the browser's own equivalents of the desktop dialogs.
import type {
  ClaimdeskBridge,
  RpcArgs,
  RpcMethod,
  RpcResult,
  SaveRequest,
} from '../../../src-shared/rpc-calls';
import { err, ok } from '../../../src-shared/result';
import { vetExternalUrl } from '../../../src-shared/url-trust';

function pageToken(): string {
  return document.querySelector('meta[name="claimdesk-token"]')?.getAttribute('content') ?? '';
}

async function post<M extends RpcMethod>(method: M, body: BodyInit, query = ''): Promise<RpcResult<M>> {
  try {
    const response = await fetch(`/rpc/${method}${query}`, {
      method: 'POST',
      headers: { 'x-claimdesk-token': pageToken() },
      body,
    });
    if (!response.ok) return err(`the Claimdesk host refused the request (${response.status})`);
    return (await response.json()) as RpcResult<M>;
  } catch {
    return err('the Claimdesk host is not reachable — is `npm run web` still running?');
  }
}

function postJson<M extends RpcMethod>(method: M, args: RpcArgs<M>): Promise<RpcResult<M>> {
  return post(method, JSON.stringify({ args }));
}

function download({ suggestedName, mime, content }: SaveRequest): RpcResult<'saveFile'> {
  const type = typeof content === 'string' ? `${mime};charset=utf-8` : mime;
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return ok({ path: suggestedName });
}

export function createWebBridge(): ClaimdeskBridge {
  return {
    edition: 'web',
    importFile: (...[name, bytes, options]: RpcArgs<'importFile'>) =>
      post(
        'importFile',
        // A Blob body is handed to the network stack without copying on the page's thread.
        new Blob([bytes as Uint8Array<ArrayBuffer>]),
        `?name=${encodeURIComponent(name)}&options=${encodeURIComponent(JSON.stringify(options))}`,
      ),
    importStatus: (jobId) => postJson('importStatus', [jobId]),
    cancelImport: (jobId) => postJson('cancelImport', [jobId]),
    printToPdf: (request) => postJson('printToPdf', [request]),
    storeBackup: (content, reason) => postJson('storeBackup', [content, reason]),
    listBackups: () => postJson('listBackups', []),
    readBackup: (name) => postJson('readBackup', [name]),
    openFiles: () => Promise.resolve(err('use the file chooser')),
    saveFile: (request) => Promise.resolve(download(request)),
    openExternal: (url) => {
      const vetted = vetExternalUrl(url);
      if (!vetted) return Promise.resolve(err('only http(s) links can be opened'));
      window.open(vetted, '_blank', 'noopener,noreferrer');
      return Promise.resolve(ok(null));
    },
    on: () => () => undefined,
  };
}
