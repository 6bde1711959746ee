// Preloaded (node -r) into a benchmarked process: writes its peak resident memory (KiB, from
// process.resourceUsage().maxRSS) to the file MAX_RSS_FILE names, when the process exits.
'use strict';

const file = process.env.MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
