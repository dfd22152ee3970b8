import { Temporal } from 'temporal-polyfill';
import { expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { formatLongDate, type MergeField } from '../core/drafts.js';

type Step = { id: string; kind: string; status: string; dueAt: string; contactId: string | null };
type Template = { kind: string; subject: string; body: string };
type Rendered = { subject: string; body: string; missingFields: string[]; missingWords: string[] };

const zone = 'America/New_York';
const longDate = /(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+/g;
const interviewFields: readonly MergeField[] = [
  'interview.round',
  'interview.date',
  'interview.topics',
  'interview.decisionDate',
];

describeEachDialect('drafts written from what hearback knows', (ctx) => {
  const open = async (applicationId: string): Promise<Step[]> =>
    (
      await call<Step[]>(ctx.app, 'GET', `/api/follow-ups?applicationId=${applicationId}`, undefined, 200)
    ).filter((s) => s.status === 'planned' || s.status === 'snoozed');
  const draftOf = (step: Step) => call(ctx.app, 'GET', `/api/follow-ups/${step.id}/draft`, undefined, 200);

  async function settle(name: string | null) {
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { timeZone: zone, country: 'US', region: 'NY', name, email: 'robin@example.org' },
      200,
    );
  }

  async function contactAt(companyId: string, name: string, role: string, email: string | null) {
    return call(ctx.app, 'POST', '/api/contacts', { name, role, email, companyId }, 201);
  }

  /**
   * Acme's hiring manager Dana Lee (who has an email) interviewed Robin on Monday 30 November 2026 and said
   * they would decide by Wednesday 2 December; the notes taken with the interview say what was discussed,
   * and the post-interview question was never answered.
   */
  async function interviewWithDana() {
    ctx.runtime.clock.set('2026-11-02T15:00:00.000Z');
    const application = await addApplication(ctx.app, { companyName: 'Acme', jobTitle: 'Backend Engineer' });
    const dana = await contactAt(application.company.id, 'Dana Lee', 'hiring_manager', 'dana@acme.example');
    ctx.runtime.clock.set('2026-11-30T17:00:00.000Z');
    const interview = await call(
      ctx.app,
      'POST',
      '/api/interviews',
      {
        applicationId: application.id,
        round: 'onsite',
        startsAt: '2026-11-30T15:00:00Z',
        endsAt: '2026-11-30T16:00:00Z',
        timeZone: zone,
        interviewerIds: [dana.id],
        decisionDate: '2026-12-02',
        notes: '- the payments API\n- their on-call rota',
      },
      201,
    );
    return { application, dana, interview };
  }

  it('thanks the interviewer for what the notes say was discussed', async () => {
    await settle('Robin Quinn');
    const { application, dana } = await interviewWithDana();
    const thanks = (await open(application.id)).find((s) => s.kind === 'thank_you')!;
    expect(thanks.contactId).toBe(dana.id);
    const draft = await draftOf(thanks);
    expect(draft.body).toContain('our conversation about the payments API and their on-call rota.');
    expect(draft.missingFields).toEqual([]);
  });

  it('calls Dana Lee for the first follow-up, and offers to check back on a day still ahead', async () => {
    await settle('Robin Quinn');
    const { application, dana } = await interviewWithDana();
    const call1 = (await open(application.id)).find((s) => s.kind === 'first_follow_up')!;
    // Two business days after Wednesday 2 December: Friday 4 December, by phone.
    expect(call1.dueAt).toBe('2026-12-04T14:00:00.000Z');
    ctx.runtime.clock.set('2026-12-04T14:00:00.000Z');
    const script = await draftOf(call1);
    expect(script.kind).toBe('phone_script');
    expect(script.to).toBe('dana@acme.example');
    expect(script.contact).toMatchObject({ id: dana.id, name: 'Dana Lee' });
    expect(script.body).toContain('May I speak with Dana Lee, please?');
    expect(script.body).not.toContain('Wednesday 2 December');
    expect(script.body).toContain('checked back on Friday 11 December?');
    expect(script.missingFields).toEqual([]);

    ctx.runtime.clock.set('2026-12-08T15:00:00.000Z');
    expect((await draftOf(call1)).body).toContain('checked back on Tuesday 15 December?');
  });

  it("names what is missing in the user's words, and signs with the name once settings have it", async () => {
    await settle(null);
    const { application } = await interviewWithDana();
    const thanks = (await open(application.id)).find((s) => s.kind === 'thank_you')!;
    const unsigned = await draftOf(thanks);
    expect(unsigned.missingWords).toEqual(['your name']);
    expect(unsigned.body).toMatch(/Best regards,\n\[your name\]$/);
    await settle('Robin Quinn');
    expect((await draftOf(thanks)).body).toMatch(/Best regards,\nRobin Quinn$/);
  });

  it('addresses an emailed first follow-up, which the planner names nobody for, to the interviewer', async () => {
    await settle('Robin Quinn');
    const { application } = await interviewWithDana();
    await call(ctx.app, 'PATCH', '/api/playbook', { rules: { first_follow_up: { channel: 'email' } } }, 200);
    const followUp = (await open(application.id)).find((s) => s.kind === 'first_follow_up')!;
    expect(followUp.contactId).toBe(null);
    expect((await draftOf(followUp)).to).toBe('dana@acme.example');
  });

  /**
   * Every template against every kind of step, on applications the way a job seeker keeps them: contacts with
   * emails, interviews with notes, a decision date, settings with a name. Whatever a placeholder stands for,
   * the data must truly lack it; and no date a draft names may be already past, except the facts it recalls
   * (when they applied, when they met).
   */
  it('fills every template for every kind of step, leaving no placeholder the data could fill', async () => {
    await settle('Robin Quinn');
    const { application: acme, interview } = await interviewWithDana();

    ctx.runtime.clock.set('2026-11-30T18:00:00.000Z');
    const globex = await addApplication(ctx.app, {
      companyName: 'Globex',
      jobTitle: 'Data Engineer',
      stageAt: '2026-11-20T15:00:00Z',
    });
    await contactAt(globex.company.id, 'Rita Ruiz', 'recruiter', 'rita@globex.example');

    const interviewed = async (companyName: string, jobTitle: string) => {
      const application = await addApplication(ctx.app, {
        companyName,
        jobTitle,
        stageAt: '2026-11-09T15:00:00Z',
      });
      const sam = await contactAt(
        application.company.id,
        `Sam of ${companyName}`,
        'interviewer',
        'sam@example.org',
      );
      await call(
        ctx.app,
        'POST',
        '/api/interviews',
        {
          applicationId: application.id,
          round: 'final',
          startsAt: '2026-11-24T15:00:00Z',
          endsAt: '2026-11-24T16:00:00Z',
          timeZone: zone,
          interviewerIds: [sam.id],
          notes: 'Walked through my migration project.',
        },
        201,
      );
      return application;
    };
    const initech = await interviewed('Initech', 'Staff Engineer');
    await call(ctx.app, 'POST', `/api/applications/${initech.id}/stage`, { stage: 'offer' }, 200);
    const umbrella = await interviewed('Umbrella', 'SRE');
    await call(
      ctx.app,
      'POST',
      `/api/applications/${umbrella.id}/stage`,
      { stage: 'ended', outcome: 'rejected' },
      200,
    );

    const steps: Step[] = [];
    for (const application of [acme, globex, initech, umbrella]) steps.push(...(await open(application.id)));
    // The nudges after the first follow-up are planned once the one before is done.
    for (const kind of ['first_follow_up', 'second_follow_up']) {
      const step = (await open(acme.id)).find((s) => s.kind === kind)!;
      ctx.runtime.clock.set(step.dueAt);
      await call(ctx.app, 'POST', `/api/follow-ups/${step.id}/done`, { note: 'Left a message' }, 200);
      steps.push(...(await open(acme.id)).filter((s) => !steps.some((known) => known.id === s.id)));
    }
    const kinds = new Set(steps.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(
      [
        'application_check_in',
        'closing_note',
        'feedback_request',
        'first_follow_up',
        'offer_check',
        'second_follow_up',
        'thank_you',
      ].sort(),
    );

    const templates = await call<Template[]>(ctx.app, 'GET', '/api/templates', undefined, 200);
    const facts = new Set([
      formatLongDate(interview.startsAt, zone),
      formatLongDate('2026-11-24T15:00:00Z', zone),
      formatLongDate('2026-11-02T15:00:00Z', zone),
      formatLongDate('2026-11-20T15:00:00Z', zone),
      formatLongDate('2026-11-09T15:00:00Z', zone),
    ]);
    const problems: string[] = [];
    for (const step of steps) {
      const today = ctx.runtime.clock.now().toISOString();
      const callDay = localDay([step.dueAt, today].sort().at(-1) ?? today);
      const notPast = (date: string) => facts.has(date) || !isBefore(date, callDay);
      const hasInterview = step.kind !== 'application_check_in';
      const own = await draftOf(step);
      if (own.missingFields.length > 0) problems.push(`${step.kind}: own draft misses ${own.missingFields}`);
      if (own.to === null) problems.push(`${step.kind}: addressed to nobody`);
      for (const template of templates) {
        const rendered = await call<Rendered>(
          ctx.app,
          'POST',
          `/api/templates/${template.kind}/preview`,
          { subject: template.subject, body: template.body, followUpId: step.id },
          200,
        );
        const fillable = rendered.missingFields.filter(
          (field) => hasInterview || !interviewFields.includes(field as MergeField),
        );
        if (fillable.length > 0)
          problems.push(`${template.kind} for ${step.kind}: [${rendered.missingWords}]`);
        for (const date of `${rendered.subject}\n${rendered.body}`.match(longDate) ?? []) {
          if (!notPast(date)) problems.push(`${template.kind} for ${step.kind} proposes ${date}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

function localDay(instant: string): string {
  return new Date(instant).toLocaleDateString('en-CA', { timeZone: zone });
}

/** Whether "Friday 4 December" (a date of these tests, November 2026 to January 2027) is before `day`. */
function isBefore(longDateText: string, day: string): boolean {
  const date = datesByWords.get(longDateText);
  if (date === undefined) throw new Error(`${longDateText} is outside the dates these tests use`);
  return date < day;
}

const datesByWords = new Map<string, string>();
for (let d = Temporal.PlainDate.from('2026-11-01'); d.year < 2027 || d.month < 2; d = d.add({ days: 1 })) {
  datesByWords.set(formatLongDate(d.toString(), zone), d.toString());
}
