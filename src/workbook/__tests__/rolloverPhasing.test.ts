import fc from 'fast-check';
import {
  compare,
  fromNumber,
  parseProfile,
  phaseAmount,
  quarterHeaders,
  readPeriodHeaders,
  sum,
  type Decimal,
} from '../../core';
import { planRollover } from '../rollover';
import { rephrased } from '../rolloverPhasing';

const d = fromNumber;
const columns = (() => {
  const labels = quarterHeaders(2016, 2019);
  if (!labels.ok) throw new Error(labels.message);
  const read = readPeriodHeaders(labels.value);
  if (!read.ok) throw new Error(read.message);
  return read.value;
})();
const zeros = () => columns.map(() => d(0));

/** What the task pane's Phase writes from a phrase and profile (src/excel/phaseSchemes.ts). */
function phase(total: Decimal, phrase: string, profile: string): Decimal[] {
  const weights = parseProfile(profile);
  if (!weights.ok) throw new Error(weights.message);
  const phased = phaseAmount(total, phrase, columns, { profile: weights.value, decimals: 2 });
  if (!phased.ok) throw new Error(phased.message);
  return phased.value.amounts;
}

describe('regression: after closing the year, Phase spread CP-003 back over 2016/17 and lost the £0.4m carried into 2017/18', () => {
  it('plans CP-003 a phrase and profile that give its new amounts, carried quarter included', () => {
    const periods = zeros();
    [0, 1, 2, 3].forEach((i) => (periods[i] = d(1.08)));
    const plan = planRollover({
      at: { year: 2016, period: 12 },
      columns,
      decimals: 2,
      schemes: [
        {
          ref: 'CP-003',
          periods,
          outturn: d(3.92),
          allYearsForecast: d(4.32),
          words: { phasing: '2016/17 Q1-4', profile: 'even' },
        },
      ],
    });
    if (!plan.ok) throw new Error(plan.message);
    const [{ amounts, words }] = plan.value.periods;
    expect(words).toEqual({ phasing: '2016/17 Q1 - 2017/18 Q1', profile: '49, 49, 49, 49, 20' });
    // The pane's Phase, run on the new words, writes exactly the amounts the rollover wrote.
    const again = phase(sum(amounts), words!.phasing, words!.profile);
    expect(again.map((amount, i) => compare(amount, amounts[i]))).toEqual(columns.map(() => 0));
    expect(compare(again[4], d(0.4))).toBe(0);
  });

  it('leaves a scheme’s words alone when they still give its amounts (an overspend spread evenly)', () => {
    const amounts = phase(d(1.25), '2016/17 Q2-4', 'even');
    expect(rephrased(amounts, columns, { phasing: '2016/17 Q2-4', profile: 'even' }, 2)).toBe(
      undefined,
    );
  });

  it('writes no words it cannot make give the amounts (a credit, nothing phased, year columns)', () => {
    const credit = zeros();
    credit[0] = d(1);
    credit[1] = d(-0.2);
    expect(rephrased(credit, columns, { phasing: '2016/17 Q1', profile: 'even' }, 2)).toBe(
      undefined,
    );
    expect(rephrased(zeros(), columns, { phasing: '2016/17 Q1', profile: 'even' }, 2)).toBe(
      undefined,
    );
    const years = readPeriodHeaders(['2016/17', '2017/18']);
    if (!years.ok) throw new Error(years.message);
    expect(rephrased([d(1), d(2)], years.value, { phasing: '2016/17', profile: 'even' }, 2)).toBe(
      undefined,
    );
  });

  it('gives, for any non-negative quarterly amounts, words from which Phase writes them back exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(50000), { minLength: columns.length, maxLength: columns.length }),
        (units) => {
          const amounts = units.map((unit): Decimal => ({ units: unit, scale: 2 }));
          if (units.every((unit) => unit === 0)) return;
          const words = rephrased(amounts, columns, { phasing: 'TBC', profile: 'even' }, 2);
          expect(words).toBeDefined();
          const again = phase(sum(amounts), words!.phasing, words!.profile);
          expect(again.map((amount, i) => compare(amount, amounts[i]))).toEqual(
            columns.map(() => 0),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
