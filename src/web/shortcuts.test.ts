import { describe, expect, it } from 'vitest';
import { globalShortcuts, initialKeyState, interpretKey, type ShortcutAction } from './shortcuts.js';

function press(keys: readonly string[]): (ShortcutAction | null)[] {
  let state = initialKeyState;
  return keys.map((key) => {
    const result = interpretKey(state, key);
    state = result.state;
    return result.action;
  });
}

describe('keyboard shortcuts', () => {
  it('runs every documented shortcut from its keys', () => {
    for (const [action, shortcut] of Object.entries(globalShortcuts)) {
      expect(press(shortcut.keys).at(-1), shortcut.keys.join(' ')).toBe(action);
    }
  });

  it('waits after g for the second key and forgets the g after any other key', () => {
    expect(press(['g', 'x', 't'])).toEqual([null, null, null]);
    expect(press(['g', 'b'])).toEqual([null, 'go-board']);
    expect(press(['g', 'g', 'n'])).toEqual([null, null, 'quick-add']);
  });

  it('ignores keys that are not shortcuts', () => {
    expect(press(['a', 'Enter', 'Shift', 'q'])).toEqual([null, null, null, null]);
  });
});
