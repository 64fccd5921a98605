// The typed map of every call the renderer makes to the privileged side (Electron main through
// the preload, or the browser edition's Node host over HTTP), and the events it receives.
// One map, two transports: both sides validate arguments against `validateRpcArgs`.
import type { ParsedFile } from './model';
import type { Result } from './result';

export interface SaveRequest {
  /** File name offered to the analyst; a bare name, never a path. */
  suggestedName: string;
  mime:
    | 'text/html'
    | 'text/markdown'
    | 'text/csv'
    | 'application/json'
    | 'application/ld+json'
    | 'application/xml'
    | 'application/zip';
  /** Text, or bytes for an archive (application/zip: a REFI-QDA .qdpx). */
  content: string | Uint8Array;
}

export interface SaveOutcome {
  /** Where the file was written; null when the analyst cancelled. */
  path: string | null;
}

/** A file the desktop app opened by path: what importing it gave, and its bytes when read (kept so
 * the analyst can have it decoded again with another encoding). */
export interface OpenedFile {
  result: Result<ParsedFile>;
  bytes: Uint8Array | null;
}

export interface ImportOptions {
  /** Decode with this encoding instead of detecting one (the analyst's override). */
  encoding?: string;
  /** Names the import so its progress can be asked for and it can be cancelled. */
  jobId?: string;
}

export interface ImportStatus {
  jobId: string;
  /** Bytes of the file the parser has worked through, of `totalBytes`. */
  bytes: number;
  totalBytes: number;
  /** Articles found so far. */
  articles: number;
}

export interface PdfRequest {
  suggestedName: string;
  /** A self-contained HTML report (no script) to print. */
  html: string;
}

export interface BackupInfo {
  /** A bare file name in the app's backup folder. */
  name: string;
  createdAt: string;
  size: number;
}

export interface RpcCalls {
  /** Parse a file the renderer already holds (browser chooser, drag-and-drop, re-decoding). */
  importFile: { args: [name: string, bytes: Uint8Array, options: ImportOptions]; result: ParsedFile };
  /** Progress of a running import; null when no import has that id (finished or unknown). */
  importStatus: { args: [jobId: string]; result: ImportStatus | null };
  /** Stops a running import; nothing of it reaches the library. */
  cancelImport: { args: [jobId: string]; result: null };
  /** Show the native open dialog and parse the chosen files (desktop only); [] when cancelled. */
  openFiles: { args: []; result: OpenedFile[] };
  /** Offer a save dialog and write the file. */
  saveFile: { args: [request: SaveRequest]; result: SaveOutcome };
  /** Open a vetted http(s) link in the system browser. */
  openExternal: { args: [url: string]; result: null };
  /** Print a report to PDF and offer to save it (desktop: printToPDF; web: the browser's print). */
  printToPdf: { args: [request: PdfRequest]; result: SaveOutcome };
  /** Keep an automatic backup of the whole library (desktop: rolling, last 10 kept). */
  storeBackup: { args: [content: string, reason: 'quit' | 'daily']; result: BackupInfo };
  listBackups: { args: []; result: BackupInfo[] };
  readBackup: { args: [name: string]; result: string };
}

export type RpcMethod = keyof RpcCalls;
export type RpcArgs<M extends RpcMethod> = RpcCalls[M]['args'];
export type RpcResult<M extends RpcMethod> = Result<RpcCalls[M]['result']>;

/** Events pushed from the privileged side to the renderer (desktop menu, OS file opens). */
export interface RpcEvents {
  /** Files opened from the menu, Open Recent, the OS or a second instance. */
  filesOpened: OpenedFile[];
  /** A menu command the renderer carries out. */
  menuCommand: 'export-report' | 'open-file';
  /** The app is quitting: store a backup (storeBackup with reason 'quit') now. */
  backupRequested: 'quit';
}
export type RpcEvent = keyof RpcEvents;

/** What the renderer sees: one function per call, plus event subscription. */
export type ClaimdeskBridge = {
  [M in RpcMethod]: (...args: RpcArgs<M>) => Promise<RpcResult<M>>;
} & {
  /** 'desktop' has native dialogs and menus; 'web' is the browser edition. */
  readonly edition: 'desktop' | 'web';
  on<E extends RpcEvent>(event: E, listener: (payload: RpcEvents[E]) => void): () => void;
};
