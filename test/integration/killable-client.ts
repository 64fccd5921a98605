// A simulated analyst run as its own process so a test can kill it (SIGKILL) mid-burst. Like the
// app (y-dexie), it stores each local Yjs update before counting the edit as made, so a restart
// from the same log sends whatever the server had not yet received.
//   tsx killable-client.ts URL TOKEN LOG PREFIX COUNT [--replay-only]
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { writeRecord } from '../../src-shared/desk/desk-doc';
import { SimClient } from './sim-client';
import { claimRecord } from './desk-records';

const [url, token, log, prefix, countText, mode] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string | undefined,
];

function replay(doc: Y.Doc): void {
  if (!existsSync(log)) return;
  const bytes = readFileSync(log);
  for (let at = 0; at + 4 <= bytes.length;) {
    const length = bytes.readUInt32LE(at);
    if (at + 4 + length > bytes.length) break; // a record torn by the kill
    Y.applyUpdate(doc, bytes.subarray(at + 4, at + 4 + length), 'replay');
    at += 4 + length;
  }
}

const client = new SimClient({ url, token });
replay(client.doc);
client.doc.on('update', (update: Uint8Array, origin: unknown) => {
  if (origin !== 'edit') return;
  const header = Buffer.alloc(4);
  header.writeUInt32LE(update.length);
  appendFileSync(log, Buffer.concat([header, update]));
});
await client.synced();
if (mode !== '--replay-only') {
  for (let k = 0; k < Number(countText); k++) {
    client.doc.transact(() => writeRecord(client.doc, 'annotations', claimRecord(`${prefix}-${k}`)), 'edit');
    process.stdout.write(`made ${prefix}-${k}\n`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
await client.flushed();
process.stdout.write('flushed\n');
client.destroy();
process.exit(0);
