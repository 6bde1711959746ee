import type { ReactNode } from 'react';

/** Props of {@link CellLink}. */
export interface CellLinkProps {
  /** Worksheet of the cell; the active sheet when undefined. */
  sheet?: string;
  /** A1 address, e.g. `E10`. */
  cell: string;
  /** What the row says (the message); the address is shown before it. */
  children: ReactNode;
}
