// Preloaded (node -r) into a benchmarked process: writes its peak resident memory (KiB, from
// process.resourceUsage().maxRSS) and the CPU time of all its threads (microseconds, user +
// system) to the file MAX_RSS_FILE names, when the process exits: "maxRSS cpuMicros".
'use strict';

const file = process.env.MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    require('node:fs').writeFileSync(
      file,
      `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`,
    );
  });
}
