import type { ClosedReason, Outcome, Stage } from './pipeline.js';

/** Where a tracker's status puts an application in hearback's pipeline. */
export type StatusMapping = {
  readonly stage: Stage;
  readonly outcome: Outcome | null;
  readonly closedReason: ClosedReason | null;
};

const active = (stage: Exclude<Stage, 'ended'>): StatusMapping => ({
  stage,
  outcome: null,
  closedReason: null,
});
const ended = (outcome: Outcome, closedReason: ClosedReason | null = null): StatusMapping => ({
  stage: 'ended',
  outcome,
  closedReason: outcome === 'position_closed' ? (closedReason ?? 'unknown') : null,
});

/**
 * Whole statuses, after normalising (lower case, punctuation and emoji dropped): hearback's own stages and
 * outcomes, and the lists of Huntr, Teal, JobSync, LinkedIn and common spreadsheet templates.
 */
const exact: ReadonlyMap<string, StatusMapping> = new Map([
  ...[
    'saved',
    'wishlist',
    'wish list',
    'bookmarked',
    'bookmark',
    'interested',
    'draft',
    'to apply',
    'not applied',
    'not yet applied',
    'researching',
    'research',
    'ready to apply',
    'applying',
    'prospect',
    'lead',
    'planned',
    'considering',
    'shortlisted',
    'short listed',
    'idea',
    'watching',
    'queued',
    'needs manual',
    'referral pending',
    'pending referral',
  ].map((s) => [s, active('saved')] as const),
  ...[
    'applied',
    'application sent',
    'application submitted',
    'submitted',
    'sent',
    'pending',
    'in review',
    'under review',
    'reviewing',
    'awaiting response',
    'waiting',
    'waiting for response',
    'in progress',
    'reapplied',
    're applied',
    'easy apply',
    'active',
    'open',
  ].map((s) => [s, active('applied')] as const),
  ...[
    'screening',
    'screen',
    'phone screen',
    'phone screening',
    'recruiter screen',
    'recruiter call',
    'hr screen',
    'hr call',
    'phone call',
    'phone interview',
    'assessment',
    'online assessment',
    'take home',
    'coding challenge',
  ].map((s) => [s, active('screening')] as const),
  ...[
    'interview',
    'interviews',
    'interviewing',
    'interviewed',
    'interview scheduled',
    'interview completed',
    'onsite',
    'on site',
    'on site interview',
    'onsite interview',
    'technical interview',
    'final interview',
    'final round',
    'second round',
    'first round',
  ].map((s) => [s, active('interviewing')] as const),
  ...['offer', 'offered', 'offer received', 'negotiating', 'negotiation', 'verbal offer'].map(
    (s) => [s, active('offer')] as const,
  ),
  ...['accepted', 'offer accepted', 'hired', 'signed', 'joined'].map((s) => [s, ended('accepted')] as const),
  ...['declined', 'offer declined', 'turned down offer', 'declined offer', 'rejected offer'].map(
    (s) => [s, ended('declined')] as const,
  ),
  ...[
    'rejected',
    'rejection',
    'reject',
    'not selected',
    'not moving forward',
    'unsuccessful',
    'denied',
    'no offer',
    'turned down',
    'declined by employer',
  ].map((s) => [s, ended('rejected')] as const),
  ...[
    'withdrew',
    'withdrawn',
    'withdraw',
    'i withdrew',
    'not interested',
    'no longer interested',
    'archived',
    'dropped',
    'abandoned',
  ].map((s) => [s, ended('withdrew')] as const),
  ...[
    'ghosted',
    'no response',
    'no reply',
    'no answer',
    'never heard back',
    'no news',
    'unresponsive',
    'silence',
  ].map((s) => [s, ended('no_response')] as const),
  ...[
    'closed',
    'position closed',
    'job closed',
    'position filled',
    'filled',
    'expired',
    'posting expired',
    'posting removed',
    'job removed',
    'role closed',
  ].map((s) => [s, ended('position_closed')] as const),
  ...['cancelled', 'canceled', 'role cancelled', 'position cancelled', 'job cancelled'].map(
    (s) => [s, ended('position_closed', 'cancelled')] as const,
  ),
  ...['filled internally', 'internal candidate', 'internal hire'].map(
    (s) => [s, ended('position_closed', 'filled_internally')] as const,
  ),
  ...['hiring freeze', 'on hold', 'frozen', 'hiring paused'].map(
    (s) => [s, ended('position_closed', 'hiring_freeze')] as const,
  ),
  ['ended', { stage: 'ended', outcome: null, closedReason: null }],
]);

/**
 * Words that settle a status written in a longer phrase ("Rejected after onsite", "Phone screen booked").
 * Checked in this order, so endings win over the stage they happened in.
 */
const keywords: ReadonlyArray<readonly [RegExp, StatusMapping]> = [
  [/\boffer (?:accepted|signed)\b|\baccepted (?:the )?offer\b/, ended('accepted')],
  [/\b(?:declined|turned down|rejected) (?:the )?offer\b|\boffer declined\b/, ended('declined')],
  [/\bghost|\bno (?:response|reply|answer)\b|\bnever heard\b/, ended('no_response')],
  [/\bwithdr[ae]w/, ended('withdrew')],
  [/\bfilled internally\b/, ended('position_closed', 'filled_internally')],
  [/\bhiring freeze\b/, ended('position_closed', 'hiring_freeze')],
  [/\bcancell?ed\b/, ended('position_closed', 'cancelled')],
  [/\b(?:position|job|role|posting) (?:closed|filled|removed|expired)\b/, ended('position_closed')],
  [/\breject|\bnot selected\b|\bnot moving forward\b|\bunsuccessful\b/, ended('rejected')],
  [/\bnot applied\b|\bneeds? manual\b|\bblocked\b|\breferral pending\b|\bto apply\b/, active('saved')],
  [/\boffer\b/, active('offer')],
  [/\binterview|\bonsite\b|\bon site\b|\bfinal round\b/, active('interviewing')],
  [/\bscreen|\brecruiter call\b|\bassessment\b|\btake home\b/, active('screening')],
  [/\bappl(?:ied|ication sent|ication submitted)\b|\bsubmitted\b/, active('applied')],
];

/** Lower case, separators as spaces, everything but letters and digits dropped (so emoji labels match too). */
export function normalizeStatus(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[_\-/]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The stage and outcome a foreign status means, or null when hearback does not recognise it. */
export function mapForeignStatus(raw: string): StatusMapping | null {
  const known = exact.get(raw.toLowerCase());
  if (known) return known;
  const status = normalizeStatus(raw);
  if (status === '') return null;
  const hit = exact.get(status);
  if (hit) return hit;
  for (const [pattern, mapping] of keywords) if (pattern.test(status)) return mapping;
  return null;
}

const closedReasonWords: ReadonlyMap<string, ClosedReason> = new Map([
  ['cancelled', 'cancelled'],
  ['canceled', 'cancelled'],
  ['filled internally', 'filled_internally'],
  ['internal', 'filled_internally'],
  ['hiring freeze', 'hiring_freeze'],
  ['freeze', 'hiring_freeze'],
  ['on hold', 'hiring_freeze'],
  ['unknown', 'unknown'],
  ['reason unknown', 'unknown'],
]);

export function mapClosedReason(raw: string): ClosedReason | null {
  return closedReasonWords.get(normalizeStatus(raw)) ?? null;
}
