/**
 * A sheet name as Excel writes it in an address: quoted when it holds anything but letters,
 * digits and underscores (`'Forecast - Head of ICT'`), with quotes inside doubled.
 *
 * @example
 * sheetReference('Programme'); // 'Programme'
 * sheetReference("Head's sheet"); // "'Head''s sheet'"
 */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * An address with its sheet, as the user reads it in Excel: `Programme!A1:B6`. An address that
 * already names its sheet is kept.
 *
 * @example
 * qualifiedAddress('Sheet 2', 'A1:B6'); // "'Sheet 2'!A1:B6"
 */
export function qualifiedAddress(sheet: string, address: string): string {
  return address.includes('!') || sheet === '' ? address : `${sheetReference(sheet)}!${address}`;
}
