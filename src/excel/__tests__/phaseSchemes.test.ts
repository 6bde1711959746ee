import { installFakeExcel, FakeWorkbook } from '../../../tests/support/fake-excel';
import { phaseSchemes } from '../phaseSchemes';
import { setRequestBudget } from '../batchWriter';
import { forgetChanges, lastChange, undoLastChange } from '../undo';
import { buildProgramme } from './programmeFixture';

const yes = async () => true;

describe('phaseSchemes', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
  });

  it('writes penny-exact amounts as values and lists TBC schemes as unphased', async () => {
    buildProgramme(workbook, 6);
    const result = await phaseSchemes({ confirm: yes });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.phased).toBe(5);
    expect(result.value.unphased.map((u) => u.ref)).toEqual(['CP-4']);
    expect(result.value.unphased[0].cell).toBe('I5');
    // CP-2: 1.3 over 2016/17 Q2-4 at one decimal place: 0.5, 0.4, 0.4 (the odd 0.1 to the earliest quarter).
    expect(workbook.read('Programme', 'M3:T3')).toEqual([[0, 0.5, 0.4, 0.4, 0, 0, 0, 0]]);
    expect(workbook.cell('Programme', 'N3')?.isFormula).toBe(false);
    // The phrase is kept.
    expect(workbook.cell('Programme', 'I3')?.content).toBe('2016/17 Q2-4');
  });

  it('changes only the period cells of phased rows', async () => {
    buildProgramme(workbook, 12);
    workbook.setCells('Notes', 'A1', [['keep me']]);
    const before = workbook.snapshot();
    await phaseSchemes({ confirm: yes });
    const changed = FakeWorkbook.diff(before, workbook.snapshot());
    expect(changed.length).toBeGreaterThan(0);
    for (const address of changed) expect(address).toMatch(/^Programme!([M-T])\d+$/);
  });

  it('asks before replacing filled period cells, and does nothing without a yes', async () => {
    buildProgramme(workbook, 3);
    workbook.setCells('Programme', 'M2', [[99]]);
    const before = workbook.snapshot();
    const asked: string[] = [];
    const result = await phaseSchemes({
      confirm: async (notice) => (
        asked.push(`${notice.cellCount} ${notice.examples[0].cell}`),
        false
      ),
    });
    expect(asked).toEqual(['1 M2']);
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(workbook.snapshot()).toEqual(before);
    const withoutConfirm = await phaseSchemes({});
    expect(withoutConfirm.ok).toBe(false);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('is undone exactly, formats and text included', async () => {
    buildProgramme(workbook, 8);
    workbook.setCells('Programme', 'M2', [['=1+1']]);
    const sheet = workbook.model.findSheet('Programme');
    sheet!.touch(2, 13).numberFormat = '0.000';
    Object.assign(sheet!.touch(3, 12), { content: '=2+2', isFormula: false, quotePrefix: true });
    const before = workbook.snapshot();
    await phaseSchemes({ confirm: yes });
    expect(workbook.snapshot()).not.toEqual(before);
    expect(lastChange()).toEqual({ label: 'Phase schemes' });
    const undone = await undoLastChange();
    expect(undone.ok).toBe(true);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('phases only the selected rows when asked', async () => {
    buildProgramme(workbook, 6);
    workbook.select('Programme', 'D3:D4');
    const result = await phaseSchemes({ onlySelected: true, confirm: yes });
    expect(result.ok && result.value.phased).toBe(2);
    expect(workbook.read('Programme', 'M2:T2')[0].every((v) => v === '')).toBe(true);
    expect(workbook.read('Programme', 'M5:T5')[0].every((v) => v === '')).toBe(true);
  });

  it('reports a phrase outside the columns as an error on its cell', async () => {
    buildProgramme(workbook, 2);
    workbook.setCells('Programme', 'I2', [['2021/22 Q1']]);
    const result = await phaseSchemes({ confirm: yes });
    expect(result.ok && result.value.errors[0]).toMatchObject({ ref: 'CP-1', cell: 'I2' });
  });

  it('uses the same number of syncs for 100 and 10,000 schemes', async () => {
    const counts: number[] = [];
    for (const rows of [100, 10_000]) {
      workbook = installFakeExcel(globalThis);
      buildProgramme(workbook, rows);
      workbook.resetStats();
      const result = await phaseSchemes({ confirm: yes });
      expect(result.ok).toBe(true);
      counts.push(workbook.stats.syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  it('splits a write that would pass the request limit, and puts all back on cancel', async () => {
    buildProgramme(workbook, 400);
    const old = setRequestBudget(8 * 1024);
    try {
      workbook.payloadLimit = 16 * 1024;
      const before = workbook.snapshot();
      const controller = new AbortController();
      let chunks = 0;
      const result = await phaseSchemes({
        confirm: yes,
        signal: controller.signal,
        onProgress: () => (++chunks === 2 ? controller.abort() : undefined),
      });
      expect(result).toMatchObject({ ok: false, cancelled: true });
      expect(workbook.snapshot()).toEqual(before);
      const full = await phaseSchemes({ confirm: yes });
      expect(full.ok).toBe(true);
      expect(workbook.stats.largestRequestBytes).toBeLessThanOrEqual(16 * 1024);
    } finally {
      setRequestBudget(old);
    }
  });
});

describe('phaseSchemes on a programme too big for one response', () => {
  it('reads it in row chunks under the limit and phases every row', async () => {
    const workbook = installFakeExcel(globalThis, { payloadLimit: 64 * 1024 });
    forgetChanges();
    buildProgramme(workbook, 600);
    const old = setRequestBudget(32 * 1024);
    try {
      const result = await phaseSchemes({ confirm: async () => true });
      expect(result.ok && result.value.phased).toBe(500);
      expect(workbook.stats.largestResponseBytes).toBeLessThanOrEqual(64 * 1024);
      expect(workbook.stats.syncs).toBeGreaterThan(3);
      // CP-595 (a '2016/17 Q1' row, sheet row 596, in the last chunk): its whole budget in the first quarter.
      expect(workbook.read('Programme', 'I596')).toEqual([['2016/17 Q1']]);
      expect(workbook.read('Programme', 'M596')[0][0]).toBe(
        workbook.read('Programme', 'G596')[0][0],
      );
    } finally {
      setRequestBudget(old);
    }
  });
});
