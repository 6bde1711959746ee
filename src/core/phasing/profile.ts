/**
 * Spending profiles: how much of a scheme's budget each phased quarter carries.
 */
import { normaliseText, quoteForMessage } from '../calendar/text';
import type { Parsed } from '../findings';
import type { Profile, ProfileName } from './types';

/** The named profiles, in the order they are documented. */
export const PROFILE_NAMES: readonly ProfileName[] = ['even', 'front', 'back', 'scurve'];

const ALIASES: Record<string, ProfileName> = {
  even: 'even',
  flat: 'even',
  straight: 'even',
  'straight line': 'even',
  equal: 'even',
  front: 'front',
  'front loaded': 'front',
  'front-loaded': 'front',
  back: 'back',
  'back loaded': 'back',
  'back-loaded': 'back',
  scurve: 'scurve',
  's-curve': 'scurve',
  's curve': 'scurve',
};

const HOW_TO =
  "write 'even', 'front', 'back' or 'scurve', or give one weight per quarter such as 1, 2, 1";

/** Checks user-given weights; `undefined` when they are fine, else the reason. */
function weightProblem(weights: readonly number[]): string | undefined {
  if (weights.length === 0) return 'no weights are given';
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    if (typeof weight !== 'number' || !Number.isFinite(weight))
      return `weight ${i + 1} is not a number`;
    if (weight < 0) return `weight ${i + 1} is negative (${weight})`;
  }
  if (weights.every((weight) => weight === 0)) return 'all the weights are zero';
  return undefined;
}

function readWeight(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(value))
    return Number(value);
  return undefined;
}

/**
 * Reads a profile as a user gives it: a name (any case; `s-curve`, `front-loaded` and `flat`
 * are understood), weights as a list, a 1-D or 2-D range, or text such as `1, 2, 1`. Blank means
 * `even`. Weights must be finite, >= 0 and not all zero.
 *
 * @example
 * parseProfile('S-curve'); // { ok: true, value: 'scurve' }
 * parseProfile([[1, 2, 1]]); // { ok: true, value: [1, 2, 1] }
 * parseProfile('sideways'); // { ok: false, message: "Cannot read profile 'sideways': write 'even', ..." }
 */
export function parseProfile(value: unknown): Parsed<Profile> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { ok: true, value: 'even' };
  }
  let weights: unknown[] | undefined;
  if (Array.isArray(value)) weights = (value as unknown[]).flat();
  else if (typeof value === 'number') weights = [value];
  else if (typeof value === 'string') {
    const key = normaliseText(value);
    // Own keys only: 'constructor' or '__proto__' typed in a cell must not find Object's own.
    const name = Object.prototype.hasOwnProperty.call(ALIASES, key) ? ALIASES[key] : undefined;
    if (name) return { ok: true, value: name };
    if (/^[\d\s.,;e+-]+$/i.test(value) && value.length <= 10000)
      weights = value.split(/[,;\s]+/).filter((part) => part !== '');
  }
  const shown = Array.isArray(value) ? 'the weights given' : `'${quoteForMessage(value)}'`;
  if (!weights) return { ok: false, message: `Cannot read profile ${shown}: ${HOW_TO}` };
  const numbers = weights.map(readWeight);
  const unread = numbers.findIndex((weight) => weight === undefined);
  if (unread >= 0) {
    return {
      ok: false,
      message: `Cannot read profile ${shown}: weight ${unread + 1} is not a number; ${HOW_TO}`,
    };
  }
  const problem = weightProblem(numbers as number[]);
  if (problem) return { ok: false, message: `Cannot use profile ${shown}: ${problem}; ${HOW_TO}` };
  return { ok: true, value: numbers as number[] };
}

/**
 * The weight of each of `count` quarters under a profile: `even` all 1; `front` count..1;
 * `back` 1..count; `scurve` sin(pi * (i + 0.5) / count), which rises to the middle quarters and
 * falls away. Explicit weights are checked (finite, >= 0, not all zero, one per quarter).
 *
 * @example
 * profileWeights('front', 3); // { ok: true, value: [3, 2, 1] }
 * profileWeights([1, 2], 3); // { ok: false, message: 'The profile gives 2 weights but the phasing covers 3 quarters: ...' }
 */
export function profileWeights(profile: Profile, count: number): Parsed<number[]> {
  const weights: number[] = [];
  if (typeof profile === 'string') {
    for (let i = 0; i < count; i++) {
      if (profile === 'front') weights.push(count - i);
      else if (profile === 'back') weights.push(i + 1);
      else if (profile === 'scurve') weights.push(Math.sin((Math.PI * (i + 0.5)) / count));
      else if (profile === 'even') weights.push(1);
      else
        return {
          ok: false,
          message: `Cannot read profile '${quoteForMessage(profile)}': ${HOW_TO}`,
        };
    }
    return { ok: true, value: weights };
  }
  if (!Array.isArray(profile)) return { ok: false, message: `Cannot read profile: ${HOW_TO}` };
  const problem = weightProblem(profile);
  if (problem)
    return { ok: false, message: `Cannot use the profile's weights: ${problem}; ${HOW_TO}` };
  if (profile.length !== count) {
    return {
      ok: false,
      message: `The profile gives ${profile.length} weight${profile.length === 1 ? '' : 's'} but the phasing covers ${count} quarter${count === 1 ? '' : 's'}: give one weight per quarter`,
    };
  }
  // Rescale extreme weights so proportions survive summing and the allocator's integer scaling.
  let largest = 0;
  for (const weight of profile) if (weight > largest) largest = weight;
  const extreme = largest < 1e-200 || largest > 1e300;
  return { ok: true, value: extreme ? profile.map((weight) => weight / largest) : profile.slice() };
}
