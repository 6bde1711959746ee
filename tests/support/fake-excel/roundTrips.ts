/**
 * Round trips of the task pane's actions on programmes of a given size, measured with the fake's
 * counters (issue 6, item 3). Used by the adapter tests and available to `bench/`.
 *
 * @example
 * const figures = await measureRoundTrips(10_000);
 * figures.check.syncs; // 2
 */
import { checkProgramme } from '../../../src/excel/checks';
import { forgetHighlights, highlightFindings } from '../../../src/excel/highlights';
import { phaseSchemes } from '../../../src/excel/phaseSchemes';
import { setUpProgramme } from '../../../src/excel/setUpProgramme';
import type { Finding } from '../../../src/excel/types';
import { forgetChanges } from '../../../src/excel/undo';
import { type FakePlatform, type FakeStats, installFakeExcel } from './index';
import { buildProgramme } from './programmeFixture';

export interface RoundTrips {
  syncs: number;
  operations: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
}

export type ActionName = 'setUp' | 'phase' | 'check' | 'highlight';

function figures(stats: FakeStats): RoundTrips {
  return {
    syncs: stats.syncs,
    operations: stats.operations,
    largestRequestBytes: stats.largestRequestBytes,
    largestResponseBytes: stats.largestResponseBytes,
  };
}

/**
 * Runs Set up, Phase, Check and Highlight (one finding per 100 rows) against a fresh fake workbook
 * of `rows` schemes on Excel on the web (default) or desktop, and returns each action's syncs,
 * queued operations and largest request.
 */
export async function measureRoundTrips(
  rows: number,
  platform: FakePlatform = 'web',
): Promise<Record<ActionName, RoundTrips>> {
  forgetChanges();
  forgetHighlights();
  let workbook = installFakeExcel(globalThis, { platform });
  await setUpProgramme({
    firstYear: 2016,
    lastYear: 2019,
    periods: 'quarter',
    unit: '£m',
    withSample: true,
  });
  const setUp = figures(workbook.stats);

  workbook = installFakeExcel(globalThis, { platform });
  buildProgramme(workbook, rows);
  workbook.resetStats();
  const phased = await phaseSchemes({ confirm: async () => true });
  if (!phased.ok) throw new Error(phased.message);
  const phase = figures(workbook.stats);

  workbook.resetStats();
  const checked = await checkProgramme();
  if (!checked.ok) throw new Error(checked.message);
  const check = figures(workbook.stats);

  const findings: Finding[] = Array.from(
    { length: Math.max(1, Math.floor(rows / 100)) },
    (_, i) => ({
      rule: 'unphased',
      severity: 'warning',
      sheet: 'Programme',
      cell: `I${i * 100 + 2}`,
      message: 'not phased',
    }),
  );
  workbook.resetStats();
  const lit = await highlightFindings(findings);
  if (!lit.ok) throw new Error(lit.message);
  const highlight = figures(workbook.stats);
  return { setUp, phase, check, highlight };
}
