import { colourLuminance, resolvePaneTheme } from '../theme';

describe('pane theme', () => {
  it.each([
    ['the host says dark', { isDarkTheme: true, bodyBackgroundColor: '#ffffff' }, false, 'dark'],
    ['the host says light, whatever the browser prefers', { isDarkTheme: false }, true, 'light'],
    ['the host only has isDarkTheme() as a method', { isDarkTheme: () => true }, false, 'dark'],
    ['the Office body is black', { bodyBackgroundColor: '#262626' }, false, 'dark'],
    ['the Office body is white', { bodyBackgroundColor: '#FFFFFF' }, true, 'light'],
    ['the Office body is colourful grey', { bodyBackgroundColor: '#E6E6E6' }, true, 'light'],
    ['there is no Office theme and the browser prefers dark', undefined, true, 'dark'],
    ['there is no Office theme and the browser prefers light', undefined, false, 'light'],
    ['the Office colour cannot be read', { bodyBackgroundColor: 'transparent' }, true, 'dark'],
  ] as const)('is %s -> %s', (_case, officeTheme, prefersDark, expected) => {
    expect(resolvePaneTheme(officeTheme, prefersDark)).toBe(expected);
  });

  it('reads #RGB and #RRGGBB colours and refuses others', () => {
    expect(colourLuminance('#fff')).toBeCloseTo(1);
    expect(colourLuminance('000000')).toBe(0);
    expect(colourLuminance('red')).toBeUndefined();
  });
});
