/**
 * "Done — Undo": after a one-click action (a greeting marked, a visit logged, a snooze, a complaint
 * replied to or resolved) the header says what was done and for whom, with an Undo button for a few
 * seconds. It sits in the header's own row, so it never covers a screen's buttons. Undo runs the
 * action's reversal through the API (a synced change like any other) and says when it is done.
 * A newer action replaces the offer; hovering or focusing it keeps it until the pointer or focus leaves.
 * While it is offered it takes the header's room first (a waiting reminder shrinks beside it).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Typography } from 'antd';
import { CheckCircleOutlined, CloseOutlined, UndoOutlined } from '@ant-design/icons';
import type { RoundsApi } from '../../../core/api/contract.js';
import { useMutation } from '../../api/useQuery.js';

/** How long an Undo stays offered. */
export const UNDO_MS = 6000;
/** How long "Undone" stays after an undo. */
const UNDONE_MS = 2500;

export interface UndoOffer {
  /** what was done and for whom, in a sentence ("Greeting marked: 王总 · 华东钢铁") */
  text: string;
  /** the reversal, through the API */
  undo: (api: RoundsApi) => Promise<unknown>;
}

type UndoState = { id: number; offer: UndoOffer; phase: 'offered' | 'undoing' | 'undone' } | null;

interface UndoContextValue {
  state: UndoState;
  offer: (offer: UndoOffer) => void;
  dismiss: () => void;
  run: () => Promise<void>;
  hold: (held: boolean) => void;
}

const UndoContext = createContext<UndoContextValue | null>(null);

/** Offers an Undo for an action just done; a no-op outside `UndoProvider` (a dialog rendered alone). */
export function useUndoOffer(): (offer: UndoOffer) => void {
  const context = useContext(UndoContext);
  return context?.offer ?? noOffer;
}
const noOffer = () => undefined;

export function UndoProvider({ children }: { children: ReactNode }) {
  const mutate = useMutation();
  const [state, setState] = useState<UndoState>(null);
  const [held, setHeld] = useState(false);
  const nextId = useRef(1);

  const offer = useCallback((next: UndoOffer) => setState({ id: nextId.current++, offer: next, phase: 'offered' }), []);
  const dismiss = useCallback(() => setState(null), []);

  // The offer ends after UNDO_MS (unless held), "Undone" after UNDONE_MS.
  useEffect(() => {
    if (!state || state.phase === 'undoing' || (state.phase === 'offered' && held)) return;
    const id = state.id;
    const timer = setTimeout(() => setState((current) => (current?.id === id ? null : current)), state.phase === 'offered' ? UNDO_MS : UNDONE_MS);
    return () => clearTimeout(timer);
  }, [state, held]);

  const run = useCallback(async () => {
    if (!state || state.phase !== 'offered') return;
    const { id, offer: current } = state;
    setState({ id, offer: current, phase: 'undoing' });
    try {
      await mutate(current.undo);
      setState((now) => (now?.id === id ? { id, offer: current, phase: 'undone' } : now));
    } catch {
      // useMutation has said why; the offer is gone (what it would undo has changed).
      setState((now) => (now?.id === id ? null : now));
    }
  }, [state, mutate]);

  const value = useMemo(() => ({ state, offer, dismiss, run, hold: setHeld }), [state, offer, dismiss, run]);
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

/** The offer in the header: what was done, Undo, ×; then "Undone: …". */
export function UndoInHeader() {
  const { t } = useTranslation('common');
  const context = useContext(UndoContext);
  if (!context?.state) return null;
  const { state, run, dismiss, hold } = context;
  const undone = state.phase === 'undone';
  return (
    <Flex
      role="status"
      aria-live="polite"
      data-testid="undo-bar"
      align="center"
      gap={6}
      onMouseEnter={() => hold(true)}
      onMouseLeave={() => hold(false)}
      onFocus={() => hold(true)}
      onBlur={() => hold(false)}
      style={{ minWidth: 280, flex: '0 0.2 480px', lineHeight: 1.3, background: undone ? '#f6ffed' : '#f5f5f5', borderRadius: 6, padding: '2px 4px 2px 10px' }}
    >
      {undone ? <UndoOutlined aria-hidden style={{ color: '#389e0d' }} /> : <CheckCircleOutlined aria-hidden style={{ color: '#389e0d' }} />}
      <Typography.Text ellipsis style={{ minWidth: 0 }} title={state.offer.text}>
        {undone ? t('undo.undone', { what: state.offer.text }) : state.offer.text}
      </Typography.Text>
      {!undone && (
        <Button size="small" type="link" loading={state.phase === 'undoing'} onClick={() => void run()} style={{ paddingInline: 4, fontWeight: 600 }}>
          {t('undo.action')}
        </Button>
      )}
      <Button type="text" size="small" icon={<CloseOutlined aria-hidden />} aria-label={t('undo.dismiss')} title={t('undo.dismiss')} onClick={dismiss} />
    </Flex>
  );
}
