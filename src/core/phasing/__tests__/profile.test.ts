import { parseProfile, profileWeights } from '../profile';

describe('spending profiles', () => {
  it('weights quarters evenly, front-loaded n..1 and back-loaded 1..n', () => {
    expect(profileWeights('even', 3)).toEqual({ ok: true, value: [1, 1, 1] });
    expect(profileWeights('front', 4)).toEqual({ ok: true, value: [4, 3, 2, 1] });
    expect(profileWeights('back', 4)).toEqual({ ok: true, value: [1, 2, 3, 4] });
  });

  it('weights an s-curve by sin(pi (i + 0.5) / n): low at the ends, highest in the middle, symmetric', () => {
    const result = profileWeights('scurve', 5);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b, c, d, e] = result.value;
    expect(a).toBeCloseTo(Math.sin(Math.PI * 0.1), 12);
    expect(c).toBeCloseTo(1, 12);
    expect(a).toBeCloseTo(e, 12);
    expect(b).toBeCloseTo(d, 12);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });

  it('takes explicit weights when there is one per quarter', () => {
    expect(profileWeights([1, 0, 2], 3)).toEqual({ ok: true, value: [1, 0, 2] });
  });

  it.each([
    [[1, 2], 3, /gives 2 weights but the phasing covers 3 quarters: give one weight per quarter/],
    [[1, -1, 1], 3, /weight 2 is negative/],
    [[0, 0], 2, /all the weights are zero/],
    [[1, Number.NaN], 2, /weight 2 is not a number/],
    [[1, Number.POSITIVE_INFINITY], 2, /weight 2 is not a number/],
    [[], 0, /no weights/],
  ])('rejects weights %p for %d quarters with a message', (weights, count, message) => {
    const result = profileWeights(weights, count);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('rejects an unknown profile name reaching it at run time', () => {
    expect(profileWeights('sideways' as 'even', 2).ok).toBe(false);
  });
});

describe('reading a profile as a user gives it', () => {
  it.each([
    [null, 'even'],
    [undefined, 'even'],
    ['', 'even'],
    ['Even', 'even'],
    ['FRONT', 'front'],
    ['back-loaded', 'back'],
    ['S-curve', 'scurve'],
    ['s\u00A0curve', 'scurve'],
  ])('reads %p as %p', (value, profile) => {
    expect(parseProfile(value)).toEqual({ ok: true, value: profile });
  });

  it('reads weights from a range, a list or text', () => {
    expect(parseProfile([[1, 2, 1]])).toEqual({ ok: true, value: [1, 2, 1] });
    expect(parseProfile([1, '2', 3])).toEqual({ ok: true, value: [1, 2, 3] });
    expect(parseProfile('1, 2; 0.5')).toEqual({ ok: true, value: [1, 2, 0.5] });
    expect(parseProfile(3)).toEqual({ ok: true, value: [3] });
  });

  it.each([
    ['sideways', /Cannot read profile 'sideways': write 'even', 'front', 'back' or 'scurve'/],
    [[1, 'x'], /weight 2 is not a number/],
    [[1, null], /weight 2 is not a number/],
    ['1, -2', /weight 2 is negative/],
    [[0, 0], /all the weights are zero/],
    [true, /Cannot read profile/],
    [Number.NaN, /not a number/],
  ])('rejects %p with a message', (value, message) => {
    const result = parseProfile(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
