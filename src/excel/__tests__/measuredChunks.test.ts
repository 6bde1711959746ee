import {
  WEB_PAYLOAD_LIMIT,
  installFakeExcel,
  type FakePlatform,
} from '../../../tests/support/fake-excel';
import { buildProgramme } from '../../../tests/support/fake-excel/programmeFixture';
import { BatchWriter } from '../batchWriter';
import { phaseSchemes } from '../phaseSchemes';
import {
  DEFAULT_REQUEST_BUDGET,
  jsonBytes,
  readRowChunks,
  setRequestBudget,
  utf8Bytes,
} from '../requestBudget';
import { forgetChanges, undoLastChange } from '../undo';

// 100k-row workbooks in the in-memory Excel: seconds of work that a loaded CI machine can stretch.
jest.setTimeout(120_000);

const yes = async () => true;

/** Sheet rows 2..rows+1 of the Programme, columns A..T (12 named columns and 8 quarters). */
function programmeCells(workbook: ReturnType<typeof installFakeExcel>, rows: number) {
  return workbook.read('Programme', `A2:T${rows + 1}`);
}

describe('Phase on 100,000 schemes, chunks sized from measured bytes', () => {
  async function phaseBig(platform: FakePlatform) {
    forgetChanges();
    const workbook = installFakeExcel(globalThis, { platform });
    buildProgramme(workbook, 100_000);
    workbook.resetStats();
    const result = await phaseSchemes({ confirm: yes });
    if (!result.ok) throw new Error(result.message);
    return { workbook, result: result.value, stats: { ...workbook.stats } };
  }

  it('takes no more syncs on the web than 2 + the bytes it moves over the 4 MB budget, with the same result as desktop', async () => {
    const web = await phaseBig('web');
    const webCells = programmeCells(web.workbook, 100_000);
    const desktop = await phaseBig('desktop');
    const { syncs, responseBytes, requestBytes, largestResponseBytes, largestRequestBytes } =
      web.stats;
    expect(syncs).toBeLessThanOrEqual(
      2 + Math.ceil((responseBytes + requestBytes) / DEFAULT_REQUEST_BUDGET),
    );
    expect(largestResponseBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(largestRequestBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    // Desktop: one header sync, one read, one write, whatever the size.
    expect(desktop.stats.syncs).toBe(3);
    expect(desktop.stats.largestResponseBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    expect(web.result.phased).toBeGreaterThan(80_000);
    // Compared as JSON: jest's deep equality on 2 million cells takes longer than the phase.
    expect(JSON.stringify(web.result) === JSON.stringify(desktop.result)).toBe(true);
    const desktopCells = programmeCells(desktop.workbook, 100_000);
    expect(webCells[99_999]).toEqual(desktopCells[99_999]);
    expect(JSON.stringify(webCells) === JSON.stringify(desktopCells)).toBe(true);
  });
});

describe('chunked Phase on the web keeps undo whole', () => {
  afterEach(() => setRequestBudget(DEFAULT_REQUEST_BUDGET));

  it('puts every cell back after a phase read and written in many chunks', async () => {
    forgetChanges();
    const workbook = installFakeExcel(globalThis, { platform: 'web', payloadLimit: 24 * 1024 });
    buildProgramme(workbook, 2_000);
    // A typed figure the phase replaces, so undo has something to bring back.
    workbook.setCells('Programme', 'M3', [[7.5]]);
    const before = workbook.snapshot();
    setRequestBudget(16 * 1024);
    workbook.resetStats();
    const result = await phaseSchemes({ confirm: yes });
    expect(result.ok).toBe(true);
    expect(workbook.stats.syncs).toBeGreaterThan(10);
    expect(workbook.stats.largestResponseBytes).toBeLessThanOrEqual(24 * 1024);
    expect(workbook.read('Programme', 'M3')).not.toEqual([[7.5]]);
    const undone = await undoLastChange();
    expect(undone.ok).toBe(true);
    expect(workbook.snapshot()).toEqual(before);
  });
});

describe('cancelling a chunked Phase on the web', () => {
  afterEach(() => setRequestBudget(DEFAULT_REQUEST_BUDGET));

  it('puts back the chunks already written when cancelled between write chunks', async () => {
    forgetChanges();
    const workbook = installFakeExcel(globalThis, { platform: 'web', payloadLimit: 24 * 1024 });
    buildProgramme(workbook, 2_000);
    const before = workbook.snapshot();
    setRequestBudget(16 * 1024);
    const controller = new AbortController();
    const writes: number[] = [];
    const result = await phaseSchemes({
      confirm: yes,
      signal: controller.signal,
      onProgress: ({ stage, done, total }) => {
        if (stage !== 'Writing period amounts' || done === total) return;
        writes.push(done);
        // Cancel after the second write chunk went out.
        if (writes.length === 2) controller.abort();
      },
    });
    expect(writes.length).toBe(2);
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(workbook.snapshot()).toEqual(before);
  });
});

describe('reading rows in chunks sized from measured bytes', () => {
  /** A sheet of `rows` rows whose cells are `width` characters of text. */
  function sheetOfText(platform: FakePlatform, rows: number, width: number, limit?: number) {
    const workbook = installFakeExcel(
      globalThis,
      limit === undefined ? { platform } : { platform, payloadLimit: limit },
    );
    workbook.setCells(
      'Data',
      'A1',
      Array.from({ length: rows }, (_, r) => [String(r).padStart(width, 'x'), 'y'.repeat(width)]),
    );
    return workbook;
  }

  async function readAll(budget?: number) {
    const rowsRead: unknown[][] = [];
    const chunkSizes: number[] = [];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      await readRowChunks(
        context,
        1_000,
        2,
        (start, rows) => {
          chunkSizes.push(rows);
          const range = sheet.getRangeByIndexes(start, 0, rows, 2).load('values');
          return () => {
            rowsRead.push(...range.values);
            return range.values;
          };
        },
        undefined,
        budget,
      );
    });
    return { rowsRead, chunkSizes };
  }

  it('reads every row in one chunk on desktop', async () => {
    const workbook = sheetOfText('desktop', 1_000, 40);
    const { rowsRead, chunkSizes } = await readAll();
    expect(chunkSizes).toEqual([1_000]);
    expect(rowsRead).toEqual(workbook.read('Data', 'A1:B1000'));
  });

  it('fills the budget with each chunk after the first on the web', async () => {
    const workbook = sheetOfText('web', 1_000, 40);
    // Each row is [\"…40…\",\"…40…\"] plus a comma: 88 bytes; 8,800 bytes fit 100 rows.
    const { rowsRead, chunkSizes } = await readAll(8_800);
    expect(rowsRead).toEqual(workbook.read('Data', 'A1:B1000'));
    // The first chunk is sized by a guess (16 bytes a cell: 275 rows, too many for 40-character
    // text); after it, each chunk holds what the budget allows by the bytes measured.
    expect(chunkSizes[0]).toBe(275);
    expect(chunkSizes.slice(1, -1).every((rows) => rows >= 99 && rows <= 100)).toBe(true);
    expect(chunkSizes.reduce((sum, rows) => sum + rows, 0)).toBe(1_000);
  });

  it('reads a refused chunk again with half the rows', async () => {
    const workbook = sheetOfText('web', 1_000, 40, 12 * 1024);
    const { rowsRead, chunkSizes } = await readAll(64 * 1024);
    expect(rowsRead).toEqual(workbook.read('Data', 'A1:B1000'));
    // 1,000 rows of 88 bytes pass the 12 KB limit: refused, then 500, 250, 125 (11 KB) read.
    expect(chunkSizes.slice(0, 4)).toEqual([1_000, 500, 250, 125]);
  });
});

describe('writing in requests sized from measured bytes', () => {
  afterEach(() => setRequestBudget(DEFAULT_REQUEST_BUDGET));

  it('fills each request up to the budget and never past it', async () => {
    const workbook = installFakeExcel(globalThis, { platform: 'web' });
    workbook.setCells('Data', 'A1', [['']]);
    const rows = Array.from({ length: 2_000 }, (_, r) => [`£${r}`, r / 8, 'a "quoted" word']);
    const budget = 16 * 1024;
    setRequestBudget(budget);
    let syncs = 0;
    await Excel.run(async (context) => {
      const writer = new BatchWriter(context, {}, 'Writing');
      await writer.write(context.workbook.worksheets.getItem('Data'), 0, 0, rows, 'values');
      await writer.finish();
      syncs = writer.syncs;
    });
    const bytes = rows.reduce((sum, row) => sum + jsonBytes(row) + 1, 0);
    expect(workbook.stats.largestRequestBytes).toBeLessThanOrEqual(budget + 2_000);
    // Full requests: at most one more than the bytes need (a row never splits).
    expect(syncs).toBeLessThanOrEqual(Math.ceil(bytes / budget) + 1);
    expect(workbook.read('Data', 'A2000:C2000')).toEqual([rows[1_999]]);
  });
});

describe('measuring bytes as they travel', () => {
  it.each(['plain', '£2.6m', 'a "quoted" word', 'back\\slash', 'café €5 😀'])(
    'counts %s as its UTF-8 JSON',
    (text) => {
      const json = JSON.stringify([[text, 2.6]]);
      expect(jsonBytes([[text, 2.6]])).toBe(new TextEncoder().encode(json).length);
      expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
    },
  );
});
