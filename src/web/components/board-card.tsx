import { type DragEvent, type KeyboardEvent, memo, useEffect, useRef, useState } from 'react';
import type { ApplicationCardFields } from '../../core/application.js';
import { type Stage, stageLabels, stages } from '../../core/pipeline-values.js';
import { neighbourStage } from '../board-model.js';
import { hasLostFocus } from '../focus.js';
import { applicationPath } from '../router.js';
import { Link } from './link.js';
import { StageBadge } from './stage-badge.js';

export const dragType = 'application/x-hearback-application';

type BoardCardProps = {
  readonly application: ApplicationCardFields;
  readonly onMove: (application: ApplicationCardFields, stage: Stage) => void;
  /** Set after a keyboard move, so focus follows the card into its new column. */
  readonly shouldFocus: boolean;
  /** Called when the user moves focus away from this card's move button. */
  readonly onFocusLeft: (id: string) => void;
  readonly dateLabel: string | null;
  /** "Next: First follow-up, Tue, 8 Dec 2026"; null when no step is open. */
  readonly nextStep: string | null;
  readonly isNextStepOverdue: boolean;
  readonly isSelected: boolean;
  readonly onSelect: (id: string, isSelected: boolean) => void;
};

/**
 * A card on the board. Drag it to another column, or use its move button: ArrowLeft and ArrowRight step to
 * the previous or next stage, Enter opens the list of stages, ArrowDown (or ArrowUp) opens it and enters it at
 * its first (or last) stage; inside, the arrows, Home and End walk the list and Escape leaves it.
 */
export const BoardCard = memo(function BoardCard({
  application,
  onMove,
  shouldFocus,
  onFocusLeft,
  dateLabel,
  nextStep,
  isNextStepOverdue,
  isSelected,
  onSelect,
}: BoardCardProps) {
  const moveButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [isMenuOpen, setMenuOpen] = useState(false);
  const [menuFocus, setMenuFocus] = useState<'first' | 'last' | null>(null);

  // The menu is drawn after the key that opens it, so its item is focused once it is there.
  useEffect(() => {
    if (!isMenuOpen || menuFocus === null) return;
    const items = menuItems(menu.current);
    (menuFocus === 'first' ? items[0] : items.at(-1))?.focus();
    setMenuFocus(null);
  }, [isMenuOpen, menuFocus]);

  // Runs on every render while this card is being moved: a card drawn anew has a button that never had focus.
  useEffect(() => {
    if (shouldFocus && hasLostFocus()) moveButton.current?.focus();
  });

  const startDrag = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(dragType, application.id);
    event.dataTransfer.setData('text/plain', application.jobTitle);
    event.dataTransfer.effectAllowed = 'move';
  };

  const onMoveKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setMenuOpen(true);
      setMenuFocus(event.key === 'ArrowDown' ? 'first' : 'last');
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const target = neighbourStage(application, event.key === 'ArrowLeft' ? 'previous' : 'next');
    if (target) onMove(application, target);
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setMenuOpen(false);
      moveButton.current?.focus();
      return;
    }
    const items = menuItems(menu.current);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown'
        ? (at + 1) % items.length
        : event.key === 'ArrowUp'
          ? (at - 1 + items.length) % items.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? items.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    items[next]?.focus();
  };

  const choose = (stage: Stage) => {
    setMenuOpen(false);
    onMove(application, stage);
  };

  const label = `${application.jobTitle} at ${application.company.name}`;
  return (
    <li
      className={`card${isMenuOpen ? ' card-menu-open' : ''}${isSelected ? ' card-selected' : ''}`}
      draggable
      onDragStart={startDrag}
      data-application-id={application.id}
    >
      <div className="card-heading">
        <Link className="card-title" to={applicationPath(application.id)}>
          {application.jobTitle}
        </Link>
        <input
          type="checkbox"
          className="card-select"
          checked={isSelected}
          onChange={(e) => onSelect(application.id, e.target.checked)}
          aria-label={`Select ${label}`}
        />
      </div>
      <p className="card-company">{application.company.name}</p>
      <div className="card-meta">
        {application.stage === 'ended' ? <StageBadge application={application} /> : null}
        {dateLabel ? <span className="muted">{dateLabel}</span> : null}
      </div>
      {nextStep ? (
        <p className={isNextStepOverdue ? 'card-next card-next-overdue' : 'card-next'}>{nextStep}</p>
      ) : null}
      <div className="card-move">
        <button
          ref={moveButton}
          type="button"
          className="button-small"
          aria-haspopup="true"
          aria-expanded={isMenuOpen}
          aria-label={`Move ${label}, now ${stageLabels[application.stage]}`}
          aria-describedby="board-move-help"
          onKeyDown={onMoveKey}
          onBlur={(e) => {
            if (e.relatedTarget) onFocusLeft(application.id);
          }}
          onClick={() => setMenuOpen((open) => !open)}
        >
          Move
        </button>
        {isMenuOpen ? (
          <ul ref={menu} className="move-menu" aria-label={`Move ${label} to`} onKeyDown={onMenuKey}>
            {stages
              .filter((stage) => stage !== application.stage || stage === 'ended')
              .map((stage) => (
                <li key={stage}>
                  <button type="button" onClick={() => choose(stage)}>
                    {stage === 'ended'
                      ? application.stage === 'ended'
                        ? 'Change outcome…'
                        : 'End…'
                      : stageLabels[stage]}
                  </button>
                </li>
              ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
});

function menuItems(menu: HTMLUListElement | null): HTMLButtonElement[] {
  return menu ? [...menu.querySelectorAll('button')] : [];
}
