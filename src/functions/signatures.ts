/**
 * Every CAPITAL.* function's signature, declared once (in the way HyperFormula's function plugins
 * declare their arguments): each parameter's name, whether Excel passes it as a range
 * (`matrix`), whether it is optional and what it defaults to, whether the function works on it
 * cell by cell (`elementwise`), and one valid value. The JSDoc in functions.ts must agree with
 * this table (tests/functions/metadata.test.ts runs the metadata generator against it, and
 * checks the JSDoc text), and the hostile-input tests call each function with these values.
 */

/** One parameter of a custom function. */
export interface ParameterSpec {
  name: string;
  /** Excel passes a range (any[][]); otherwise one value. */
  matrix?: boolean;
  optional?: boolean;
  /** What a left-out optional argument means, as the JSDoc says it. */
  default?: string | number;
  /** The function works on this range cell by cell and spills a result per cell. */
  elementwise?: boolean;
  /** A valid argument, for tests. */
  example: unknown;
}

/** One custom function: its parameters and whether its result spills. */
export interface FunctionSpec {
  params: readonly ParameterSpec[];
  spills: boolean;
}

const startMonth: ParameterSpec = {
  name: 'start_month',
  optional: true,
  default: 4,
  example: null,
};
const convention: ParameterSpec = {
  name: 'convention',
  optional: true,
  default: 'budget-minus-forecast',
  example: null,
};
const budget: ParameterSpec = { name: 'budget', matrix: true, elementwise: true, example: [[10]] };
const forecast: ParameterSpec = {
  name: 'forecast',
  matrix: true,
  elementwise: true,
  example: [[12]],
};
const date: ParameterSpec = { name: 'date', matrix: true, elementwise: true, example: 43799 };

/** The signatures by Excel name, in the order the functions are listed. */
export const FUNCTION_SPECS = {
  PHASE: {
    spills: true,
    params: [
      { name: 'amount', matrix: true, elementwise: true, example: 1.1 },
      { name: 'phasing', matrix: true, elementwise: true, example: '2016/17 Q2-4' },
      {
        name: 'periods',
        matrix: true,
        example: [['2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4']],
      },
      { name: 'profile', optional: true, default: 'even', example: null },
      { name: 'decimals', optional: true, default: 2, example: null },
    ],
  },
  QUARTERS: {
    spills: true,
    params: [
      { name: 'first_year', example: 2016 },
      { name: 'last_year', example: 2019 },
      startMonth,
    ],
  },
  YEARS: {
    spills: true,
    params: [
      { name: 'first_year', example: 2016 },
      { name: 'last_year', example: 2019 },
      startMonth,
    ],
  },
  FISCALYEAR: { spills: true, params: [date, startMonth] },
  FISCALQUARTER: { spills: true, params: [date, startMonth] },
  FISCALPERIOD: { spills: true, params: [date, startMonth] },
  VARIANCE: {
    spills: true,
    params: [{ ...budget, example: [[4.245]] }, { ...forecast, example: [[4.1]] }, convention],
  },
  VARIANCEFLAG: {
    spills: true,
    params: [
      budget,
      forecast,
      { name: 'abs_threshold', optional: true, example: null },
      { name: 'pct_threshold', optional: true, example: 0.1 },
      convention,
    ],
  },
  RAG: {
    spills: true,
    params: [
      budget,
      { ...forecast, example: [[11.5]] },
      { name: 'amber_pct', example: 0.1 },
      { name: 'red_pct', example: 0.2 },
    ],
  },
  CHECKTOTAL: {
    spills: false,
    params: [
      { name: 'values', matrix: true, example: [[1.2], [2.6]] },
      { name: 'total', example: 3.8 },
      { name: 'decimals', optional: true, example: null },
    ],
  },
  TOTALDIFF: {
    spills: false,
    params: [
      { name: 'values', matrix: true, example: [[0.1], [0.2]] },
      { name: 'total', example: 0.3 },
    ],
  },
  REVISED: {
    spills: false,
    params: [
      { name: 'original', example: 3.1 },
      { name: 'changes', matrix: true, example: [[0.42], [0.875], [-0.15]] },
    ],
  },
  CHANGEPCT: {
    spills: false,
    params: [
      { name: 'original', example: 3.1 },
      { name: 'revised', example: 4.245 },
    ],
  },
  PARSEMONEY: {
    spills: true,
    params: [
      { name: 'text', matrix: true, elementwise: true, example: [['£1,250k']] },
      { name: 'unit', optional: true, default: '£', example: '£m' },
    ],
  },
  FORMATMONEY: {
    spills: true,
    params: [
      { name: 'amount', matrix: true, elementwise: true, example: [[1250000]] },
      { name: 'unit', optional: true, default: '£', example: '£k' },
      { name: 'decimals', optional: true, example: null },
      { name: 'brackets', optional: true, example: null },
    ],
  },
  CHECKPHASING: {
    spills: false,
    params: [
      { name: 'amount', example: 1.1 },
      { name: 'phased_row', matrix: true, example: [[0, 0.4, 0.4, 0.3]] },
      { name: 'decimals', optional: true, example: null },
    ],
  },
  PHASINGTEXT: {
    spills: true,
    params: [
      { name: 'phasing', matrix: true, elementwise: true, example: [['2017/18 - 2019/20']] },
    ],
  },
  VERSION: { spills: false, params: [] },
  INYEARBUDGET: {
    spills: false,
    params: [
      { name: 'phased_row', matrix: true, example: [[0.5, 0.7, 0.6, 0.8]] },
      {
        name: 'periods',
        matrix: true,
        example: [['2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4']],
      },
      { name: 'year', example: '2016/17' },
      startMonth,
    ],
  },
  PROFILEDTODATE: {
    spills: false,
    params: [
      { name: 'phased_row', matrix: true, example: [[100, 100, 100, 100]] },
      {
        name: 'periods',
        matrix: true,
        example: [['2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4']],
      },
      { name: 'period', example: '2016/17 P8' },
      { name: 'year', optional: true, example: null },
      { name: 'decimals', optional: true, default: 2, example: null },
      startMonth,
    ],
  },
  SLIPPAGE: {
    spills: true,
    params: [
      { name: 'in_year_budget', matrix: true, elementwise: true, example: [[2.4]] },
      { name: 'in_year_forecast', matrix: true, elementwise: true, example: [[1.8]] },
      { name: 'all_years_budget', matrix: true, elementwise: true, example: [[6.6]] },
      { name: 'all_years_forecast', matrix: true, elementwise: true, example: [[6.5]] },
    ],
  },
  MRP: {
    spills: false,
    params: [
      { name: 'amount', example: 1000 },
      { name: 'life', example: 3 },
      { name: 'year_number', example: 2 },
      { name: 'method', optional: true, default: 'straight-line', example: null },
      { name: 'rate', optional: true, example: null },
      { name: 'decimals', optional: true, default: 2, example: null },
    ],
  },
  BORROWINGCOST: {
    spills: false,
    params: [
      { name: 'amount', example: 1000 },
      { name: 'rate', example: 0.05 },
      { name: 'life', example: 2 },
      { name: 'year_number', example: 1 },
      { name: 'method', optional: true, default: 'straight-line', example: null },
      { name: 'decimals', optional: true, default: 2, example: null },
    ],
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTION_SPECS;
