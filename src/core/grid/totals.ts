/**
 * Recognising total rows by their label, as councils write them.
 */

// `Total`, `TOTAL`, `Sub-total`, `Subtotal`, `Grand total`, `Net total`, `Total ICT Investment`,
// `Programme total`, `Totals`. Anchored on a word so `Totally` or `subtotalling` do not count.
const TOTAL_LABEL =
  /^(?:(?:grand|sub|net|overall|programme|capital|overall)[\s-]*)?totals?\b|\btotals?:?$/i;

/**
 * True when a label marks a total row.
 *
 * @example
 * isTotalLabel('Sub-total'); // true
 * isTotalLabel('Total ICT Investment'); // true
 * isTotalLabel('Business transformation'); // false
 */
export function isTotalLabel(text: string): boolean {
  return text.length <= 120 && TOTAL_LABEL.test(text.trim());
}
