/**
 * The fiscal calendar: years, quarters and periods of a financial year with a configurable start
 * month, Excel serial dates, and the labels reports write.
 */
export type {
  CalendarDate,
  DateSystem,
  FiscalPeriod,
  FiscalQuarter,
  FiscalYear,
  Month,
  PeriodColumn,
  Quarter,
} from './types';
export { DEFAULT_START_MONTH, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from './types';
export { dateFromDayNumber, dayNumber, daysInMonth, isLeapYear, isValidDate } from './days';
export { dateToSerial, serialToDate } from './serial';
export { parseDateText, readDate } from './dateText';
export { MONTH_NAMES, readMonth, resolveStartMonth } from './options';
export {
  compareFiscalQuarters,
  fiscalPeriodOf,
  fiscalQuarterOf,
  fiscalYearOf,
  fiscalYearStart,
  quarterFromIndex,
  quarterIndex,
} from './fiscal';
export {
  MAX_HEADER_YEARS,
  TWO_DIGIT_YEAR_PIVOT,
  expandTwoDigitYear,
  formatFiscalQuarter,
  formatFiscalYear,
  parseFiscalQuarter,
  parseFiscalYear,
  quarterHeaders,
} from './labels';
export { formatPeriodColumn, quartersOfColumn, readPeriodHeaders } from './headers';
