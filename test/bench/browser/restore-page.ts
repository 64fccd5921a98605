// In-browser half of the restore benchmark: the app's restore (Dexie, one transaction) against
// raw IndexedDB writes of the same records, both into real Chromium IndexedDB.
import { openDatabase } from '../../../src-renderer/src/db/database';
import { restoreSnapshot } from '../../../src-renderer/src/db/snapshot';
import type { LibrarySnapshot } from '../../../src-shared/model';

let runs = 0;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function rawWrite(snapshot: LibrarySnapshot): Promise<number> {
  const name = `raw-${++runs}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const store of ['documents', 'annotations', 'labels', 'sources'])
      open.result.createObjectStore(store, { keyPath: 'id' });
  };
  const db = await request(open);
  const t0 = performance.now();
  const tx = db.transaction(['documents', 'annotations', 'labels', 'sources'], 'readwrite');
  for (const d of snapshot.documents) tx.objectStore('documents').put(d);
  for (const a of snapshot.annotations) tx.objectStore('annotations').put(a);
  for (const l of snapshot.labels) tx.objectStore('labels').put(l);
  for (const s of snapshot.sources) tx.objectStore('sources').put(s);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  await request(indexedDB.deleteDatabase(name));
  return ms;
}

async function restore(snapshot: LibrarySnapshot): Promise<number> {
  const name = `claimdesk-${++runs}`;
  const db = openDatabase(name);
  await db.open();
  const t0 = performance.now();
  await restoreSnapshot(db, snapshot);
  const ms = performance.now() - t0;
  const count = await db.annotations.count();
  await db.delete();
  if (count !== snapshot.annotations.length) throw new Error(`restored ${count} annotations`);
  return ms;
}

const bench = {
  async run(json: string): Promise<{ restore: number; raw: number }> {
    const snapshot = JSON.parse(json) as LibrarySnapshot;
    return { restore: await restore(snapshot), raw: await rawWrite(snapshot) };
  },
};

(window as unknown as { claimdeskBench: typeof bench }).claimdeskBench = bench;
