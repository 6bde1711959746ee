/**
 * The contract every CAPITAL.* function keeps under hostile input (issues 3 and 7): it returns a
 * value or a `#VALUE!`/`#N/A` cell error with a message, never throws, spills only rectangular
 * blocks of cell values, and no cell-like input reaches the generic "could not calculate this ...
 * Please report it" answer (which means an internal fault was caught).
 */
import { CAPITAL_FUNCTIONS } from '../../src/functions/functions';
import { isCellError } from '../../src/functions/excelErrors';
import { FUNCTION_SPECS, type ParameterSpec } from '../../src/functions/signatures';
import type { HostileKind } from './hostileValues';

type AnyFunction = (...args: unknown[]) => unknown;
export type FunctionName = keyof typeof CAPITAL_FUNCTIONS;

export const QUARTER_HEADERS = FUNCTION_SPECS.PHASE.params[2].example as unknown as string[][];

/** A valid call of each function (the table's examples): the hostile value replaces one argument at a time. */
export const VALID_ARGUMENTS = Object.fromEntries(
  Object.entries(FUNCTION_SPECS).map(([name, spec]) => [
    name,
    (spec.params as readonly ParameterSpec[]).map((p) => p.example),
  ]),
) as Record<FunctionName, unknown[]>;

export const functionNames = Object.keys(CAPITAL_FUNCTIONS) as FunctionName[];

const INTERNAL_FAULT = /could not calculate this/;

/** Why a single result cell breaks the contract, or undefined when it keeps it. */
export function cellProblem(cell: unknown, kind?: HostileKind): string | undefined {
  if (isCellError(cell)) {
    if (cell.code !== '#VALUE!' && cell.code !== '#N/A') return `error code ${cell.code}`;
    if (typeof cell.message !== 'string' || cell.message.trim() === '') {
      return 'error without a message';
    }
    if (INTERNAL_FAULT.test(cell.message) && !kind?.notFromExcel) {
      return `internal fault: ${cell.message}`;
    }
    return undefined;
  }
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? undefined : `non-finite number ${cell}`;
  }
  if (typeof cell === 'string' || typeof cell === 'boolean') return undefined;
  return `not a cell value: ${Object.prototype.toString.call(cell)}`;
}

/** Why a whole result breaks the contract (spills must be rectangular), or undefined. */
export function resultProblem(result: unknown, kind?: HostileKind): string | undefined {
  if (!Array.isArray(result)) return cellProblem(result, kind);
  if (result.length === 0) return 'empty spill';
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  if (width < 1) return 'spill row is empty or not an array';
  for (const row of result) {
    if (!Array.isArray(row) || row.length !== width) return 'spill is not rectangular';
    for (const cell of row) {
      const problem = cellProblem(cell, kind);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Calls `fn`, catching a throw so the test can report it rather than stop. */
export function callSafely(
  fn: AnyFunction,
  args: unknown[],
): { result?: unknown; thrown?: unknown; threw: boolean } {
  try {
    return { result: fn(...args), threw: false };
  } catch (thrown) {
    return { thrown, threw: true };
  }
}

/**
 * Calls one function with each kind in each argument position; lists every broken contract and
 * counts the calls made.
 */
export function hostileFailures(
  name: FunctionName,
  kinds: readonly HostileKind[],
): { failures: string[]; calls: number } {
  const fn = CAPITAL_FUNCTIONS[name] as AnyFunction;
  const valid = VALID_ARGUMENTS[name];
  const failures: string[] = [];
  let calls = 0;
  // VERSION takes no argument: call it with each hostile value as a stray argument anyway.
  const positions = Math.max(valid.length, 1);
  for (let position = 0; position < positions; position++) {
    for (const kind of kinds) {
      const args = [...valid];
      args[position] = kind.make();
      const outcome = callSafely(fn, args);
      calls++;
      const problem = outcome.threw
        ? `threw ${outcome.thrown instanceof Error ? outcome.thrown.message : 'a non-error'}`
        : resultProblem(outcome.result, kind);
      if (problem) failures.push(`${name} argument ${position + 1} = ${kind.name}: ${problem}`);
    }
  }
  return { failures, calls };
}
