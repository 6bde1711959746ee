/**
 * scripts/audit.cjs judges `npm audit --json` for CI on what ships (the command and the add-in bundle): high or critical advisories fail,
 * an audit endpoint that cannot be used is a loud warning (exit 0), anything else fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { judgeAudit, shippedPackages } = require('../../scripts/audit.cjs') as {
  judgeAudit(run: {
    status: number | null;
    stdout: string;
    stderr: string;
    spawnError?: Error;
    shipped?: Set<string>;
  }): {
    exitCode: number;
    out: string[];
    err: string[];
  };
  shippedPackages(lock: unknown): Set<string>;
};

function report(counts: Record<string, number>, vulnerabilities: Record<string, unknown> = {}) {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
    },
  });
}

describe('scripts/audit.cjs', () => {
  it('passes a clean audit', () => {
    const verdict = judgeAudit({ status: 0, stdout: report({}), stderr: '' });
    expect(verdict.exitCode).toBe(0);
    expect(verdict.out.join('\n')).toMatch(/no high or critical advisory/);
  });

  it('passes moderate and low advisories (the bar is high)', () => {
    expect(
      judgeAudit({ status: 0, stdout: report({ moderate: 2, low: 1 }), stderr: '' }).exitCode,
    ).toBe(0);
  });

  it('fails on a high advisory and names the package and the advisory', () => {
    const verdict = judgeAudit({
      status: 1,
      stdout: report(
        { high: 1 },
        {
          exceljs: {
            severity: 'high',
            range: '<=4.4.0',
            via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-xxxx' }],
          },
          tiny: { severity: 'moderate', via: ['other'] },
        },
      ),
      stderr: '',
    });
    expect(verdict.exitCode).toBe(1);
    const text = verdict.err.join('\n');
    expect(text).toMatch(
      /HIGH exceljs <=4\.4\.0: Prototype pollution https:\/\/github\.com\/advisories\/GHSA-xxxx/,
    );
    expect(text).not.toMatch(/tiny/);
  });

  describe('judged on what ships (the command and the add-in bundle), not on dev tools', () => {
    const lock = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8'),
    ) as unknown;
    const shipped = shippedPackages(lock);

    it("counts the command's dependencies and what webpack bundles, with their dependencies", () => {
      for (const name of [
        'exceljs',
        'react',
        'react-dom',
        'scheduler',
        '@fluentui/react-components',
        '@microsoft/office-js',
      ]) {
        expect([name, shipped.has(name)]).toEqual([name, true]);
      }
      for (const name of ['webpack', 'webpack-dev-server', 'jest', 'tsx', 'typescript', 'eslint']) {
        expect([name, shipped.has(name)]).toEqual([name, false]);
      }
    });

    it('fails on a high advisory in a bundled package (react is a devDependency, yet ships)', () => {
      const stdout = report({ high: 1 }, { react: { severity: 'high', via: ['x'] } });
      expect(judgeAudit({ status: 1, stdout, stderr: '', shipped }).exitCode).toBe(1);
    });

    it('passes a high advisory in a build or test tool, which never reaches a user', () => {
      const stdout = report(
        { high: 1, moderate: 1 },
        {
          'webpack-dev-server': { severity: 'high', via: ['x'] },
          exceljs: { severity: 'moderate', via: ['y'] },
        },
      );
      const verdict = judgeAudit({ status: 1, stdout, stderr: '', shipped });
      expect(verdict.exitCode).toBe(0);
      expect(verdict.out.join('\n')).toMatch(/shipped packages .*0 critical, 0 high, 1 moderate/);
    });
  });

  it('fails on a critical advisory', () => {
    const stdout = report({ critical: 1 }, { a: { severity: 'critical', via: ['b'] } });
    expect(judgeAudit({ status: 1, stdout, stderr: '' }).exitCode).toBe(1);
  });

  it('warns, naming the endpoint, and exits 0 when the registry answers 405 (as here)', () => {
    const stdout = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    });
    const verdict = judgeAudit({
      status: 1,
      stdout,
      stderr: 'npm error audit endpoint returned an error',
    });
    expect(verdict.exitCode).toBe(0);
    expect(verdict.err[0]).toMatch(
      /^audit: WARNING: .*advisories\/bulk could not be used \(405 Method Not Allowed/,
    );
    expect(verdict.err.join('\n')).toMatch(/NOT checked/);
  });

  it('warns and exits 0 when there is no network', () => {
    const stdout = JSON.stringify({
      error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' },
    });
    const verdict = judgeAudit({ status: 1, stdout, stderr: '' });
    expect(verdict.exitCode).toBe(0);
    expect(verdict.err[0]).toMatch(/WARNING.*ENOTFOUND/);
  });

  it('fails, not warns, on any other problem (no lock file, not a report, npm missing)', () => {
    const noLock = JSON.stringify({
      error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' },
    });
    expect(judgeAudit({ status: 1, stdout: noLock, stderr: '' }).exitCode).toBe(2);
    expect(judgeAudit({ status: 1, stdout: 'not json', stderr: 'boom' }).exitCode).toBe(2);
    expect(
      judgeAudit({
        status: null,
        stdout: '',
        stderr: '',
        spawnError: new Error('spawn npm ENOENT'),
      }).exitCode,
    ).toBe(2);
  });
});
