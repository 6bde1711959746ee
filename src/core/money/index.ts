/** Money: exact decimals, allocation, units, and money as councils print it. */
export type { Decimal } from './decimal';
export {
  MAX_SCALE,
  ZERO,
  abs,
  add,
  atScale,
  compare,
  decimal,
  decimalPlaces,
  equals,
  formatDecimal,
  fromNumber,
  isZero,
  multiplyByInteger,
  negate,
  normalise,
  parseDecimalText,
  pow10,
  roundTo,
  shiftPoint,
  subtract,
  sum,
  toNumber,
  tryFromNumber,
} from './decimal';
export { allocate } from './allocate';
export type { MoneyUnit } from './units';
export { MONEY_UNITS, convertUnit, unitExponent, unitFromHeader } from './units';
export type { ParseMoneyOptions, ParsedMoney } from './parse';
export { MAX_MONEY_TEXT_LENGTH, parseMoney } from './parse';
export type { FormatMoneyOptions } from './format';
export { formatMoney, numberFormatFor } from './format';
export { multiplyRounded, scaleByRatio } from './ratio';
