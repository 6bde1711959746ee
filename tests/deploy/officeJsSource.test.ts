/**
 * scripts/office-js-source.cjs: office.js from the local copy (default) or Microsoft's CDN
 * (OFFICE_JS=cdn). The policy of the CDN page is checked in tests/reliability/security.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeJs = require('../../scripts/office-js-source.cjs') as {
  OFFICE_JS_CDN_URL: string;
  officeJsFromCdn(html: string): string;
  officeJsSource(env: Record<string, string | undefined>): 'local' | 'cdn';
};

const PAGE = readFileSync(resolve(__dirname, '../..', 'src/taskpane/taskpane.html'), 'utf8');

describe('OFFICE_JS', () => {
  it('is local unless cdn is asked for', () => {
    expect(officeJs.officeJsSource({})).toBe('local');
    expect(officeJs.officeJsSource({ OFFICE_JS: 'local' })).toBe('local');
    expect(officeJs.officeJsSource({ OFFICE_JS: ' CDN ' })).toBe('cdn');
  });

  it('refuses anything else, naming both choices', () => {
    expect(() => officeJs.officeJsSource({ OFFICE_JS: 'remote' })).toThrow(
      /OFFICE_JS=local .*OFFICE_JS=cdn/,
    );
  });
});

describe('the task pane with office.js from the CDN', () => {
  it('loads office.js from https://appsforoffice.microsoft.com/lib/1/hosted/office.js', () => {
    const page = officeJs.officeJsFromCdn(PAGE);
    expect(officeJs.OFFICE_JS_CDN_URL).toBe(
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    );
    expect(page).toContain(`<script src="${officeJs.OFFICE_JS_CDN_URL}"></script>`);
    expect(page).not.toContain('office-js/office.js"');
  });

  it('rewrites the minified page the build emits too', () => {
    const minified =
      "<meta http-equiv=Content-Security-Policy content=\"default-src 'self'; script-src 'self'\">" +
      '<script src=office-js/office.js></script><script defer src=functions.js></script>';
    expect(officeJs.officeJsFromCdn(minified)).toBe(
      "<meta http-equiv=Content-Security-Policy content=\"default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com\">" +
        `<script src=${officeJs.OFFICE_JS_CDN_URL}></script><script defer src=functions.js></script>`,
    );
  });

  it('refuses a page it cannot rewrite rather than keep the local copy silently', () => {
    expect(() =>
      officeJs.officeJsFromCdn(PAGE.replace('office-js/office.js', 'office.js')),
    ).toThrow(/no <script src="office-js\/office.js">/);
    expect(() =>
      officeJs.officeJsFromCdn(PAGE.replace('Content-Security-Policy', 'X-Policy')),
    ).toThrow(/no Content-Security-Policy/);
    expect(() => officeJs.officeJsFromCdn(PAGE.replace("script-src 'self'; ", ''))).toThrow(
      /no script-src/,
    );
  });
});
