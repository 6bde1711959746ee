/**
 * Bringing in a programme as councils print it: quarter markers under period columns, status
 * headings, continuation rows, repeated headers and totals (issue 18).
 */
export { readMarker, type MarkerReading } from './markers';
export { phraseForMarkedQuarters } from './markerPhrase';
export { readPeriodHeading, yearAbove, type PeriodHeading } from './periodHeadings';
export {
  readPrintedProgramme,
  type PrintedColumn,
  type PrintedColumnRole,
  type PrintedProgramme,
  type PrintedProgrammeOptions,
  type PrintedScheme,
  type PrintedTotal,
} from './printedProgramme';
