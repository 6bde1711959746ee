import { measureRoundTrips } from '../../../tests/support/fake-excel/roundTrips';

describe('round trips do not grow with the number of schemes', () => {
  it('uses the same syncs for 100 and 10,000 schemes, Check at most 3, highlights by findings', async () => {
    const small = await measureRoundTrips(100);
    const large = await measureRoundTrips(10_000);
    for (const action of ['setUp', 'phase', 'check', 'highlight'] as const)
      expect(large[action].syncs).toBe(small[action].syncs);
    expect(large.check.syncs).toBeLessThanOrEqual(3);
    // Phase writes whole blocks: its queued operations are the same whatever the rows.
    expect(large.phase.operations).toBe(small.phase.operations);
    expect(large.check.operations).toBe(small.check.operations);
    // Highlight: 100 findings vs 1: operations grow with findings (getRange + getCellProperties + load per cell), not with cells.
    expect(large.highlight.operations).toBeLessThan(small.highlight.operations + 99 * 3 + 10);
    expect(large.phase.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    // For the record (BENCHMARKS.md): printed by jest --verbose.
    console.log(JSON.stringify({ rows100: small, rows10000: large }));
  });
});

describe('the other actions also keep their syncs constant', () => {
  it('records revisions, makes forecast sheets and gathers them in the same syncs for 100 and 3,000 schemes', async () => {
    const { installFakeExcel } = await import('../../../tests/support/fake-excel');
    const { buildProgramme } = await import('../../../tests/support/fake-excel/programmeFixture');
    const { recordRevision } = await import('../recordRevision');
    const { generateForecastSheets } = await import('../forecastSheets');
    const { gatherForecasts } = await import('../monitoring');
    const syncs: Record<string, number[]> = { revision: [], forecasts: [], gather: [] };
    for (const rows of [100, 3000]) {
      const workbook = installFakeExcel(globalThis);
      buildProgramme(workbook, rows, { withRevisionsTable: true });
      const measure = async (name: string, action: () => Promise<{ ok: boolean }>) => {
        workbook.resetStats();
        expect((await action()).ok).toBe(true);
        syncs[name].push(workbook.stats.syncs);
      };
      await measure('revision', () =>
        recordRevision({
          ref: 'CP-1',
          date: { year: 2017, month: 1, day: 12 },
          kind: 'addition',
          amount: 0.42,
          reason: 'New module',
          reference: 'Cab',
        }),
      );
      await measure('forecasts', () => generateForecastSheets());
      await measure('gather', () => gatherForecasts());
    }
    for (const counts of Object.values(syncs)) expect(counts[0]).toBe(counts[1]);
    console.log(JSON.stringify(syncs));
  });
});
