import { expect } from 'vitest';
import { type Application, emptyPosting } from '../../src/core/application.js';
import type {
  CauseAssessment,
  Diagnosis,
  DiagnosisCause,
  DiagnosisInput,
  WaitingDiagnosis,
} from '../../src/core/diagnosis.js';
import type { Channel, Sentiment, TimelineEvent } from '../../src/core/event.js';
import type { FollowUp, FollowUpKind } from '../../src/core/follow-up.js';
import type { Interview } from '../../src/core/interview.js';
import type { Stage } from '../../src/core/pipeline.js';
import { defaultTimeToHirePriors } from '../../src/core/time-to-hire.js';

/** Inputs for the diagnosis tests (src/core/diagnosis*.test.ts): an application, its timeline, the checks on it. */

export const timeZone = 'America/New_York';

export function makeApplication(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app-1',
    company: { id: 'co-1', name: 'Acme' },
    jobTitle: 'Backend Engineer',
    postingUrl: 'https://jobs.example/acme/123',
    posting: emptyPosting,
    source: { kind: 'job_board', detail: null },
    priority: 3,
    tags: [],
    resume: null,
    coverLetter: null,
    notes: '',
    stage: 'applied',
    furthestStage: 'applied',
    outcome: null,
    closedReason: null,
    appliedAt: '2026-03-02T15:00:00.000Z',
    endedAt: null,
    stageChangedAt: '2026-03-02T15:00:00.000Z',
    createdAt: '2026-03-01T15:00:00.000Z',
    updatedAt: '2026-03-01T15:00:00.000Z',
    ...overrides,
  };
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

/** An interview of one hour starting at `startsAt`. */
export function makeInterview(startsAt: string, overrides: Partial<Interview> = {}): Interview {
  const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  return {
    id: nextId('int'),
    applicationId: 'app-1',
    round: 'technical',
    startsAt,
    endsAt,
    timeZone,
    location: null,
    videoLink: null,
    interviewerIds: [],
    decisionDate: null,
    notes: '',
    topics: '',
    selfRating: null,
    createdAt: startsAt,
    updatedAt: startsAt,
    ...overrides,
  };
}

const eventBase = (occurredAt: string) => ({
  id: nextId('ev'),
  applicationId: 'app-1',
  occurredAt,
  createdAt: occurredAt,
});

export function reply(
  occurredAt: string,
  sentiment: Sentiment = 'neutral',
  newDecisionDate: string | null = null,
): TimelineEvent {
  return {
    ...eventBase(occurredAt),
    kind: 'reply_received',
    channel: 'email',
    contactId: null,
    sentiment,
    summary: null,
    newDecisionDate,
  };
}

export function message(
  occurredAt: string,
  followUpId: string | null = null,
  channel: Channel = 'email',
): TimelineEvent {
  return {
    ...eventBase(occurredAt),
    kind: 'message_sent',
    channel,
    contactId: null,
    followUpId,
    subject: null,
    body: null,
  };
}

export function postingChange(
  occurredAt: string,
  change: 'removed' | 'expired' | 'changed' | 'reposted' | 'restored',
): TimelineEvent {
  return { ...eventBase(occurredAt), kind: 'posting_change', change, detail: null };
}

export function stageChange(occurredAt: string, fromStage: Stage | null, toStage: Stage): TimelineEvent {
  return {
    ...eventBase(occurredAt),
    kind: 'stage_change',
    fromStage,
    toStage,
    outcome: null,
    closedReason: null,
    note: null,
  };
}

export function doneStep(
  kind: FollowUpKind,
  completedAt: string,
  overrides: Partial<FollowUp> = {},
): FollowUp {
  return {
    id: nextId('fu'),
    applicationId: 'app-1',
    kind,
    dueAt: completedAt,
    channel: 'email',
    status: 'done',
    reason: '',
    contactId: null,
    interviewId: null,
    origin: 'plan',
    planKey: null,
    snoozedUntil: null,
    completedAt,
    completionNote: null,
    createdAt: completedAt,
    updatedAt: completedAt,
    ...overrides,
  };
}

export function makeInput(overrides: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return {
    application: makeApplication(),
    interviews: [],
    events: [],
    followUps: [],
    postingStatus: null,
    tailoring: null,
    companySize: null,
    industry: null,
    settings: { timeZone, country: 'US', region: null, workingDays: [1, 2, 3, 4, 5] },
    history: null,
    now: '2026-03-20T16:00:00.000Z',
    priors: defaultTimeToHirePriors,
    ...overrides,
  };
}

export function expectWaiting(diagnosis: Diagnosis): WaitingDiagnosis {
  if (diagnosis.status !== 'waiting') {
    throw new Error(`expected a waiting diagnosis, got not_waiting (${diagnosis.reason})`);
  }
  return diagnosis;
}

export function ranking(diagnosis: WaitingDiagnosis): DiagnosisCause[] {
  return diagnosis.causes.map((c) => c.cause);
}

export function causeOf(diagnosis: WaitingDiagnosis, cause: DiagnosisCause): CauseAssessment {
  const found = diagnosis.causes.find((c) => c.cause === cause);
  if (!found) throw new Error(`no ${cause}`);
  return found;
}

/** A recommendation may only rest on signals that appear in its own cause's evidence. */
export function expectGroundedRecommendations(diagnosis: WaitingDiagnosis): void {
  for (const cause of diagnosis.causes) {
    const signals = new Set(cause.evidence.map((e) => e.signal));
    expect(cause.recommendation.basedOn.length).toBeGreaterThan(0);
    for (const signal of cause.recommendation.basedOn) expect(signals).toContain(signal);
  }
}
