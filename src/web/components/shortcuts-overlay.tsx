import { boardShortcuts, dialogShortcuts, globalShortcuts, type Shortcut } from '../shortcuts.js';
import { Dialog } from './dialog.js';

type ShortcutsOverlayProps = { readonly open: boolean; readonly onClose: () => void };

/** The `?` overlay: every keyboard shortcut, grouped by where it works. */
export function ShortcutsOverlay({ open, onClose }: ShortcutsOverlayProps) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <ShortcutTable caption="Anywhere (outside text fields)" shortcuts={Object.values(globalShortcuts)} />
      <ShortcutTable caption="On a board card’s move button" shortcuts={boardShortcuts} />
      <ShortcutTable caption="In dialogs" shortcuts={dialogShortcuts} />
    </Dialog>
  );
}

function ShortcutTable({ caption, shortcuts }: { caption: string; shortcuts: readonly Shortcut[] }) {
  return (
    <table className="shortcuts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {shortcuts.map((s) => (
          <tr key={s.description}>
            <td>
              {s.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 ? ' then ' : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </td>
            <td>{s.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
