import { describe, expect, it } from 'vitest';
import {
  applicationPath,
  coachApplicationPath,
  coachJobSeekerPath,
  followUpPath,
  matchRoute,
} from './router.js';

describe('router', () => {
  it('maps each page path to its route, with or without a trailing slash', () => {
    expect(matchRoute('/')).toEqual({ name: 'today' });
    expect(matchRoute('/board/')).toEqual({ name: 'board' });
    expect(matchRoute('/settings')).toEqual({ name: 'settings' });
    expect(matchRoute('/contacts')).toEqual({ name: 'contacts' });
    expect(matchRoute('/companies')).toEqual({ name: 'companies' });
    expect(matchRoute('/add')).toEqual({ name: 'add' });
    expect(matchRoute('/import/')).toEqual({ name: 'import' });
  });

  it('round-trips any application id through its path', () => {
    for (const id of ['01JABCDEF', 'a b/c?d#e', 'é']) {
      expect(matchRoute(applicationPath(id))).toEqual({ name: 'application', id });
    }
  });

  it('opens a follow-up step, and its draft, from the links calendar entries carry', () => {
    expect(matchRoute(followUpPath('01JSTEP', true))).toEqual({
      name: 'follow_up',
      id: '01JSTEP',
      showDraft: true,
    });
    expect(matchRoute('/follow-ups/01JSTEP')).toEqual({ name: 'follow_up', id: '01JSTEP', showDraft: false });
  });

  it('opens the coach’s and the admin’s pages (server mode)', () => {
    expect(matchRoute('/coach/')).toEqual({ name: 'coaching' });
    expect(matchRoute('/admin')).toEqual({ name: 'admin' });
    for (const id of ['01JSEEKER', 'a b/c?d#e']) {
      expect(matchRoute(coachJobSeekerPath(id))).toEqual({ name: 'coaching_job_seeker', id });
      expect(matchRoute(coachApplicationPath(id))).toEqual({ name: 'coaching_application', id });
    }
    expect(matchRoute('/coach/job-seekers')).toMatchObject({ name: 'not_found' });
  });

  it('answers not found for unknown paths and broken escapes', () => {
    expect(matchRoute('/nope')).toEqual({ name: 'not_found', path: '/nope' });
    expect(matchRoute('/applications/%E0%A4%A')).toMatchObject({ name: 'not_found' });
    expect(matchRoute('/applications/x/y')).toMatchObject({ name: 'not_found' });
  });
});
