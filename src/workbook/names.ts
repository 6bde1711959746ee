/**
 * Names and quoting for sheets, formulas and structured references: the rules Excel sets, in one
 * place for every sheet plan.
 */

/**
 * A legal sheet name: no `[]:*?/\`, no leading/trailing apostrophe, at most 31 characters.
 *
 * @example
 * cleanSheetName('Forecast - J/Smith'); // 'Forecast - J-Smith'
 */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}

/**
 * A sheet name not yet taken: `Programme`, else `Programme (2)`, ...
 *
 * @example
 * uniqueSheetName('Programme', ['Programme']); // 'Programme (2)'
 */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  const clean = cleanSheetName(base);
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A sheet name quoted for an address or formula.
 *
 * @example
 * quoted("Bob's schemes"); // "'Bob''s schemes'"
 */
export function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A text constant for a formula, quotes doubled.
 *
 * @example
 * formulaText('Say "hi"'); // '"Say ""hi"""'
 */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A column header escaped for a structured reference: `[`, `]`, `#` and `'` take a `'` before
 * them (https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
 *
 * @example
 * structuredColumn('Q1 [draft]'); // "Q1 '[draft']"
 */
export function structuredColumn(header: string): string {
  return header.replace(/([[\]#'])/g, "'$1");
}
