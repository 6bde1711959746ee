/**
 * `useConfirm()`: a promise-returning confirmation backed by {@link ConfirmDialog}. Questions asked
 * while one is open wait their turn, so two actions can never share one answer.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { OverwriteQuestion } from '../../services';
import { ConfirmDialog } from './ConfirmDialog';
import type { Confirm } from './ConfirmDialog.types';

interface Pending {
  question: OverwriteQuestion;
  resolve(answer: boolean): void;
  /** What had focus when the question was asked: focus goes back there when it is answered. */
  opener: Element | null;
}

/** Puts focus back on the control that led to the question, once the dialog has gone. */
function restoreFocus(opener: Element | null): void {
  // After the dialog's own focus handling: it would otherwise move focus to the body.
  setTimeout(() => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, 0);
}

const ConfirmContext = createContext<Confirm | undefined>(undefined);

/**
 * Provides `useConfirm` to everything inside it and renders the dialog.
 *
 * @example
 * <ConfirmProvider><App /></ConfirmProvider>
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const queue = useRef<Pending[]>([]);
  const [current, setCurrent] = useState<Pending>();

  const confirm = useCallback<Confirm>(
    (question) =>
      new Promise<boolean>((resolve) => {
        const opener = typeof document === 'undefined' ? null : document.activeElement;
        const pending = { question, resolve, opener };
        queue.current.push(pending);
        if (queue.current.length === 1) setCurrent(pending);
      }),
    [],
  );

  const answer = useCallback((value: boolean) => {
    const [first, ...rest] = queue.current;
    queue.current = rest;
    first?.resolve(value);
    setCurrent(rest[0]);
    if (first && rest.length === 0) restoreFocus(first.opener);
  }, []);

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <ConfirmDialog question={current?.question} onAnswer={answer} />
    </ConfirmContext.Provider>
  );
}

/**
 * Returns `confirm(question)`, which opens the dialog and resolves with the user's answer.
 *
 * @example
 * const confirm = useConfirm();
 * if (await confirm({ title: 'Replace 12 cells?', message: 'They hold figures.' })) write();
 */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider above it (App provides one).');
  return confirm;
}
