/**
 * Phasing (profiling): how a scheme's budget is spread over fiscal quarters.
 */
import type { FiscalQuarter } from '../calendar';

/**
 * What a phasing phrase says: the quarters spent in (ascending, each once), or that the scheme
 * is not phased yet (`TBC`, blank, `-`, `n/a`). Not phased is a value, not an error: the checks
 * report it as an `unphased` finding.
 */
export type Phasing =
  | { readonly kind: 'phased'; readonly quarters: readonly FiscalQuarter[] }
  | { readonly kind: 'not phased' };

/** A named spending profile. */
export type ProfileName = 'even' | 'front' | 'back' | 'scurve';

/**
 * How spend is weighted over the phased quarters: a named profile or one weight per quarter
 * (finite, >= 0, not all zero).
 */
export type Profile = ProfileName | readonly number[];
