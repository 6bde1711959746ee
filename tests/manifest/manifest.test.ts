/**
 * Offline check of manifest.xml (`npm run validate`). The official validator is an online
 * service; this covers what makes Excel refuse or mis-load the add-in. Element orders come from
 * the schema in [MS-OWEMXML] (TaskPaneApp and taskpaneappversionoverrides).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REQUIRED_EXCEL_API } from '../../src/excel/platform';
import {
  excelApiProblems,
  ManifestElement,
  allUrls,
  duplicateIds,
  elementsAt,
  localFileFor,
  outOfOrder,
  parseManifest,
  pngSize,
  resourceValue,
  unresolvedResids,
} from './manifestChecks';

const projectRoot = path.resolve(__dirname, '..', '..');
const manifestXml = fs.readFileSync(path.join(projectRoot, 'manifest.xml'), 'utf8');
const manifest = parseManifest(manifestXml);

function only(root: ManifestElement, suffix: string): ManifestElement {
  const found = elementsAt(root, suffix);
  if (found.length !== 1) throw new Error(`expected one <${suffix}>, found ${found.length}`);
  return found[0];
}
const childNames = (element: ManifestElement) => element.children.map((child) => child.name);
const customFunctions = () =>
  elementsAt(manifest, 'AllFormFactors/ExtensionPoint').find(
    (point) => point.attributes['xsi:type'] === 'CustomFunctions',
  );

/** The manifest with one piece of text replaced, for proving that a check catches a mistake. */
function brokenManifest(find: string, replace: string): ManifestElement {
  if (!manifestXml.includes(find)) throw new Error(`test set-up: "${find}" is not in manifest.xml`);
  return parseManifest(manifestXml.replace(find, replace));
}

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel (Workbook)', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(
      elementsAt(manifest, 'OfficeApp/Hosts/Host').map((host) => host.attributes.Name),
    ).toEqual(['Workbook']);
    expect(
      elementsAt(manifest, 'VersionOverrides/Hosts/Host').map(
        (host) => host.attributes['xsi:type'],
      ),
    ).toEqual(['Workbook']);
    expect(only(manifest, 'OfficeApp/Id').text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
  });

  it('keeps elements in the order the schema requires', () => {
    const orders: [string, readonly string[]][] = [
      [
        'OfficeApp',
        [
          'Id',
          'AlternateId',
          'Version',
          'ProviderName',
          'DefaultLocale',
          'DisplayName',
          'Description',
          'IconUrl',
          'HighResolutionIconUrl',
          'SupportUrl',
          'AppDomains',
          'Hosts',
          'Requirements',
          'DefaultSettings',
          'Permissions',
          'AllowSnapshot',
          'VersionOverrides',
        ],
      ],
      ['OfficeApp/VersionOverrides', ['Description', 'Requirements', 'Hosts', 'Resources']],
      ['VersionOverrides/Hosts/Host', ['Runtimes', 'AllFormFactors', 'DesktopFormFactor']],
      ['Host/DesktopFormFactor', ['GetStarted', 'FunctionFile', 'ExtensionPoint']],
      ['DesktopFormFactor/GetStarted', ['Title', 'Description', 'LearnMoreUrl']],
      ['Group/Control', ['Label', 'Supertip', 'Icon', 'Action']],
      ['Control/Action', ['TaskpaneId', 'SourceLocation', 'Title']],
      ['VersionOverrides/Resources', ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']],
    ];
    const problems = orders.flatMap(([at, sequence]) =>
      elementsAt(manifest, at).flatMap((element) =>
        outOfOrder(childNames(element), sequence).map((p) => `${at}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
    expect(childNames(customFunctions()!)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
  });

  it('finds an element out of schema order', () => {
    const swapped = outOfOrder(
      ['Runtimes', 'DesktopFormFactor', 'AllFormFactors'],
      ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
    );
    expect(swapped).toEqual(['<AllFormFactors> comes after <DesktopFormFactor>']);
  });

  it('resolves every resid to a resource of the right kind', () => {
    expect(unresolvedResids(manifest)).toEqual([]);
  });

  it('reports a resid that names no resource, or the wrong kind of resource', () => {
    const missing = brokenManifest(
      '<Namespace resid="Functions.Namespace"/>',
      '<Namespace resid="Functions.Nmespace"/>',
    );
    expect(unresolvedResids(missing)).toEqual([
      expect.stringContaining('resid="Functions.Nmespace"'),
    ]);
    const wrongKind = brokenManifest(
      '<Label resid="CommandsGroup.Label"/>',
      '<Label resid="Taskpane.Url"/>',
    );
    expect(unresolvedResids(wrongKind)).toEqual([
      expect.stringContaining('Group/Label resid="Taskpane.Url"'),
    ]);
  });

  it('defines each resource id and each ribbon id once', () => {
    expect(duplicateIds(manifest)).toEqual([]);
    const twice = brokenManifest(
      '<bt:String id="TaskpaneButton.Label"',
      '<bt:String id="CommandsGroup.Label" DefaultValue="again"/><bt:String id="TaskpaneButton.Label"',
    );
    expect(duplicateIds(twice)).toEqual(['CommandsGroup.Label']);
  });

  it('runs the task pane and custom functions in one long-lived runtime on one page', () => {
    const runtime = only(manifest, 'Host/Runtimes/Runtime');
    const page = only(manifest, 'ExtensionPoint/Page/SourceLocation');
    const functionFile = only(manifest, 'DesktopFormFactor/FunctionFile');
    expect(runtime.attributes.lifetime).toBe('long');
    expect(page.attributes.resid).toBe(runtime.attributes.resid);
    expect(functionFile.attributes.resid).toBe(runtime.attributes.resid);
    expect(resourceValue(manifest, 'url', runtime.attributes.resid)).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });

  it('opens the task pane from a ribbon button on that same page, with no TaskpaneId', () => {
    const actions = elementsAt(manifest, 'Control/Action');
    expect(actions.map((action) => action.attributes['xsi:type'])).toEqual(['ShowTaskpane']);
    expect(elementsAt(manifest, 'Action/TaskpaneId')).toEqual([]);
    const runtimeResid = only(manifest, 'Host/Runtimes/Runtime').attributes.resid;
    expect(only(actions[0], 'Action/SourceLocation').attributes.resid).toBe(runtimeResid);
  });

  it('loads functions.js and functions.json from the build, under the CAPITAL namespace', () => {
    const point = customFunctions()!;
    const urlOf = (suffix: string) =>
      resourceValue(manifest, 'url', only(point, suffix).attributes.resid);
    expect(urlOf('Script/SourceLocation')).toBe('https://localhost:3000/functions.js');
    expect(urlOf('Metadata/SourceLocation')).toBe('https://localhost:3000/functions.json');
    expect(
      resourceValue(
        manifest,
        'shortString',
        only(point, 'ExtensionPoint/Namespace').attributes.resid,
      ),
    ).toBe('CAPITAL');
  });

  it('requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1', () => {
    const sets = elementsAt(manifest, 'OfficeApp/Requirements/Sets/Set').map(
      (set) => `${set.attributes.Name} ${set.attributes.MinVersion}`,
    );
    expect(sets).toEqual(
      expect.arrayContaining(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.1']),
    );
  });

  it('declares the ExcelApi requirement set the code needs', () => {
    expect(excelApiProblems(manifest, REQUIRED_EXCEL_API)).toEqual([]);
  });

  it('finds an ExcelApi set that is missing or lower than the code needs', () => {
    const without = parseManifest(manifestXml.replace(/\s*<Set Name="ExcelApi"[^>]*\/>/, ''));
    expect(excelApiProblems(without, '1.9')).toEqual([expect.stringMatching(/no ExcelApi set/)]);
    const lower = parseManifest(
      manifestXml.replace(
        /<Set Name="ExcelApi" MinVersion="[^"]*"/,
        '<Set Name="ExcelApi" MinVersion="1.7"',
      ),
    );
    expect(excelApiProblems(lower, '1.9')).toEqual([expect.stringMatching(/1.7 is declared/)]);
  });

  it('asks for ReadWriteDocument and no more', () => {
    expect(only(manifest, 'OfficeApp/Permissions').text).toBe('ReadWriteDocument');
  });

  it('uses https for every URL, all on the dev server origin', () => {
    const urls = allUrls(manifest);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((url) => !url.startsWith('https://localhost:3000'))).toEqual([]);
    const plain = brokenManifest(
      'https://localhost:3000/functions.json',
      'http://localhost:3000/functions.json',
    );
    expect(allUrls(plain).filter((url) => !url.startsWith('https://'))).toEqual([
      'http://localhost:3000/functions.json',
    ]);
  });

  it('points every icon at a PNG in assets/ of the size it claims', () => {
    const claims: { url: string; size: number }[] = [
      { url: only(manifest, 'OfficeApp/IconUrl').attributes.DefaultValue, size: 32 },
      { url: only(manifest, 'OfficeApp/HighResolutionIconUrl').attributes.DefaultValue, size: 64 },
      ...elementsAt(manifest, 'Icon/bt:Image').map((image) => ({
        url:
          resourceValue(manifest, 'image', image.attributes.resid) ??
          `missing ${image.attributes.resid}`,
        size: Number(image.attributes.size),
      })),
    ];
    expect(claims.length).toBeGreaterThanOrEqual(8);
    for (const { url, size } of claims) {
      const file = localFileFor(url, projectRoot);
      expect(path.relative(projectRoot, file)).toMatch(/^assets[/\\]/);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  it('ships icons at 16, 32, 64 and 80 px', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(projectRoot, 'assets', `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('refuses XML that is not well-formed, naming the line', () => {
    expect(() => parseManifest(manifestXml.replace('</Permissions>', '</Permission>'))).toThrow(
      /line \d+/,
    );
  });
});
