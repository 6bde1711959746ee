import {
  WEB_PAYLOAD_LIMIT,
  installFakeExcel,
  type FakePlatform,
} from '../../../tests/support/fake-excel';
import { QUARTERS } from '../../../tests/support/fake-excel/programmeFixture';
import { importSelection, previewSelection } from '../importSelection';
import { DEFAULT_REQUEST_BUDGET } from '../requestBudget';
import type { ImportPreview } from '../types';
import { forgetChanges } from '../undo';

// 100k-row workbooks in the in-memory Excel: seconds of work that a loaded CI machine can stretch.
jest.setTimeout(120_000);

const ROWS = 100_000;
const HEADER = ['Ref', 'Area', 'Scheme', 'Approved budget £m', 'Phasing', ...QUARTERS];

/** A council's table of 100,000 schemes on a Source sheet, selected. */
function sourceWorkbook(platform: FakePlatform) {
  forgetChanges();
  const workbook = installFakeExcel(globalThis, { platform });
  const body = Array.from({ length: ROWS }, (_, i) => [
    `CP-${i + 1}`,
    i % 3 === 0 ? 'ICT infrastructure' : 'Technology',
    `Scheme ${i + 1}`,
    Math.round((1 + (i % 17) * 0.3) * 10) / 10,
    i % 4 === 0 ? 'TBC' : '2016/17 Q1-4',
    ...QUARTERS.map((_, q) => (q === i % 8 ? 0.1 : '')),
  ]);
  workbook.setCells('Source', 'A1', [HEADER, ...body]);
  workbook.select('Source', `A1:M${ROWS + 1}`);
  return workbook;
}

describe('bringing in a table of 100,000 schemes, chunks sized from measured bytes', () => {
  it('takes no more syncs on the web than 2 + the bytes it moves over the 4 MB budget, building what desktop builds', async () => {
    const web = sourceWorkbook('web');
    const preview = await previewSelection();
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.schemeRows).toBe(ROWS);
    const confirmed: ImportPreview = preview.value;
    const sourceRows = [1, ROWS / 2, ROWS + 1].map((row) => web.read('Source', `A${row}:M${row}`));
    web.resetStats();
    const webResult = await importSelection(confirmed);
    const { syncs, responseBytes, requestBytes, largestResponseBytes, largestRequestBytes } =
      web.stats;
    expect(webResult).toEqual({ ok: true, value: { sheet: 'Programme', rows: ROWS } });
    expect(syncs).toBeLessThanOrEqual(
      2 + Math.ceil((responseBytes + requestBytes) / DEFAULT_REQUEST_BUDGET),
    );
    expect(largestResponseBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(largestRequestBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    // The source is only read (tests/reliability/lossless.test.ts proves it cell by cell).
    expect([1, ROWS / 2, ROWS + 1].map((row) => web.read('Source', `A${row}:M${row}`))).toEqual(
      sourceRows,
    );
    const webBuilt = web.read('Programme', `A1:T${ROWS + 2}`);
    const webFormats = [1, ROWS / 2, ROWS + 1].map(
      (row) => web.cell('Programme', `M${row}`)?.numberFormat,
    );

    // The same confirmed mapping brought in on desktop Excel: one read, one write.
    const desktop = sourceWorkbook('desktop');
    desktop.resetStats();
    const desktopResult = await importSelection(confirmed);
    expect(desktopResult).toEqual(webResult);
    expect(desktop.stats.syncs).toBe(3);
    const desktopBuilt = desktop.read('Programme', `A1:T${ROWS + 2}`);
    expect(webBuilt[ROWS]).toEqual(desktopBuilt[ROWS]);
    // Compared as JSON: jest's deep equality on 2 million cells takes longer than the import.
    expect(JSON.stringify(webBuilt) === JSON.stringify(desktopBuilt)).toBe(true);
    expect(
      [1, ROWS / 2, ROWS + 1].map((row) => desktop.cell('Programme', `M${row}`)?.numberFormat),
    ).toEqual(webFormats);
  });
});
