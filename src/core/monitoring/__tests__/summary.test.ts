import { type Decimal, decimal, equals, formatDecimal, fromNumber } from '../../money/decimal';
import { ALL_AREAS, NO_AREA, summariseMonitoring } from '../summary';
import type { MonitoringRow } from '../types';

const d = fromNumber;
const shown = (value: Decimal) => formatDecimal(value);

const rows: MonitoringRow[] = [
  {
    area: 'Technology refresh',
    scheme: 'Servers',
    approvedBudget: d(3.9),
    forecastOutturn: d(4.8),
  },
  { area: 'Compliance', scheme: 'PSN', approvedBudget: d(2.6), forecastOutturn: d(2.6) },
  {
    area: 'Technology refresh',
    scheme: 'Laptops',
    approvedBudget: d(1.0),
    revisedBudget: d(1.2),
    forecastOutturn: d(0.9),
  },
  { area: ' ', scheme: 'Unassigned', approvedBudget: d(0.6), forecastOutturn: d(0.6) },
];

describe('summariseMonitoring', () => {
  const summary = summariseMonitoring(rows, {
    thresholds: { percent: 10 },
    rag: { amberPercent: 5, redPercent: 20 },
  });

  it('totals each area in the order areas first appear, blank areas under No area', () => {
    expect(summary.areas.map((a) => a.area)).toEqual(['Technology refresh', 'Compliance', NO_AREA]);
    const tech = summary.areas[0];
    expect([
      tech.schemes,
      shown(tech.budget),
      shown(tech.forecastOutturn),
      shown(tech.variance),
    ]).toEqual([2, '5.1', '5.7', '-0.6']);
  });

  it('uses the revised budget where there is one', () => {
    // 3.9 + 1.2 (revised), not 3.9 + 1.0 (approved)
    expect(shown(summary.areas[0].budget)).toBe('5.1');
  });

  it('counts schemes by status and RAG, each on its own figures', () => {
    expect(summary.areas[0].byStatus).toEqual({ 'On target': 0, Underspend: 1, Overspend: 1 });
    expect(summary.areas[0].byRag).toEqual({ Green: 1, Amber: 0, Red: 1 });
    expect(summary.overall.byStatus).toEqual({ 'On target': 2, Underspend: 1, Overspend: 1 });
    expect(summary.overall.byRag).toEqual({ Green: 3, Amber: 0, Red: 1 });
  });

  it('totals the whole programme', () => {
    expect(summary.overall.area).toBe(ALL_AREAS);
    expect([
      summary.overall.schemes,
      shown(summary.overall.budget),
      shown(summary.overall.forecastOutturn),
      shown(summary.overall.variance),
    ]).toEqual([4, '8.3', '8.9', '-0.6']);
  });

  it('signs variance totals by the convention', () => {
    const opposite = summariseMonitoring(rows, { convention: 'forecast-minus-budget' });
    expect(shown(opposite.overall.variance)).toBe('0.6');
  });

  it('leaves RAG counts out when no RAG limits are given, and flags any variance with no thresholds', () => {
    const plain = summariseMonitoring(rows);
    expect(plain.overall.byRag).toBeUndefined();
    expect(plain.overall.byStatus).toEqual({ 'On target': 2, Underspend: 1, Overspend: 1 });
  });

  it('adds ten thousand figures of 0.1 to exactly 1000', () => {
    const many = Array.from({ length: 10_000 }, () => ({
      approvedBudget: d(0.1),
      forecastOutturn: d(0.1),
    }));
    expect(equals(summariseMonitoring(many).overall.budget, decimal(1000))).toBe(true);
  });

  it('summarises no rows as zero totals', () => {
    const empty = summariseMonitoring([]);
    expect(empty.areas).toEqual([]);
    expect(empty.overall.schemes).toBe(0);
    expect(shown(empty.overall.variance)).toBe('0');
  });
});
