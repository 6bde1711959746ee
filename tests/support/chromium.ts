/**
 * Debian's Chromium, launched the one way this machine allows: headless, no sandbox (root), and
 * no background networking or component updates (the closed network refuses them, and a test
 * must see only the requests the page itself makes). Used by the end-to-end and security tests
 * and by the size benchmark.
 */
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is: Debian's package unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every launch uses. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * Starts headless Chromium with the flags above.
 *
 * @example
 * const browser = await launchChromium();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}
