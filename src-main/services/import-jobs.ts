// Progress and cancellation of running imports, by job id (shared by both transports).
import { ok } from '../../src-shared/result';
import type { RpcImplementation } from './rpc-dispatch';

type JobCalls = Pick<RpcImplementation, 'importStatus' | 'cancelImport'>;

export function createDesktopImportJobRpc(): JobCalls {
  return {
    importStatus: () => Promise.resolve(ok(null)),
    cancelImport: () => Promise.resolve(ok(null)),
  };
}
