/**
 * Text clean-up shared by the label and phrase readers. Reports are pasted from Word and PDF, so
 * they carry non-breaking spaces and typographic dashes that must read like plain ones.
 */

const SPACES = /[\s\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Lower-cases, turns every kind of space into one plain space and every kind of dash into `-`,
 * and trims.
 *
 * @example
 * normaliseText('2017/18\u00A0Q4 \u2013 2019/20 Q1'); // '2017/18 q4 - 2019/20 q1'
 */
export function normaliseText(text: string): string {
  return text.replace(DASHES, '-').replace(SPACES, ' ').trim().toLowerCase();
}

/** Any value as text; one that cannot be turned into text (a host object) is shown generically. */
function textForMessage(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return 'this value';
  }
}

/**
 * Shortens long user text for quoting in a message, so a 10,000-character paste does not flood it.
 *
 * @example
 * quoteForMessage('x'.repeat(100)); // 'xxxx…' (60 characters)
 */
export function quoteForMessage(text: unknown): string {
  const oneLine = textForMessage(text).replace(/[\r\n\t]+/g, ' ');
  return oneLine.length <= 60 ? oneLine : `${oneLine.slice(0, 59)}…`;
}
