/**
 * Writes quarters back as the shortest phrase a report would print. The output always reads back
 * to the same quarters through `parsePhasing`.
 */
import {
  DEFAULT_START_MONTH,
  formatFiscalQuarter,
  formatFiscalYear,
  quarterFromIndex,
  quarterIndex,
  type FiscalQuarter,
  type Month,
} from '../calendar';
import type { Phasing } from './types';

function formatRun(start: number, end: number, startMonth: Month): string {
  const from = quarterFromIndex(start);
  const to = quarterFromIndex(end);
  if (from.quarter === 1 && to.quarter === 4) {
    if (from.year === to.year) return formatFiscalYear(from.year, startMonth);
    // The end of a span is the last year as its label ends: 2017-20 ends with 2019/20.
    const endLabelYear = startMonth === 1 ? to.year : to.year + 1;
    const end =
      endLabelYear - from.year <= 50
        ? String(endLabelYear % 100).padStart(2, '0')
        : String(endLabelYear);
    return `${from.year}-${end}`;
  }
  if (from.year === to.year) {
    const year = formatFiscalYear(from.year, startMonth);
    return from.quarter === to.quarter
      ? `${year} Q${from.quarter}`
      : `${year} Q${from.quarter}-${to.quarter}`;
  }
  return `${formatFiscalQuarter(from, startMonth)} - ${formatFiscalQuarter(to, startMonth)}`;
}

/**
 * Writes phasing as its canonical phrase: runs of quarters compactly (`2016/17 Q2-4`,
 * `2017/18 Q4 - 2019/20 Q1`, `2016/17` for a whole year, `2017-20` for whole years), several runs
 * joined by `, ` and a final ` and `. Not phased (or no quarters) is written `TBC`.
 *
 * @example
 * formatPhasing([{ year: 2016, quarter: 2 }, { year: 2016, quarter: 3 }, { year: 2016, quarter: 4 }]); // '2016/17 Q2-4'
 * formatPhasing({ kind: 'not phased' }); // 'TBC'
 */
export function formatPhasing(
  phasing: Phasing | readonly FiscalQuarter[],
  startMonth: Month = DEFAULT_START_MONTH,
): string {
  const quarters = Array.isArray(phasing)
    ? (phasing as readonly FiscalQuarter[])
    : (phasing as Phasing).kind === 'phased'
      ? (phasing as { quarters: readonly FiscalQuarter[] }).quarters
      : [];
  if (quarters.length === 0) return 'TBC';
  const indexes = quarters.map(quarterIndex).sort((a, b) => a - b);
  const runs: string[] = [];
  let start = indexes[0];
  let previous = start;
  for (let i = 1; i <= indexes.length; i++) {
    const index = indexes[i];
    if (index === previous || index === previous + 1) {
      previous = index;
      continue;
    }
    runs.push(formatRun(start, previous, startMonth));
    start = previous = index;
  }
  return runs.length === 1
    ? runs[0]
    : `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
}
