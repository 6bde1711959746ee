/** Closing the year: outturn, carry-forward of slippage, and the next year made current. */
export { rollover } from './rollover';
export type { SchemeAtYearEnd, RolloverOptions, RolledScheme, Rollover } from './rollover';
