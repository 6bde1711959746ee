import {
  WEB_PAYLOAD_LIMIT,
  type FakePlatform,
  installFakeExcel,
} from '../../../tests/support/fake-excel';
import { buildProgramme } from '../../../tests/support/fake-excel/programmeFixture';
import { DEFAULT_REQUEST_BUDGET, setRequestBudget } from '../batchWriter';
import { checkProgramme, checkSheet } from '../checks';
import { requestsAreLimited } from '../platform';

// 100k-row workbooks in the in-memory Excel: seconds of work that a loaded CI machine can stretch.
jest.setTimeout(120_000);

async function checkBigProgramme(platform: FakePlatform) {
  const workbook = installFakeExcel(globalThis, { platform });
  buildProgramme(workbook, 100_000);
  workbook.resetStats();
  const checked = await checkProgramme();
  if (!checked.ok) throw new Error(checked.message);
  return { workbook, report: checked.value };
}

describe('reading a programme of 100,000 schemes for Check', () => {
  it('takes at most 3 syncs on desktop Excel, reading every row at once', async () => {
    const { workbook, report } = await checkBigProgramme('desktop');
    expect(workbook.stats.syncs).toBeLessThanOrEqual(3);
    expect(report.address).toMatch(/^A1:[A-Z]+100001$/);
    // One response bigger than Excel on the web would allow: nothing was split.
    expect(workbook.stats.largestResponseBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  });

  it('takes as many syncs on Excel on the web as its 5 MB limit needs, plus a constant', async () => {
    const desktop = await checkBigProgramme('desktop');
    const { workbook, report } = await checkBigProgramme('web');
    const { syncs, responseBytes, largestResponseBytes } = workbook.stats;
    expect(largestResponseBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    // One sync finds the table; one chunk may be short (sized before anything was measured).
    expect(syncs).toBeLessThanOrEqual(Math.ceil(responseBytes / DEFAULT_REQUEST_BUDGET) + 2);
    expect(syncs).toBeGreaterThanOrEqual(Math.ceil(responseBytes / WEB_PAYLOAD_LIMIT) + 1);
    // Reading in chunks changes nothing in what the checks find.
    expect(report.findings).toEqual(desktop.report.findings);
  });
});

describe('chunks on Excel on the web', () => {
  afterEach(() => setRequestBudget(DEFAULT_REQUEST_BUDGET));

  it('reads every row when rows further down are wordier than those measured', async () => {
    const table = [['Scheme', 'Budget £m', 'Notes']];
    for (let i = 0; i < 400; i++)
      table.push([`Scheme ${i}`, String(i % 7), i < 200 ? '' : `Long note ${'x'.repeat(300)}`]);
    const rows = table.map((row) => row.map((cell, c) => (c === 1 ? Number(cell) : cell)));
    rows.push(['Total', rows.slice(1).reduce((sum, row) => sum + (row[1] as number), 1), '']);
    const found: unknown[] = [];
    for (const platform of ['desktop', 'web'] as const) {
      // On the web, a response over 12 KB is refused: the wordy rows make the chunk sized from
      // the short rows too big, and the reader must try again with fewer rows.
      const workbook = installFakeExcel(
        globalThis,
        platform === 'web' ? { platform, payloadLimit: 12 * 1024 } : { platform },
      );
      workbook.setCells('Notes', 'A1', rows);
      setRequestBudget(8 * 1024);
      const checked = await checkSheet('Notes');
      if (!checked.ok) throw new Error(checked.message);
      expect(checked.value.address).toBe('A1:C402');
      found.push(checked.value.findings);
    }
    // The total is 1 too high: both platforms find it, whatever the chunks.
    expect(found[1]).toEqual(found[0]);
    expect((found[0] as { rule: string }[]).map((finding) => finding.rule)).toContain(
      'total-mismatch',
    );
  });
});

describe('telling Excel on the web from desktop Excel', () => {
  const holder = globalThis as unknown as { Office?: unknown };
  let saved: unknown;
  beforeEach(() => {
    saved = holder.Office;
  });
  afterEach(() => {
    holder.Office = saved;
  });

  it.each([
    ['Excel on the web', { context: { diagnostics: { platform: 'OfficeOnline' } } }, true],
    ['Excel on Windows', { context: { diagnostics: { platform: 'PC' } } }, false],
    ['Excel on Mac', { context: { platform: 'Mac' } }, false],
    ['a host that reports no platform', { context: { diagnostics: { platform: null } } }, true],
    ['no Office at all', undefined, true],
  ])('tells whether requests are limited on %s', (_name, office, limited) => {
    holder.Office = office;
    expect(requestsAreLimited()).toBe(limited);
  });

  it('limits requests when reading the host throws', () => {
    holder.Office = {
      get context(): never {
        throw new Error('not ready');
      },
    };
    expect(requestsAreLimited()).toBe(true);
  });
});
