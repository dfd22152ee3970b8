import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { Link } from './link.js';

export type Notice = {
  readonly id: number;
  readonly text: string;
  readonly link?: { to: string; label: string };
};

type NoticesApi = { notify(text: string, link?: Notice['link']): void };

const NoticesContext = createContext<NoticesApi>({ notify: () => {} });

/** Short confirmations ("Moved to Interviewing"), shown for a few seconds and read out by screen readers. */
export function NoticesProvider({ children }: { readonly children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const serial = useRef(0);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (text: string, link?: Notice['link']) => {
      serial.current += 1;
      const id = serial.current;
      setNotices((list) => [...list.slice(-2), { id, text, ...(link ? { link } : {}) }]);
      window.setTimeout(() => dismiss(id), 8000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <NoticesContext.Provider value={api}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <div className="notice" key={notice.id}>
            <span className="notice-text">{notice.text}</span>
            {notice.link ? <Link to={notice.link.to}>{notice.link.label}</Link> : null}
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
