import { describe, expect, it } from 'vitest';
import type { Application } from '../core/application.js';
import { emptyPosting } from '../core/application.js';
import type { Contact } from '../core/contact.js';
import type { FollowUp } from '../core/follow-up.js';
import { buildTodayView, countTodayItems, readTodayResponse } from './today-view.js';

const at = '2026-03-02T10:00:00.000Z';

function step(id: string, dueAt: string, overrides: Partial<FollowUp> = {}): FollowUp {
  // Asserted rather than annotated: the step schema grows as the follow-up engine lands.
  return {
    planKey: null,
    id,
    applicationId: 'a1',
    kind: 'thank_you',
    dueAt,
    channel: 'email',
    status: 'planned',
    reason: `reason ${id}`,
    contactId: 'k1',
    interviewId: null,
    origin: 'plan',
    snoozedUntil: null,
    completedAt: null,
    completionNote: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  } as FollowUp;
}

const application: Application = {
  id: 'a1',
  company: { id: 'c1', name: 'Acme' },
  jobTitle: 'Engineer',
  postingUrl: null,
  posting: emptyPosting,
  source: { kind: 'other', detail: null },
  priority: 3,
  tags: [],
  resume: null,
  coverLetter: null,
  notes: '',
  stage: 'interviewing',
  furthestStage: 'interviewing',
  outcome: null,
  closedReason: null,
  appliedAt: at,
  endedAt: null,
  createdAt: at,
  updatedAt: at,
};

const contact: Contact = {
  id: 'k1',
  name: 'Ana',
  role: 'interviewer',
  email: 'ana@example.com',
  phone: null,
  profileUrl: null,
  companyId: 'c1',
  notes: '',
  createdAt: at,
  updatedAt: at,
};

describe('today view', () => {
  it('joins each step with its application and contact, earliest first', () => {
    const view = buildTodayView(
      {
        overdue: [],
        today: [step('s2', '2026-03-02T15:00:00.000Z'), step('s1', '2026-03-02T09:00:00.000Z')],
        week: [step('s3', '2026-03-04T09:00:00.000Z', { applicationId: 'gone', contactId: null })],
      },
      [application],
      [contact],
    );
    expect(view.today.map((i) => i.step.id)).toEqual(['s1', 's2']);
    expect(view.today[0]).toMatchObject({
      application: { id: 'a1', jobTitle: 'Engineer', companyName: 'Acme' },
      contact: { id: 'k1', name: 'Ana', email: 'ana@example.com' },
      explanation: 'reason s1',
    });
    expect(view.week[0]).toMatchObject({ application: null, contact: null });
    expect(countTodayItems(view)).toBe(3);
    expect(view.source).toBe('follow-ups');
  });

  it('reads a Today response whose groups hold steps with their application, contact and explanation', () => {
    const view = readTodayResponse({
      asOf: at,
      overdue: [{ step: step('s1', at), application, contact, explanation: 'Thank Ana within 24 hours' }],
      today: [
        { followUp: step('s2', at), application: { id: 'a1', jobTitle: 'Engineer', companyName: 'Acme' } },
      ],
      week: [step('s3', at)],
    });
    expect(view?.overdue[0]).toMatchObject({
      explanation: 'Thank Ana within 24 hours',
      application: { companyName: 'Acme' },
      contact: { name: 'Ana' },
    });
    expect(view?.today[0]).toMatchObject({ step: { id: 's2' }, explanation: 'reason s2', contact: null });
    expect(view?.week[0]).toMatchObject({ step: { id: 's3' }, application: null });
    expect(view?.source).toBe('today');
  });

  it('answers null for a body it does not understand, so the page falls back to the follow-up list', () => {
    expect(readTodayResponse(null)).toBeNull();
    expect(readTodayResponse({ overdue: [], today: [] })).toBeNull();
    expect(readTodayResponse({ overdue: [{ id: 1 }], today: [], week: [] })).toBeNull();
  });
});
