// A small, strict XML reader for the REFI-QDA files (project.qde, .qdc) that other tools write.
// It reads elements, attributes, text, CDATA, comments and processing instructions, and
// refuses any DOCTYPE outright: no DTD is ever read, so no external entity can pull in a file
// and no entity can expand without bound. Only the five predefined entities and character
// references are decoded. Names come back as local names with their namespace resolved, so a
// reader can match on what it knows and pass over everything else.
import { err, ok, type Result } from '../result';

export interface XmlElement {
  /** Local name (without prefix). */
  name: string;
  /** Namespace URI in scope for the element ('' when none). */
  ns: string;
  /** Attributes by local name; namespace declarations are not included. */
  attrs: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own text (CDATA included), its children's left out. */
  text: string;
}

export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 64, maxElements: 2_000_000 };

class XmlError extends Error {}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string, at: () => string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,12});/g, (_whole, name: string) => {
    const named = PREDEFINED[name];
    if (named !== undefined) return named;
    const code = /^#x([0-9a-f]{1,6})$/i.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#([0-9]{1,7})$/.test(name)
        ? parseInt(name.slice(1), 10)
        : NaN;
    if (Number.isNaN(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0)
      throw new XmlError(`unknown entity “&${name};” ${at()}`);
    return String.fromCodePoint(code);
  });
}

// Sticky (`y`): each matches exactly at lastIndex, so reading never copies the rest of the text.
const NAME = /[^\s/>=<"'!?]+/y;
const ATTRIBUTE = /\s+([^\s/>=<"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

interface Open {
  element: XmlElement;
  qname: string;
  prefixes: Map<string, string>;
}

class Reader {
  private pos = 0;
  private elements = 0;
  private readonly stack: Open[] = [];
  private root: XmlElement | null = null;

  constructor(
    private readonly src: string,
    private readonly limits: XmlLimits,
  ) {}

  private where = (): string => {
    const line = this.src.slice(0, this.pos).split('\n').length;
    return `(line ${line})`;
  };

  private fail(message: string): never {
    throw new XmlError(`${message} ${this.where()}`);
  }

  private skipPast(token: string, what: string): void {
    const end = this.src.indexOf(token, this.pos);
    if (end < 0) this.fail(`unterminated ${what}`);
    this.pos = end + token.length;
  }

  read(): XmlElement {
    const { src } = this;
    while (this.pos < src.length) {
      const lt = src.indexOf('<', this.pos);
      const textEnd = lt < 0 ? src.length : lt;
      if (textEnd > this.pos) this.text(src.slice(this.pos, textEnd));
      if (lt < 0) break;
      this.pos = lt;
      if (src.startsWith('<!--', lt)) this.skipPast('-->', 'comment');
      else if (src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt);
        if (end < 0) this.fail('unterminated CDATA section');
        this.text(src.slice(lt + 9, end), true);
        this.pos = end + 3;
      } else if (src.startsWith('<?', lt)) this.skipPast('?>', 'processing instruction');
      else if (/^<!doctype/i.test(src.slice(lt, lt + 9)))
        this.fail('the XML declares a DOCTYPE, which REFI-QDA files never do; it was not read');
      else if (src.startsWith('</', lt)) this.close();
      else this.open();
    }
    if (this.stack.length > 0) this.fail(`the element <${this.stack.at(-1)?.qname}> is never closed`);
    if (!this.root) this.fail('no root element');
    return this.root;
  }

  private text(raw: string, cdata = false): void {
    const top = this.stack.at(-1);
    if (!top) {
      if (/\S/.test(raw)) this.fail('text outside the root element');
      return;
    }
    top.element.text += cdata ? raw : decodeEntities(raw, this.where);
  }

  private resolve(qname: string, prefixes: Map<string, string>, isAttribute: boolean): [string, string] {
    const colon = qname.indexOf(':');
    if (colon < 0) return [isAttribute ? '' : (prefixes.get('') ?? ''), qname];
    const prefix = qname.slice(0, colon);
    const uri = prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : prefixes.get(prefix);
    if (uri === undefined) this.fail(`the prefix “${prefix}” is not declared`);
    return [uri, qname.slice(colon + 1)];
  }

  private open(): void {
    const { src } = this;
    const qname = matchAt(NAME, src, this.pos + 1)?.[0];
    if (!qname) this.fail('a “<” that starts no element');
    this.pos += 1 + qname.length;
    const raw: [string, string][] = [];
    for (;;) {
      const m = matchAt(ATTRIBUTE, src, this.pos);
      if (!m) break;
      // Literal tabs and line ends read as spaces; the same written as references are kept.
      raw.push([m[1] as string, decodeEntities((m[2] ?? m[3] ?? '').replace(/[\t\n\r]/g, ' '), this.where)]);
      this.pos += m[0].length;
    }
    const close = matchAt(TAG_END, src, this.pos);
    if (!close) this.fail(`a malformed tag <${qname}>`);
    this.pos += close[0].length;
    const parent = this.stack.at(-1);
    const prefixes = new Map(parent?.prefixes);
    for (const [name, value] of raw) {
      if (name === 'xmlns') prefixes.set('', value);
      else if (name.startsWith('xmlns:')) prefixes.set(name.slice(6), value);
    }
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const [, local] = this.resolve(name, prefixes, true);
      if (local in attrs) this.fail(`the attribute “${local}” is repeated on <${qname}>`);
      attrs[local] = value;
    }
    const [ns, name] = this.resolve(qname, prefixes, false);
    const element: XmlElement = { name, ns, attrs, children: [], text: '' };
    if (++this.elements > this.limits.maxElements) this.fail(`more than ${this.limits.maxElements} elements`);
    if (parent) parent.element.children.push(element);
    else if (this.root) this.fail('a second root element');
    else this.root = element;
    if (close[1] === '/') return;
    if (this.stack.length >= this.limits.maxDepth)
      this.fail(`elements nested deeper than ${this.limits.maxDepth}`);
    this.stack.push({ element, qname, prefixes });
  }

  private close(): void {
    const m = matchAt(END_TAG, this.src, this.pos);
    if (!m) this.fail('a malformed end tag');
    const top = this.stack.pop();
    if (!top || top.qname !== m[1])
      this.fail(`</${m[1]}> does not close ${top ? `<${top.qname}>` : 'any element'}`);
    this.pos += m[0].length;
  }
}

/** Parses XML text; the error says what is wrong and on which line. */
export function readXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): Result<XmlElement> {
  try {
    return ok(new Reader(text.replace(/^\uFEFF/, ''), limits).read());
  } catch (e) {
    if (e instanceof XmlError) return err(`the XML is malformed: ${e.message}`);
    throw e;
  }
}

/** The children of `element` with this local name, in document order. */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((c) => c.name === name);

export const firstChild = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((c) => c.name === name);
