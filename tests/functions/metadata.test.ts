/**
 * The JSDoc in src/functions/functions.ts is the contract Excel sees: this runs the same metadata
 * generator as the build and checks what it declares for every function.
 */
import * as path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functionsModule from '../../src/functions/functions';

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const source = path.join(__dirname, '../../src/functions/functions.ts');

/** Expected signature of each function: parameter names, which spill-capable (matrix) and which optional. */
const EXPECTED: Record<string, { params: string[]; matrix: string[]; optional: string[]; spills: boolean }> = {
  PHASE: { params: ['amount', 'phasing', 'periods', 'profile', 'decimals'], matrix: ['amount', 'phasing', 'periods'], optional: ['profile', 'decimals'], spills: true },
  QUARTERS: { params: ['first_year', 'last_year', 'start_month'], matrix: [], optional: ['start_month'], spills: true },
  YEARS: { params: ['first_year', 'last_year', 'start_month'], matrix: [], optional: ['start_month'], spills: true },
  FISCALYEAR: { params: ['date', 'start_month'], matrix: ['date'], optional: ['start_month'], spills: true },
  FISCALQUARTER: { params: ['date', 'start_month'], matrix: ['date'], optional: ['start_month'], spills: true },
  FISCALPERIOD: { params: ['date', 'start_month'], matrix: ['date'], optional: ['start_month'], spills: true },
  VARIANCE: { params: ['budget', 'forecast', 'convention'], matrix: ['budget', 'forecast'], optional: ['convention'], spills: true },
  VARIANCEFLAG: { params: ['budget', 'forecast', 'abs_threshold', 'pct_threshold', 'convention'], matrix: ['budget', 'forecast'], optional: ['abs_threshold', 'pct_threshold', 'convention'], spills: true },
  RAG: { params: ['budget', 'forecast', 'amber_pct', 'red_pct'], matrix: ['budget', 'forecast'], optional: [], spills: true },
  CHECKTOTAL: { params: ['values', 'total', 'decimals'], matrix: ['values'], optional: ['decimals'], spills: false },
  TOTALDIFF: { params: ['values', 'total'], matrix: ['values'], optional: [], spills: false },
  REVISED: { params: ['original', 'changes'], matrix: ['changes'], optional: [], spills: false },
  CHANGEPCT: { params: ['original', 'revised'], matrix: [], optional: [], spills: false },
  PARSEMONEY: { params: ['text', 'unit'], matrix: ['text'], optional: ['unit'], spills: true },
  FORMATMONEY: { params: ['amount', 'unit', 'decimals', 'brackets'], matrix: ['amount'], optional: ['unit', 'decimals', 'brackets'], spills: true },
  CHECKPHASING: { params: ['amount', 'phased_row', 'decimals'], matrix: ['phased_row'], optional: ['decimals'], spills: false },
  PHASINGTEXT: { params: ['phasing'], matrix: ['phasing'], optional: [], spills: true },
  VERSION: { params: [], matrix: [], optional: [], spills: false },
  INYEARBUDGET: { params: ['phased_row', 'periods', 'year', 'start_month'], matrix: ['phased_row', 'periods'], optional: ['start_month'], spills: false },
  PROFILEDTODATE: { params: ['phased_row', 'periods', 'period', 'year', 'decimals', 'start_month'], matrix: ['phased_row', 'periods'], optional: ['year', 'decimals', 'start_month'], spills: false },
  SLIPPAGE: { params: ['in_year_budget', 'in_year_forecast', 'all_years_budget', 'all_years_forecast'], matrix: ['in_year_budget', 'in_year_forecast', 'all_years_budget', 'all_years_forecast'], optional: [], spills: true },
  MRP: { params: ['amount', 'life', 'year_number', 'method', 'rate', 'decimals'], matrix: [], optional: ['method', 'rate', 'decimals'], spills: false },
  BORROWINGCOST: { params: ['amount', 'rate', 'life', 'year_number', 'method', 'decimals'], matrix: [], optional: ['method', 'decimals'], spills: false },
};

let metadata: FunctionMetadata[];
let errors: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(source, false);
  errors = generated.errors;
  metadata = JSON.parse(generated.metadataJson).functions;
}, 60_000);

describe('functions.json generated from functions.ts', () => {
  it('generates without errors', () => {
    expect(errors).toEqual([]);
  });

  it('declares exactly the expected functions', () => {
    expect(metadata.map((fn) => fn.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('declares every exported function of functions.ts', () => {
    const exported = Object.entries(functionsModule).filter(([, value]) => typeof value === 'function');
    expect(exported.length).toBe(metadata.length);
    // Each Excel name maps to an exported function (the map the stand-in and tests use).
    for (const fn of metadata) {
      expect(typeof (functionsModule.CAPITAL_FUNCTIONS as Record<string, unknown>)[fn.id]).toBe('function');
    }
  });

  it.each(Object.entries(EXPECTED))('%s has its parameters, types, optional flags and descriptions', (id, expected) => {
    const fn = metadata.find((candidate) => candidate.id === id)!;
    expect(fn.name).toBe(id);
    expect(fn.description && fn.description.length).toBeGreaterThan(15);
    expect(fn.parameters.map((p) => p.name)).toEqual(expected.params);
    for (const parameter of fn.parameters) {
      expect(parameter.description && parameter.description.length).toBeGreaterThan(5);
      expect(parameter.dimensionality ?? 'scalar').toBe(expected.matrix.includes(parameter.name) ? 'matrix' : 'scalar');
      expect(Boolean(parameter.optional)).toBe(expected.optional.includes(parameter.name));
      // Every argument is read and checked by the function itself, so Excel passes it as given.
      expect(parameter.type).toBe('any');
    }
    // Optional parameters come last, as Excel requires.
    const firstOptional = fn.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(fn.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    expect(fn.result.dimensionality === 'matrix').toBe(expected.spills);
  });
});
