/**
 * Typed errors for broken contracts inside the program.
 *
 * These are bugs, never a user's mistake: a problem in the user's data is returned as a
 * {@link Finding} or a `{ ok: false, message }` result instead (see DESIGN.md, "Error model").
 * Faces catch these at their boundary so that nothing reaches a user as an unhandled exception.
 */
export class CapitalPlannerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument broke a function's documented contract (e.g. an empty list of weights). */
export class ContractError extends CapitalPlannerError {}

/** An exact decimal left the range that safe integers can hold exactly (about ±9e15 minor units). */
export class DecimalRangeError extends CapitalPlannerError {}

/**
 * Throws a {@link ContractError} when `condition` is false.
 *
 * @example
 * assertContract(weights.length > 0, 'allocate needs at least one weight');
 */
export function assertContract(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractError(message);
}
