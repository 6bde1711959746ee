/**
 * scripts/addin-manifest.cjs: the manifest for the host a council serves dist/ from (issue 17).
 * The offline manifest checks on the result are in tests/manifest/production.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Host {
  base: string;
  origin: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require('../../scripts/addin-manifest.cjs') as {
  DEV_ORIGIN: string;
  DeploySettingError: new (message: string) => Error;
  addinBase(url: string | undefined): Host | undefined;
  addinId(base: string, override?: string): string;
  manifestVersion(version: string): string;
  addinManifest(xml: string, options?: { host?: Host; id?: string; version?: string }): string;
  deploymentFromEnv(
    env: Record<string, string | undefined>,
    version: string,
  ): { host?: Host; id?: string; version: string; summary: string };
};

const ROOT = resolve(__dirname, '../..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const COUNCIL = 'https://finance.example.gov.uk/capital-planner';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(deploy.DeploySettingError);
    return (error as Error).message;
  }
  throw new Error('expected the setting to be refused');
}

describe('ADDIN_URL', () => {
  it('takes the origin and folder, without a trailing slash', () => {
    expect(deploy.addinBase(`${COUNCIL}/`)).toEqual({
      base: COUNCIL,
      origin: 'https://finance.example.gov.uk',
    });
    expect(deploy.addinBase('https://addins.example.org')).toEqual({
      base: 'https://addins.example.org',
      origin: 'https://addins.example.org',
    });
    expect(deploy.addinBase('https://addins.example.org:8443/a/b//')?.base).toBe(
      'https://addins.example.org:8443/a/b',
    );
  });

  it('is a local build when unset or blank', () => {
    expect(deploy.addinBase(undefined)).toBeUndefined();
    expect(deploy.addinBase('  ')).toBeUndefined();
  });

  it('refuses http, saying to serve over https and what to set', () => {
    const message = refusal(() => deploy.addinBase('http://finance.example.gov.uk/cp'));
    expect(message).toMatch(/uses http/);
    expect(message).toMatch(/only over https/);
    expect(message).toContain('ADDIN_URL=https://');
  });

  it.each([
    'https://localhost/cp',
    'https://LOCALHOST:3000',
    'https://excel.localhost/cp',
    'https://127.0.0.1:8443/cp',
    'https://[::1]/cp',
  ])('refuses %s: nobody else can reach this computer', (url) => {
    const message = refusal(() => deploy.addinBase(url));
    expect(message).toMatch(/is this computer/);
    expect(message).toContain('ADDIN_URL=https://');
  });

  it.each(['finance.example.gov.uk/cp', 'https://user:pw@x.example/cp', 'https://x.example/?a=1'])(
    'refuses %s with what to set instead',
    (url) => {
      expect(refusal(() => deploy.addinBase(url))).toContain('ADDIN_URL=https://');
    },
  );
});

describe('add-in id', () => {
  it('is the same for the same address on every build, and differs between councils', () => {
    const first = deploy.addinId(COUNCIL);
    expect(first).toMatch(GUID);
    expect(deploy.addinId(COUNCIL)).toBe(first);
    expect(deploy.addinId('https://finance.other-council.gov.uk/capital-planner')).not.toBe(first);
    // Never the development manifest's id: a sideloaded dev copy and the deployed add-in coexist.
    expect(MANIFEST).not.toContain(first);
  });

  it('is ADDIN_ID when given (kept when a council moves host), and refuses a non-GUID', () => {
    expect(deploy.addinId(COUNCIL, 'A2C3E7D0-5B1F-4C7E-9A55-0D7C1E9F4B21')).toBe(
      'a2c3e7d0-5b1f-4c7e-9a55-0d7c1e9f4b21',
    );
    expect(refusal(() => deploy.addinId(COUNCIL, 'council-42'))).toMatch(/not a GUID/);
  });
});

describe('manifest version', () => {
  it('is package.json version with a fourth part', () => {
    expect(deploy.manifestVersion('1.4.2')).toBe('1.4.2.0');
  });

  it('refuses a pre-release version Office cannot read', () => {
    expect(refusal(() => deploy.manifestVersion('1.4.2-beta.1'))).toMatch(/four numbers/);
  });
});

describe('the production manifest', () => {
  const host = deploy.addinBase(COUNCIL)!;
  const xml = deploy.addinManifest(MANIFEST, {
    host,
    id: deploy.addinId(host.base),
    version: '2.3.4.0',
  });
  const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:[^"<]+)/g)].map(
    (match) => match[1],
  );

  it('has no localhost left and every URL under the address', () => {
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => url !== host.origin && !url.startsWith(`${COUNCIL}/`))).toEqual([]);
  });

  it('moves the page, functions script and metadata, icons and support URL', () => {
    for (const file of [
      'taskpane.html',
      'functions.js',
      'functions.json',
      'assets/icon-16.png',
      'assets/icon-64.png',
    ]) {
      expect(urls).toContain(`${COUNCIL}/${file}`);
    }
    expect(xml).toContain(`<SupportUrl DefaultValue="${COUNCIL}/taskpane.html"/>`);
  });

  it('lists the origin, not the folder, as its AppDomain', () => {
    expect(xml).toContain('<AppDomain>https://finance.example.gov.uk</AppDomain>');
  });

  it('carries the id and version it was given', () => {
    expect(xml).toContain(`<Id>${deploy.addinId(COUNCIL)}</Id>`);
    expect(xml).toContain('<Version>2.3.4.0</Version>');
  });

  it('changes nothing but URLs, id and version', () => {
    const normalise = (text: string) =>
      text
        .replace(/<Id>[^<]*<\/Id>/, '<Id/>')
        .replace(/<Version>[^<]*<\/Version>/, '<Version/>')
        .replace(/<AppDomain>[^<]*<\/AppDomain>/, '<AppDomain/>')
        .split(`${COUNCIL}/`)
        .join('BASE/')
        .split(`${deploy.DEV_ORIGIN}/`)
        .join('BASE/');
    expect(normalise(xml)).toBe(normalise(MANIFEST));
  });

  it('escapes an address that would break the XML', () => {
    const odd = deploy.addinBase('https://x.example/a&b')!;
    expect(deploy.addinManifest(MANIFEST, { host: odd })).toContain(
      'DefaultValue="https://x.example/a&amp;b/taskpane.html"',
    );
  });

  it('refuses a manifest with a dev-server URL it does not know how to move', () => {
    const stray = MANIFEST.replace(
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SupportUrl DefaultValue="https://localhost:3001/help.html"/>',
    );
    expect(() => deploy.addinManifest(stray, { host })).toThrow(/localhost:3001.*not moved/);
  });

  it('a local build keeps the dev server URLs and the id, taking only the version', () => {
    const local = deploy.addinManifest(MANIFEST, { version: '9.8.7.0' });
    expect(local).toBe(MANIFEST.replace(/<Version>[^<]*<\/Version>/, '<Version>9.8.7.0</Version>'));
  });
});

describe('settings from the environment', () => {
  it('says in one line that a build without ADDIN_URL is local', () => {
    const local = deploy.deploymentFromEnv({}, '0.1.0');
    expect(local.host).toBeUndefined();
    expect(local.summary).toMatch(/^Local build: .*https:\/\/localhost:3000.*set ADDIN_URL=/);
    expect(local.summary).not.toContain('\n');
  });

  it('names the address, id and version of a production build', () => {
    const production = deploy.deploymentFromEnv({ ADDIN_URL: COUNCIL }, '1.2.3');
    expect(production.summary).toBe(
      `Production build: manifest.xml points at ${COUNCIL}/ (add-in id ${deploy.addinId(COUNCIL)}, version 1.2.3.0).`,
    );
  });

  it('refuses ADDIN_ID without ADDIN_URL (it would be ignored)', () => {
    expect(
      refusal(() =>
        deploy.deploymentFromEnv({ ADDIN_ID: 'a2c3e7d0-5b1f-4c7e-9a55-0d7c1e9f4b21' }, '0.1.0'),
      ),
    ).toMatch(/without ADDIN_URL/);
  });

  it('takes the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(deploy.deploymentFromEnv({ ADDIN_URL: COUNCIL }, version).version).toBe(`${version}.0`);
  });
});
