/**
 * Offline checks of the add-in manifest. Microsoft's validator is an online service we cannot
 * reach, so these catch the mistakes that make Excel refuse to load the add-in: a resid with no
 * resource, ids defined twice, the shared runtime split across pages, plain-http URLs, elements
 * out of the schema's order, and icons missing or of the wrong size.
 * Each check returns a list of problems (empty = fine), so tests can also prove that a broken
 * manifest is caught.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element of the parsed manifest, children in document order. */
export interface ManifestElement {
  name: string;
  attributes: Record<string, string>;
  children: ManifestElement[];
  text: string;
  /** Element names from the root down to this element, e.g. `OfficeApp/Hosts/Host`. */
  path: string;
}

type OrderedNode = Record<string, unknown>;

function toElement(node: OrderedNode, parentPath: string): ManifestElement | undefined {
  const name = Object.keys(node).find(
    (key) => key !== ':@' && key !== '#text' && key !== '#comment',
  );
  if (name === undefined || name.startsWith('?')) return undefined;
  const elementPath = parentPath ? `${parentPath}/${name}` : name;
  const rawChildren = (node[name] as OrderedNode[] | undefined) ?? [];
  const attributes = (node[':@'] as Record<string, string> | undefined) ?? {};
  const children = rawChildren
    .map((child) => toElement(child, elementPath))
    .filter((child): child is ManifestElement => child !== undefined);
  const text = rawChildren
    .filter((child) => '#text' in child)
    .map((child) => String(child['#text']))
    .join('')
    .trim();
  return { name, attributes, children, text, path: elementPath };
}

/**
 * Parses manifest XML into elements in document order.
 * @throws Error when the XML is not well-formed (the test names the line).
 */
export function parseManifest(xml: string): ManifestElement {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new Error(`manifest.xml is not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const roots = (parser.parse(xml) as OrderedNode[])
    .map((node) => toElement(node, ''))
    .filter((element): element is ManifestElement => element !== undefined);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

/** Every element at or under `root`, in document order. */
export function allElements(root: ManifestElement): ManifestElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** Elements whose path ends with `suffix` (e.g. `Action/SourceLocation`). */
export function elementsAt(root: ManifestElement, suffix: string): ManifestElement[] {
  return allElements(root).filter(
    (element) => element.path === suffix || element.path.endsWith(`/${suffix}`),
  );
}

const RESOURCE_GROUPS = {
  image: 'Resources/bt:Images/bt:Image',
  url: 'Resources/bt:Urls/bt:Url',
  shortString: 'Resources/bt:ShortStrings/bt:String',
  longString: 'Resources/bt:LongStrings/bt:String',
} as const;
type ResourceKind = keyof typeof RESOURCE_GROUPS;

/** Which kind of resource a `resid` on this element must name (schema types in MS-OWEMXML). */
function expectedKind(element: ManifestElement): ResourceKind {
  switch (element.name) {
    case 'bt:Image':
      return 'image';
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'shortString';
    case 'Description':
      return 'longString';
    default:
      return 'url'; // SourceLocation, FunctionFile, Runtime, LearnMoreUrl
  }
}

/** Resource ids by kind, in document order (duplicates kept, so they can be found). */
export function resourceIds(root: ManifestElement): Record<ResourceKind, ManifestElement[]> {
  const entries = Object.entries(RESOURCE_GROUPS).map(([kind, suffix]) => [
    kind,
    elementsAt(root, suffix),
  ]);
  return Object.fromEntries(entries) as Record<ResourceKind, ManifestElement[]>;
}

/** Elements that refer to a resource by `resid` (resource definitions themselves excluded). */
export function residReferences(root: ManifestElement): ManifestElement[] {
  return allElements(root).filter((element) => element.attributes.resid !== undefined);
}

/** resids that name no resource of the kind their element needs. */
export function unresolvedResids(root: ManifestElement): string[] {
  const ids = resourceIds(root);
  return residReferences(root)
    .filter((reference) => {
      const kind = expectedKind(reference);
      return !ids[kind].some((resource) => resource.attributes.id === reference.attributes.resid);
    })
    .map(
      (reference) =>
        `${reference.path} resid="${reference.attributes.resid}" (needs a ${expectedKind(reference)})`,
    );
}

/** Ids defined more than once among resources, and among ribbon groups and controls. */
export function duplicateIds(root: ManifestElement): string[] {
  const resourceIdList = Object.values(resourceIds(root))
    .flat()
    .map((resource) => resource.attributes.id);
  const controlIdList = allElements(root)
    .filter((element) => ['OfficeTab', 'CustomTab', 'Group', 'Control'].includes(element.name))
    .map((element) => element.attributes.id);
  const duplicatesIn = (ids: (string | undefined)[]) =>
    ids
      .filter((id, index) => id === undefined || ids.indexOf(id) !== index)
      .map((id) => String(id));
  return [...duplicatesIn(resourceIdList), ...duplicatesIn(controlIdList)];
}

/** The resource value (`DefaultValue`) that a resid names, of the given kind. */
export function resourceValue(
  root: ManifestElement,
  kind: ResourceKind,
  id: string,
): string | undefined {
  return resourceIds(root)[kind].find((resource) => resource.attributes.id === id)?.attributes
    .DefaultValue;
}

/** Every URL the manifest mentions: attribute values and element text that look like URLs. */
export function allUrls(root: ManifestElement): string[] {
  const looksLikeUrl = (value: string) =>
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('//');
  return allElements(root).flatMap((element) => {
    // xmlns declarations name schemas, not places the add-in loads from.
    const attributeValues = Object.entries(element.attributes)
      .filter(([name]) => !name.startsWith('xmlns'))
      .map(([, value]) => value);
    return [...attributeValues, element.text].filter(looksLikeUrl);
  });
}

/**
 * Whether `actual` (child element names in order) follows the schema's sequence `expected`:
 * each name must be in the sequence and never come before a name listed earlier.
 */
export function outOfOrder(actual: string[], expected: readonly string[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const name of actual) {
    const position = expected.indexOf(name);
    if (position === -1) problems.push(`unexpected <${name}>`);
    else if (position < last) problems.push(`<${name}> comes after <${expected[last]}>`);
    else last = position;
  }
  return problems;
}

/** Width and height of a PNG, read from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (
    bytes.subarray(0, 8).toString('hex') !== signature ||
    bytes.subarray(12, 16).toString('ascii') !== 'IHDR'
  ) {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Local file served at an add-in URL such as https://localhost:3000/assets/icon-16.png. */
export function localFileFor(url: string, projectRoot: string): string {
  return path.join(projectRoot, ...new URL(url).pathname.split('/').filter(Boolean));
}

/** -1, 0 or 1 as dotted version `a` is below, equal to or above `b` ('1.10' > '1.9'). */
function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * Problems with the ExcelApi requirement set the manifest declares: Excel loads an add-in only
 * where its <Requirements> sets are supported, so the set must be declared and at least the
 * version the code needs (https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements).
 *
 * @example
 * excelApiProblems(manifest, '1.9'); // [] when <Set Name="ExcelApi" MinVersion="1.9"/> is there
 */
export function excelApiProblems(root: ManifestElement, required: string): string[] {
  const sets = elementsAt(root, 'OfficeApp/Requirements/Sets/Set').filter(
    (set) => set.attributes.Name === 'ExcelApi',
  );
  if (sets.length === 0)
    return [`no ExcelApi set: declare <Set Name="ExcelApi" MinVersion="${required}"/>`];
  if (sets.length > 1) return ['ExcelApi is declared more than once'];
  const declared = sets[0].attributes.MinVersion ?? '1.1';
  if (compareVersions(declared, required) < 0)
    return [`ExcelApi ${declared} is declared but the code needs ${required}`];
  if (compareVersions(declared, required) > 0)
    return [
      `ExcelApi ${declared} is declared but the code needs only ${required}: it shuts out Excel versions for nothing`,
    ];
  return [];
}
