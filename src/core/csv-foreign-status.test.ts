import { describe, expect, it } from 'vitest';
import { mapClosedReason, mapForeignStatus, normalizeStatus } from './csv-foreign-status.js';

const stage = (s: string) => ({ stage: s, outcome: null, closedReason: null });
const ended = (outcome: string, closedReason: string | null = null) => ({
  stage: 'ended',
  outcome,
  closedReason,
});

describe('mapForeignStatus', () => {
  it('maps the statuses of Huntr, Teal, JobSync and common spreadsheets to stages and outcomes', () => {
    const cases: Array<[string, unknown]> = [
      ['Wishlist', stage('saved')],
      ['Bookmarked', stage('saved')],
      ['saved', stage('saved')],
      ['Draft', stage('saved')],
      ['Applying', stage('saved')],
      ['Applied', stage('applied')],
      ['Phone Screen', stage('screening')],
      ['phone-screen', stage('screening')],
      ['Interview', stage('interviewing')],
      ['Interviewing', stage('interviewing')],
      ['Onsite', stage('interviewing')],
      ['Offer', stage('offer')],
      ['Negotiating', stage('offer')],
      ['Accepted', ended('accepted')],
      ['Offer Declined', ended('declined')],
      ['Rejected', ended('rejected')],
      ['Not Selected', ended('rejected')],
      ['Withdrawn', ended('withdrew')],
      ['I Withdrew', ended('withdrew')],
      ['Ghosted', ended('no_response')],
      ['No Response 🔇', ended('no_response')],
      ['no reply', ended('no_response')],
      ['Closed', ended('position_closed', 'unknown')],
      ['Position filled', ended('position_closed', 'unknown')],
      ['Expired', ended('position_closed', 'unknown')],
      ['Cancelled', ended('position_closed', 'cancelled')],
      ['Filled internally', ended('position_closed', 'filled_internally')],
      ['Hiring freeze', ended('position_closed', 'hiring_freeze')],
      ['no_response', ended('no_response')],
      ['position_closed', ended('position_closed', 'unknown')],
    ];
    for (const [raw, expected] of cases) expect([raw, mapForeignStatus(raw)]).toEqual([raw, expected]);
  });

  it('reads statuses written as phrases, letting the ending win over the stage it happened in', () => {
    expect(mapForeignStatus('Rejected after onsite')).toEqual(ended('rejected'));
    expect(mapForeignStatus('Interview done - never heard back')).toEqual(ended('no_response'));
    expect(mapForeignStatus('Phone screen booked')).toEqual(stage('screening'));
    expect(mapForeignStatus('NOT APPLIED - needs manual apply')).toEqual(stage('saved'));
    expect(mapForeignStatus('filled_needs_manual_submit')).toEqual(stage('saved'));
    expect(mapForeignStatus('referral_pending')).toEqual(stage('saved'));
  });

  it('returns null for statuses it does not know, and for empty ones', () => {
    expect(mapForeignStatus('force_override')).toBeNull();
    expect(mapForeignStatus('🚀')).toBeNull();
    expect(mapForeignStatus('  ')).toBeNull();
  });
});

describe('normalizeStatus', () => {
  it('lowercases, turns separators into spaces and drops emoji and punctuation', () => {
    expect(normalizeStatus('  No_Response 🔇!! ')).toBe('no response');
    expect(normalizeStatus('Phone-Screen / HR')).toBe('phone screen hr');
  });
});

describe('mapClosedReason', () => {
  it('reads closed reasons as hearback exports them and as people write them', () => {
    expect(mapClosedReason('filled_internally')).toBe('filled_internally');
    expect(mapClosedReason('Hiring freeze')).toBe('hiring_freeze');
    expect(mapClosedReason('canceled')).toBe('cancelled');
    expect(mapClosedReason('budget')).toBeNull();
  });
});
