#!/usr/bin/env node
// Runs `npm audit --audit-level=high --json` for CI and judges the result for what ships:
// the command's runtime dependencies (package.json "dependencies") and the packages webpack
// bundles into the add-in (SHIPPED_IN_ADDIN, devDependencies since issue 17 because nothing
// needs them at run time), each with everything it depends on (from package-lock.json):
// - any high or critical advisory in a shipped package: list them, exit 1;
// - the audit endpoint itself cannot be reached or refuses the request (some registries and
//   mirrors answer 405 to the bulk advisory POST, or there is no network): say so plainly as a
//   WARNING naming the endpoint and the reason, exit 0, so CI is honest without going red for a
//   network limit;
// - anything else (no lock file, output that is not an audit report): exit 2, never hidden.
const { spawnSync } = require('node:child_process');

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPROXY',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
const BLOCKING = ['high', 'critical'];
/** What webpack bundles into dist/ (the task pane and functions), though they are devDependencies. */
const SHIPPED_IN_ADDIN = [
  'react',
  'react-dom',
  '@fluentui/react-components',
  '@microsoft/office-js',
];

/**
 * Names of the packages that ship, with all they depend on, from package-lock.json (v2/v3).
 * @example shippedPackages(require('./package-lock.json')); // Set { 'exceljs', 'react', ... }
 */
function shippedPackages(lock, roots = undefined) {
  const packages = lock.packages ?? {};
  const start = roots ?? [...Object.keys(packages['']?.dependencies ?? {}), ...SHIPPED_IN_ADDIN];
  const names = new Set();
  const pending = [...start];
  while (pending.length) {
    const name = pending.pop();
    if (names.has(name)) continue;
    names.add(name);
    // Every installed copy of the package (top level or nested) and what each one needs.
    for (const [location, entry] of Object.entries(packages)) {
      if (location === `node_modules/${name}` || location.endsWith(`/node_modules/${name}`)) {
        for (const dependency of Object.keys({
          ...entry.dependencies,
          ...entry.optionalDependencies,
        })) {
          pending.push(dependency);
        }
      }
    }
  }
  return names;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why the endpoint could not answer, or undefined when the failure is something else. */
function unreachableReason(report, stderr) {
  const error = report && typeof report === 'object' ? report : {};
  const code = error.code ?? error.error?.code;
  const status = Number(error.statusCode ?? error.error?.statusCode);
  if (NETWORK_CODES.has(code))
    return `${code}: ${error.message ?? error.error?.summary ?? 'network error'}`;
  if (status === 405 || status === 403 || status === 404 || status === 429 || status >= 500) {
    const message = String(error.message ?? '');
    return message.startsWith(String(status)) ? message : `${status} ${message}`.trim();
  }
  if (/audit endpoint returned an error/.test(stderr)) {
    const warning = /npm warn audit (.*)/.exec(stderr);
    return warning ? warning[1] : 'the audit endpoint returned an error';
  }
  return undefined;
}

/**
 * Judges one `npm audit --json` run. Pure, for the tests: returns the exit code and what to print.
 * @example judgeAudit({ status: 0, stdout: '{"metadata":{"vulnerabilities":{"high":0,"critical":0}}}', stderr: '' });
 */
function judgeAudit({ status, stdout, stderr, spawnError, shipped }) {
  if (spawnError)
    return { exitCode: 2, out: [], err: [`audit: could not run npm audit: ${spawnError.message}`] };
  const report = parseJson(stdout ?? '');
  let counts = report?.metadata?.vulnerabilities;
  // Given the shipped packages, only their advisories count (dev tools never reach a user).
  const relevant = Object.entries(report?.vulnerabilities ?? {}).filter(
    ([name]) => shipped === undefined || shipped.has(name),
  );
  if (counts && typeof counts === 'object' && shipped !== undefined) {
    counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
    for (const [, v] of relevant) counts[v.severity] = (counts[v.severity] ?? 0) + 1;
  }
  if (counts && typeof counts === 'object') {
    const blocking = relevant
      .filter(([, v]) => BLOCKING.includes(v.severity))
      .map(([name, v]) => {
        const titles = (v.via ?? []).map((via) =>
          typeof via === 'string' ? `via ${via}` : `${via.title ?? ''} ${via.url ?? ''}`.trim(),
        );
        return `  ${v.severity.toUpperCase()} ${name} ${v.range ?? ''}: ${[...new Set(titles)].join('; ')}`;
      });
    const scope =
      shipped === undefined
        ? 'production dependencies'
        : `shipped packages (${shipped.size}: the command and the add-in bundle)`;
    const summary = `audit: ${scope}: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`;
    if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
      return {
        exitCode: 1,
        out: [],
        err: [
          summary,
          ...blocking,
          'audit: FAILED: fix or replace the packages above (npm audit fix).',
        ],
      };
    }
    return { exitCode: 0, out: [`${summary}: no high or critical advisory.`], err: [] };
  }
  const reason = unreachableReason(report, stderr ?? '');
  if (reason) {
    const endpoint =
      report?.uri ?? 'the registry audit endpoint (/-/npm/v1/security/advisories/bulk)';
    return {
      exitCode: 0,
      out: [],
      err: [
        `audit: WARNING: npm audit could not be run: ${endpoint} could not be used (${reason}).`,
        'audit: WARNING: dependencies were NOT checked for advisories; run `npm audit` where the registry allows it.',
      ],
    };
  }
  const detail = (report?.message ?? report?.error?.summary ?? stderr ?? stdout ?? '')
    .toString()
    .trim()
    .split('\n')[0];
  return {
    exitCode: 2,
    out: [],
    err: [`audit: npm audit failed (exit ${status}): ${detail || 'no output'}`],
  };
}

if (require.main === module) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const path = require('node:path');
  const lock = JSON.parse(
    require('node:fs').readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8'),
  );
  const shipped = shippedPackages(lock);
  const run = spawnSync(npm, ['audit', '--audit-level=high', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const verdict = judgeAudit({
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    spawnError: run.error,
    shipped,
  });
  for (const line of verdict.out) console.log(line);
  for (const line of verdict.err) console.error(line);
  process.exit(verdict.exitCode);
}

module.exports = { SHIPPED_IN_ADDIN, judgeAudit, shippedPackages };
