/**
 * A ledger export as text (CSV pasted into the pane or read from a chosen file) into rows of cells
 * for {@link importLedger}. Quoting follows RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180):
 * a quoted field may hold the separator, a line break or a doubled quote. Tab-separated text
 * (what Excel puts on the clipboard) is read too.
 */
import type { Parsed } from '../findings';

/** A plain number as ledgers export it (`-1250.5`), no leading zero: a ref such as `007` stays text. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,10})?$/;

function cellOf(text: string, quoted: boolean): string | number {
  if (quoted) return text;
  const trimmed = text.trim();
  return PLAIN_NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The separator of the first line: a tab when it has one, else `;` when it has more of them than commas. */
function separatorOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  if (first.includes('\t')) return '\t';
  const commas = first.split(',').length;
  const semicolons = first.split(';').length;
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads CSV (or tab-separated) text into rows. Plain numbers become numbers, so amounts are
 * not reported as "text"; anything else (`£1,250`, `007`, dates) stays text for the ledger
 * reader to read and report. A quote left open is a message naming the line it opened on.
 *
 * @example
 * readLedgerText('Ref,Period,Amount\nICT-01,P3,1250\n'); // { ok: true, value: [['Ref', 'Period', 'Amount'], ['ICT-01', 'P3', 1250]] }
 * readLedgerText('Ref,Amount\n"ICT-01,5\n'); // { ok: false, message: 'The text has a quote opened on line 2 and never closed: ...' }
 */
export function readLedgerText(text: string): Parsed<(string | number)[][]> {
  const source = text.replace(/^\uFEFF/, '');
  const separator = separatorOf(source);
  const rows: (string | number)[][] = [];
  let row: (string | number)[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let quoteLine = 0;
  const endField = () => {
    row.push(cellOf(field, quoted));
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === separator) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
    } else field += ch;
  }
  if (inQuotes)
    return {
      ok: false,
      message: `The text has a quote opened on line ${quoteLine} and never closed: check that line of the export (a field with a comma must be wholly in quotes)`,
    };
  if (field !== '' || row.length > 0) endRow();
  // Trailing blank lines are not rows of the ledger.
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  if (rows.length === 0)
    return {
      ok: false,
      message:
        'There is no text to read: paste the ledger export (header row first) or choose its CSV file',
    };
  return { ok: true, value: rows };
}
