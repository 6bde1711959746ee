/**
 * The command line's workbook reader: streams each sheet's XML out of the zip (node:zlib, with an
 * output limit) through a scanner into the engine's grids, holding only the strings, the cells'
 * values and one chunk of XML at a time, never a document model. It gives exactly the grid the
 * whole-file ExcelJS read gives (tests/xlsx/fastReader.differential.test.ts).
 */
import { StringDecoder } from 'node:string_decoder';
import type { Parsed } from '../../core';
import type { SheetGrid } from '../sheetGrid';
import { areaOf, GridRows, type CellArea } from './gridRows';
import { readStyleFormats } from './numberFormats';
import { SharedStringsReader } from './sharedStrings';
import { SheetScanner, type SheetContext } from './sheetScanner';
import { elements, XmlProblem } from './xmlText';
import { PartProblem, ZipParts } from './zipParts';

/** An Excel table (ListObject) on a sheet, with the range it covers. */
export interface WorkbookTable {
  sheet: string;
  name: string;
  /** The table's range including its header row, e.g. 'B3:H40'. */
  range: string;
}

/** What the reader gives: the grids of the sheets asked for, every sheet's name, the tables. */
export interface FastWorkbookGrids {
  grids: SheetGrid[];
  sheetNames: string[];
  tables: WorkbookTable[];
}

/** Why the reader gave up: a message for the user, or `fallback` when ExcelJS should try. */
export type FastRead = Parsed<FastWorkbookGrids> | { ok: false; message: string; fallback: true };

/** What to read. */
export interface FastReadOptions {
  /** Read only the worksheet with this name (case-insensitive, as Excel matches names). */
  sheet?: string;
}

interface SheetPart {
  name: string;
  part: string;
}

const RELATIONSHIP_TYPE_TABLE = '/table';

/** 'xl/worksheets/../tables/table1.xml' -> 'xl/tables/table1.xml'. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(xml: string | undefined): Map<string, { target: string; type: string }> {
  const map = new Map<string, { target: string; type: string }>();
  for (const { attributes } of elements(xml ?? '', 'Relationship'))
    if (attributes.Id)
      map.set(attributes.Id, { target: attributes.Target ?? '', type: attributes.Type ?? '' });
  return map;
}

/**
 * Bytes decoded into one string at a time. V8 puts a string over 128 KiB in its large-object
 * space, a fresh mapping per string: decoding the 100k-row sheet (59 MB) in 256 KiB strings took
 * 0.45 s, in 64 KiB strings 0.02 s (measured in-process, node 20, 2026-12-05).
 */
const DECODE_BYTES = 64 * 1024;

async function streamPart(
  parts: ZipParts,
  name: string,
  write: (text: string) => void,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of parts.stream(name)) {
    for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
      let text = decoder.write(chunk.subarray(at, at + DECODE_BYTES));
      // A byte-order mark is not part of the XML.
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      if (text.length > 0) write(text);
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) write(rest);
}

async function readSharedStrings(parts: ZipParts): Promise<string[]> {
  const name = 'xl/sharedStrings.xml';
  if (!parts.has(name)) return [];
  const reader = new SharedStringsReader();
  await streamPart(parts, name, (text) => reader.write(text));
  return reader.end();
}

async function readSheet(
  parts: ZipParts,
  sheet: SheetPart,
  context: SheetContext,
  tables: WorkbookTable[],
): Promise<SheetGrid> {
  const rows = new GridRows();
  const scanner = new SheetScanner(context, rows);
  await streamPart(parts, sheet.part, (text) => scanner.write(text));
  const tail = scanner.end();
  const merged = tail.merged.map(areaOf).filter((area): area is CellArea => area !== undefined);
  if (tail.tableRelationIds.length > 0) {
    const relsName = resolvePart(sheet.part, `_rels/${sheet.part.split('/').pop()}.rels`);
    const rels = relationships(await parts.text(relsName));
    for (const id of tail.tableRelationIds) {
      const rel = rels.get(id);
      if (!rel || !rel.type.endsWith(RELATIONSHIP_TYPE_TABLE)) continue;
      const table = elements(
        (await parts.text(resolvePart(sheet.part, rel.target))) ?? '',
        'table',
      )[0];
      if (table?.attributes.ref)
        tables.push({
          sheet: sheet.name,
          name: table.attributes.displayName ?? table.attributes.name ?? '',
          range: table.attributes.ref,
        });
    }
  }
  return rows.build(sheet.name, merged);
}

/**
 * Reads every worksheet (or the one named) of an .xlsx file into the engine's grids. The caller
 * first checks the file is a sound zip within the size limits (describeFileProblem).
 *
 * @example
 * const read = await readWorkbookFast('programme.xlsx', { sheet: 'Programme' });
 * if (read.ok) checkGrid(read.value.grids[0]);
 */
export async function readWorkbookFast(
  path: string,
  options: FastReadOptions = {},
): Promise<FastRead> {
  try {
    const parts = await ZipParts.open(path);
    const workbookXml = await parts.text('xl/workbook.xml');
    if (workbookXml === undefined)
      return { ok: false, message: 'has no xl/workbook.xml', fallback: true };
    const rels = relationships(await parts.text('xl/_rels/workbook.xml.rels'));
    const date1904 = elements(workbookXml, 'workbookPr')[0]?.attributes.date1904 === '1';
    const sheets: SheetPart[] = [];
    for (const { attributes } of elements(workbookXml, 'sheet')) {
      const id =
        attributes['r:id'] ?? Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
      const rel = id === undefined ? undefined : rels.get(id);
      if (!rel) continue;
      // As ExcelJS places a sheet (workbook-xform.js reconcile); chart sheets are not worksheets.
      const part = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, '')}`;
      if (/^xl\/worksheets\/sheet\d+[.]xml$/.test(part) && parts.has(part))
        sheets.push({ name: attributes.name ?? '', part });
    }
    if (sheets.length === 0) return { ok: false, message: 'has no worksheets', fallback: true };
    const sheetNames = sheets.map((sheet) => sheet.name);
    let chosen = sheets;
    if (options.sheet !== undefined) {
      const wanted = options.sheet.toLowerCase();
      chosen = sheets.filter((sheet) => sheet.name.toLowerCase() === wanted);
      if (chosen.length === 0) {
        const list = sheetNames.map((name) => `'${name}'`).join(', ');
        return {
          ok: false,
          message: `has no sheet named '${options.sheet}' (its sheets: ${list}): check the --sheet name`,
        };
      }
    }
    const context: SheetContext = {
      sharedStrings: await readSharedStrings(parts),
      styles: readStyleFormats(await parts.text('xl/styles.xml')),
      date1904,
    };
    const tables: WorkbookTable[] = [];
    const grids: SheetGrid[] = [];
    for (const sheet of chosen) grids.push(await readSheet(parts, sheet, context, tables));
    return { ok: true, value: { grids, sheetNames, tables } };
  } catch (error) {
    if (error instanceof PartProblem) return { ok: false, message: error.message };
    if (error instanceof XmlProblem || error instanceof RangeError)
      return {
        ok: false,
        message: `is damaged or not an Excel workbook (${error.message}): open it in Excel, save it again as .xlsx and try again`,
      };
    throw error;
  }
}
