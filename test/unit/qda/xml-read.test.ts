// The allow-list XML reader: what REFI-QDA files use is read, and the constructs that make XML
// dangerous (DOCTYPE, entities beyond the five) are refused with a message naming the line.
import { describe, expect, it } from 'vitest';
import { readXml, type XmlElement } from '../../../src-shared/qda/xml-read';

const read = (xml: string): XmlElement => {
  const r = readXml(xml);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const refusal = (xml: string): string => {
  const r = readXml(xml);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('readXml', () => {
  it('reads elements, attributes, namespaces, entities, CDATA and skips comments and PIs', () => {
    const root = read(`\uFEFF<?xml version="1.0"?>
<!-- made by a tool -->
<p:Project xmlns:p="urn:QDA-XML:project:1.0" name="A &amp; B" note='tab&#9;here'>
  <p:Description>x &lt; y &#x1F680; <![CDATA[<raw & kept>]]></p:Description>
  <?tool hint?><p:Empty/>
</p:Project>`);
    expect(root).toMatchObject({ name: 'Project', ns: 'urn:QDA-XML:project:1.0' });
    expect(root.attrs).toEqual({ name: 'A & B', note: 'tab\there' });
    expect(root.children.map((c) => c.name)).toEqual(['Description', 'Empty']);
    expect(root.children[0]?.text).toBe('x < y 🚀 <raw & kept>');
  });

  it('refuses a DOCTYPE, so no DTD entity (external or expanding) is ever read', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<p>&x;</p>';
    expect(refusal(xxe)).toMatch(/DOCTYPE.*line 2/);
    const laughs = '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>';
    expect(refusal(laughs)).toMatch(/DOCTYPE/);
  });

  it('refuses undeclared entities, bad nesting, stray text and undeclared prefixes', () => {
    expect(refusal('<a>&nbsp;</a>')).toMatch(/unknown entity “&nbsp;”/);
    expect(refusal('<a><b></a></b>')).toMatch(/<\/a> does not close <b>/);
    expect(refusal('<a>')).toMatch(/never closed/);
    expect(refusal('<a/>text')).toMatch(/outside the root/);
    expect(refusal('<q:a/>')).toMatch(/prefix “q” is not declared/);
    expect(refusal('<a x="1" x="2"/>')).toMatch(/repeated/);
    expect(refusal('')).toMatch(/no root/);
  });

  it('stops at its depth and element limits', () => {
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    expect(refusal(deep)).toMatch(/nested deeper than 64/);
    expect(readXml('<r><a/><a/><a/></r>', { maxDepth: 8, maxElements: 3 }).ok).toBe(false);
  });
});
