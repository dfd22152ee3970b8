import { describe, expect, it } from 'vitest';
import {
  adoptLegacyPrefs,
  type CookieJar,
  prefsCookieName,
  readPrefs,
  rememberPrefs,
} from './browser-prefs.js';

/** A cookie jar as a browser keeps one: each write sets one cookie, reading lists them all. */
function jar(initial: Record<string, string> = {}): CookieJar & { written: string[] } {
  const cookies = new Map(Object.entries(initial));
  const written: string[] = [];
  return {
    written,
    read: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    write: (cookie) => {
      written.push(cookie);
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair as string).split('=');
      cookies.set(name as string, value.join('='));
    },
  };
}

function storage(items: Record<string, string>) {
  const stored = new Map(Object.entries(items));
  return {
    stored,
    getItem: (key: string) => stored.get(key) ?? null,
    removeItem: (key: string) => void stored.delete(key),
  };
}

describe('browser prefs', () => {
  it('answers the defaults with no cookie, and reads back what was remembered', () => {
    const cookies = jar({ other: 'x' });
    expect(readPrefs(cookies)).toEqual({ boardSort: 'activity', hideRejections: false });
    rememberPrefs({ boardSort: 'nextStep' }, cookies);
    rememberPrefs({ hideRejections: true }, cookies);
    expect(readPrefs(cookies)).toEqual({ boardSort: 'nextStep', hideRejections: true });
    expect(cookies.written.at(-1)).toMatch(
      new RegExp(`^${prefsCookieName}=[^;]+; Path=/; Max-Age=31536000; SameSite=Lax$`),
    );
  });

  it('falls back to the defaults for a cookie it did not write, or a browser that refuses cookies', () => {
    expect(readPrefs(jar({ [prefsCookieName]: '%E0%A4%A' }))).toEqual({
      boardSort: 'activity',
      hideRejections: false,
    });
    expect(readPrefs(jar({ [prefsCookieName]: 'sort%3DdueDate' })).boardSort).toBe('activity');
    const refusing: CookieJar = {
      read: () => {
        throw new Error('SecurityError');
      },
      write: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readPrefs(refusing)).toEqual({ boardSort: 'activity', hideRejections: false });
    expect(() => rememberPrefs({ boardSort: 'company' }, refusing)).not.toThrow();
  });

  it('carries choices kept in localStorage over to the cookie once, and forgets them there', () => {
    const cookies = jar();
    const old = storage({ 'hearback.board.sort': 'priority', 'hearback.board.hideRejections': '1' });
    expect(adoptLegacyPrefs(old, cookies)).toEqual({ boardSort: 'priority', hideRejections: true });
    expect(readPrefs(cookies)).toEqual({ boardSort: 'priority', hideRejections: true });
    expect(old.stored.size).toBe(0);
    expect(adoptLegacyPrefs(storage({ 'hearback.board.sort': 'company' }), cookies)).toBeNull();
    expect(readPrefs(cookies).boardSort).toBe('priority');
  });

  it('adopts nothing when nothing was stored', () => {
    expect(adoptLegacyPrefs(storage({}), jar())).toBeNull();
  });
});
