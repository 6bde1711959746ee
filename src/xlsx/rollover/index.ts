/** Closing the year on a workbook file: reading what it needs, and applying the plan to a copy. */
export { readRolloverInput } from './readRollover';
export type { ProgrammeLayout } from './readRollover';
export { applyRollover } from './applyRollover';
export { closeYear } from './closeYear';
