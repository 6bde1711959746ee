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
        const pending = { question, resolve };
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
