/**
 * Hostile-input fuzzing of money parsing and formatting (issue 7): at least 10,000 cases each.
 */
import fc from 'fast-check';
import { parseMoney } from '../parse';
import { formatMoney, type FormatMoneyOptions } from '../format';
import { MONEY_UNITS, convertUnit, unitExponent, unitFromHeader, type MoneyUnit } from '../units';
import { MAX_SCALE, decimal, equals, roundTo, type Decimal } from '../decimal';
import { DecimalRangeError } from '../../errors';

const RUNS = 10_000;
// Properties return booleans rather than call jest's expect: far faster over 10,000 runs, and
// fast-check still reports the smallest failing input.

const unit = fc.constantFrom<MoneyUnit>(...MONEY_UNITS);

// Pieces of printed money, so that random strings often come close to valid amounts.
const moneyPiece = fc.constantFrom(
  ...'0123456789£,.()-+ kmKMb'.split(''),
  '\u2212', // minus sign
  '\u2013', // en dash
  '\u00a0', // non-breaking space
  '\u2009', // thin space
  '\u202f', // narrow no-break space
  'bn',
  'million',
  'c',
  'circa ',
  'c. ',
  '%',
  '$',
  "'",
  '\u{1F4B7}',
);
const hostileText = fc.oneof(
  fc.string({ unit: moneyPiece, maxLength: 30 }),
  fc.string({
    unit: fc.oneof(moneyPiece, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength: 40,
  }),
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

const MESSAGE_SHAPE = /^Cannot read .* as money: .*write e\.g\. £1,250k, 0\.3 or \(0\.3\)$/su;

/** 10^n as a bigint, built from text so it is exact for any n. */
function bigPow10(n: number): bigint {
  return BigInt(`1${'0'.repeat(n)}`);
}

function isValidDecimal(value: Decimal): boolean {
  return (
    Number.isSafeInteger(value.units) &&
    Number.isInteger(value.scale) &&
    value.scale >= 0 &&
    value.scale <= MAX_SCALE
  );
}

describe('parseMoney on hostile text', () => {
  it('never throws, and returns an exact value or a message that says how to write it', () => {
    fc.assert(
      fc.property(
        hostileText,
        unit,
        fc.option(unit, { nil: undefined }),
        (text, target, assumed) => {
          const result = parseMoney(text, { unit: target, assumedUnit: assumed });
          if (result.ok) {
            return (
              isValidDecimal(result.value.value) &&
              !Object.is(result.value.value.units, -0) &&
              Number.isInteger(result.value.shownDecimals)
            );
          }
          return MESSAGE_SHAPE.test(result.message);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads back whatever it accepted, once written out again (parse -> format -> parse is stable)', () => {
    fc.assert(
      fc.property(hostileText, unit, (text, target) => {
        const first = parseMoney(text, { unit: target });
        if (!first.ok) return true;
        const { value, circa } = first.value;
        const written = formatMoney(value, { unit: target, circa });
        const again = parseMoney(written, { unit: target });
        return (
          again.ok &&
          equals(again.value.value, value) &&
          again.value.circa === circa &&
          formatMoney(again.value.value, { unit: target, circa }) === written
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on hostile headers, and finds a unit only where a £ is written', () => {
    fc.assert(
      fc.property(hostileText, (header) => {
        const found = unitFromHeader(header);
        return found === undefined || header.includes('£');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseMoney on printed money', () => {
  // Amounts built the way reports print them, with the value each stands for worked out in bigint.
  const printed = fc
    .record({
      circa: fc.constantFrom('', 'c', 'c. ', 'circa ', 'C', 'approx. '),
      sign: fc.constantFrom('', '-', '\u2212', '\u2013', '+', '()'),
      pound: fc.constantFrom('', '£', '£ '),
      whole: fc.bigInt({ min: 0n, max: 10_000_000_000_000n }),
      separator: fc.constantFrom('', ',', ' ', '\u00a0', '\u2009', '\u202f'),
      fraction: fc.option(fc.stringMatching(/^[0-9]{0,6}$/), { nil: undefined }),
      suffix: fc.constantFrom('', 'k', 'm', 'bn', ' million', ' bn', 'K', 'M', 'B'),
      padding: fc.constantFrom('', ' ', '\u00a0', '\t'),
    })
    .map((parts) => {
      const wholeText = parts.whole.toString().replace(/\B(?=(\d{3})+$)/g, parts.separator);
      const figure = `${parts.pound}${wholeText}${parts.fraction === undefined ? '' : `.${parts.fraction}`}${parts.suffix}`;
      const signed = parts.sign === '()' ? `(${figure})` : `${parts.sign}${figure}`;
      const exponent = /bn|B/.test(parts.suffix)
        ? 9
        : /m|M/.test(parts.suffix)
          ? 6
          : /k|K/.test(parts.suffix)
            ? 3
            : 0;
      const fraction = parts.fraction ?? '';
      const negative = parts.sign !== '' && parts.sign !== '+';
      return {
        text: `${parts.padding}${parts.circa}${signed}${parts.padding}`,
        digits: BigInt(`${parts.whole}${fraction}`),
        places: fraction.length,
        exponent,
        negative,
        circa: parts.circa !== '',
      };
    });

  it('reads every printed amount to exactly the value it stands for, in pounds', () => {
    fc.assert(
      fc.property(printed, ({ text, digits, places, exponent, negative, circa }) => {
        const parsed = parseMoney(text);
        // value in pounds = digits * 10^(exponent - places)
        const units = exponent >= places ? digits * bigPow10(exponent - places) : digits;
        const scale = Math.max(0, places - exponent);
        if (units > BigInt(Number.MAX_SAFE_INTEGER) || digits > BigInt(Number.MAX_SAFE_INTEGER)) {
          return !parsed.ok;
        }
        if (!parsed.ok) throw new Error(`${JSON.stringify(text)}: ${parsed.message}`);
        const expected = decimal(negative ? -Number(units) : Number(units), scale);
        // ...and it reads back the same once written out again.
        const written = formatMoney(parsed.value.value, { unit: '£', circa });
        const again = parseMoney(written);
        return (
          equals(parsed.value.value, expected) &&
          parsed.value.circa === circa &&
          parsed.value.shownDecimals === places &&
          again.ok &&
          equals(again.value.value, parsed.value.value)
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('format then parse gives the amount back', () => {
  // Amounts up to the largest safe units; `decimals` beyond the value's scale multiply the
  // printed digits, so the units are cut down to keep what is printed within exact range.
  const amountAndStyle = fc
    .record({
      units: fc.maxSafeInteger(),
      scale: fc.integer({ min: 0, max: 3 }),
      decimals: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      unit,
      negative: fc.option(fc.constantFrom<'minus' | 'brackets'>('minus', 'brackets'), {
        nil: undefined,
      }),
      symbol: fc.option(fc.boolean(), { nil: undefined }),
      thousands: fc.option(fc.boolean(), { nil: undefined }),
      circa: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ units, scale, ...options }) => {
      const extraPlaces = Math.max(0, (options.decimals ?? scale) - scale);
      const limit = Math.floor(Number.MAX_SAFE_INTEGER / 10 ** extraPlaces);
      return { amount: decimal(units % limit, scale), options: options as FormatMoneyOptions };
    });

  it('for any amount, unit and style, to the decimals printed', () => {
    fc.assert(
      fc.property(amountAndStyle, ({ amount, options }) => {
        const written = formatMoney(amount, options);
        const parsed = parseMoney(written, { unit: options.unit });
        if (!parsed.ok) throw new Error(`${written}: ${parsed.message}`);
        const decimals = options.decimals ?? amount.scale;
        return (
          equals(parsed.value.value, roundTo(amount, decimals)) &&
          parsed.value.shownDecimals === decimals &&
          parsed.value.circa === (options.circa === true) &&
          parsed.value.printedUnit === (options.unit === '£' ? undefined : options.unit) &&
          // ...and writing what was read gives the same text again.
          formatMoney(parsed.value.value, { ...options, decimals }) === written
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a figure written in one unit correctly into any other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        unit,
        unit,
        (units, scale, from, to) => {
          const amount = decimal(units, scale);
          const parsed = parseMoney(formatMoney(amount, { unit: from }), {
            unit: to,
            assumedUnit: '£',
          });
          let expected: Decimal;
          try {
            expected = convertUnit(amount, from, to);
          } catch (error) {
            return error instanceof DecimalRangeError && !parsed.ok;
          }
          return parsed.ok && equals(parsed.value.value, expected);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('convertUnit', () => {
  const amount = fc.record({
    units: fc.maxSafeInteger(),
    scale: fc.integer({ min: 0, max: MAX_SCALE }),
  });

  it('round-trips exactly between any two units, or refuses with a range error', () => {
    fc.assert(
      fc.property(amount, unit, unit, ({ units, scale }, from, to) => {
        const original = decimal(units, scale);
        let converted: Decimal;
        try {
          converted = convertUnit(original, from, to);
        } catch (error) {
          return error instanceof DecimalRangeError;
        }
        // Exact: checked independently in bigint, converted * 10^to == original * 10^from.
        const left = BigInt(converted.units) * bigPow10(scale + unitExponent(to));
        const right = BigInt(units) * bigPow10(converted.scale + unitExponent(from));
        return left === right && equals(convertUnit(converted, to, from), original);
      }),
      { numRuns: RUNS },
    );
  });
});
