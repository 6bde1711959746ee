/**
 * Where the data files shipped with the command are: in samples/ beside this module, that is src/cli/samples when the sources run, lib/cli/samples beside the bundled command
 * (scripts/build-cli.cjs copies them; the bundle is lib/cli/capital-planner.cjs, so its
 * `__dirname` is lib/cli too). Kept in src/cli, not in a command's folder, for that reason.
 */
import { join } from 'node:path';

/** The sample programme shipped with the command (DOMAIN.md's 2016 ICT investment programme). */
export const SAMPLE_CSV = join(__dirname, 'samples', 'investment-programme-2016.csv');
