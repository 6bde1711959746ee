/**
 * Which Fluent theme the pane uses: the Office theme when the host tells us, otherwise the
 * browser's colour scheme. Office sends only colours (and, in newer hosts, `isDarkTheme`),
 * so a dark body background is read as a dark theme.
 */

/** The two looks the pane ships with. */
export type PaneThemeName = 'light' | 'dark';

/** The part of `Office.context.officeTheme` that the pane reads (all optional: old hosts send less). */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean | (() => boolean);
}

/**
 * Relative luminance (0 black .. 1 white) of a `#RRGGBB` or `#RGB` colour, or `undefined` when the
 * text is not such a colour.
 *
 * @example
 * colourLuminance('#ffffff'); // 1
 * colourLuminance('#262626'); // about 0.02
 */
export function colourLuminance(colour: string): number | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!match) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * Chooses light or dark: the host's `isDarkTheme` first, then the darkness of its body background,
 * then the browser's `prefers-color-scheme`.
 *
 * @example
 * resolvePaneTheme({ bodyBackgroundColor: '#1f1f1f' }, false); // 'dark'
 * resolvePaneTheme(undefined, true); // 'dark'
 */
export function resolvePaneTheme(
  officeTheme: OfficeThemeColours | undefined,
  prefersDark: boolean,
): PaneThemeName {
  if (officeTheme) {
    const flag =
      typeof officeTheme.isDarkTheme === 'function'
        ? officeTheme.isDarkTheme()
        : officeTheme.isDarkTheme;
    if (typeof flag === 'boolean') return flag ? 'dark' : 'light';
    const luminance = officeTheme.bodyBackgroundColor
      ? colourLuminance(officeTheme.bodyBackgroundColor)
      : undefined;
    if (luminance !== undefined) return luminance < 0.2 ? 'dark' : 'light';
  }
  return prefersDark ? 'dark' : 'light';
}

/**
 * Reads the theme from the running page: `Office.context.officeTheme` when present (it is absent
 * outside Office and in some hosts), and `matchMedia` otherwise.
 *
 * @example
 * const theme = currentPaneTheme(); // 'light' in a default Excel
 */
export function currentPaneTheme(): PaneThemeName {
  let officeTheme: OfficeThemeColours | undefined;
  try {
    officeTheme =
      typeof Office !== 'undefined'
        ? (Office.context?.officeTheme as OfficeThemeColours | undefined)
        : undefined;
  } catch {
    // Reading officeTheme throws in hosts that do not support it: fall back to the browser.
    officeTheme = undefined;
  }
  const prefersDark =
    typeof window !== 'undefined' && typeof window.matchMedia === 'function'
      ? window.matchMedia('(prefers-color-scheme: dark)').matches
      : false;
  return resolvePaneTheme(officeTheme, prefersDark);
}
