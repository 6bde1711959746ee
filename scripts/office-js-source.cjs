// Where the task pane loads office.js from (issues 11 and 17). Pure: page text in, page text out;
// tests in tests/deploy/officeJsSource.test.ts and tests/reliability/security.test.ts.
//
// - local (the default): office-js/ beside taskpane.html, copied from @microsoft/office-js by the
//   build, so the add-in works on a council network that cannot reach Microsoft's CDN;
// - cdn (OFFICE_JS=cdn): Microsoft's hosted copy, which Microsoft Marketplace (AppSource)
//   validation requires ("must reference the Office JavaScript API from the Microsoft CDN",
//   https://learn.microsoft.com/en-us/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
//   The page's Content-Security-Policy then also allows scripts from that one origin (office.js
//   loads its host and locale scripts from the same folder), and nothing else.
'use strict';

const { URL } = require('node:url');
const { DeploySettingError } = require('./addin-manifest.cjs');

const OFFICE_JS_CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_CDN_ORIGIN = new URL(OFFICE_JS_CDN_URL).origin;
const LOCAL_SCRIPT = /(<script\b[^>]*\bsrc=)(["']?)office-js\/office\.js\2/i;

/**
 * Reads OFFICE_JS: 'local' (default) or 'cdn'; anything else is refused with what to set.
 *
 * @example
 * officeJsSource({ OFFICE_JS: 'cdn' }); // 'cdn'
 */
function officeJsSource(env) {
  const value = (env.OFFICE_JS ?? '').trim().toLowerCase();
  if (value === '' || value === 'local') return 'local';
  if (value === 'cdn') return 'cdn';
  throw new DeploySettingError(
    `OFFICE_JS="${env.OFFICE_JS}" is not a choice: set OFFICE_JS=local (office.js served beside the pane, the default) or OFFICE_JS=cdn (${OFFICE_JS_CDN_URL}).`,
  );
}

/**
 * The task pane page loading office.js from Microsoft's CDN: the script points there and the
 * policy's script-src allows that origin, on top of 'self'. Throws when the page does not have
 * the expected script or policy (so a changed page cannot silently keep the local copy).
 *
 * @example
 * officeJsFromCdn('<meta http-equiv="Content-Security-Policy" content="script-src \'self\'"><script src="office-js/office.js"></script>');
 * // script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js, script-src 'self' https://appsforoffice.microsoft.com
 */
function officeJsFromCdn(html) {
  if (!LOCAL_SCRIPT.test(html))
    throw new Error('taskpane.html has no <script src="office-js/office.js">');
  let policies = 0;
  const withPolicy = html.replace(
    /(<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*\bcontent=)("[^"]*"|'[^']*')/i,
    (_match, start, quoted) => {
      const quote = quoted[0];
      const directives = quoted
        .slice(1, -1)
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean);
      const index = directives.findIndex((part) => /^script-src\s/i.test(part));
      if (index < 0) throw new Error("taskpane.html's Content-Security-Policy has no script-src");
      policies += 1;
      directives[index] = `${directives[index]} ${OFFICE_JS_CDN_ORIGIN}`;
      return `${start}${quote}${directives.join('; ')}${quote}`;
    },
  );
  if (policies !== 1) throw new Error('taskpane.html has no Content-Security-Policy meta element');
  return withPolicy.replace(LOCAL_SCRIPT, `$1$2${OFFICE_JS_CDN_URL}$2`);
}

module.exports = { OFFICE_JS_CDN_URL, OFFICE_JS_CDN_ORIGIN, officeJsFromCdn, officeJsSource };
