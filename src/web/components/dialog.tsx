import { type ReactNode, useEffect, useId, useRef } from 'react';

type DialogProps = {
  readonly open: boolean;
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly size?: 'narrow' | 'wide';
  readonly description?: ReactNode;
};

/**
 * A modal built on the native <dialog>: the browser traps focus inside it, closes it on Escape and gives
 * focus back to what opened it.
 */
export function Dialog({ open, title, onClose, children, size = 'narrow', description }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // The close event comes a task after close(); a key press (which the browser runs first) may have opened
    // the dialog again meanwhile, as `n` right after a quick add does. That late event closes nothing.
    const handleClose = () => {
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener('close', handleClose);
    return () => dialog.removeEventListener('close', handleClose);
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      {open ? (
        <div className="dialog-body">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description ? (
            <p className="dialog-description" id={descriptionId}>
              {description}
            </p>
          ) : null}
          {children}
          {/* Last in the tab order so focus starts on the first field; drawn in the top corner. */}
          <button
            type="button"
            className="button-icon dialog-close"
            aria-label="Close"
            onClick={() => ref.current?.close()}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
