import type { ReactNode } from 'react';

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  children: ReactNode;
}

/** State of {@link ErrorBoundary}: the error that stopped rendering, if any. */
export interface ErrorBoundaryState {
  error?: unknown;
}
