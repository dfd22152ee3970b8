import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { undoKey } from '../shortcuts.js';
import { Link } from './link.js';

export type Notice = {
  readonly id: number;
  readonly text: string;
  readonly link?: { to: string; label: string };
  /** Takes back the change the notice reports; offered as long as the notice shows. */
  readonly undo?: () => void;
  /** Sends again, with the same input, a change the notice says did not go through. */
  readonly retry?: () => void;
};

type NoticesApi = {
  notify(text: string, link?: Notice['link']): void;
  /** Reports a change already made on screen, with an Undo button (and the `z` key while it is the latest). */
  notifyUndoable(text: string, undo: () => void): void;
  /** Reports a change that did not go through, with a Try again button that sends it again as it was. */
  notifyRetryable(text: string, retry: () => void): void;
  /** Runs the latest Undo still offered; false when there is none. */
  undoLatest(): boolean;
};

const NoticesContext = createContext<NoticesApi>({
  notify: () => {},
  notifyUndoable: () => {},
  notifyRetryable: () => {},
  undoLatest: () => false,
});

const shownFor = 8000;
/** Long enough to notice a slip and reach the button; the timer also waits while the notice has focus or the pointer. */
const undoableFor = 12_000;

/**
 * Short confirmations ("Moved to Interviewing"), shown for a few seconds and read out by screen readers,
 * some with an Undo for the change they report.
 */
export function NoticesProvider({ children }: { readonly children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const serial = useRef(0);
  const timers = useRef(new Map<number, number>());
  const latest = useRef<Notice[]>([]);
  latest.current = notices;

  const dismiss = useCallback((id: number) => {
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);
  const startTimer = useCallback(
    (notice: Notice) => {
      window.clearTimeout(timers.current.get(notice.id));
      const wait = notice.undo || notice.retry ? undoableFor : shownFor;
      timers.current.set(
        notice.id,
        window.setTimeout(() => dismiss(notice.id), wait),
      );
    },
    [dismiss],
  );
  const pause = useCallback((id: number) => window.clearTimeout(timers.current.get(id)), []);
  const show = useCallback(
    (notice: Omit<Notice, 'id'>) => {
      serial.current += 1;
      const shown = { ...notice, id: serial.current };
      setNotices((list) => [...list.slice(-2), shown]);
      startTimer(shown);
    },
    [startTimer],
  );
  const runUndo = useCallback(
    (notice: Notice) => {
      dismiss(notice.id);
      notice.undo?.();
    },
    [dismiss],
  );
  const runRetry = useCallback(
    (notice: Notice) => {
      dismiss(notice.id);
      notice.retry?.();
    },
    [dismiss],
  );
  const api = useMemo<NoticesApi>(
    () => ({
      notify: (text, link) => show({ text, ...(link ? { link } : {}) }),
      notifyUndoable: (text, undo) => show({ text, undo }),
      notifyRetryable: (text, retry) => show({ text, retry }),
      undoLatest: () => {
        const notice = latest.current.findLast((n) => n.undo);
        if (notice) runUndo(notice);
        return notice !== undefined;
      },
    }),
    [show, runUndo],
  );
  return (
    <NoticesContext.Provider value={api}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: the handlers only hold the notice open while it is being read or reached
          <div
            className="notice"
            key={notice.id}
            onMouseEnter={() => pause(notice.id)}
            onMouseLeave={() => startTimer(notice)}
            onFocus={() => pause(notice.id)}
            onBlur={() => startTimer(notice)}
          >
            <span className="notice-text">{notice.text}</span>
            {notice.link ? <Link to={notice.link.to}>{notice.link.label}</Link> : null}
            {notice.undo ? (
              <button
                type="button"
                className="notice-undo"
                aria-keyshortcuts={undoKey}
                onClick={() => runUndo(notice)}
              >
                Undo{' '}
                <span className="notice-key" aria-hidden="true">
                  {undoKey}
                </span>
              </button>
            ) : null}
            {notice.retry ? (
              <button type="button" className="notice-undo" onClick={() => runRetry(notice)}>
                Try again
              </button>
            ) : null}
            <button
              type="button"
              className="button-icon"
              aria-label="Dismiss"
              onClick={() => dismiss(notice.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ))}
      </div>
    </NoticesContext.Provider>
  );
}

export function useNotices(): NoticesApi {
  return useContext(NoticesContext);
}
