/**
 * The phrase written back for the quarters a scheme's markers show.
 */
import { formatFiscalYear, type FiscalQuarter, type Month } from '../calendar';
import { formatPhasing } from '../phasing';

/**
 * The shortest phrase for the quarters, as `formatPhasing` writes it (`2016/17 Q1-2`,
 * `2017/18 Q1 - 2019/20 Q1`, `2017-20`, `2016/17 Q4 and 2019/20 Q4`; `TBC` for none), except that
 * one whole year on its own is written `2016/17 Q1-4`, as the printed tables mark it (Manchester's
 * Table 1; issue 18 and DOMAIN.md write it so). Both read back to the same four quarters.
 *
 * @example
 * phraseForMarkedQuarters([{ year: 2016, quarter: 2 }, { year: 2016, quarter: 3 }]); // '2016/17 Q2-3'
 * phraseForMarkedQuarters([1, 2, 3, 4].map((quarter) => ({ year: 2016, quarter }))); // '2016/17 Q1-4'
 */
export function phraseForMarkedQuarters(
  quarters: readonly FiscalQuarter[],
  startMonth: Month = 4,
): string {
  const phrase = formatPhasing(quarters, startMonth);
  if (quarters.length === 0) return phrase;
  const years = new Set(quarters.map((q) => q.year));
  const runs = phrase.split(/, | and /);
  return runs.reduce((written, run) => {
    for (const year of years) {
      if (run !== formatFiscalYear(year, startMonth)) continue;
      // Only the run itself is rewritten: the boundaries are ', ', ' and ' or the phrase's ends.
      return written.replace(
        new RegExp(`(^|, | and )${run.replace(/[/]/g, '\\/')}(?=$|, | and )`),
        `$1${run} Q1-4`,
      );
    }
    return written;
  }, phrase);
}
