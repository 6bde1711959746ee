/**
 * Turning problems into the errors Excel shows in a cell.
 *
 * Only `#VALUE!` and `#N/A` carry a custom message in Excel, so a user's mistake becomes one of
 * those two with a message that says how to put it right. Outside Excel (tests, the browser
 * stand-in) `CustomFunctions` does not exist, so an object of the same shape is made instead.
 */
import { CapitalPlannerError } from '../core';

/** The two codes that show a message in Excel. */
export type CellErrorCode = '#VALUE!' | '#N/A';

/** What a custom function returns (or puts in a spilled array) for a problem. */
export interface CellError {
  readonly code: string;
  readonly message?: string;
}

/**
 * A problem with the arguments a user gave: becomes `#VALUE!` (or `#N/A` for a missing value)
 * with this message. Thrown only inside this folder and always caught by {@link runFunction}.
 */
export class ArgumentProblem extends Error {
  constructor(
    message: string,
    readonly code: CellErrorCode = '#VALUE!',
  ) {
    super(message);
    this.name = 'ArgumentProblem';
  }
}

class StandInCellError implements CellError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/**
 * Makes the error value for a cell: a real `CustomFunctions.Error` inside Excel.
 *
 * @example
 * cellError('#VALUE!', "Cannot read phasing 'next spring': write e.g. '2016/17 Q2-4'");
 */
export function cellError(code: CellErrorCode, message: string): CellError {
  // Excel truncates long messages; keep them readable in the error indicator.
  const shortMessage = message.length > 250 ? `${message.slice(0, 247)}...` : message;
  if (typeof CustomFunctions !== 'undefined' && CustomFunctions.Error) {
    const excelCode =
      code === '#N/A'
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(excelCode, shortMessage);
  }
  return new StandInCellError(code, shortMessage);
}

/**
 * True when a value is an error made by {@link cellError}.
 *
 * @example
 * isCellError(cellError('#N/A', 'No forecast yet')); // true
 */
export function isCellError(value: unknown): value is CellError {
  return (
    value instanceof StandInCellError ||
    (typeof CustomFunctions !== 'undefined' &&
      CustomFunctions.Error !== undefined &&
      value instanceof CustomFunctions.Error)
  );
}

/**
 * Converts anything thrown inside a custom function into a cell error, so nothing escapes to
 * Excel as an unhandled exception. Argument problems keep their message; an internal fault says
 * so plainly rather than showing a stack trace.
 *
 * @example
 * toCellError(new ArgumentProblem('decimals must be a whole number from 0 to 6'));
 */
export function toCellError(problem: unknown): CellError {
  if (problem instanceof ArgumentProblem) return cellError(problem.code, problem.message);
  if (problem instanceof CapitalPlannerError && problem.name === 'DecimalRangeError') {
    return cellError(
      '#VALUE!',
      'The amount is too large to calculate exactly: use a smaller unit (e.g. £m) or fewer decimals.',
    );
  }
  const detail = problem instanceof Error ? problem.message : String(problem);
  return cellError(
    '#VALUE!',
    `Capital Planner could not calculate this (${detail}). Please report it with the formula.`,
  );
}

/**
 * Runs the body of a custom function, returning a cell error instead of throwing.
 *
 * @example
 * export function total(values: unknown[][]) { return runFunction(() => sumOf(values)); }
 */
export function runFunction<T>(body: () => T): T | CellError {
  try {
    return body();
  } catch (problem) {
    return toCellError(problem);
  }
}

/**
 * Like {@link runFunction} for functions that spill: a problem with the whole call comes back as a
 * 1 x 1 block holding the error, which Excel shows in the formula's cell.
 *
 * @example
 * export function quarters(first: unknown, last: unknown) { return runMatrix(() => [labels(first, last)]); }
 */
export function runMatrix<T>(body: () => T[][]): (T | CellError)[][] {
  try {
    return body();
  } catch (problem) {
    return [[toCellError(problem)]];
  }
}
