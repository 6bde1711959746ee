/**
 * React contexts shared by the panels: the workbook actions and the workbook's settings. Panels
 * read them from context so that tests can hand in a plain fake object.
 */
import { createContext, useContext } from 'react';
import type { PaneActions, PaneSettings } from './services';

/** The workbook actions of the nearest App. */
export const PaneActionsContext = createContext<PaneActions | undefined>(undefined);

/**
 * The workbook actions.
 *
 * @example
 * const actions = usePaneActions();
 */
export function usePaneActions(): PaneActions {
  const actions = useContext(PaneActionsContext);
  if (!actions)
    throw new Error('usePaneActions needs a PaneActionsContext provider (App provides one).');
  return actions;
}

/** The settings kept in the workbook, and a way to replace them after saving. */
export interface SettingsState {
  settings: PaneSettings;
  /** False until the workbook's settings have been read (defaults are shown meanwhile). */
  loaded: boolean;
  setSettings(settings: PaneSettings): void;
}

/** Settings of the nearest App. */
export const SettingsContext = createContext<SettingsState | undefined>(undefined);

/**
 * The workbook's settings.
 *
 * @example
 * const { settings } = usePaneSettings();
 */
export function usePaneSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state)
    throw new Error('usePaneSettings needs a SettingsContext provider (App provides one).');
  return state;
}
