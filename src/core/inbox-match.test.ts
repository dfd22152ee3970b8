import { describe, expect, it } from 'vitest';
import { type MatchableApplication, matchMail } from './inbox-match.js';

const app = (over: Partial<MatchableApplication> & { id: string }): MatchableApplication => ({
  companyName: 'Acme',
  companyDomain: null,
  jobTitle: 'Backend Engineer',
  postingHost: null,
  contactEmails: [],
  isOpen: true,
  ...over,
});

const mail = (over: Partial<Parameters<typeof matchMail>[0]> = {}) => ({
  fromAddress: 'someone@elsewhere.example',
  fromName: null,
  subject: '',
  text: '',
  threadApplicationIds: [],
  ...over,
});

describe('matching mail to applications, most certain first', () => {
  it('takes a reply to one of our messages as certain, whoever sends it', () => {
    const match = matchMail(mail({ fromAddress: 'x@gmail.com', threadApplicationIds: ['a1'] }), [
      app({ id: 'a1' }),
      app({ id: 'a2' }),
    ]);
    expect(match).toMatchObject({ certain: true, applicationId: 'a1', via: 'thread' });
  });

  it('matches a contact or the company domain, and lets the job title pick among several', () => {
    const apps = [
      app({ id: 'a1', companyDomain: 'acme.example', jobTitle: 'Backend Engineer' }),
      app({ id: 'a2', companyDomain: 'acme.example', jobTitle: 'Data Scientist' }),
    ];
    expect(
      matchMail(mail({ fromAddress: 'hr@jobs.acme.example', subject: 'Data Scientist role' }), apps),
    ).toMatchObject({
      certain: true,
      applicationId: 'a2',
      via: 'company-domain',
    });
    expect(matchMail(mail({ fromAddress: 'hr@acme.example', subject: 'Hello' }), apps)).toMatchObject({
      certain: false,
      candidates: ['a1', 'a2'],
    });
    expect(
      matchMail(mail({ fromAddress: 'dana@gmail.com' }), [
        app({ id: 'a1', contactEmails: ['dana@gmail.com'] }),
      ]),
    ).toMatchObject({
      certain: true,
      via: 'contact',
    });
  });

  it('never matches by a free mail domain, and prefers open applications', () => {
    expect(
      matchMail(mail({ fromAddress: 'x@gmail.com' }), [app({ id: 'a1', companyDomain: 'gmail.com' })]),
    ).toMatchObject({
      certain: false,
      candidates: [],
    });
    const apps = [
      app({ id: 'old', companyDomain: 'acme.example', isOpen: false }),
      app({ id: 'new', companyDomain: 'acme.example' }),
    ];
    expect(matchMail(mail({ fromAddress: 'hr@acme.example' }), apps)).toMatchObject({
      certain: true,
      applicationId: 'new',
    });
  });

  it('matches an ATS sender by the company named, its own ATS first, and not a company merely sharing letters', () => {
    const apps = [
      app({ id: 'g', companyName: 'Globex GmbH', postingHost: 'boards.greenhouse.io' }),
      app({ id: 'l', companyName: 'Globex', postingHost: 'jobs.lever.co' }),
      app({ id: 'x', companyName: 'Lex' }),
    ];
    expect(
      matchMail(
        mail({
          fromAddress: 'no-reply@us.greenhouse-mail.io',
          fromName: 'Globex Recruiting',
          text: 'Thank you',
        }),
        apps,
      ),
    ).toMatchObject({ certain: true, applicationId: 'g', via: 'ats' });
    expect(
      matchMail(mail({ fromAddress: 'no-reply@hire.lever.co', text: 'Thanks from Flexport' }), apps),
    ).toMatchObject({
      certain: false,
      candidates: [],
      via: 'ats',
    });
  });
});
