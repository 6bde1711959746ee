/**
 * Table formulas as a file holds them. Office.js takes `=[@[Approved budget]]` inside a table;
 * the file format (and so ExcelJS) stores the formula without `=` and with the table named:
 * `Programme[[#This Row],[Approved budget]]`, `SUBTOTAL(109,Programme[Approved budget])`
 * (ECMA-376 Part 1, 18.17.6.3 structured references).
 */

/**
 * A plan's table formula in the form a file holds it.
 *
 * @example
 * qualifyTableFormula('=[@[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],[@Ref])', 'Programme');
 * // 'Programme[[#This Row],[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],Programme[[#This Row],[Ref]])'
 * qualifyTableFormula('=SUBTOTAL(109,[Approved budget])', 'Programme'); // 'SUBTOTAL(109,Programme[Approved budget])'
 */
export function qualifyTableFormula(formula: string, table: string): string {
  return (
    formula
      .replace(/^=/, '')
      // A bare `[Column]` (not after a name or another bracket) means this table's column.
      .replace(/(^|[^A-Za-z0-9_.\]'[@])\[((?:[^\]'[@]|'.)+)\]/g, `$1${table}[$2]`)
      .replace(
        /\[@\[((?:[^\]']|'.)+)\]\]|\[@((?:[^[\]']|'.)+)\]/g,
        (_all, bracketed: string | undefined, plain: string | undefined) =>
          `${table}[[#This Row],[${bracketed ?? plain}]]`,
      )
  );
}
