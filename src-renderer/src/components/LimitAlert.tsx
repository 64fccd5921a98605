// The message a field shows when a paste or an edit beyond its size limit was refused
// (text-limits.ts): said where the analyst is looking, gone once a change is taken.
import type { ReactElement } from 'react';

export function LimitAlert({ message }: { message: string | null }): ReactElement | null {
  if (message === null) return null;
  return (
    <p className="cd-picker-error" role="alert">
      {message}
    </p>
  );
}
