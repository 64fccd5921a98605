// Runs the W3C Web Annotation test suite's MUST assertions (JSON Schema draft-04, copied into
// test/fixtures/w3c) against JSON, the way the suite's own runner does: definitions preloaded,
// each assertion compiled and judged against its `expectedResult`.
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../fixtures/w3c/', import.meta.url));

export interface Failure {
  assertion: string;
  message: string;
}

interface Assertion {
  assertionType?: string;
  expectedResult?: string;
  errorMessage?: string;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

// ajv-formats is not a dependency; these are its `uri` (RFC 3986, ASCII only) and `iso-date-time`
// (xsd:dateTime, time zone optional — the README of the kit asks for that mapping).
export const URI = /^[a-z][a-z0-9+.-]*:(?:[a-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9a-f]{2})*$/i;
const DATE_TIME =
  /^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i;

const ajv = new Ajv({ allErrors: true, strict: false, formats: { uri: URI, 'date-time': DATE_TIME } });
for (const file of readdirSync(join(ROOT, 'definitions')))
  ajv.addSchema(readJson(`definitions/${file}`) as object);

const compiled = new Map<string, { validate: ValidateFunction; meta: Assertion }>();

function assertion(path: string): { validate: ValidateFunction; meta: Assertion } {
  let entry = compiled.get(path);
  if (!entry) {
    const schema = readJson(path) as Assertion & object;
    entry = { validate: ajv.compile(schema), meta: schema };
    compiled.set(path, entry);
  }
  return entry;
}

/** The assertion files a `*Musts.test` lists (all plain file references in the MUST lists). */
export function assertionsOf(testFile: string): string[] {
  const list = (readJson(testFile) as { assertions: unknown[] }).assertions;
  return list.map((a) => {
    if (typeof a !== 'string') throw new Error(`${testFile}: only file references are supported`);
    return a;
  });
}

function run(testFile: string, data: unknown, label: string): Failure[] {
  const failures: Failure[] = [];
  for (const path of assertionsOf(testFile)) {
    const { validate, meta } = assertion(path);
    const valid = validate(data) === true;
    if (meta.assertionType === 'must' && valid !== (meta.expectedResult !== 'invalid'))
      failures.push({
        assertion: path,
        message: `${label}: ${meta.errorMessage ?? ajv.errorsText(validate.errors)}`,
      });
  }
  return failures;
}

export function checkAnnotation(annotation: unknown, label = 'annotation'): Failure[] {
  return run('annotations/annotationMusts.test', annotation, label);
}

type Json = Record<string, unknown>;

/** Embedded annotations are in their container's `@context`, so they get it before checking. */
function checkItems(container: Json, page: unknown): Failure[] {
  const items = (page as Json | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: Json, i) =>
    checkAnnotation({ '@context': container['@context'], ...item }, `item ${i}`),
  );
}

export function checkPage(page: Json): Failure[] {
  return [...run('collections/pages/pageMusts.test', page, 'page'), ...checkItems(page, page)];
}

export function checkCollection(collection: Json): Failure[] {
  const failures = run('collections/collectionMusts.test', collection, 'collection');
  if (typeof collection.first === 'object' && collection.first !== null) {
    failures.push(...run('collections/pages/pageMusts.test', collection, 'embedded page'));
    failures.push(...checkItems(collection, collection.first));
  }
  return failures;
}

export const examples = (kind: 'valid' | 'invalid'): [string, unknown][] =>
  readdirSync(join(ROOT, 'examples', kind)).map((f) => [f, readJson(`examples/${kind}/${f}`)]);
