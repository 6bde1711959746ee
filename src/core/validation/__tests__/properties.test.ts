import fc from 'fast-check';
import type { Grid } from '../../grid/types';
import { checkGrid } from '../checkGrid';

/** A generated programme: groups of schemes with figures as whole units of 10^-decimals. */
interface Programme {
  decimals: number;
  groups: { heading: boolean; rows: [number, number][] }[];
  grandTotal: boolean;
  origin: { row: number; column: number };
}

const programme: fc.Arbitrary<Programme> = fc.record({
  decimals: fc.integer({ min: 0, max: 3 }),
  groups: fc.array(
    fc.record({
      heading: fc.boolean(),
      rows: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 })),
        { minLength: 1, maxLength: 12 },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  grandTotal: fc.boolean(),
  origin: fc.record({
    row: fc.integer({ min: 0, max: 50 }),
    column: fc.integer({ min: 0, max: 30 }),
  }),
});

/** Lays the programme out as a sheet, totals computed exactly; returns the grid and its total rows. */
function layOut(p: Programme): { grid: Grid; totalRows: number[] } {
  const scale = 10 ** p.decimals;
  const figure = (units: number) => units / scale;
  const values: unknown[][] = [['Capital programme'], ['Scheme', 'Budget £m', 'Forecast £m']];
  const totalRows: number[] = [];
  const grand = [0, 0];
  p.groups.forEach((group, g) => {
    if (group.heading) values.push([`GROUP ${g + 1}`, '', '']);
    const sum = [0, 0];
    group.rows.forEach(([budget, forecast], i) => {
      values.push([`Scheme ${g + 1}.${i + 1}`, figure(budget), figure(forecast)]);
      sum[0] += budget;
      sum[1] += forecast;
    });
    totalRows.push(values.length);
    values.push(['Sub-total', figure(sum[0]), figure(sum[1])]);
    grand[0] += sum[0];
    grand[1] += sum[1];
  });
  if (p.grandTotal) {
    totalRows.push(values.length);
    values.push(['Grand total', figure(grand[0]), figure(grand[1])]);
  }
  const format = p.decimals === 0 ? '0' : `0.${'0'.repeat(p.decimals)}`;
  const numberFormats = values.map((row) => row.map(() => format));
  return { grid: { values, numberFormats, origin: p.origin }, totalRows };
}

const address = (origin: { row: number; column: number }, row: number, column: number) => {
  let letters = '';
  for (let n = origin.column + column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${origin.row + row + 1}`;
};

describe('properties of the total check', () => {
  it('never reports an error on a table whose totals are computed exactly', () => {
    fc.assert(
      fc.property(programme, (p) => {
        const { findings } = checkGrid(layOut(p).grid);
        return findings.every((finding) => finding.severity !== 'error');
      }),
      { numRuns: 300 },
    );
  });

  it('reports exactly one total-mismatch error, at the cell, when one total is pushed beyond rounding', () => {
    fc.assert(
      fc.property(programme, fc.nat(), fc.integer({ min: 1, max: 2 }), (p, pick, column) => {
        const { grid, totalRows } = layOut(p);
        const row = totalRows[pick % totalRows.length];
        const values = grid.values as unknown[][];
        // More than every figure above put together, so no reading of the total can match it.
        const everything = values.reduce(
          (sum, cells) => sum + (typeof cells[column] === 'number' ? (cells[column] as number) : 0),
          0,
        );
        values[row][column] = (values[row][column] as number) + Math.ceil(everything) + 1;
        const errors = checkGrid(grid).findings.filter((finding) => finding.severity === 'error');
        expect(errors).toEqual([
          expect.objectContaining({ rule: 'total-mismatch', cell: address(p.origin, row, column) }),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the line exactly at the tolerance: k x 0.5 x 10^-d passes, one unit more is an error', () => {
    const oneGroup = programme.map((p) => ({
      ...p,
      groups: p.groups.slice(0, 1),
      grandTotal: false,
    }));
    fc.assert(
      fc.property(oneGroup, fc.boolean(), (p, down) => {
        const { grid, totalRows } = layOut(p);
        const values = grid.values as unknown[][];
        const row = totalRows[0];
        const rows = p.groups[0].rows.length;
        // Tolerance in units of the last place: (rows + 1) x 0.5, rounded down to whole units.
        const allowed = Math.floor((rows + 1) / 2);
        const scale = 10 ** p.decimals;
        const at = (units: number) =>
          (Math.round((values[row][1] as number) * scale) + (down ? -units : units)) / scale;
        const original = values[row][1];
        values[row][1] = at(allowed);
        const inside = checkGrid(grid).findings.filter((finding) => finding.severity === 'error');
        values[row][1] = at(allowed + 1);
        const outside = checkGrid(grid).findings.filter((finding) => finding.severity === 'error');
        values[row][1] = original;
        expect(inside).toEqual([]);
        expect(outside).toEqual([
          expect.objectContaining({ rule: 'total-mismatch', cell: address(p.origin, row, 1) }),
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
