#!/usr/bin/env node
// Runs `npm audit --omit=dev --audit-level=high --json` for CI and judges the result:
// - any high or critical advisory in a production dependency: list them, exit 1;
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
function judgeAudit({ status, stdout, stderr, spawnError }) {
  if (spawnError)
    return { exitCode: 2, out: [], err: [`audit: could not run npm audit: ${spawnError.message}`] };
  const report = parseJson(stdout ?? '');
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const blocking = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => BLOCKING.includes(v.severity))
      .map(([name, v]) => {
        const titles = (v.via ?? []).map((via) =>
          typeof via === 'string' ? `via ${via}` : `${via.title ?? ''} ${via.url ?? ''}`.trim(),
        );
        return `  ${v.severity.toUpperCase()} ${name} ${v.range ?? ''}: ${[...new Set(titles)].join('; ')}`;
      });
    const summary = `audit: production dependencies: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`;
    if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
      return {
        exitCode: 1,
        out: [],
        err: [
          summary,
          ...blocking,
          'audit: FAILED: fix or replace the packages above (npm audit fix --omit=dev).',
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
        'audit: WARNING: dependencies were NOT checked for advisories; run `npm audit --omit=dev` where the registry allows it.',
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
  const run = spawnSync(npm, ['audit', '--omit=dev', '--audit-level=high', '--json'], {
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
  });
  for (const line of verdict.out) console.log(line);
  for (const line of verdict.err) console.error(line);
  process.exit(verdict.exitCode);
}

module.exports = { judgeAudit };
