import { configure } from '@testing-library/react';

// Two shared cores under load can take more than the default second to re-render the pane.
configure({ asyncUtilTimeout: 5000 });

/**
 * What jsdom lacks and Fluent UI uses: matchMedia, ResizeObserver and element animations.
 */
if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}
export {};
