import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FollowUp } from '../../core/follow-up.js';
import type { Interview } from '../../core/interview.js';
import { describeLinkAnswer } from '../../core/response-link-values.js';
import type { TodayAnswer } from '../../core/today.js';
import { describeError } from '../api-error.js';
import { BulkStepBar } from '../components/bulk-step-bar.js';
import { Dialog } from '../components/dialog.js';
import { DraftDialog } from '../components/draft-dialog.js';
import { FollowUpCard } from '../components/follow-up-card.js';
import { PostInterviewPrompt } from '../components/lazy-forms.js';
import { Link } from '../components/link.js';
import { useNotices } from '../components/notices.js';
import { SelectAll } from '../components/select-all.js';
import { ShowMoreList } from '../components/show-more-list.js';
import { useAppDialogs } from '../hooks/use-app-dialogs.js';
import { interviewTitle } from '../labels.js';
import { useToday, useTodayAll, useUserClock } from '../queries.js';
import { renderNow } from '../render-env.js';
import { applicationPath } from '../router.js';
import { countTodayItems, type TodayGroup, todayGroups } from '../today-view.js';
import { formatDate, formatDateTime } from '../zoned-time.js';

const groupTitles: Readonly<Record<TodayGroup, string>> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'This week',
};

/** The label of each group's "select all" box. */
const groupSelectLabels: Readonly<Record<TodayGroup, string>> = {
  overdue: 'Select every overdue step',
  today: 'Select every step due today',
  week: 'Select every step due this week',
};

const groupEmpty: Readonly<Record<TodayGroup, string>> = {
  overdue: 'Nothing overdue.',
  today: 'Nothing due today.',
  week: 'Nothing else due in the next seven days.',
};

/** Home: what to do today, and for a new user, how to start. */
export function TodayPage() {
  // One request holds everything the page draws: each group's first steps with its total, the interviews to
  // debrief, whether any application exists. Not the list of applications, which at a few thousand is most
  // of a second to load. Every step is read only when a group is shown further or selected whole.
  const first = useToday();
  const [wantsEveryStep, setWantsEveryStep] = useState(false);
  const every = useTodayAll(wantsEveryStep);
  const today = every.data ? every : first;
  // "Select every step" of a group whose steps are not all loaded: applied once they are.
  const [pendingGroupSelect, setPendingGroupSelect] = useState<{
    readonly group: TodayGroup;
    readonly isSelected: boolean;
  } | null>(null);
  const { timeZone, locale } = useUserClock();
  const { openQuickAdd } = useAppDialogs();
  const { notify } = useNotices();
  const [draftStep, setDraftStep] = useState<FollowUp | null>(null);
  const [debriefing, setDebriefing] = useState<Interview | null>(null);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());

  // Only steps still on the screen stay selected: one done elsewhere (or by the bar) leaves the selection.
  const selected = useMemo(
    () =>
      todayGroups
        .flatMap((group) => today.data?.[group] ?? [])
        .filter((item) => selectedIds.has(item.step.id))
        .map((item) => item.step),
    [today.data, selectedIds],
  );
  const select = useCallback(
    (steps: readonly FollowUp[], isSelected: boolean) =>
      setSelectedIds((current) => {
        const next = new Set(current);
        for (const step of steps) {
          if (isSelected) next.add(step.id);
          else next.delete(step.id);
        }
        return next;
      }),
    [],
  );
  const selectStep = useCallback(
    (step: FollowUp, isSelected: boolean) => select([step], isSelected),
    [select],
  );

  const isNewUser = today.data?.applicationCount === 0;

  useEffect(() => {
    if (!pendingGroupSelect || !every.data) return;
    select(
      every.data[pendingGroupSelect.group].map((item) => item.step),
      pendingGroupSelect.isSelected,
    );
    setPendingGroupSelect(null);
  }, [pendingGroupSelect, every.data, select]);

  const selectGroup = (group: TodayGroup, isSelected: boolean) => {
    const data = today.data;
    if (!data) return;
    if (data[group].length >= data.totals[group]) {
      select(
        data[group].map((item) => item.step),
        isSelected,
      );
      return;
    }
    setWantsEveryStep(true);
    setPendingGroupSelect({ group, isSelected });
  };

  return (
    <div className="page">
      <div className="page-heading">
        <h1 tabIndex={-1}>Today</h1>
        <p className="muted">{formatDate(renderNow().toISOString(), timeZone, locale)}</p>
      </div>
      {today.isError ? (
        <p className="form-errors" role="alert">
          {describeError(today.error)}
        </p>
      ) : null}
      {today.isPending ? (
        <div className="placeholder" aria-busy="true">
          Loading what is due…
        </div>
      ) : isNewUser ? (
        <section className="empty-state" aria-labelledby="welcome-title">
          <h2 id="welcome-title">Welcome to hearback</h2>
          <p>hearback tells you each morning whom to thank, call or nudge about your job applications.</p>
          <ol>
            <li>
              <strong>Add the jobs you have applied to</strong>, or want to: paste the posting’s link or fill
              in the company and job title.
            </li>
            <li>
              <strong>Log each interview</strong> with who interviewed you and when they said they would
              decide.
            </li>
            <li>
              <strong>Come back here</strong>: thank-you notes, follow-ups and check-ins appear on the day
              they are due, with a draft ready to send.
            </li>
          </ol>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={openQuickAdd}>
              Add your first application
            </button>
            <span>
              or <Link to="/import">import a spreadsheet</Link> (Huntr, Teal, LinkedIn, JobSync and others)
            </span>
          </div>
          <p className="hint">
            Tip: press <kbd>n</kbd> to add an application and <kbd>i</kbd> to log an interview from any page;{' '}
            <kbd>?</kbd> lists every shortcut.
          </p>
        </section>
      ) : today.data ? (
        <>
          <LinkAnswers answers={today.data.answers} />
          {today.data.debriefs.length > 0 ? (
            <section className="today-group" aria-labelledby="debrief-title">
              <h2 id="debrief-title">How did it go?</h2>
              <ul className="plain-list">
                {today.data.debriefs.map(({ interview, application }) => {
                  return (
                    <li key={interview.id} className="debrief">
                      <span>
                        {interviewTitle(interview.round)} for{' '}
                        <Link to={applicationPath(application.id)}>
                          {application.jobTitle} — {application.companyName}
                        </Link>
                        ,{' '}
                        <time dateTime={interview.startsAt}>
                          {formatDateTime(interview.startsAt, timeZone, locale)}
                        </time>
                      </span>
                      <button type="button" onClick={() => setDebriefing(interview)}>
                        Tell hearback
                        <span className="visually-hidden"> how the interview went</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          {countTodayItems(today.data) === 0 ? (
            <section className="empty-state" aria-labelledby="all-clear-title">
              <h2 id="all-clear-title">Nothing to do this week</h2>
              <p>
                Follow-ups appear here when they are due. Log an interview (<kbd>i</kbd>) and hearback plans
                the thank-you notes and the follow-up; add applications (<kbd>n</kbd>) and it plans check-ins.
              </p>
            </section>
          ) : (
            <>
              {selected.length > 0 ? (
                <BulkStepBar steps={selected} onClear={() => setSelectedIds(new Set())} />
              ) : null}
              {todayGroups.map((group) => {
                const items = today.data[group];
                const total = today.data.totals[group];
                return (
                  <section
                    key={group}
                    className={`today-group today-${group}`}
                    aria-labelledby={`today-${group}-title`}
                  >
                    <div className="today-group-heading">
                      <h2 id={`today-${group}-title`}>
                        {groupTitles[group]} <span className="count">{total}</span>
                      </h2>
                      {total > 1 ? (
                        <SelectAll
                          label={groupSelectLabels[group]}
                          selectedCount={items.filter((item) => selectedIds.has(item.step.id)).length}
                          total={total}
                          onChange={(isSelected) => selectGroup(group, isSelected)}
                        />
                      ) : null}
                    </div>
                    {total === 0 ? (
                      <p className="muted">{groupEmpty[group]}</p>
                    ) : (
                      <ShowMoreList
                        className="plain-list follow-up-list"
                        label={groupTitles[group].toLowerCase()}
                        items={items}
                        total={total}
                        onNeedMore={() => setWantsEveryStep(true)}
                        itemKey={todayItemKey}
                        renderItem={(item) => (
                          <FollowUpCard
                            item={item}
                            showApplication
                            onOpenDraft={setDraftStep}
                            isSelected={selectedIds.has(item.step.id)}
                            onSelect={selectStep}
                          />
                        )}
                      />
                    )}
                  </section>
                );
              })}
            </>
          )}
        </>
      ) : null}
      <DraftDialog step={draftStep} onClose={() => setDraftStep(null)} />
      <Dialog open={debriefing !== null} title="How did it go?" onClose={() => setDebriefing(null)}>
        {debriefing ? (
          <PostInterviewPrompt
            interview={debriefing}
            onDone={(saved) => {
              if (saved) notify('Saved how the interview went');
              setDebriefing(null);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function todayItemKey(item: { readonly step: { readonly id: string } }): string {
  return item.step.id;
}

/**
 * What employers answered through the response link lately, each with the ending it suggests. Ending stays
 * the user's decision: the application page opens with it.
 */
function LinkAnswers({ answers }: { answers: readonly TodayAnswer[] }) {
  if (answers.length === 0) return null;
  return (
    <section className="today-group today-answers" aria-labelledby="today-answers-title">
      <h2 id="today-answers-title">Employers answered</h2>
      <ul className="plain-list">
        {answers.map((item) => {
          const words = describeLinkAnswer(item);
          return (
            <li key={item.eventId} className="link-answer">
              <p>
                <Link to={applicationPath(item.application.id)}>
                  {item.application.jobTitle} — {item.application.companyName}
                </Link>
                : {words.answer} <span className="muted">(via response link)</span>
              </p>
              {item.message ? <p className="prose">“{item.message}”</p> : null}
              {item.suggestedEnding && words.suggestion ? (
                <p className="hint">{words.suggestion}: open the application to end it.</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
