// The single entry point for calls from the renderer, shared by Electron IPC and the browser
// edition's HTTP host: unknown methods and invalid arguments are refused before any handler
// runs, and a handler that throws becomes an error reply rather than a crash.
import type { RpcArgs, RpcCalls, RpcMethod, RpcResult } from '../../src-shared/rpc-calls';
import { err, type Result } from '../../src-shared/result';
import { isRpcMethod, validateRpcArgs } from '../../src-shared/validate';
import { errorMessage } from '../../src-shared/util/error-message';

export type RpcImplementation = {
  [M in RpcMethod]: (...args: RpcArgs<M>) => Promise<RpcResult<M>>;
};

export async function dispatchRpc(
  impl: RpcImplementation,
  method: unknown,
  args: unknown,
): Promise<Result<RpcCalls[RpcMethod]['result']>> {
  if (!isRpcMethod(method)) return err('unknown request');
  const valid = validateRpcArgs(method, args);
  if (!valid.ok) return valid;
  try {
    const handler = impl[method] as (...a: unknown[]) => Promise<Result<RpcCalls[RpcMethod]['result']>>;
    return await handler(...(valid.value as unknown[]));
  } catch (error) {
    return err(`request failed: ${errorMessage(error)}`);
  }
}
