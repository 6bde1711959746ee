import { fromNumber } from '../../money/decimal';
import { checkActuals, checkExplanations, checkSlippage } from '../inYearChecks';

const d = fromNumber;

describe('checkExplanations (unexplained-variance)', () => {
  it('finds a variance over the threshold with no explanation, at the explanation cell', () => {
    const findings = checkExplanations(
      [
        {
          ref: 'ICT-01',
          name: 'Refresh',
          inYearBudget: d(2.6),
          inYearForecast: d(2.0),
          source: { sheet: 'Monitoring', cell: 'P5' },
        },
        {
          ref: 'ICT-02',
          inYearBudget: d(2.6),
          inYearForecast: d(2.0),
          explanation: 'Supplier delay: slippage',
        },
        { ref: 'ICT-03', inYearBudget: d(2.6), inYearForecast: d(2.5) },
      ],
      { percent: 10 },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'unexplained-variance',
        severity: 'error',
        sheet: 'Monitoring',
        cell: 'P5',
      }),
    ]);
    expect(findings[0].message).toContain(
      'Refresh (ICT-01): the in-year budget of 2.6 is forecast at 2.0',
    );
  });

  it('also asks for an explanation of an all-years overspend over the threshold', () => {
    const findings = checkExplanations(
      [
        {
          ref: 'X',
          inYearBudget: d(1),
          inYearForecast: d(1),
          allYearsBudget: d(10),
          allYearsForecast: d(12),
        },
      ],
      { absolute: d(1) },
    );
    expect(findings[0].message).toContain('all-years budget of 10 is forecast at 12');
  });

  it('treats a blank explanation as none', () => {
    expect(
      checkExplanations(
        [{ ref: 'X', inYearBudget: d(1), inYearForecast: d(2), explanation: '   ' }],
        {},
      ),
    ).toHaveLength(1);
  });
});

describe('checkActuals (actuals-mismatch)', () => {
  const lines = [
    { ref: 'A', year: 2019, period: 2 as const, amount: d(0.4) },
    { ref: 'A', year: 2019, period: 7 as const, amount: d(0.35) },
    { ref: 'B', year: 2019, period: 7 as const, amount: d(1) },
  ];
  const at = { year: 2019, period: 8 as const };

  it('passes figures that match the Actuals table', () => {
    expect(
      checkActuals(
        [
          { ref: 'A', actualToDate: d(0.75) },
          { ref: 'B', actualToDate: d(1) },
        ],
        lines,
        at,
      ),
    ).toEqual([]);
  });

  it('finds a shown actual that does not match, with expected and actual', () => {
    const findings = checkActuals(
      [
        { ref: 'A', actualToDate: d(0.7), source: { sheet: 'Monitoring', cell: 'E5' } },
        { ref: 'B', actualToDate: d(1) },
      ],
      lines,
      at,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'actuals-mismatch',
        cell: 'E5',
        expected: '0.75',
        actual: '0.70',
      }),
    ]);
  });

  it('allows rounding when the figure is shown rounded, and no more', () => {
    expect(
      checkActuals(
        [
          { ref: 'A', actualToDate: d(0.8) },
          { ref: 'B', actualToDate: d(1) },
        ],
        lines,
        at,
        { decimals: 1 },
      ),
    ).toEqual([]);
    expect(
      checkActuals(
        [
          { ref: 'A', actualToDate: d(0.9) },
          { ref: 'B', actualToDate: d(1) },
        ],
        lines,
        at,
        { decimals: 1 },
      ),
    ).toHaveLength(1);
  });

  it('finds spend in the Actuals table for a scheme the sheet does not show', () => {
    const findings = checkActuals([{ ref: 'A', actualToDate: d(0.75) }], lines, at, {
      actualsSheet: 'Actuals',
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'actuals-mismatch', sheet: 'Actuals' }),
    ]);
    expect(findings[0].message).toContain('on B');
  });
});

describe('checkSlippage (slippage-mismatch)', () => {
  it('passes a split that adds up', () => {
    expect(
      checkSlippage([
        {
          ref: 'A',
          inYearVariance: d(0.6),
          slippage: d(0.5),
          underOverspend: d(0.1),
          allYearsVariance: d(0.1),
        },
      ]),
    ).toEqual([]);
  });

  it('finds slippage + under/overspend that is not the variance, at the slippage cell', () => {
    const findings = checkSlippage([
      {
        ref: 'A',
        inYearVariance: d(0.6),
        slippage: d(0.5),
        underOverspend: d(0.2),
        source: { sheet: 'M', cell: 'G5' },
      },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'slippage-mismatch',
        cell: 'G5',
        expected: '0.4',
        actual: '0.5',
      }),
    ]);
  });

  it('finds an under/overspend that is not the all-years variance', () => {
    const findings = checkSlippage([
      {
        ref: 'A',
        inYearVariance: d(0.6),
        slippage: d(0.4),
        underOverspend: d(0.2),
        allYearsVariance: d(0.1),
      },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('is not the all-years variance 0.1');
  });

  it('allows honest rounding of figures shown to one place', () => {
    // Exact 0.64 = 0.46 + 0.18 is shown 0.6 = 0.5 + 0.2.
    expect(
      checkSlippage(
        [{ ref: 'A', inYearVariance: d(0.6), slippage: d(0.5), underOverspend: d(0.2) }],
        { decimals: 1 },
      ),
    ).toEqual([]);
    expect(
      checkSlippage(
        [{ ref: 'A', inYearVariance: d(0.6), slippage: d(0.7), underOverspend: d(0.2) }],
        { decimals: 1 },
      ),
    ).toHaveLength(1);
  });
});
