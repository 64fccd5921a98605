// Writing the REFI-QDA XML: escaping, and elements built as strings. Attributes whose value is
// undefined are left out, so optional fields need no branches where the document is written.

/** Characters XML 1.0 cannot carry at all (controls other than tab, LF, CR; lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the controls is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Tabs and line ends are written as references: a reader would otherwise turn them into spaces. */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** `<name a="…">children</name>`, or `<name a="…"/>` when there are none. */
export function element(name: string, attributes: Attributes, children: readonly string[] = []): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  const inner = children.filter((c) => c !== '').join('');
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}

/** An element holding only text; nothing when the text is empty. */
export function textElement(name: string, text: string): string {
  return text === '' ? '' : `<${name}>${escapeText(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
