/**
 * Slippage on a real monitor: Bath & North East Somerset's capital monitors (tests/corpus) print
 * "Planned Rephasing to later years" beside the forecast and the programme for the year. With no
 * change to the all-years forecast, the whole in-year variance is slippage, and the engine's split
 * gives the printed rephasing on every row; `checkSlippage` passes the printed figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSlippage, splitVariance } from '../../src/core/monitoring';
import { toA1 } from '../../src/core/grid/address';
import {
  type Decimal,
  ZERO,
  abs,
  compare,
  fromNumber,
  subtract,
} from '../../src/core/money/decimal';
import { parseMoney } from '../../src/core/money/parse';

function figure(text: string): Decimal {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return ZERO;
  const read = parseMoney(trimmed, { unit: '£k', assumedUnit: '£k' });
  if (!read.ok) throw new Error(`corpus figure ${text}: ${read.message}`);
  return read.value.value;
}

describe.each(['bathnes-2005-09-capital-monitor', 'bathnes-2004-09-capital-monitor'])(
  '%s',
  (id) => {
    const { grid } = JSON.parse(
      readFileSync(join(__dirname, '..', 'corpus', 'tables', `${id}.json`), 'utf8'),
    ) as { grid: string[][] };
    // Columns: E forecast for the year, F programmed for the year, G planned rephasing.
    const rows = grid
      .map((row, index) => ({ row, index }))
      .filter(
        ({ row }) =>
          row[0] !== '' && /^\(?[\d,]+\)?$/.test(row[4]) && /^\(?[\d,]+\)?$/.test(row[5]),
      );

    it('splits each portfolio’s variance into the printed rephasing (within rounding) when the all-years forecast holds', () => {
      expect(rows.length).toBeGreaterThan(5);
      for (const { row } of rows) {
        const forecast = figure(row[4]);
        const programme = figure(row[5]);
        const split = splitVariance({
          inYearBudget: programme,
          inYearForecast: forecast,
          allYearsBudget: ZERO,
          allYearsForecast: ZERO,
        });
        // Figures are printed to £'000: three figures may each be off by half a unit.
        const off = abs(subtract(split.slippage, figure(row[6])));
        expect([row[0], compare(off, fromNumber(1.5)) <= 0]).toEqual([row[0], true]);
      }
    });

    it('passes the printed split through the slippage-mismatch check', () => {
      const stated = rows.map(({ row, index }) => ({
        ref: row[0],
        inYearVariance: subtract(figure(row[5]), figure(row[4])),
        slippage: figure(row[6]),
        underOverspend: ZERO,
        allYearsVariance: ZERO,
        source: { sheet: 'Monitor', cell: toA1(index, 6) },
      }));
      expect(checkSlippage(stated, { decimals: 0 })).toEqual([]);
      // A rephasing mistyped by 10 is found at its cell.
      stated[1] = { ...stated[1], slippage: subtract(stated[1].slippage, figure('10')) };
      expect(checkSlippage(stated, { decimals: 0 })).toEqual([
        expect.objectContaining({ rule: 'slippage-mismatch', cell: stated[1].source.cell }),
      ]);
    });
  },
);
