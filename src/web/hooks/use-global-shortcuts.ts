import { useEffect, useRef } from 'react';
import { initialKeyState, interpretKey, type ShortcutAction } from '../shortcuts.js';

/** True when a key press belongs to what the user is typing, not to the app. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/** Listens for the app's shortcuts anywhere on the page, except while typing or with a dialog open. */
export function useGlobalShortcuts(onAction: (action: ShortcutAction) => void): void {
  const state = useRef(initialKeyState);
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    const listen = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const result = interpretKey(state.current, event.key);
      state.current = result.state;
      if (result.action) {
        event.preventDefault();
        handler.current(result.action);
      }
    };
    window.addEventListener('keydown', listen);
    return () => window.removeEventListener('keydown', listen);
  }, []);
}
