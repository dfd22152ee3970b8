import { useSyncExternalStore } from 'react';
import { renderLocation } from '../render-env.js';

export type Location = { readonly pathname: string; readonly search: string };

const changeEvent = 'hearback:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

let cached: Location | null = null;

function snapshot(): Location {
  const { pathname, search } = window.location;
  if (!cached || cached.pathname !== pathname || cached.search !== search) cached = { pathname, search };
  return cached;
}

/** A server render's address (it has no window); in the browser, hydrating that HTML, the page's own. */
function serverSnapshot(): Location {
  return renderLocation() ?? snapshot();
}

/** The current path and query; components re-render when either changes. */
export function useLocation(): Location {
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}

/** Goes to a path inside the app without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(changeEvent));
}

/** Replaces the query string (filters, views) without adding a history entry for every keystroke. */
export function setSearchParams(params: URLSearchParams): void {
  const text = params.toString();
  navigate(`${window.location.pathname}${text ? `?${text}` : ''}`, { replace: true });
}
