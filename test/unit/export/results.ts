// Unwrapping Result values in tests: the value, or the test fails with the error it carried.
import type { Result } from '../../../src-shared/result';

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function errorOf(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}
