import type { Outcome } from '../../src/core/pipeline.js';
import { createApplication, moveApplication } from '../../src/services/applications.js';
import { createCompany } from '../../src/services/companies.js';
import { createContact } from '../../src/services/contacts.js';
import type { Deps } from '../../src/services/deps.js';
import { inTransaction } from '../../src/services/deps.js';
import { createEvent } from '../../src/services/events.js';
import { createFollowUp, markFollowUpDone } from '../../src/services/follow-ups.js';
import { createInterview } from '../../src/services/interviews.js';

/** A small deterministic generator, so every run seeds the same data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const titles = [
  'Backend Engineer',
  'Data Analyst',
  'Product Designer',
  'Account Executive',
  'Nurse Practitioner',
  'Financial Analyst',
];
const dayMs = 86_400_000;
const sources = ['referral', 'job_board', 'company_site', 'recruiter'] as const;
const sizeBands = ['1-24', '50-99', '100-499', '1000-4999', '10000+'] as const;
const endings: readonly Outcome[] = ['rejected', 'no_response', 'withdrew', 'position_closed'];

/**
 * One user's realistic search: `count` applications over the last year across 300 companies (of five size
 * bands), from four sources and with three resume versions, each with a full stage history: a third reached
 * interviews (a screening first, then the interview, with interviewers, decision dates and notes), a ninth an
 * offer, a fifth ended (accepted or declined after an offer, otherwise rejected, no response, withdrew or the
 * position closed); notes, messages and replies; follow-up steps in every status, some due today. Written
 * through the services, in one transaction, with the clock at `now`: a move the services date "now" (an
 * interview still to come moves the application on at once) then lies no later than the seeded events after
 * it, so every history stays in order.
 */
export async function seedSearch(deps: Deps, count: number, now: Date): Promise<void> {
  const random = createRandom(7);
  const iso = (ms: number) => new Date(ms).toISOString();
  // What already happened is dated no later than now: hearback refuses a "happened at" time in the future.
  const past = (ms: number) => iso(Math.min(ms, now.getTime()));
  // The search's "today" is a noon already past, so that a run just after midnight (UTC) does not date its
  // latest events after now, out of order with the ones before them.
  const day = now.getUTCHours() >= 13 ? now : new Date(now.getTime() - 86_400_000);
  const today = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
  const seedDeps: Deps = { ...deps, clock: { now: () => new Date(now.getTime()) } };
  await inTransaction(seedDeps, async (tx) => {
    for (let c = 1; c <= 300; c++) {
      await createCompany(tx, { name: `Company ${c}`, sizeBand: sizeBands[c % sizeBands.length] });
    }
    for (let i = 0; i < count; i++) {
      const appliedAt = today - random.int(5, 360) * dayMs;
      const application = await createApplication(tx, {
        companyName: `Company ${random.int(1, 300)}`,
        jobTitle: `${titles[i % titles.length]} ${i}`,
        postingUrl: `https://jobs.example.com/${i}`,
        posting: { descriptionText: 'We are looking for someone who ships. '.repeat(20), location: 'Remote' },
        source: { kind: sources[i % sources.length]!, detail: null },
        resume: { name: `Resume v${(i % 3) + 1}` },
        tags: i % 3 === 0 ? ['remote', 'priority'] : ['onsite'],
        notes: `Notes for application ${i}`,
        stageAt: iso(appliedAt),
      });
      await createEvent(tx, {
        kind: 'note',
        applicationId: application.id,
        text: 'Researched the team',
        occurredAt: past(appliedAt + dayMs),
      });
      const isInterviewed = i % 3 === 0;
      const hasOffer = i % 9 === 0;
      if (isInterviewed) {
        await moveApplication(tx, application.id, {
          stage: 'screening',
          occurredAt: past(appliedAt + 3 * dayMs),
        });
        const interviewer = await createContact(tx, {
          name: `Interviewer ${i}`,
          role: 'interviewer',
          companyId: application.company.id,
        });
        const start = appliedAt + 7 * dayMs;
        const interview = await createInterview(tx, {
          applicationId: application.id,
          round: 'technical',
          startsAt: iso(start),
          endsAt: iso(start + 3_600_000),
          timeZone: 'Europe/Berlin',
          interviewerIds: [interviewer.id],
          decisionDate: new Date(start + 10 * dayMs).toISOString().slice(0, 10),
          topics: 'system design',
        });
        await createEvent(tx, {
          kind: 'message_sent',
          applicationId: application.id,
          channel: 'email',
          contactId: interviewer.id,
          subject: 'Thank you',
          occurredAt: past(start + 20 * 3_600_000),
        });
        const thanks = await createFollowUp(tx, {
          applicationId: application.id,
          kind: 'thank_you',
          dueAt: iso(start + dayMs),
          contactId: interviewer.id,
          interviewId: interview.id,
        });
        await markFollowUpDone(tx, thanks.id, { at: past(start + 20 * 3_600_000) });
        await createFollowUp(tx, {
          applicationId: application.id,
          kind: 'first_follow_up',
          dueAt: iso(i % 6 === 0 ? today + 3_600_000 : start + 12 * dayMs),
          channel: 'email',
        });
        if (hasOffer) {
          await moveApplication(tx, application.id, { stage: 'offer', occurredAt: past(start + 5 * dayMs) });
        }
      } else {
        await createFollowUp(tx, {
          applicationId: application.id,
          kind: 'application_check_in',
          dueAt: iso(i % 10 === 1 ? today - 3_600_000 : appliedAt + 9 * dayMs),
          channel: 'email',
        });
        // A reply after the check-in was planned: a check-in on an answered application is refused.
        if (i % 7 === 1) {
          await createEvent(tx, {
            kind: 'reply_received',
            applicationId: application.id,
            channel: 'email',
            sentiment: 'neutral',
            summary: 'Thanks, we will be in touch',
            occurredAt: past(appliedAt + 4 * dayMs),
          });
        }
      }
      if (i % 5 === 0) {
        await moveApplication(tx, application.id, {
          stage: 'ended',
          outcome: hasOffer ? (i % 2 === 0 ? 'accepted' : 'declined') : endings[(i / 5) % endings.length]!,
          occurredAt: past(appliedAt + 30 * dayMs),
        });
      }
    }
  });
}
