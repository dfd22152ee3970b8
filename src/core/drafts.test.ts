import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../test/support/corpora.js';
import { createWorkCalendar } from './business-days.js';
import type { Contact } from './contact.js';
import {
  checkBackDate,
  chooseAddressee,
  type DraftContext,
  type DraftTemplate,
  defaultDraftTemplates,
  draftKindFor,
  draftKinds,
  joinTopics,
  mailtoLink,
  parseDraftTemplate,
  renderDraft,
} from './drafts.js';
import { AppError } from './errors.js';

const full: DraftContext = {
  user: { name: 'Maya Okafor', email: 'maya@example.org' },
  company: { name: 'Northwind Labs' },
  application: { jobTitle: 'Platform Engineer', appliedAt: '2026-02-10T17:30:00.000Z' },
  contact: { name: 'Ada Lovelace', email: 'ada@northwind.example' },
  interview: {
    round: 'technical',
    startsAt: '2026-03-03T22:00:00.000Z',
    topics: '- the migration to Kubernetes\n- on-call rota\n\n* testing culture',
    notes: 'Bring the portfolio.',
    decisionDate: '2026-03-05',
  },
  followUp: { checkBackDate: '2026-03-16' },
  timeZone: 'America/Los_Angeles',
};

const minimal: DraftContext = { user: { name: null, email: null }, timeZone: 'UTC' };

function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Parses a mailto link by hand: URLSearchParams would read "+" as a space, which mailto does not. */
function parseMailto(link: string) {
  expect(link.startsWith('mailto:')).toBe(true);
  const [target, query = ''] = link.slice('mailto:'.length).split('?');
  const params = query.split('&').map((pair) => {
    const [key, value = ''] = pair.split('=');
    return [key, decodeURIComponent(value)] as const;
  });
  return { to: decodeURIComponent(target ?? ''), params };
}

describe('rendering drafts', () => {
  it.each(draftKinds)('renders %s with full data and no placeholder left', (kind) => {
    const draft = renderDraft(defaultDraftTemplates[kind], full);
    expect(draft.missingFields).toEqual([]);
    expect(`${draft.subject}\n${draft.body}`).not.toMatch(/\[[^\]]+\]|undefined|null|\{\{/);
    expect(draft.body).toContain('Platform Engineer');
    expect(draft.subject).not.toMatch(/[\r\n]/);
  });

  it.each(draftKinds)('renders %s with minimal data, flagging every missing field visibly', (kind) => {
    const draft = renderDraft(defaultDraftTemplates[kind], minimal);
    expect(draft.missingFields.length).toBeGreaterThan(0);
    expect(`${draft.subject}\n${draft.body}`).not.toMatch(/undefined|null|\{\{/);
    expect(draft.body).toContain('[job title]');
  });

  it('writes a thank-you per interviewer that cites the topics discussed', () => {
    const draft = renderDraft(defaultDraftTemplates.thank_you, full);
    expect(draft.subject).toBe('Thank you for the technical interview: Platform Engineer');
    expect(draft.body).toBe(
      'Dear Ada,\n\n' +
        'Thank you for taking the time to speak with me on Tuesday 3 March about the Platform Engineer role at Northwind Labs. ' +
        'I especially enjoyed our conversation about the migration to Kubernetes, on-call rota and testing culture.\n\n' +
        'It left me even more enthusiastic about the role and the team. If there is anything else I can share to help with your decision, please let me know.\n\n' +
        'Best regards,\nMaya Okafor',
    );
  });

  it('shows "[interviewer\'s name]" for a thank-you without a contact, and lists what is missing in order', () => {
    const draft = renderDraft(defaultDraftTemplates.thank_you, { ...full, contact: null, interview: null });
    expect(draft.body.startsWith("Dear [interviewer's name],")).toBe(true);
    expect(draft.body).toContain('about [what you discussed].');
    expect(draft.missingFields).toEqual([
      'interview.round',
      'contact.firstName',
      'interview.date',
      'interview.topics',
    ]);
  });

  it('cites the notes taken with the interview when nothing was noted afterwards about what was discussed', () => {
    const draft = renderDraft(defaultDraftTemplates.thank_you, {
      ...full,
      interview: { ...full.interview!, topics: ' ', notes: 'the payments API\n- their on-call rota.' },
    });
    expect(draft.missingFields).toEqual([]);
    expect(draft.body).toContain('our conversation about the payments API and their on-call rota.');
  });

  it("names what is missing in the user's words, the same words the placeholders show", () => {
    const draft = renderDraft(defaultDraftTemplates.thank_you, {
      ...full,
      user: { name: null, email: null },
      interview: { ...full.interview!, topics: '', notes: '' },
    });
    expect(draft.missingFields).toEqual(['interview.topics', 'user.name']);
    expect(draft.missingWords).toEqual(['what you discussed', 'your name']);
    for (const words of draft.missingWords) expect(draft.body).toContain(`[${words}]`);
  });

  it('offers in the call script to check back on a date it was given, never the decision date already past', () => {
    const draft = renderDraft(defaultDraftTemplates.phone_script, full);
    expect(draft.body).toContain('Would it be all right if I checked back on Monday 16 March?');
    expect(draft.body).not.toContain('5 March');
  });

  it('uses the interview date where the user lives (a Monday in Tokyo is Sunday in UTC)', () => {
    const tokyo = {
      ...full,
      timeZone: 'Asia/Tokyo',
      interview: { ...full.interview!, startsAt: '2026-03-01T22:30:00Z' },
    };
    expect(renderDraft(defaultDraftTemplates.first_follow_up, tokyo).body).toContain('on Monday 2 March');
  });

  it('inserts values once: a name that looks like a merge field or a replacement pattern stays literal', () => {
    const tricky = { ...full, contact: { name: '{{user.email}} $& $1', email: null } };
    const draft = renderDraft(defaultDraftTemplates.phone_script, tricky);
    expect(draft.body).toContain('May I speak with {{user.email}} $& $1, please?');
    expect(draft.body).not.toContain('maya@example.org, please');
  });

  it('keeps the subject on one line whatever the merged values contain', () => {
    const draft = renderDraft(defaultDraftTemplates.second_follow_up, {
      ...full,
      company: { name: 'Evil\r\nBcc: victim@example.org' },
    });
    expect(draft.subject).toBe('Checking in: Platform Engineer at Evil Bcc: victim@example.org');
  });

  it('treats blank values as missing', () => {
    const draft = renderDraft(defaultDraftTemplates.offer_check, { ...full, company: { name: '   ' } });
    expect(draft.missingFields).toEqual(['company.name']);
    expect(draft.body).toContain('at [company name]');
  });
});

describe('editing templates', () => {
  const valid: DraftTemplate = { kind: 'thank_you', subject: 'Thanks, {{contact.firstName}}', body: 'Hi' };

  it('accepts a template that only uses known merge fields, with spaces inside the braces', () => {
    expect(
      parseDraftTemplate({ ...valid, body: 'Dear {{ contact.firstName }}, {{ interview.topics }}' }).kind,
    ).toBe('thank_you');
  });

  it('refuses an unknown merge field and names it', () => {
    try {
      parseDraftTemplate({ ...valid, body: 'Dear {{contact.nickname}}' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect((error as AppError).message).toMatch(
        /^body: unknown merge field \{\{contact\.nickname\}\}; use one of/,
      );
    }
  });

  it('refuses an unclosed merge field, a multi-line subject, an empty body and an unknown kind', () => {
    const fieldsOf = (raw: unknown) => {
      try {
        parseDraftTemplate(raw);
        return [];
      } catch (error) {
        return (
          ((error as AppError).details?.issues as { field: string }[] | undefined)?.map((i) => i.field) ?? []
        );
      }
    };
    expect(fieldsOf({ ...valid, body: 'Dear {{contact.firstName' })).toEqual(['body']);
    expect(fieldsOf({ ...valid, subject: 'Thanks\nBcc: x@example.org' })).toEqual(['subject']);
    expect(fieldsOf({ ...valid, body: '  ' })).toEqual(['body']);
    expect(fieldsOf({ ...valid, kind: 'love_letter' })).toEqual(['kind']);
  });

  it('renders an edited template', () => {
    const draft = renderDraft({ ...valid, body: '{{company.name}} / {{user.firstName}}' }, full);
    expect(draft).toEqual({
      kind: 'thank_you',
      subject: 'Thanks, Ada',
      body: 'Northwind Labs / Maya',
      missingFields: [],
      missingWords: [],
    });
  });
});

describe('choosing a draft for a step', () => {
  it('gives a first follow-up by phone the call script, and no draft to a suggestion or custom step', () => {
    expect(draftKindFor({ kind: 'first_follow_up', channel: 'phone' })).toBe('phone_script');
    expect(draftKindFor({ kind: 'first_follow_up', channel: 'email' })).toBe('first_follow_up');
    expect(draftKindFor({ kind: 'thank_you', channel: 'email' })).toBe('thank_you');
    expect(draftKindFor({ kind: 'suggest_no_response', channel: null })).toBe(null);
    expect(draftKindFor({ kind: 'custom', channel: 'linkedin' })).toBe(null);
  });
});

describe('the date a draft offers to check back on', () => {
  const calendar = createWorkCalendar({
    timeZone: 'America/New_York',
    country: 'US',
    region: null,
    workingDays: [1, 2, 3, 4, 5],
  });

  it('is a week of business days after the call when the date they gave has passed', () => {
    // They said Wednesday 2 December; the call is due Friday 4 December.
    expect(
      checkBackDate(calendar, { dueDate: '2026-12-04', today: '2026-12-01', decisionDate: '2026-12-02' }),
    ).toBe('2026-12-11');
  });

  it('counts from today when the call is overdue', () => {
    expect(
      checkBackDate(calendar, { dueDate: '2026-12-04', today: '2026-12-08', decisionDate: '2026-12-02' }),
    ).toBe('2026-12-15');
  });

  it('is two business days after the date they gave while that date is still ahead', () => {
    expect(
      checkBackDate(calendar, { dueDate: '2026-12-04', today: '2026-12-04', decisionDate: '2026-12-09' }),
    ).toBe('2026-12-11');
  });
});

describe('whom a step is addressed to', () => {
  type Person = Pick<Contact, 'id' | 'role' | 'email'>;
  const dana: Person = { id: 'dana', role: 'hiring_manager', email: 'dana@acme.example' };
  const sam: Person = { id: 'sam', role: 'interviewer', email: null };
  const rita: Person = { id: 'rita', role: 'recruiter', email: 'rita@acme.example' };
  const none = { named: null, interviewers: [], atCompany: [] };

  it('keeps the person the planner named (the interviewer thanked, the person last heard from)', () => {
    expect(chooseAddressee({ kind: 'first_follow_up' }, { ...none, named: sam, interviewers: [dana] })).toBe(
      sam,
    );
  });

  it("sends a nudge nobody was named for to the interview's hiring manager, or someone with an email", () => {
    expect(chooseAddressee({ kind: 'first_follow_up' }, { ...none, interviewers: [sam, dana] })).toBe(dana);
    const other: Person = { id: 'o', role: 'interviewer', email: 'o@acme.example' };
    expect(chooseAddressee({ kind: 'closing_note' }, { ...none, interviewers: [sam, other] })).toBe(other);
  });

  it('falls back to a hiring manager or recruiter at the company, and never guesses a thank-you', () => {
    const peer: Person = { id: 'p', role: 'referral', email: 'p@acme.example' };
    expect(chooseAddressee({ kind: 'application_check_in' }, { ...none, atCompany: [peer, rita] })).toBe(
      rita,
    );
    expect(chooseAddressee({ kind: 'application_check_in' }, { ...none, atCompany: [peer] })).toBe(null);
    expect(chooseAddressee({ kind: 'thank_you' }, { ...none, interviewers: [dana] })).toBe(null);
  });
});

describe('topics in a sentence', () => {
  it('joins a list of topics with commas and "and", keeping a single line as typed', () => {
    expect(joinTopics('1. roadmap\n2) hiring plan\r\n• budget')).toBe('roadmap, hiring plan and budget');
    expect(joinTopics('roadmap')).toBe('roadmap');
    expect(joinTopics('roadmap, budget')).toBe('roadmap, budget');
    expect(joinTopics(' \n ')).toBe(null);
  });
});

describe('mailto links', () => {
  it('percent-encodes every part, with body line breaks as %0D%0A', () => {
    const link = mailtoLink(
      { subject: 'Hello & welcome? 100%', body: 'Line 1\nLine 2' },
      'ada@northwind.example',
    );
    expect(link).toBe(
      'mailto:ada@northwind.example?subject=Hello%20%26%20welcome%3F%20100%25&body=Line%201%0D%0ALine%202',
    );
  });

  it('cannot gain a header or a recipient from the address, subject or body', () => {
    const link = mailtoLink(
      { subject: 'Hi\r\nBcc: victim@example.org', body: 'x&bcc=victim@example.org' },
      'ada@example.org?cc=victim@example.org',
    );
    const parsed = parseMailto(link);
    expect(parsed.to).toBe('ada@example.org?cc=victim@example.org');
    expect(parsed.params.map(([key]) => key)).toEqual(['subject', 'body']);
    expect(parsed.params[0]?.[1]).toBe('Hi Bcc: victim@example.org');
    expect(link).toMatch(/^[A-Za-z0-9%@._~!*'()?&=:-]+$/);
  });

  it('leaves the address empty when there is none, and survives a lone surrogate', () => {
    expect(mailtoLink({ subject: 'a\uD800b', body: '' }, null)).toBe('mailto:?subject=a%EF%BF%BDb&body=');
  });
});

describe.skipIf(!hasCorpora())('hostile strings in drafts (shared corpora)', () => {
  if (!hasCorpora()) console.warn(corporaSkipMessage);

  const hostile = (): string[] => {
    if (!hasCorpora()) return [];
    const blns = JSON.parse(fs.readFileSync(corpusPath('payloads', 'blns', 'blns.json'), 'utf8')) as string[];
    const crlf = fs
      .readFileSync(corpusPath('payloads', 'payloadsallthethings', 'crlf', 'crlfinjection.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0);
    const decoded = crlf.map((line) => line.replace(/%0d/gi, '\r').replace(/%0a/gi, '\n'));
    return [...blns, ...crlf, ...decoded];
  };

  it('keeps every naughty string inert in names, notes and topics, in text and in mailto', () => {
    const strings = hostile();
    expect(strings.length).toBeGreaterThan(500);
    const failures: string[] = [];
    const fail = (value: string, kind: string, what: string) =>
      failures.push(`${kind} ${JSON.stringify(value)}: ${what}`);
    for (const value of strings) {
      const context: DraftContext = {
        ...full,
        user: { name: value, email: 'maya@example.org' },
        company: { name: value },
        contact: { name: value, email: null },
        interview: { ...full.interview!, topics: value },
      };
      for (const kind of draftKinds) {
        const draft = renderDraft(defaultDraftTemplates[kind], context);
        if (/[\r\n\u2028\u2029]/.test(draft.subject)) fail(value, kind, 'line break in the subject');
        // Every default body signs with the user's name, so the value must appear there exactly as typed.
        if (value.trim().length > 0 && !draft.body.includes(value))
          fail(value, kind, 'value altered in the body');
        const parsed = parseMailto(mailtoLink(draft, 'ada@northwind.example'));
        if (parsed.to !== 'ada@northwind.example') fail(value, kind, `recipient became ${parsed.to}`);
        if (parsed.params.map(([key]) => key).join() !== 'subject,body')
          fail(value, kind, 'extra mailto fields');
        if (parsed.params[0]?.[1] !== wellFormed(draft.subject))
          fail(value, kind, 'subject changed in mailto');
        if (parsed.params[1]?.[1] !== wellFormed(draft.body.replace(/\r\n|\r|\n/g, '\r\n'))) {
          fail(value, kind, 'body changed in mailto');
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
