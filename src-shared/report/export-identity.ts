// How ClaimDesk names itself in the files it exports (W3C generator, backup `app`), the same
// from the app and the command line, and the IRI each exported annotation collection gets.
import { version } from '../../package.json';

export const APP_NAME = `Claimdesk ${version}`;

/** The W3C `generator`: an IRI naming the software, not a web page it may never have. */
export const GENERATOR = { id: 'urn:claimdesk:app', name: APP_NAME } as const;

export function newCollectionId(): string {
  return `urn:uuid:${globalThis.crypto.randomUUID()}`;
}
