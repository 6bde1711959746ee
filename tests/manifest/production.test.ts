/**
 * The offline manifest checks on a production manifest (issue 17): the one
 * `ADDIN_URL=https://finance.example.gov.uk/capital-planner npm run build` writes (made here with
 * the build's own module, scripts/addin-manifest.cjs), and dist/manifest.xml whichever build made
 * it. manifest.test.ts checks the source manifest in depth; a production manifest must keep its
 * structure exactly (only URLs, id and version differ) and pass the same checks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ManifestElement,
  allElements,
  allUrls,
  duplicateIds,
  elementsAt,
  parseManifest,
  pngSize,
  resourceValue,
  unresolvedResids,
} from './manifestChecks';

interface Host {
  base: string;
  origin: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require('../../scripts/addin-manifest.cjs') as {
  addinBase(url: string): Host;
  addinId(base: string): string;
  manifestVersion(version: string): string;
  addinManifest(xml: string, options: { host?: Host; id?: string; version?: string }): string;
};

const projectRoot = path.resolve(__dirname, '..', '..');
const sourceXml = fs.readFileSync(path.join(projectRoot, 'manifest.xml'), 'utf8');
const { version } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  version: string;
};
const COUNCIL = 'https://finance.example.gov.uk/capital-planner';
const host = deploy.addinBase(COUNCIL);
const productionXml = deploy.addinManifest(sourceXml, {
  host,
  id: deploy.addinId(host.base),
  version: deploy.manifestVersion(version),
});

/** Names and non-URL attributes of every element, in order: what must not change. */
function structure(root: ManifestElement): string[] {
  return allElements(root).map((element) => {
    const kept = Object.entries(element.attributes).filter(
      ([name, value]) => name.startsWith('xmlns') || !/^https?:\/\//.test(value),
    );
    return `${element.path} ${JSON.stringify(kept)}`;
  });
}

/** Where a manifest URL's file is in a build, relative to the base it was built for. */
function builtFile(url: string, base: string): string {
  expect(url.startsWith(`${base}/`)).toBe(true);
  return url.slice(base.length + 1);
}

const distManifest = path.join(projectRoot, 'dist', 'manifest.xml');
const cases: [string, string][] = [[`ADDIN_URL=${COUNCIL}`, productionXml]];
if (fs.existsSync(distManifest))
  cases.push(['dist/manifest.xml', fs.readFileSync(distManifest, 'utf8')]);

describe.each(cases)('the manifest of %s', (_name, xml) => {
  const manifest = parseManifest(xml);
  const source = parseManifest(sourceXml);
  const runtimeResid = elementsAt(manifest, 'Host/Runtimes/Runtime')[0]?.attributes.resid;
  const pageUrl = resourceValue(manifest, 'url', runtimeResid) ?? 'missing';
  const base = pageUrl.replace(/\/taskpane\.html$/, '');

  it('has the structure of the checked manifest.xml: same elements, order and resids', () => {
    expect(structure(manifest)).toEqual(structure(source));
  });

  it('resolves every resid and defines every id once', () => {
    expect(unresolvedResids(manifest)).toEqual([]);
    expect(duplicateIds(manifest)).toEqual([]);
  });

  it('puts every URL on https under one base, and the AppDomain on its origin', () => {
    const urls = allUrls(manifest);
    expect(urls.length).toBeGreaterThan(10);
    const origin = new URL(base).origin;
    expect(urls.filter((url) => url !== origin && !url.startsWith(`${base}/`))).toEqual([]);
    expect(urls.filter((url) => !url.startsWith('https://'))).toEqual([]);
    expect(elementsAt(manifest, 'AppDomains/AppDomain').map((domain) => domain.text)).toEqual([
      origin,
    ]);
  });

  it('versions the add-in from package.json', () => {
    expect(elementsAt(manifest, 'OfficeApp/Version')[0].text).toBe(`${version}.0`);
  });

  it('points at the page, functions and icons a build ships, icons at their claimed size', () => {
    const icons = [
      { url: elementsAt(manifest, 'OfficeApp/IconUrl')[0].attributes.DefaultValue, size: 32 },
      {
        url: elementsAt(manifest, 'OfficeApp/HighResolutionIconUrl')[0].attributes.DefaultValue,
        size: 64,
      },
      ...elementsAt(manifest, 'bt:Images/bt:Image').map((image) => ({
        url: image.attributes.DefaultValue,
        size: Number(/(\d+)x\1$/.exec(image.attributes.id)?.[1]),
      })),
    ];
    for (const { url, size } of icons) {
      const file = builtFile(url, base);
      expect(file).toMatch(/^assets\//);
      expect({ url, ...pngSize(path.join(projectRoot, file)) }).toEqual({
        url,
        width: size,
        height: size,
      });
    }
    const urls = elementsAt(manifest, 'bt:Urls/bt:Url').map((url) =>
      builtFile(url.attributes.DefaultValue, base),
    );
    expect(new Set(urls)).toEqual(new Set(['taskpane.html', 'functions.js', 'functions.json']));
  });
});

describe('a production manifest', () => {
  it('has no localhost, and the checks above would see one', () => {
    expect(productionXml).not.toContain('localhost');
    const stray = parseManifest(
      productionXml.replace(`${COUNCIL}/functions.json`, 'https://localhost:3000/functions.json'),
    );
    expect(
      allUrls(stray).filter((url) => url !== host.origin && !url.startsWith(`${COUNCIL}/`)),
    ).toEqual(['https://localhost:3000/functions.json']);
  });
});
