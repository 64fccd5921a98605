// Argument validators for every RPC call. They reject, never coerce: a value of the wrong type
// or shape is an error, so a compromised renderer cannot smuggle paths or objects through.
import type { RpcArgs, RpcMethod, SaveRequest } from './rpc-calls';
import { err, ok, type Result } from './result';

/** Largest file the importer accepts (bytes); bigger files get a clear message. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
export const MAX_SAVE_CHARS = 512 * 1024 * 1024;
const MAX_NAME = 255;
const SAVE_MIMES: readonly SaveRequest['mime'][] = [
  'text/html',
  'text/markdown',
  'text/csv',
  'application/json',
  'application/ld+json',
  'application/xml',
  'application/zip',
];

/** A bare file name: no directory parts, no control characters, not "." or "..". */
export function isBareFileName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_NAME &&
    value.trim() === value &&
    value !== '.' &&
    value !== '..' &&
    // eslint-disable-next-line no-control-regex
    !/[/\\:\u0000-\u001F\u007F]/.test(value)
  );
}

/** Encoding labels as WHATWG and iconv name them: letters, digits, '-', '_', ':' and '.'. */
function isEncodingName(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,39}$/.test(value);
}

function isJobId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function arity(args: unknown, n: number): args is unknown[] {
  return Array.isArray(args) && args.length === n;
}

type Validators = { [M in RpcMethod]: (args: unknown) => Result<RpcArgs<M>> };

const validators: Validators = {
  importFile(args) {
    if (!arity(args, 3)) return err('importFile takes a file name, its bytes and options');
    const [name, bytes, options] = args;
    if (!isBareFileName(name)) return err('importFile: the file name is not a bare file name');
    if (!(bytes instanceof Uint8Array)) return err('importFile: the file content must be bytes');
    if (bytes.byteLength > MAX_IMPORT_BYTES)
      return err(`${name}: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    if (!isPlainObject(options) || Object.keys(options).some((k) => k !== 'encoding' && k !== 'jobId'))
      return err('importFile: unexpected options');
    const { encoding, jobId } = options;
    if (encoding !== undefined && !isEncodingName(encoding))
      return err('importFile: the encoding name is not valid');
    if (jobId !== undefined && !isJobId(jobId)) return err('importFile: the job id is not valid');
    return ok([
      name,
      bytes,
      { ...(encoding === undefined ? {} : { encoding }), ...(jobId === undefined ? {} : { jobId }) },
    ]);
  },
  importStatus(args) {
    return arity(args, 1) && isJobId(args[0]) ? ok([args[0]]) : err('importStatus takes one job id');
  },
  cancelImport(args) {
    return arity(args, 1) && isJobId(args[0]) ? ok([args[0]]) : err('cancelImport takes one job id');
  },
  openFiles(args) {
    return arity(args, 0) ? ok([]) : err('openFiles takes no arguments');
  },
  saveFile(args) {
    if (!arity(args, 1)) return err('saveFile takes one request');
    const [request] = args;
    if (!isPlainObject(request)) return err('saveFile: the request must be an object');
    const keys = Object.keys(request).sort().join(',');
    if (keys !== 'content,mime,suggestedName') return err('saveFile: unexpected request fields');
    const { suggestedName, mime, content } = request;
    if (!isBareFileName(suggestedName)) return err('saveFile: the suggested name is not a bare file name');
    if (typeof mime !== 'string' || !SAVE_MIMES.includes(mime as SaveRequest['mime']))
      return err('saveFile: unsupported file type');
    // Archives are bytes; everything else is text.
    const fits =
      mime === 'application/zip'
        ? content instanceof Uint8Array && content.byteLength <= MAX_SAVE_CHARS
        : typeof content === 'string' && content.length <= MAX_SAVE_CHARS;
    if (!fits) return err(`saveFile: the content must be ${mime === 'application/zip' ? 'bytes' : 'text'}`);
    return ok([
      { suggestedName, mime: mime as SaveRequest['mime'], content: content as string | Uint8Array },
    ]);
  },
  openExternal(args) {
    if (!arity(args, 1) || typeof args[0] !== 'string') return err('openExternal takes one URL string');
    return ok([args[0]]);
  },
  printToPdf(args) {
    if (!arity(args, 1) || !isPlainObject(args[0])) return err('printToPdf takes one request');
    const request = args[0];
    if (Object.keys(request).sort().join(',') !== 'html,suggestedName')
      return err('printToPdf: unexpected request fields');
    const { suggestedName, html } = request;
    if (!isBareFileName(suggestedName)) return err('printToPdf: the suggested name is not a bare file name');
    if (typeof html !== 'string' || html.length > MAX_SAVE_CHARS)
      return err('printToPdf: the report must be text');
    return ok([{ suggestedName, html }]);
  },
  storeBackup(args) {
    if (!arity(args, 2)) return err('storeBackup takes the backup and a reason');
    const [content, reason] = args;
    if (typeof content !== 'string' || content.length > MAX_SAVE_CHARS)
      return err('storeBackup: the backup must be text');
    if (reason !== 'quit' && reason !== 'daily') return err('storeBackup: unknown reason');
    return ok([content, reason]);
  },
  listBackups(args) {
    return arity(args, 0) ? ok([]) : err('listBackups takes no arguments');
  },
  readBackup(args) {
    return arity(args, 1) && isBareFileName(args[0])
      ? ok([args[0]])
      : err('readBackup takes one backup file name');
  },
};

export function isRpcMethod(value: unknown): value is RpcMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(validators, value);
}

/** Validates the arguments of a call by name; unknown methods are rejected. */
export function validateRpcArgs<M extends RpcMethod>(method: M, args: unknown): Result<RpcArgs<M>> {
  return (validators[method] as (a: unknown) => Result<RpcArgs<M>>)(args);
}
