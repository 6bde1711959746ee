/**
 * Where capital money comes from: the list of funding sources, a setting with the usual UK ones
 * as defaults (see DOMAIN.md, "How the programme is financed").
 */
import { normaliseText, quoteForMessage } from '../calendar/text';
import type { Parsed } from '../findings';

/** The sources a UK council's financing statement usually lists, in the order it lists them. */
export const DEFAULT_FUNDING_SOURCES: readonly string[] = [
  'Prudential borrowing',
  'Government grants',
  'Capital receipts',
  'Revenue contributions (RCCO)',
  'S106 / CIL contributions',
  'Reserves',
  'External contributions',
];

/** The source whose spend has revenue consequences (MRP and interest). */
export const BORROWING_SOURCE = 'Prudential borrowing';

const ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:prudential|unsupported|supported)? ?borrowing$/, 'Prudential borrowing'],
  [/^(?:government|govt|central government)? ?grants?$/, 'Government grants'],
  [/^capital receipts?$/, 'Capital receipts'],
  [
    /^(?:revenue contributions?|rcco|direct revenue financing|drf)(?: \(rcco\))?$/,
    'Revenue contributions (RCCO)',
  ],
  [
    /^(?:s106|section 106|cil|s106 ?\/ ?cil|developer contributions?)(?: contributions)?$/,
    'S106 / CIL contributions',
  ],
  [/^(?:earmarked )?reserves?$/, 'Reserves'],
  [/^(?:external|third party) contributions?$/, 'External contributions'],
];

/**
 * Reads a funding source as written in a cell: one of `sources` (any case), or a usual name for a
 * default one (`RCCO`, `Section 106`, `Grant`, `Unsupported borrowing`). A source that is not on
 * the list is a message naming the list.
 *
 * @example
 * readFundingSource('rcco'); // { ok: true, value: 'Revenue contributions (RCCO)' }
 * readFundingSource('Lottery'); // { ok: false, message: "'Lottery' is not a funding source ..." }
 */
export function readFundingSource(
  text: string,
  sources: readonly string[] = DEFAULT_FUNDING_SOURCES,
): Parsed<string> {
  const words = normaliseText(String(text));
  if (words === '')
    return {
      ok: false,
      message: 'The funding source is blank: choose one from the list of sources',
    };
  const exact = sources.find((source) => normaliseText(source) === words);
  if (exact !== undefined) return { ok: true, value: exact };
  for (const [pattern, name] of ALIASES)
    if (pattern.test(words) && sources.includes(name)) return { ok: true, value: name };
  return {
    ok: false,
    message: `'${quoteForMessage(text)}' is not a funding source: use one of ${sources.join(', ')}, or add it to the sources in Settings`,
  };
}
