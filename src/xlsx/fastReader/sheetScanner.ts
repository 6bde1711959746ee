/**
 * Scans one worksheet's XML, chunk by chunk, and hands each cell's value and number format to a
 * GridRows. Only the current unfinished row is held as text.
 *
 * Why a hand-written scanner rather than saxes or htmlparser2: a sheet is a flat, regular stream
 * of `<row>` and `<c>` elements, and a SAX parser builds an attribute object and fires three
 * events for every element (`<c>`, `<v>`, text). Measured on the 20k-row x 48-column programme
 * (bench/reader.ts, scannerAgainstSaxes): saxes only tokenising the sheet took 0.96-1.09 s, this
 * scanner reading every cell's value and format 0.60-0.64 s, on the same chunks (a loaded
 * two-core machine; the ratio, ~1.7x, is what matters). Cells are read the way ExcelJS reads them
 * (lib/xlsx/xform/sheet/cell-xform.js), so both readers give the engine the same grid.
 */
import { dateToSerial, toOfficeValue, type OfficeCellValue } from '../cellValue';
import { GENERAL_FORMAT } from '../sheetGrid';
import type { GridRows } from './gridRows';
import type { CellStyleFormat } from './numberFormats';
import { stringItemText } from './sharedStrings';
import { decodeAttribute, decodeText, readAttributes, XmlProblem } from './xmlText';

/** What every sheet of a workbook shares. */
export interface SheetContext {
  sharedStrings: readonly string[];
  styles: readonly CellStyleFormat[];
  date1904: boolean;
}

/** What follows the cells: merged areas and the relationship ids of the sheet's Excel tables. */
export interface SheetTail {
  merged: string[];
  tableRelationIds: string[];
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;

function endsName(code: number): boolean {
  return code === 32 || code === GT || code === SLASH || code === 9 || code === 10 || code === 13;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** ExcelJS decodes a string result's entities a second time (utils.xmlDecode): so does this. */
function decodeAgain(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([a-z]*);/g, (entity) => {
    switch (entity) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return entity;
    }
  });
}

/** Powers of ten a double holds exactly (10^22 is the last). */
const EXACT_POWERS: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The number `xml[start, end)` spells when it is plain (`-`, digits, one `.`, digits; at most 15
 * digits, so the digits are an exact integer), else NaN. Exactly parseFloat's answer: the digits
 * and the power of ten are both exact doubles, and one IEEE division rounds correctly (Clinger's
 * fast path, https://doi.org/10.1145/93548.93557). Anything else (an exponent, spaces, entities,
 * more digits) is left to parseFloat.
 */
export function plainNumber(xml: string, start: number, end: number): number {
  let at = start;
  const negative = xml.charCodeAt(at) === 45;
  if (negative) at++;
  let digits = 0;
  let mantissa = 0;
  let fraction = -1;
  for (; at < end; at++) {
    const code = xml.charCodeAt(at);
    const digit = code - 48;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (code === 46 && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = fraction > 0 ? mantissa / EXACT_POWERS[fraction] : mantissa;
  return negative ? -value : value;
}

/** The index `xml[start, end)` spells when it is digits only (at most 9), else -1. */
function plainIndex(xml: string, start: number, end: number): number {
  if (end - start > 9) return -1;
  let index = 0;
  for (let at = start; at < end; at++) {
    const digit = xml.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index;
}

/** A date serial through the same millisecond rounding ExcelJS applies (utils.excelToDate). */
function dateValue(serial: number, date1904: boolean): OfficeCellValue {
  const milliseconds = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? '#VALUE!' : dateToSerial(date, date1904);
}

/**
 * Reads a sheet's XML into a GridRows.
 *
 * @example
 * const rows = new GridRows();
 * const scanner = new SheetScanner({ sharedStrings: ['Ref'], styles: [], date1904: false }, rows);
 * scanner.write('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c></row>');
 * scanner.end(); // { merged: [], tableRelationIds: [] }; rows.build('S', []).values: [['Ref', 2.5]]
 */
export class SheetScanner {
  private pending = '';
  private inTail = false;
  /** The last characters read, to tell a whole sheet (`...</worksheet>`) from one cut short. */
  private ending = '';
  private row = 0;
  private column = 0;
  private readonly tail: SheetTail = { merged: [], tableRelationIds: [] };
  // The attributes of the cell being read.
  /** The column the cell's `r` names (0: none). */
  private cellColumn = 0;
  private cellType: string | undefined;
  private cellStyle = 0;

  constructor(
    private readonly context: SheetContext,
    private readonly rows: GridRows,
  ) {}

  /**
   * Adds the next piece of the sheet's text. The rows of a piece are scanned where they lie: the
   * piece is never joined to what came before (V8 copies a joined string whole the first time it
   * is searched, measured at 0.2 s per 100k rows), only the few characters of the row it cuts
   * through are (`pending`).
   */
  write(text: string): void {
    this.ending = text.length >= 64 ? text.slice(-64) : (this.ending + text).slice(-64);
    if (!this.inTail) {
      const last = text.lastIndexOf('</row>');
      if (last < 0) {
        this.pending = this.pending.length > 0 ? this.pending + text : text;
        if (this.pending.indexOf('</sheetData>') >= 0) this.enterTail();
        return;
      }
      // The row cut at the end of the last piece, finished by this piece's first `</row>`.
      const first = text.indexOf('</row>') + 6;
      const head = this.pending.length > 0 ? this.pending + text.slice(0, first) : text;
      this.scanRows(head, 0, head === text ? last + 6 : head.length);
      if (head !== text) this.scanRows(text, first, last + 6);
      this.pending = text.slice(last + 6);
      if (this.pending.indexOf('</sheetData>') >= 0) this.enterTail();
      return;
    }
    this.pending = this.pending.length > 0 ? this.pending + text : text;
    this.readTail();
  }

  /** The cells have ended in `pending` (it holds `</sheetData>`): read them, then the tail. */
  private enterTail(): void {
    const dataEnd = this.pending.indexOf('</sheetData>');
    this.scanRows(this.pending, 0, dataEnd);
    this.pending = this.pending.slice(dataEnd + 12);
    this.inTail = true;
    this.readTail();
  }

  /** Reads the tail's elements in `pending` up to its last '>'. */
  private readTail(): void {
    const cut = this.pending.lastIndexOf('>');
    if (cut < 0) return;
    this.scanTail(this.pending.slice(0, cut + 1));
    this.pending = this.pending.slice(cut + 1);
  }

  /** Reads what is left; returns the merged areas and table relationships found after the cells. */
  end(): SheetTail {
    // A sheet cut short or malformed would otherwise read as the rows before the break, silently.
    if (!/<\/(?:[\w-]+:)?worksheet>\s*$/.test(this.ending))
      throw new XmlProblem('a worksheet is cut short: its XML does not end');
    // A sheet with no cells (`<sheetData/>`) never reached the tail: its merges are here too.
    if (!this.inTail) this.scanRows(this.pending, 0, this.pending.length);
    this.scanTail(this.pending);
    this.pending = '';
    return this.tail;
  }

  private scanTail(xml: string): void {
    const pattern = /<(mergeCell|tablePart)\s([^>]*)>/g;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(xml)) !== null) {
      const attributes = readAttributes(match[2]);
      if (match[1] === 'mergeCell' && attributes.ref) this.tail.merged.push(attributes.ref);
      if (match[1] === 'tablePart') {
        const id =
          attributes['r:id'] ?? Object.entries(attributes).find(([k]) => k.endsWith(':id'))?.[1];
        if (id) this.tail.tableRelationIds.push(id);
      }
    }
  }

  private scanRows(xml: string, start: number, end: number): void {
    let at = start;
    for (;;) {
      const lt = xml.indexOf('<', at);
      if (lt < 0 || lt >= end) return;
      const first = xml.charCodeAt(lt + 1);
      if (first === 99 && endsName(xml.charCodeAt(lt + 2))) {
        at = this.scanCell(xml, lt + 2);
      } else if (
        first === 114 &&
        xml.charCodeAt(lt + 2) === 111 &&
        xml.charCodeAt(lt + 3) === 119 &&
        endsName(xml.charCodeAt(lt + 4))
      ) {
        const close = xml.indexOf('>', lt);
        const number = this.readRowNumber(xml, lt + 4, close);
        this.row = number > 0 ? number : this.row + 1;
        this.column = 0;
        at = close + 1;
      } else at = lt + 1;
    }
  }

  private readRowNumber(xml: string, start: number, close: number): number {
    // ` r="12"` first, as Excel and ExcelJS write it, is read from the characters.
    let at = start;
    while (isSpace(xml.charCodeAt(at))) at++;
    if (at > start && xml.charCodeAt(at) === 114 && xml.charCodeAt(at + 1) === EQUALS) {
      const quote = xml.charCodeAt(at + 2);
      if (quote === QUOTE || quote === APOSTROPHE) {
        let number = 0;
        let digits = 0;
        for (at += 3; at < close; at++) {
          const digit = xml.charCodeAt(at) - 48;
          if (digit < 0 || digit > 9) break;
          number = number * 10 + digit;
          digits++;
        }
        if (digits > 0 && digits < 10 && xml.charCodeAt(at) === quote) return number;
      }
    }
    const tag = xml.slice(start, close);
    const match = /(?:^|\s)r\s*=\s*["']\s*(\d+)/.exec(tag);
    return match ? parseInt(match[1], 10) : 0;
  }

  /** Reads the cell whose start tag's attributes begin at `from`; returns where scanning goes on. */
  private scanCell(xml: string, from: number): number {
    const close = this.readCellAttributes(xml, from);
    this.column = this.cellColumn > 0 ? this.cellColumn : this.column + 1;
    if (xml.charCodeAt(close - 1) === SLASH) {
      if (this.cellStyle > 0) {
        const format = this.context.styles[this.cellStyle]?.format;
        if (format !== undefined) this.rows.addFormattedBlank(this.row, this.column, format);
      }
      return close + 1;
    }
    const plainEnd = this.readPlainCell(xml, close);
    if (plainEnd > 0) return plainEnd;
    const end = xml.indexOf('</c>', close);
    const contentEnd = end < 0 ? xml.length : end;
    this.readCellContent(xml, close + 1, contentEnd);
    return contentEnd + 4;
  }

  /**
   * The shape nearly every cell of a programme has, `<c r="E3"><v>7514.5</v></c>` or
   * `<c r="A3" t="s"><v>49</v></c>` (no formula, a plain number or shared-string index, no date
   * format), read straight through from the start tag's '>' at `close`: no search for the cell's
   * children or its end. Returns where scanning goes on, or 0 when the cell is not of that shape
   * (the general path then reads it, from the start, exactly as before).
   */
  private readPlainCell(xml: string, close: number): number {
    // `<v>` right after the start tag.
    if (
      xml.charCodeAt(close + 1) !== LT ||
      xml.charCodeAt(close + 2) !== 118 /* v */ ||
      xml.charCodeAt(close + 3) !== GT
    )
      return 0;
    const start = close + 4;
    const end = xml.indexOf('<', start);
    // `</v></c>` right after the value.
    if (
      end <= start ||
      xml.charCodeAt(end + 1) !== SLASH ||
      xml.charCodeAt(end + 2) !== 118 ||
      xml.charCodeAt(end + 3) !== GT ||
      xml.charCodeAt(end + 4) !== LT ||
      xml.charCodeAt(end + 5) !== SLASH ||
      xml.charCodeAt(end + 6) !== 99 /* c */ ||
      xml.charCodeAt(end + 7) !== GT
    )
      return 0;
    const style = this.cellStyle > 0 ? this.context.styles[this.cellStyle] : undefined;
    return this.addPlainValue(xml, start, end, style) ? end + 8 : 0;
  }

  /**
   * Adds the cell when `xml[start, end)` is its plain value: a shared string's index (`t="s"`) or a
   * plain number in a cell with no date format, read from the characters with no string made per
   * cell (a million cells would make a million strings). False when it is anything else.
   */
  private addPlainValue(
    xml: string,
    start: number,
    end: number,
    style: CellStyleFormat | undefined,
  ): boolean {
    const type = this.cellType;
    const format = style?.format ?? GENERAL_FORMAT;
    if (type === 's') {
      const index = plainIndex(xml, start, end);
      if (index < 0) return false;
      this.rows.add(this.row, this.column, this.context.sharedStrings[index] ?? '', format);
      return true;
    }
    if ((type !== undefined && type !== 'n') || style?.date === true) return false;
    const number = plainNumber(xml, start, end);
    if (number !== number) return false;
    this.rows.add(this.row, this.column, number, format);
    return true;
  }

  /**
   * Reads r, t and s of a `<c ...>` tag; returns the index of its '>'. Reads them from the
   * character codes, not from sliced strings: with a million cells, every string allocated per
   * cell shows up as garbage-collection time.
   */
  private readCellAttributes(xml: string, from: number): number {
    this.cellColumn = 0;
    this.cellType = undefined;
    this.cellStyle = 0;
    let at = from;
    for (;;) {
      let code = xml.charCodeAt(at);
      while (isSpace(code)) code = xml.charCodeAt(++at);
      if (code === GT || code === SLASH || Number.isNaN(code)) {
        const close = code === GT ? at : xml.indexOf('>', at);
        return close < 0 ? xml.length : close;
      }
      const nameStart = at;
      while (code !== EQUALS && !isSpace(code) && !Number.isNaN(code)) code = xml.charCodeAt(++at);
      const single = at - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
      while (code !== QUOTE && code !== APOSTROPHE && !Number.isNaN(code))
        code = xml.charCodeAt(++at);
      const valueStart = at + 1;
      const valueEnd = xml.indexOf(code === QUOTE ? '"' : "'", valueStart);
      if (valueEnd < 0) return xml.length;
      at = valueEnd + 1;
      if (single === 114 /* r */) {
        let column = 0;
        for (let i = valueStart; i < valueEnd; i++) {
          const letter = xml.charCodeAt(i);
          if (letter >= 65 && letter <= 90) column = column * 26 + letter - 64;
          else if (letter >= 97 && letter <= 122) column = column * 26 + letter - 96;
          else break;
        }
        this.cellColumn = column;
      } else if (single === 116 /* t */) {
        if (valueEnd - valueStart === 1 && xml.charCodeAt(valueStart) === 115) this.cellType = 's';
        else {
          const raw = xml.slice(valueStart, valueEnd);
          this.cellType = raw.indexOf('&') < 0 ? raw : decodeAttribute(raw);
        }
      } else if (single === 115 /* s */) {
        // ExcelJS reads style 0 as no style (`model.styleId && ...`).
        let style = 0;
        let i = valueStart;
        while (i < valueEnd && isSpace(xml.charCodeAt(i))) i++;
        for (; i < valueEnd; i++) {
          const digit = xml.charCodeAt(i) - 48;
          if (digit < 0 || digit > 9) break;
          style = style * 10 + digit;
        }
        this.cellStyle = style;
      }
    }
  }

  // Where the current cell's children lie (indexes into the text being scanned; -1: absent).
  private vInner = -1;
  private vEnd = -1;
  private fTag = -1;
  private fInner = -1;
  private fEnd = -1;
  private isInner = -1;
  private isEnd = -1;

  /**
   * Finds the cell's `<v>`, `<f>` and `<is>` children between `start` and `end` in one pass over
   * the '<' there, without allocating.
   */
  private findChildren(xml: string, start: number, end: number): void {
    this.vInner = this.fTag = this.isInner = -1;
    let at = xml.indexOf('<', start);
    while (at >= 0 && at < end) {
      const first = xml.charCodeAt(at + 1);
      if (first === 118 /* v */ && endsName(xml.charCodeAt(at + 2)) && this.vInner < 0) {
        const close = xml.indexOf('>', at);
        if (xml.charCodeAt(close - 1) === SLASH) this.vInner = this.vEnd = close;
        else {
          this.vInner = close + 1;
          const stop = xml.indexOf('</v>', close);
          this.vEnd = stop < 0 || stop > end ? end : stop;
        }
        at = xml.indexOf('<', this.vEnd + 1);
      } else if (first === 102 /* f */ && endsName(xml.charCodeAt(at + 2)) && this.fTag < 0) {
        const close = xml.indexOf('>', at);
        this.fTag = at;
        if (xml.charCodeAt(close - 1) === SLASH) this.fInner = this.fEnd = close;
        else {
          this.fInner = close + 1;
          const stop = xml.indexOf('</f>', close);
          this.fEnd = stop < 0 || stop > end ? end : stop;
        }
        at = xml.indexOf('<', this.fEnd + 1);
      } else if (
        first === 105 /* i */ &&
        xml.charCodeAt(at + 2) === 115 &&
        endsName(xml.charCodeAt(at + 3)) &&
        this.isInner < 0
      ) {
        const close = xml.indexOf('>', at);
        if (xml.charCodeAt(close - 1) === SLASH) this.isInner = this.isEnd = close;
        else {
          this.isInner = close + 1;
          const stop = xml.indexOf('</is>', close);
          this.isEnd = stop < 0 || stop > end ? end : stop;
        }
        at = xml.indexOf('<', this.isEnd + 1);
      } else at = xml.indexOf('<', at + 1);
    }
  }

  private readCellContent(xml: string, start: number, end: number): void {
    const { context } = this;
    const style = this.cellStyle > 0 ? context.styles[this.cellStyle] : undefined;
    const format = style?.format ?? GENERAL_FORMAT;
    const type = this.cellType;
    this.findChildren(xml, start, end);
    // Most cells are a plain number or a shared string's index with no formula.
    if (
      this.fTag < 0 &&
      this.vInner >= 0 &&
      this.vEnd > this.vInner &&
      this.addPlainValue(xml, this.vInner, this.vEnd, style)
    )
      return;
    let raw: string | undefined;
    if (this.vInner >= 0 && this.vEnd > this.vInner) {
      const text = xml.slice(this.vInner, this.vEnd);
      raw = text.indexOf('&') < 0 && text.indexOf('\r') < 0 ? text : decodeText(text);
    }
    let formula = false;
    if (this.fTag >= 0) {
      // ExcelJS: a formula has text, or a `t` (shared, array): `<f/>` alone is no formula.
      if (this.fEnd > this.fInner) formula = true;
      else formula = Boolean(readAttributes(xml.slice(this.fTag + 2, this.fInner)).t);
    }
    let value: OfficeCellValue;
    if (formula) {
      if (!raw) value = '';
      else {
        let result: OfficeCellValue;
        if (type === 'str') result = decodeAgain(raw);
        else if (type === 'b') result = parseInt(raw, 10) !== 0;
        else if (type === 'e') result = raw;
        else result = parseFloat(raw);
        // ExcelJS turns any result in a date-formatted cell into a Date (an error or text: invalid).
        if (style?.date)
          value = type === 'e' ? '#VALUE!' : dateValue(Number(result), context.date1904);
        else value = toOfficeValue(result);
      }
    } else {
      if (type === 'inlineStr') {
        if (this.isInner >= 0 && this.isEnd > this.isInner) {
          const inner = xml.slice(this.isInner, this.isEnd);
          if (/<r[\s>]/.test(inner)) raw = stringItemText(inner, false);
          else {
            const text = stringItemText(inner, false);
            raw = raw === undefined ? text || undefined : raw + text;
          }
        }
      }
      if (raw === undefined) {
        this.rows.addFormattedBlank(this.row, this.column, format);
        return;
      }
      if (type === 's') value = context.sharedStrings[parseInt(raw, 10)] ?? '';
      else if (type === 'str') value = decodeAgain(raw);
      else if (type === 'inlineStr' || type === 'e') value = raw;
      else if (type === 'b') value = parseInt(raw, 10) !== 0;
      else {
        const number = parseFloat(raw);
        if (style?.date) value = dateValue(number, context.date1904);
        else value = Number.isFinite(number) ? number : '#NUM!';
      }
    }
    this.rows.add(this.row, this.column, value, format);
  }
}
