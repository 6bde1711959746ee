/**
 * The shared-string table (xl/sharedStrings.xml) as plain text per item, read in chunks so only
 * the strings themselves are held, never the XML. Rich text is its runs' text joined, as Office.js
 * `range.values` shows it; phonetic guides (`<rPh>`) are not part of the value.
 */
import { decodeText } from './xmlText';

/**
 * Excel escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 *
 * @example
 * unescapeExcelText('line_x000D_'); // 'line\r'
 */
export function unescapeExcelText(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  // Upper-case hex only, as ExcelJS reads it (lib/xlsx/xform/strings/text-xform.js).
  return text.replace(/_x([0-9A-F]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** The decoded text of every `<t>` directly in `xml` (one run, or a plain item). */
function textOf(xml: string, unescape: boolean): string | undefined {
  let text: string | undefined;
  let at = xml.indexOf('<t');
  while (at >= 0) {
    const after = xml.charCodeAt(at + 2);
    if (
      after === 62 ||
      after === 32 ||
      after === 47 ||
      after === 9 ||
      after === 10 ||
      after === 13
    ) {
      const close = xml.indexOf('>', at);
      if (close < 0) break;
      if (xml.charCodeAt(close - 1) === 47) {
        text = '';
        at = xml.indexOf('<t', close);
        continue;
      }
      const end = xml.indexOf('</t>', close);
      if (end < 0) break;
      const decoded = decodeText(xml.slice(close + 1, end));
      text = unescape ? unescapeExcelText(decoded) : decoded;
      at = xml.indexOf('<t', end + 4);
    } else at = xml.indexOf('<t', at + 1);
  }
  return text;
}

/**
 * The plain text of a string item (`<si>`, or a cell's `<is>`): its runs' text joined when it has
 * runs, else its `<t>`. `unescape` applies Excel's `_xHHHH_` escapes (ExcelJS reads them in shared
 * strings and rich-text runs, not in a cell's plain inline `<t>`).
 *
 * @example
 * stringItemText('<r><t>Tech</t></r><r><rPr><b/></rPr><t>nology</t></r>', true); // 'Technology'
 */
export function stringItemText(inner: string, unescape: boolean): string {
  const withoutPhonetics =
    inner.indexOf('<rPh') < 0 ? inner : inner.replace(/<rPh[\s>][\s\S]*?<\/rPh>|<rPh\/>/g, '');
  if (/<r[\s>]/.test(withoutPhonetics)) {
    let joined = '';
    const runs = /<r[\s>]([\s\S]*?)<\/r>/g;
    let run: RegExpExecArray | null;
    while ((run = runs.exec(withoutPhonetics)) !== null) joined += textOf(run[1], true) ?? '';
    return joined;
  }
  return textOf(withoutPhonetics, unescape) ?? '';
}

/**
 * A copy of `text` that does not keep the chunk of XML it was cut from alive: V8 represents a
 * long substring as a view of its parent string, so every kept string would keep its whole chunk.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/**
 * The text of an item that is one plain `<t>` (`<t>Roads</t>`, `<t xml:space="preserve"> a</t>`)
 * holding no entity, escape or markup, found with a few searches; else undefined (read in full by
 * stringItemText). Most items are plain, and a programme has one per scheme.
 *
 * The text is not copied: a long one is a view of the piece of XML it was cut from, which it keeps
 * alive. Every piece of the shared strings is kept that way, so at most the part itself (1.3 MB
 * at 20k rows) stays in memory, less than a copy of every string made (2.8 MB, and 4 MB less
 * peak memory at 100k rows, measured).
 */
function plainItem(xml: string, start: number, end: number): string | undefined {
  if (xml.charCodeAt(start) !== 60 || xml.charCodeAt(start + 1) !== 116) return undefined;
  const next = xml.charCodeAt(start + 2);
  let open: number;
  if (next === 62) open = start + 3;
  else if (xml.startsWith(' xml:space="preserve">', start + 2)) open = start + 24;
  else return undefined;
  const close = end - 4;
  if (close < open || !xml.startsWith('</t>', close)) return undefined;
  // Character tests, not indexOf: a search for what is absent would run to the chunk's end.
  for (let i = open; i < close; i++) {
    const code = xml.charCodeAt(i);
    // '<' (markup), '&' (an entity), '_' (perhaps an `_xHHHH_` escape), CR (line ends to normalise).
    if (code === 60 || code === 38 || code === 95 || code === 13) return undefined;
  }
  return xml.slice(open, close);
}

/**
 * Collects the shared strings from chunks of sharedStrings.xml.
 *
 * @example
 * const table = new SharedStringsReader();
 * table.write('<sst><si><t>Roads</t></si><si><t>Sch');
 * table.write('ools</t></si></sst>');
 * table.end(); // ['Roads', 'Schools']
 */
export class SharedStringsReader {
  private readonly strings: string[] = [];
  private pending = '';

  /** Adds the next piece of the part's text. */
  write(text: string): void {
    this.pending = this.pending.length > 0 ? this.pending + text : text;
    const last = this.pending.lastIndexOf('</si>');
    const lastEmpty = this.pending.lastIndexOf('<si/>');
    const cut = Math.max(last >= 0 ? last + 5 : -1, lastEmpty >= 0 ? lastEmpty + 5 : -1);
    if (cut < 0) return;
    this.scan(this.pending.slice(0, cut));
    this.pending = this.pending.slice(cut);
  }

  /** The strings, in index order. */
  end(): string[] {
    this.scan(this.pending);
    this.pending = '';
    return this.strings;
  }

  private scan(xml: string): void {
    let at = xml.indexOf('<si');
    while (at >= 0) {
      const after = xml.charCodeAt(at + 3);
      if (after === 47) {
        this.strings.push('');
        at = xml.indexOf('<si', at + 5);
      } else if (after === 62 || after === 32) {
        const close = xml.indexOf('>', at);
        const end = xml.indexOf('</si>', close);
        if (end < 0) break;
        const plain = plainItem(xml, close + 1, end);
        this.strings.push(
          plain !== undefined ? plain : ownCopy(stringItemText(xml.slice(close + 1, end), true)),
        );
        at = xml.indexOf('<si', end + 5);
      } else at = xml.indexOf('<si', at + 1);
    }
  }
}
