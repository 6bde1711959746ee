/**
 * Which Excel the add-in runs in. Only Excel on the web limits a request or response to 5 MB,
 * so only there are big reads and writes split into chunks of one round trip each; Excel on
 * Windows and Mac take a whole programme in one sync.
 */

/** The part of Office.js's `Office` namespace read here (absent outside a host, as in tests). */
interface OfficeLike {
  context?: {
    platform?: string | null;
    diagnostics?: { platform?: string | null } | null;
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
