import type { Application } from '../../../src/core/application.js';
import type { ApiClient } from '../../../src/web/api-client.js';
import { addDays, todayIn, zonedToInstant } from '../../../src/web/zoned-time.js';

export type DemoData = {
  readonly featured: Application;
  readonly stepId: string;
  /** Applied three weeks ago, no word since: its page shows the diagnosis and a tailoring check. */
  readonly waiting: Application;
};

const zone = 'Europe/Berlin';

/**
 * A realistic few weeks of a job search, for the accessibility checks and the screenshots: applications in
 * every stage, interviews before and after, people, steps due in each window and a timeline with messages.
 * Steps are added by hand (origin manual), so the pages look the same with or without the follow-up planner.
 */
export async function seedDemoData(api: ApiClient): Promise<DemoData> {
  const today = todayIn(zone, new Date());
  const at = (days: number, time = '10:00') => zonedToInstant(addDays(today, days), time, zone);
  await api.updateSettings({ name: 'Sam Rivera', email: 'sam@example.com', country: 'DE', timeZone: zone });

  const add = (
    companyName: string,
    jobTitle: string,
    extra: Partial<Parameters<ApiClient['createApplication']>[0]> = {},
  ) => api.createApplication({ companyName, jobTitle, stageAt: at(-20), ...extra });

  const featured = await add('Northwind Traders', 'Senior frontend engineer', {
    postingUrl: 'https://jobs.northwind.example/frontend-42',
    posting: {
      location: 'Berlin',
      remoteType: 'hybrid',
      salaryMin: 70000,
      salaryMax: 85000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      employmentType: 'full_time',
      descriptionHtml:
        '<p>We are looking for a frontend engineer to lead our design system.</p><ul><li>React</li><li>Accessibility</li></ul>',
    },
    source: { kind: 'referral', detail: 'Priya from the meetup' },
    priority: 5,
    tags: ['dream', 'design-systems'],
    notes: 'Priya says the team ships weekly. Ask about the on-call rotation.',
    resume: { name: 'resume-frontend-v4.pdf' },
  });
  await api.moveApplication(featured.id, { stage: 'screening', occurredAt: at(-14) });
  const recruiter = await api.createContact({
    name: 'Rita Okoye',
    role: 'recruiter',
    email: 'rita@northwind.example',
    companyId: featured.company.id,
  });
  const ana = await api.createContact({
    name: 'Ana Pereira',
    role: 'interviewer',
    email: 'ana@northwind.example',
    companyId: featured.company.id,
  });
  const ben = await api.createContact({
    name: 'Ben Okafor',
    role: 'hiring_manager',
    companyId: featured.company.id,
  });
  await api.createInterview({
    applicationId: featured.id,
    round: 'technical',
    startsAt: at(-3, '14:00'),
    endsAt: at(-3, '15:00'),
    timeZone: zone,
    interviewerIds: [ana.id, ben.id],
    decisionDate: addDays(today, 4),
    topics: 'Migrating the design system to tokens; my screen-reader testing routine',
    selfRating: 4,
    videoLink: 'https://meet.example/abc',
  });
  await api.createInterview({
    applicationId: featured.id,
    round: 'final',
    startsAt: at(5, '11:00'),
    endsAt: at(5, '12:30'),
    timeZone: zone,
    interviewerIds: [ben.id],
    location: 'Northwind office, Alexanderplatz',
  });
  await api.createEvent({
    kind: 'message_sent',
    applicationId: featured.id,
    channel: 'email',
    contactId: recruiter.id,
    subject: 'Thank you for the technical interview',
    occurredAt: at(-2, '09:00'),
  });
  await api.createEvent({
    kind: 'reply_received',
    applicationId: featured.id,
    channel: 'email',
    contactId: recruiter.id,
    sentiment: 'positive',
    summary: 'They want me to meet the head of product.',
    occurredAt: at(-1, '16:00'),
  });
  const step = await api.createFollowUp({
    applicationId: featured.id,
    kind: 'thank_you',
    dueAt: at(0, '17:00'),
    channel: 'email',
    contactId: ana.id,
    reason: 'A thank-you within a day of the interview; it cites what you discussed',
  });
  await api.createFollowUp({
    applicationId: featured.id,
    kind: 'first_follow_up',
    dueAt: at(3, '09:00'),
    channel: 'phone',
    contactId: recruiter.id,
    reason: '2 business days after the decision date they gave',
  });

  const contoso = await add('Contoso', 'Data analyst', {
    tags: ['remote'],
    posting: {
      descriptionText: [
        'Requirements:',
        '* 5 years of SQL and Python',
        '* Experience with Tableau or Power BI',
        '* A/B testing and statistics',
        'Responsibilities:',
        'Build dashboards for the sales team and work with data engineers on ETL pipelines.',
      ].join('\n'),
    },
    resume: { name: 'resume-analyst-v2.pdf' },
  });
  await api.checkTailoring(contoso.id, {
    resume: { text: 'Data analyst: SQL, Python and Tableau every day; dashboards for three sales teams.' },
    coverLetter: { text: 'Dear Contoso team, I would love to bring my SQL work to the Data analyst role.' },
    resumeName: 'analyst v2',
  });
  await api.createFollowUp({
    applicationId: contoso.id,
    kind: 'application_check_in',
    dueAt: at(-2, '09:00'),
    reason: '7 business days after applying, and no reply',
  });
  const fabrikam = await add('Fabrikam', 'Platform engineer', { priority: 4 });
  await api.moveApplication(fabrikam.id, { stage: 'interviewing', occurredAt: at(-6) });
  await api.createInterview({
    applicationId: fabrikam.id,
    round: 'phone_screen',
    startsAt: at(-1, '09:00'),
    endsAt: at(-1, '09:30'),
    timeZone: zone,
  });
  await add('Litware', 'Design technologist', { stage: 'saved', stageAt: at(-2) });
  const adatum = await add('Adatum', 'Staff engineer');
  await api.moveApplication(adatum.id, { stage: 'offer', occurredAt: at(-1) });
  const wingtip = await add('Wingtip Toys', 'Frontend developer');
  await api.moveApplication(wingtip.id, { stage: 'ended', outcome: 'no_response', occurredAt: at(-1) });
  const tailspin = await add('Tailspin', 'UI engineer');
  await api.moveApplication(tailspin.id, { stage: 'ended', outcome: 'rejected', occurredAt: at(-4) });
  await add('Proseware', 'Accessibility specialist', { tags: ['accessibility'] });
  return { featured, stepId: step.id, waiting: contoso };
}
