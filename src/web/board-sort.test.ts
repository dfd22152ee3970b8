import { describe, expect, it } from 'vitest';
import { type BoardSortable, describeNextStep, parseBoardSortKey, sortBoardColumn } from './board-sort.js';

type Card = BoardSortable & { readonly label: string };

function card(
  label: string,
  fields: Partial<Omit<Card, 'label' | 'company'>> & { company?: string } = {},
): Card {
  return {
    label,
    id: fields.id ?? label,
    priority: fields.priority ?? 3,
    updatedAt: fields.updatedAt ?? '2026-12-01T10:00:00.000Z',
    company: { name: fields.company ?? 'Acme' },
    nextStep: fields.nextStep ?? null,
  };
}

function step(dueAt: string) {
  return { id: `step-${dueAt}`, kind: 'application_check_in' as const, dueAt };
}

const labels = (cards: readonly Card[]) => cards.map((c) => c.label);

describe('sortBoardColumn', () => {
  const cards = [
    card('old, due soon, low', {
      updatedAt: '2026-11-01T09:00:00.000Z',
      nextStep: step('2026-12-03T08:00:00.000Z'),
      priority: 1,
      company: 'zeta',
    }),
    card('new, nothing due, dream', { updatedAt: '2026-12-05T09:00:00.000Z', priority: 5, company: 'Beta' }),
    card('middle, due later', {
      updatedAt: '2026-11-20T09:00:00.000Z',
      nextStep: step('2026-12-10T08:00:00.000Z'),
      priority: 3,
      company: 'alpha',
    }),
  ];

  it('puts the most recently changed first by last activity', () => {
    expect(labels(sortBoardColumn(cards, 'activity'))).toEqual([
      'new, nothing due, dream',
      'middle, due later',
      'old, due soon, low',
    ]);
  });

  it('puts the soonest next step first and cards with no open step last', () => {
    expect(labels(sortBoardColumn(cards, 'nextStep'))).toEqual([
      'old, due soon, low',
      'middle, due later',
      'new, nothing due, dream',
    ]);
  });

  it('puts the highest priority first', () => {
    expect(labels(sortBoardColumn(cards, 'priority'))).toEqual([
      'new, nothing due, dream',
      'middle, due later',
      'old, due soon, low',
    ]);
  });

  it('orders companies alphabetically without regard to case', () => {
    expect(labels(sortBoardColumn(cards, 'company'))).toEqual([
      'middle, due later',
      'new, nothing due, dream',
      'old, due soon, low',
    ]);
  });

  it('breaks ties by most recent change, then id, whatever order the cards came in', () => {
    const tied = [
      card('b', { updatedAt: '2026-12-01T00:00:00.000Z' }),
      card('a', { updatedAt: '2026-12-01T00:00:00.000Z' }),
      card('c', { updatedAt: '2026-12-02T00:00:00.000Z' }),
    ];
    expect(labels(sortBoardColumn(tied, 'priority'))).toEqual(['c', 'a', 'b']);
    expect(labels(sortBoardColumn([...tied].reverse(), 'priority'))).toEqual(['c', 'a', 'b']);
  });

  it('leaves its input as it was', () => {
    const before = labels(cards);
    sortBoardColumn(cards, 'company');
    expect(labels(cards)).toEqual(before);
  });
});

describe('parseBoardSortKey', () => {
  it('falls back to last activity for an unknown value', () => {
    expect(parseBoardSortKey('dueDate')).toBe('activity');
    expect(parseBoardSortKey(null)).toBe('activity');
    expect(parseBoardSortKey('company')).toBe('company');
  });
});

describe('describeNextStep', () => {
  const now = new Date('2026-12-07T12:00:00.000Z');
  const day = (instant: string) => instant.slice(0, 10);

  it('names the next step and its day', () => {
    expect(describeNextStep(step('2026-12-09T08:00:00.000Z'), now, day)).toEqual({
      text: 'Next: Application check-in, 2026-12-09',
      isOverdue: false,
    });
  });

  it('says when the step is overdue', () => {
    expect(describeNextStep(step('2026-12-01T08:00:00.000Z'), now, day)).toEqual({
      text: 'Overdue: Application check-in, 2026-12-01',
      isOverdue: true,
    });
  });

  it('says nothing when no step is open', () => {
    expect(describeNextStep(null, now, day)).toBeNull();
  });
});
