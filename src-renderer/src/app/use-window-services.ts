// What runs beside the window while it is open: the automatic backups of the library and the
// connection to the analyst's desk, both reporting their problems as notices.
import { useEffect } from 'react';
import { desk, resumeDesk } from '../desk/desk-instance';
import { startAutoBackup } from './auto-backup';
import { useLibrary } from './library-context';

export function useWindowServices(): void {
  const { db, notices } = useLibrary();
  const { onError } = notices;
  useEffect(() => startAutoBackup({ db, onError }), [db, onError]);
  useEffect(() => {
    resumeDesk().catch((e: unknown) => onError(`Could not reconnect to the desk: ${String(e)}`));
    const off = desk.onProblem(onError);
    return () => {
      off();
      void desk.stop();
    };
  }, [onError]);
}
