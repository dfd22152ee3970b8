export type ShortcutAction =
  | 'help'
  | 'search'
  | 'quick-add'
  | 'log-interview'
  | 'undo'
  | 'go-today'
  | 'go-board'
  | 'go-contacts'
  | 'go-companies'
  | 'go-settings';

export type Shortcut = { readonly keys: readonly string[]; readonly description: string };

/** The key that runs the Undo of the latest notice offering one. */
export const undoKey = 'z';

/** Keys that work anywhere outside a text field; shown in the `?` overlay in this order. */
export const globalShortcuts: Readonly<Record<ShortcutAction, Shortcut>> = {
  help: { keys: ['?'], description: 'Show these keyboard shortcuts' },
  search: { keys: ['/'], description: 'Search applications' },
  'quick-add': { keys: ['n'], description: 'Add an application' },
  'log-interview': { keys: ['i'], description: 'Log an interview' },
  undo: { keys: [undoKey], description: 'Undo the last done, skip, snooze or move (while its notice shows)' },
  'go-today': { keys: ['g', 't'], description: 'Go to Today' },
  'go-board': { keys: ['g', 'b'], description: 'Go to the board' },
  'go-contacts': { keys: ['g', 'c'], description: 'Go to contacts' },
  'go-companies': { keys: ['g', 'o'], description: 'Go to companies' },
  'go-settings': { keys: ['g', 's'], description: 'Go to settings' },
};

/** Keys on a board card's move button. */
export const boardShortcuts: readonly Shortcut[] = [
  { keys: ['←'], description: 'Move the application to the previous stage' },
  { keys: ['→'], description: 'Move the application to the next stage (after Offer comes Ended)' },
  { keys: ['Enter'], description: 'Choose any stage from a list' },
];

export const dialogShortcuts: readonly Shortcut[] = [{ keys: ['Esc'], description: 'Close a dialog' }];

export type KeyState = { readonly pending: 'g' | null };

export const initialKeyState: KeyState = { pending: null };

/**
 * Reads one key press (already known not to be typed into a field and not held with Ctrl, Alt or Meta).
 * `g` waits for a second key; any other key after it cancels the sequence.
 */
export function interpretKey(
  state: KeyState,
  key: string,
): { state: KeyState; action: ShortcutAction | null } {
  if (state.pending === 'g') {
    const action = goKeys[key.toLowerCase()] ?? null;
    return { state: initialKeyState, action };
  }
  if (key === 'g' || key === 'G') return { state: { pending: 'g' }, action: null };
  return { state: initialKeyState, action: singleKeys[key] ?? null };
}

const singleKeys: Readonly<Record<string, ShortcutAction>> = {
  '?': 'help',
  '/': 'search',
  n: 'quick-add',
  i: 'log-interview',
  [undoKey]: 'undo',
};

const goKeys: Readonly<Record<string, ShortcutAction>> = {
  t: 'go-today',
  b: 'go-board',
  c: 'go-contacts',
  o: 'go-companies',
  s: 'go-settings',
};
