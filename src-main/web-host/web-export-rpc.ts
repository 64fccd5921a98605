// The browser edition's answers to the desktop-only export calls: PDF goes through the
// browser's own print path in the renderer, and automatic backups are a desktop feature.
import { err } from '../../src-shared/result';
import type { RpcImplementation } from '../services/rpc-dispatch';

type ExportCalls = Pick<RpcImplementation, 'printToPdf' | 'storeBackup' | 'listBackups' | 'readBackup'>;

const desktopOnly = () => Promise.resolve(err('automatic backups are kept by the desktop app'));

export const webExportServices: ExportCalls = {
  printToPdf: () => Promise.resolve(err('the browser edition prints with the browser’s print dialog')),
  storeBackup: desktopOnly,
  listBackups: desktopOnly,
  readBackup: desktopOnly,
};
