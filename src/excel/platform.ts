/**
 * Which Excel the add-in runs in. Only Excel on the web limits a request or response to 5 MB,
 * so only there are big reads and writes split into chunks of one round trip each; Excel on
 * Windows and Mac take a whole programme in one sync.
 */

/** The part of Office.js's `Office` namespace read here (absent outside a host, as in tests). */
interface OfficeLike {
  context?: {
    platform?: string | null;
    diagnostics?: {
      platform?: string | null;
      host?: string | null;
      version?: string | null;
    } | null;
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean } | null;
  } | null;
  PlatformType?: { OfficeOnline?: string };
}

/**
 * True on Excel on the web, and whenever the platform cannot be told (outside Office, or an
 * Office.js that reports none): splitting a request that did not need it costs a round trip,
 * while a request over 5 MB on the web fails.
 *
 * @example
 * const budget = requestsAreLimited() ? 4 * 1024 * 1024 : Infinity;
 */
export function requestsAreLimited(): boolean {
  try {
    const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
    const context = office?.context;
    // `diagnostics.platform` is the documented place (Office.ContextInformation);
    // `context.platform` says the same on hosts that have it.
    const platform = context?.diagnostics?.platform ?? context?.platform;
    if (typeof platform !== 'string') return true;
    return platform === (office?.PlatformType?.OfficeOnline ?? 'OfficeOnline');
  } catch {
    // A host object that throws on reading is treated as the limited case.
    return true;
  }
}

/**
 * The ExcelApi requirement set the add-in needs everywhere, declared in manifest.xml: 1.9 brings
 * `Range.getCellProperties` and `RangeAreas` (Highlight), after 1.8 (data validation, setting
 * `calculationMode`), 1.7 (`getRangeByIndexes`), 1.6 (conditional formats,
 * `suspendApiCalculationUntilNextSync`) and 1.4 (`*OrNullObject`):
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
export const REQUIRED_EXCEL_API = '1.9';

/**
 * True when this Excel supports ExcelApi `version` (Office.context.requirements.isSetSupported:
 * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport). False when it
 * cannot be told (outside Office, or a host without the method): the caller then keeps to what
 * the manifest requires.
 *
 * @example
 * if (excelApiSupported('1.11')) Excel.run({ delayForCellEdit: true }, batch);
 */
export function excelApiSupported(version: string): boolean {
  try {
    const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
    const check = office?.context?.requirements?.isSetSupported;
    return typeof check === 'function'
      ? check.call(office?.context?.requirements, 'ExcelApi', version) === true
      : false;
  } catch {
    return false;
  }
}

/**
 * Whether this Excel has ExcelApi `version`: 'unknown' outside Office or on a host that cannot say.
 *
 * @example
 * if (excelApiStatus('1.9') === 'missing') return { ok: false, message: '...' };
 */
export function excelApiStatus(version: string): 'supported' | 'missing' | 'unknown' {
  try {
    const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
    const check = office?.context?.requirements?.isSetSupported;
    if (typeof check !== 'function') return 'unknown';
    return check.call(office?.context?.requirements, 'ExcelApi', version) === true
      ? 'supported'
      : 'missing';
  } catch {
    return 'unknown';
  }
}

/** Where the add-in runs, as Office reports it (for Diagnostics and bug reports). */
export interface HostInfo {
  host: string;
  platform: string;
  version: string;
}

/**
 * Host, platform and version from `Office.context.diagnostics`
 * (https://learn.microsoft.com/javascript/api/office/office.contextinformation), 'unknown' where absent.
 *
 * @example
 * hostInfo(); // { host: 'Excel', platform: 'OfficeOnline', version: '16.0.17726.42301' }
 */
export function hostInfo(): HostInfo {
  try {
    const diagnostics = (globalThis as unknown as { Office?: OfficeLike }).Office?.context
      ?.diagnostics;
    return {
      host: String(diagnostics?.host ?? 'unknown'),
      platform: String(diagnostics?.platform ?? 'unknown'),
      version: String(diagnostics?.version ?? 'unknown'),
    };
  } catch {
    return { host: 'unknown', platform: 'unknown', version: 'unknown' };
  }
}
