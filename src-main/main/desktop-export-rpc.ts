// The desktop edition's export services: printing a report to PDF and the rolling automatic
// backups in the user-data folder.
import { err } from '../../src-shared/result';
import type { RpcImplementation } from '../services/rpc-dispatch';
import type { DesktopContext } from './desktop-rpc';

type ExportCalls = Pick<RpcImplementation, 'printToPdf' | 'storeBackup' | 'listBackups' | 'readBackup'>;

export function createDesktopExportRpc(_ctx: DesktopContext): ExportCalls {
  const pending = () => Promise.resolve(err('this export is not available yet'));
  return { printToPdf: pending, storeBackup: pending, listBackups: pending, readBackup: pending };
}
