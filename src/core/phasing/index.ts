/**
 * Phasing (profiling): reading and writing phasing phrases, spending profiles, and spreading an
 * amount over quarter or year columns penny-exact.
 */
export type { Phasing, Profile, ProfileName } from './types';
export { parsePhasing } from './parse';
export { formatPhasing } from './format';
export { PROFILE_NAMES, parseProfile, profileWeights } from './profile';
export { phaseAmount, type PhaseOptions, type PhasedAmount } from './phaseAmount';
