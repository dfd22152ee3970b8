import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApplicationCard, ApplicationCardFields } from '../../core/application.js';
import {
  activeStages,
  type Outcome,
  outcomeLabels,
  outcomes,
  type Stage,
  stageLabels,
  stages,
} from '../../core/pipeline-values.js';
import { describeError } from '../api-error.js';
import {
  allTags,
  type BoardCounts,
  countByStage,
  emptyTableFilter,
  filterApplications,
  groupByStage,
  isRejection,
  type SortOrder,
  sortApplications,
  type TableFilter,
  type TableSortKey,
  tableSortKeys,
  tableSortLabels,
} from '../board-model.js';
import { type BoardSortKey, describeNextStep, sortBoardColumn } from '../board-sort.js';
import { adoptLegacyPrefs, readPrefs, rememberPrefs } from '../browser-prefs.js';
import { BoardCard, dragType } from '../components/board-card.js';
import { BoardCardList } from '../components/board-card-list.js';
import { BoardSortSelect, useBoardSort } from '../components/board-sort-select.js';
import { BulkApplicationBar } from '../components/bulk-application-bar.js';
import { EndApplicationDialog } from '../components/end-application-dialog.js';
import { Choice } from '../components/field.js';
import { Link } from '../components/link.js';
import { SelectAll } from '../components/select-all.js';
import { StageBadge } from '../components/stage-badge.js';
import { hasLostFocus } from '../focus.js';
import { useAppDialogs } from '../hooks/use-app-dialogs.js';
import { setSearchParams, useLocation } from '../hooks/use-location.js';
import { useMoveApplications } from '../hooks/use-move-application.js';
import { useApplicationCards, useFirstBoardCards, useUserClock } from '../queries.js';
import { renderNow } from '../render-env.js';
import { applicationPath } from '../router.js';
import { formatDate } from '../zoned-time.js';

/** Runs `work` once the page has settled: a while after it first draws, when the browser is idle. */
function whenSettled(work: () => void): () => void {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if ('requestIdleCallback' in window) idle = window.requestIdleCallback(work);
    else work();
  }, 2000);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

type View = 'board' | 'table';

/**
 * The card being moved from the keyboard. Each time it is drawn anew (in its new column, or again when the
 * server's answer arrives) it takes focus back, unless the user has put focus somewhere else meanwhile.
 */
type FocusRequest = { readonly id: string };

/** The board of applications by stage, and the same applications as a sortable, filterable table. */
export function BoardPage() {
  const location = useLocation();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const view: View = params.get('view') === 'table' ? 'table' : 'board';
  const q = params.get('q') ?? '';
  const { openQuickAdd } = useAppDialogs();
  const [hideRejections, setHideRejections] = useState(() => readPrefs().hideRejections);
  const [ending, setEnding] = useState<ApplicationCardFields | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [boardSort, setBoardSort] = useBoardSort();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const move = useMoveApplications();
  // The board opens on each active column's first cards and every stage's count (a small answer however
  // many applications there are). Every card is read once something needs them: the table, a search,
  // "Show more", the ended column, selecting a whole column. Once read, they are what the board draws.
  const [wantsEveryCard, setWantsEveryCard] = useState(false);
  const everyCard = useApplicationCards(wantsEveryCard || view === 'table' || q.trim() !== '');
  // The table waits for every card rather than drawing the first ones and then growing under the reader.
  const firstCards = useFirstBoardCards(boardSort, everyCard.data === undefined && view !== 'table');
  const partial = everyCard.data || view === 'table' ? null : (firstCards.data ?? null);
  const applications = everyCard.data || view === 'table' ? everyCard : firstCards;
  const needEveryCard = useCallback(() => setWantsEveryCard(true), []);
  // "Select every application" of a column whose cards are not all loaded: applied once they are.
  const [pendingColumnSelect, setPendingColumnSelect] = useState<{
    readonly stage: Stage;
    readonly isSelected: boolean;
  } | null>(null);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(location.search);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setSearchParams(next);
  };

  const toggleHideRejections = (value: boolean) => {
    setHideRejections(value);
    rememberPrefs({ hideRejections: value });
  };

  // Choices an earlier version kept in localStorage move to the cookie, off the first page's path.
  useEffect(
    () =>
      whenSettled(() => {
        let storage: Storage | undefined;
        try {
          storage = window.localStorage;
        } catch {
          storage = undefined;
        }
        const adopted = adoptLegacyPrefs(storage);
        if (adopted?.boardSort) setBoardSort(adopted.boardSort);
        if (adopted?.hideRejections !== undefined) setHideRejections(adopted.hideRejections);
      }),
    [setBoardSort],
  );

  const requestMove = useCallback(
    (application: ApplicationCardFields, stage: Stage) => {
      setFocusRequest({ id: application.id });
      // In any order but last activity, a moved card may land beyond its new column's first cards, which the
      // first answer read again after the move would leave out (and the card, and focus, would vanish).
      if (partial && boardSort !== 'activity') setWantsEveryCard(true);
      if (stage === 'ended') {
        setEnding(application);
        return;
      }
      if (stage === application.stage) return;
      move.mutate({ action: 'move', applications: [application], input: { stage } });
    },
    [move.mutate, partial, boardSort],
  );
  const selectMany = useCallback(
    (ids: readonly string[], isSelected: boolean) =>
      setSelectedIds((current) => {
        const next = new Set(current);
        for (const id of ids) {
          if (isSelected) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const select = useCallback((id: string, isSelected: boolean) => selectMany([id], isSelected), [selectMany]);
  const releaseFocus = useCallback(
    (id: string) => setFocusRequest((current) => (current?.id === id ? null : current)),
    [],
  );

  const all = useMemo(() => everyCard.data ?? partial?.items ?? [], [everyCard.data, partial]);
  const searched = useMemo(() => filterApplications(all, { ...emptyTableFilter, q }), [all, q]);
  const selected = useMemo(() => all.filter((a) => selectedIds.has(a.id)), [all, selectedIds]);
  const total = partial
    ? stages.reduce((sum, stage) => sum + partial.counts[stage], 0)
    : (everyCard.data?.length ?? 0);
  // The counts of columns not wholly loaded come from the server.
  const columnTotals = useMemo((): BoardCounts | null => {
    if (!partial) return null;
    const { rejected, ...counts } = partial.counts;
    return hideRejections
      ? { ...counts, ended: counts.ended - rejected, hiddenRejections: rejected }
      : { ...counts, hiddenRejections: 0 };
  }, [partial, hideRejections]);

  useEffect(() => {
    if (!pendingColumnSelect || !everyCard.data) return;
    const column = groupByStage(everyCard.data, { hideRejections })[pendingColumnSelect.stage];
    selectMany(
      column.map((a) => a.id),
      pendingColumnSelect.isSelected,
    );
    setPendingColumnSelect(null);
  }, [pendingColumnSelect, everyCard.data, hideRejections, selectMany]);

  const selectColumn = useCallback(
    (stage: Stage, ids: readonly string[], isSelected: boolean) => {
      if (!partial) {
        selectMany(ids, isSelected);
        return;
      }
      setWantsEveryCard(true);
      setPendingColumnSelect({ stage, isSelected });
    },
    [partial, selectMany],
  );

  return (
    <div className="page page-wide">
      <div className="page-heading">
        <h1 tabIndex={-1}>Board</h1>
        <fieldset className="segmented">
          <legend className="visually-hidden">View</legend>
          <button type="button" aria-pressed={view === 'board'} onClick={() => setParam('view', null)}>
            Board
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setParam('view', 'table')}>
            Table
          </button>
        </fieldset>
      </div>
      <div className="toolbar">
        <div className="search">
          <label htmlFor="application-search" className="visually-hidden">
            Search applications
          </label>
          <input
            id="application-search"
            type="search"
            placeholder="Search title, company, tags, notes"
            value={q}
            aria-keyshortcuts="/"
            onChange={(e) => setParam('q', e.target.value)}
          />
        </div>
        <Choice checked={hideRejections} onChange={toggleHideRejections}>
          Hide rejections
        </Choice>
        {view === 'board' ? <BoardSortSelect value={boardSort} onChange={setBoardSort} /> : null}
        <p className="muted toolbar-count" aria-live="polite">
          {applications.data
            ? q
              ? partial
                ? 'Searching every application…'
                : `${searched.length} of ${total} applications match`
              : `${total} application${total === 1 ? '' : 's'}`
            : ''}
        </p>
      </div>
      <p id="board-move-help" className="visually-hidden">
        Use the left and right arrow keys to move to the previous or next stage, or press Enter or the down
        arrow to choose a stage.
      </p>
      {applications.isError ? (
        <p className="form-errors" role="alert">
          {describeError(applications.error)}
        </p>
      ) : null}
      {applications.isPending ? (
        <div className="placeholder board-placeholder" aria-busy="true">
          Loading applications…
        </div>
      ) : total === 0 ? (
        <section className="empty-state">
          <h2>No applications yet</h2>
          <p>Add the jobs you have applied to and they appear here, one column per stage.</p>
          <button type="button" className="button-primary" onClick={openQuickAdd}>
            Add an application
          </button>
        </section>
      ) : (
        <>
          {selected.length > 0 ? (
            <BulkApplicationBar applications={selected} onClear={() => setSelectedIds(new Set())} />
          ) : null}
          {view === 'board' ? (
            <BoardColumns
              applications={searched}
              hideRejections={hideRejections}
              sort={boardSort}
              isSearching={q.trim() !== ''}
              onMove={requestMove}
              focusRequest={focusRequest}
              onFocusLeft={releaseFocus}
              selectedIds={selectedIds}
              onSelect={select}
              onSelectColumn={selectColumn}
              totals={columnTotals}
              pendingColumnSelect={pendingColumnSelect}
              onNeedEveryCard={needEveryCard}
            />
          ) : (
            <ApplicationsTable
              applications={searched}
              hideRejections={hideRejections}
              params={params}
              setParam={setParam}
              selectedIds={selectedIds}
              onSelect={select}
              onSelectMany={selectMany}
            />
          )}
        </>
      )}
      <EndApplicationDialog application={ending} onClose={() => setEnding(null)} />
    </div>
  );
}

type BoardColumnsProps = {
  readonly applications: readonly ApplicationCard[];
  readonly hideRejections: boolean;
  readonly sort: BoardSortKey;
  readonly isSearching: boolean;
  readonly onMove: (application: ApplicationCardFields, stage: Stage) => void;
  readonly focusRequest: FocusRequest | null;
  readonly onFocusLeft: (id: string) => void;
  readonly selectedIds: ReadonlySet<string>;
  readonly onSelect: (id: string, isSelected: boolean) => void;
  /** Selects a whole column: its cards `ids` when they are all loaded, else all of it once they are. */
  readonly onSelectColumn: (stage: Stage, ids: readonly string[], isSelected: boolean) => void;
  /** Each column's count in all, when `applications` are only each column's first cards. */
  readonly totals: BoardCounts | null;
  /** A whole column (de)selected while its other cards load: its box shows the choice at once. */
  readonly pendingColumnSelect: { readonly stage: Stage; readonly isSelected: boolean } | null;
  /** Asks for every card: a column is shown further, or the ended column opened. */
  readonly onNeedEveryCard: () => void;
};

function BoardColumns({
  applications,
  hideRejections,
  sort,
  isSearching,
  onMove,
  focusRequest,
  onFocusLeft,
  selectedIds,
  onSelect,
  onSelectColumn,
  totals,
  pendingColumnSelect,
  onNeedEveryCard,
}: BoardColumnsProps) {
  const { timeZone, locale } = useUserClock();
  const [isEndedOpen, setEndedOpen] = useState(false);
  const [dropTarget, setDropTarget] = useState<Stage | null>(null);
  const columns = useMemo(() => {
    const byStage = groupByStage(applications, { hideRejections });
    return Object.fromEntries(
      stages.map((stage) => [stage, sortBoardColumn(byStage[stage], sort)]),
    ) as Record<Stage, ApplicationCard[]>;
  }, [applications, hideRejections, sort]);
  const counts = useMemo(
    () => totals ?? countByStage(applications, { hideRejections }),
    [totals, applications, hideRejections],
  );
  const byId = useMemo(() => new Map(applications.map((a) => [a.id, a])), [applications]);
  const showEnded = isEndedOpen || isSearching;
  const endedToggle = useRef<HTMLButtonElement>(null);

  // An application ended from the keyboard lands in the collapsed Ended column: focus its toggle instead.
  useEffect(() => {
    if (!focusRequest || showEnded || byId.get(focusRequest.id)?.stage !== 'ended') return;
    if (hasLostFocus()) endedToggle.current?.focus();
  }, [focusRequest, showEnded, byId]);

  const dropProps = (stage: Stage) => ({
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!event.dataTransfer.types.includes(dragType)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (dropTarget !== stage) setDropTarget(stage);
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setDropTarget(null);
      const application = byId.get(event.dataTransfer.getData(dragType));
      if (application && (application.stage !== stage || stage === 'ended')) onMove(application, stage);
    },
  });

  const dateLabel = (application: ApplicationCardFields): string | null => {
    if (application.stage === 'ended')
      return application.endedAt ? formatDate(application.endedAt, timeZone, locale) : null;
    if (application.appliedAt) return `Applied ${formatDate(application.appliedAt, timeZone, locale)}`;
    return `Saved ${formatDate(application.stageChangedAt, timeZone, locale)}`;
  };

  const now = renderNow();
  const nextStepOf = (application: ApplicationCard) =>
    describeNextStep(application.nextStep, now, (at) => formatDate(at, timeZone, locale));
  const cards = (stage: Stage) => (
    <BoardCardList
      cards={columns[stage]}
      total={totals ? counts[stage] : undefined}
      onNeedMore={onNeedEveryCard}
      keepShownId={focusRequest?.id ?? null}
      label={stageLabels[stage]}
      renderCard={(application) => {
        const nextStep = nextStepOf(application);
        return (
          <BoardCard
            nextStep={nextStep?.text ?? null}
            isNextStepOverdue={nextStep?.isOverdue ?? false}
            key={application.id}
            application={application}
            onMove={onMove}
            shouldFocus={focusRequest?.id === application.id}
            onFocusLeft={onFocusLeft}
            dateLabel={dateLabel(application)}
            isSelected={selectedIds.has(application.id)}
            onSelect={onSelect}
          />
        );
      }}
    />
  );

  // Every card of the column, drawn or not yet (beyond its "Show more"), as the column's count says.
  const heading = (stage: Stage) => {
    const ids = columns[stage].map((a) => a.id);
    return (
      <div className="column-heading">
        <h2 id={`column-${stage}`} className="column-title">
          {stageLabels[stage]} <span className="count">{counts[stage]}</span>
        </h2>
        {counts[stage] > 1 && (stage !== 'ended' || showEnded) ? (
          <SelectAll
            label={`Select every application in ${stageLabels[stage]}`}
            selectedCount={
              pendingColumnSelect?.stage === stage
                ? pendingColumnSelect.isSelected
                  ? counts[stage]
                  : 0
                : ids.filter((id) => selectedIds.has(id)).length
            }
            total={counts[stage]}
            onChange={(isSelected) => onSelectColumn(stage, ids, isSelected)}
          />
        ) : null}
      </div>
    );
  };

  return (
    <div className="board">
      {activeStages.map((stage) => (
        <section
          key={stage}
          className={`column${dropTarget === stage ? ' column-drop' : ''}`}
          aria-labelledby={`column-${stage}`}
          data-stage={stage}
          {...dropProps(stage)}
        >
          {heading(stage)}
          {counts[stage] === 0 ? <p className="column-empty muted">None</p> : cards(stage)}
        </section>
      ))}
      <section
        className={`column column-ended${dropTarget === 'ended' ? ' column-drop' : ''}${showEnded ? '' : ' column-collapsed'}`}
        aria-labelledby="column-ended"
        data-stage="ended"
        {...dropProps('ended')}
      >
        {heading('ended')}
        {counts.hiddenRejections > 0 ? (
          <p className="muted small">
            {counts.hiddenRejections} rejection{counts.hiddenRejections === 1 ? '' : 's'} hidden
          </p>
        ) : null}
        <button
          ref={endedToggle}
          type="button"
          className="button-small"
          aria-expanded={showEnded}
          aria-controls="ended-cards"
          disabled={isSearching}
          onClick={() => {
            if (!isEndedOpen) onNeedEveryCard();
            setEndedOpen((open) => !open);
          }}
        >
          {showEnded ? 'Hide ended' : 'Show ended'}
        </button>
        <div id="ended-cards" hidden={!showEnded}>
          {showEnded ? (
            counts.ended === 0 ? (
              <p className="column-empty muted">None</p>
            ) : (
              cards('ended')
            )
          ) : null}
        </div>
        {showEnded ? null : <p className="drop-hint muted small">Drop a card here to end it</p>}
      </section>
    </div>
  );
}

type ApplicationsTableProps = {
  readonly applications: readonly ApplicationCardFields[];
  readonly hideRejections: boolean;
  readonly params: URLSearchParams;
  readonly setParam: (key: string, value: string | null) => void;
  readonly selectedIds: ReadonlySet<string>;
  readonly onSelect: (id: string, isSelected: boolean) => void;
  readonly onSelectMany: (ids: readonly string[], isSelected: boolean) => void;
};

function ApplicationsTable({
  applications,
  hideRejections,
  params,
  setParam,
  selectedIds,
  onSelect,
  onSelectMany,
}: ApplicationsTableProps) {
  const { timeZone, locale } = useUserClock();
  const sortParam = params.get('sort');
  const sort: TableSortKey = tableSortKeys.includes(sortParam as TableSortKey)
    ? (sortParam as TableSortKey)
    : 'updatedAt';
  const order: SortOrder = params.get('order') === 'asc' ? 'asc' : 'desc';
  const stageParam = params.get('stage');
  const outcomeParam = params.get('outcome');
  const tagParam = params.get('tag');
  const filter = useMemo<TableFilter>(
    () => ({
      ...emptyTableFilter,
      stages: stages.includes(stageParam as Stage) ? [stageParam as Stage] : [],
      outcome: outcomes.includes(outcomeParam as Outcome) ? (outcomeParam as Outcome) : null,
      tag: tagParam,
    }),
    [stageParam, outcomeParam, tagParam],
  );
  const tags = useMemo(() => allTags(applications), [applications]);
  const rows = useMemo(() => {
    const visible = hideRejections ? applications.filter((a) => !isRejection(a)) : applications;
    return sortApplications(filterApplications(visible, filter), sort, order);
  }, [applications, hideRejections, filter, sort, order]);

  const shownIds = rows.map((a) => a.id);

  const sortBy = (key: TableSortKey) => {
    const next = new URLSearchParams(params);
    next.set('sort', key);
    next.set('order', key === sort && order === 'desc' ? 'asc' : 'desc');
    setSearchParams(next);
  };

  const columns: readonly TableSortKey[] = [
    'jobTitle',
    'company',
    'stage',
    'priority',
    'appliedAt',
    'updatedAt',
  ];
  return (
    <>
      <div className="toolbar filters">
        <label>
          Stage{' '}
          <select value={stageParam ?? ''} onChange={(e) => setParam('stage', e.target.value)}>
            <option value="">All</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome{' '}
          <select value={outcomeParam ?? ''} onChange={(e) => setParam('outcome', e.target.value)}>
            <option value="">All</option>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabels[o]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select value={filter.tag ?? ''} onChange={(e) => setParam('tag', e.target.value)}>
            <option value="">All</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <p className="muted toolbar-count">{rows.length} shown</p>
      </div>
      <div className="table-scroll card-table card-table-sortable">
        <table className="applications-table">
          <caption className="visually-hidden">
            Applications, sorted by {tableSortLabels[sort].toLowerCase()},{' '}
            {order === 'asc' ? 'ascending' : 'descending'}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="select-column">
                <SelectAll
                  label="Select every application shown"
                  selectedCount={shownIds.filter((id) => selectedIds.has(id)).length}
                  total={shownIds.length}
                  onChange={(isSelected) => onSelectMany(shownIds, isSelected)}
                />
              </th>
              {columns.map((key) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={key === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                    {tableSortLabels[key]}
                    <span aria-hidden="true">{key === sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className={selectedIds.has(a.id) ? 'row-selected' : undefined}>
                <td className="select-cell">
                  <input
                    type="checkbox"
                    checked={selectedIds.has(a.id)}
                    onChange={(e) => onSelect(a.id, e.target.checked)}
                    aria-label={`Select ${a.jobTitle} at ${a.company.name}`}
                  />
                </td>
                <td data-label={tableSortLabels.jobTitle}>
                  <Link to={applicationPath(a.id)}>{a.jobTitle}</Link>
                </td>
                <td data-label={tableSortLabels.company}>{a.company.name}</td>
                <td data-label={tableSortLabels.stage}>
                  <StageBadge application={a} />
                </td>
                <td data-label={tableSortLabels.priority}>{a.priority}</td>
                <td data-label={tableSortLabels.appliedAt}>
                  {a.appliedAt ? (
                    formatDate(a.appliedAt, timeZone, locale)
                  ) : a.stage === 'saved' ? (
                    <span className="muted">Saved {formatDate(a.stageChangedAt, timeZone, locale)}</span>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={tableSortLabels.updatedAt}>{formatDate(a.updatedAt, timeZone, locale)}</td>
                <td data-label="Tags">{a.tags.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="muted">No application matches.</p> : null}
      </div>
    </>
  );
}
