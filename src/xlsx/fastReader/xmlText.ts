/**
 * Text and attribute values of the XML in a workbook, decoded exactly as an XML parser does
 * (saxes, which ExcelJS uses): the five named entities, numeric character references, line ends
 * normalised (XML 1.0 section 2.11) and, in attributes, white space normalised (section 3.3.3).
 * https://www.w3.org/TR/xml/#sec-line-ends
 */

/** A workbook's XML is malformed (an unknown entity): the caller reports the file as damaged. */
export class XmlProblem extends Error {}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function decodeReferences(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z0-9_:.-]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlProblem(`an '&' in its XML is not escaped`);
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED[body];
    if (named === undefined) throw new XmlProblem(`its XML uses an undefined entity '&${body};'`);
    return named;
  });
}

/**
 * The text between two tags, as the XML parser reports it.
 *
 * @example
 * decodeText('Roads &amp; bridges\r\n'); // 'Roads & bridges\n'
 */
export function decodeText(raw: string): string {
  const lines = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  return decodeReferences(lines);
}

/**
 * An attribute's value (between its quotes), as the XML parser reports it.
 *
 * @example
 * decodeAttribute('Forecast - Head of ICT'); // 'Forecast - Head of ICT'
 * decodeAttribute('a\tb'); // 'a b'
 */
export function decodeAttribute(raw: string): string {
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return decodeReferences(spaced);
}

/**
 * The attributes of one start tag (the text between `<name` and `>`), decoded.
 *
 * @example
 * readAttributes(' r="B2" s="3" t="s"'); // { r: 'B2', s: '3', t: 's' }
 */
export function readAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(tag)) !== null)
    attributes[match[1]] = decodeAttribute(match[2] ?? match[3] ?? '');
  return attributes;
}

/**
 * Every element named `name` in `xml` (no namespace prefix), with its attributes and inner text
 * (undefined when self-closing). For the small parts: workbook.xml, relationships, styles, tables.
 *
 * @example
 * elements('<sheets><sheet name="A" r:id="rId1"/></sheets>', 'sheet'); // [{ attributes: { name: 'A', 'r:id': 'rId1' } }]
 */
export function elements(
  xml: string,
  name: string,
): { attributes: Record<string, string>; inner?: string }[] {
  const found: { attributes: Record<string, string>; inner?: string }[] = [];
  const open = `<${name}`;
  let at = xml.indexOf(open);
  while (at >= 0) {
    const after = xml.charCodeAt(at + open.length);
    // The next character ends the name: white space, '>' or '/'.
    if (
      after === 32 ||
      after === 9 ||
      after === 10 ||
      after === 13 ||
      after === 62 ||
      after === 47
    ) {
      const close = xml.indexOf('>', at);
      if (close < 0) break;
      const selfClosing = xml.charCodeAt(close - 1) === 47;
      const attributes = readAttributes(
        xml.slice(at + open.length, selfClosing ? close - 1 : close),
      );
      if (selfClosing) {
        found.push({ attributes });
        at = xml.indexOf(open, close);
      } else {
        const end = xml.indexOf(`</${name}>`, close);
        const innerEnd = end < 0 ? xml.length : end;
        found.push({ attributes, inner: xml.slice(close + 1, innerEnd) });
        at = xml.indexOf(open, innerEnd);
      }
    } else {
      at = xml.indexOf(open, at + 1);
    }
  }
  return found;
}
