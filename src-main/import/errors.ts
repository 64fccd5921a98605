// The importers' own error: its message is shown to the analyst as "FILE: message".
export class ImportError extends Error {
  override name = 'ImportError';
}
