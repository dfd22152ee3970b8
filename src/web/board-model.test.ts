import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application } from '../core/application.js';
import { emptyPosting } from '../core/application.js';
import {
  type ActiveStage,
  activeStages,
  type Outcome,
  outcomes,
  type Stage,
  stages,
} from '../core/pipeline-values.js';
import {
  countByStage,
  emptyTableFilter,
  filterApplications,
  groupByStage,
  neighbourStage,
  sortApplications,
  tableSortKeys,
} from './board-model.js';

let serial = 0;

function application(overrides: Partial<Application> = {}): Application {
  serial += 1;
  const stage = overrides.stage ?? 'applied';
  return {
    id: `app-${String(serial).padStart(4, '0')}`,
    company: { id: 'c1', name: 'Acme' },
    jobTitle: `Engineer ${serial}`,
    postingUrl: null,
    posting: emptyPosting,
    source: { kind: 'other', detail: null },
    priority: 3,
    tags: [],
    resume: null,
    coverLetter: null,
    notes: '',
    stage,
    furthestStage: stage === 'ended' ? 'applied' : stage,
    outcome: stage === 'ended' ? 'rejected' : null,
    closedReason: null,
    appliedAt: '2026-03-01T10:00:00.000Z',
    endedAt: null,
    stageChangedAt: '2026-03-01T10:00:00.000Z',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: `2026-03-01T10:00:${String(serial % 60).padStart(2, '0')}.000Z`,
    ...overrides,
  };
}

const arbitraryApplication = fc
  .record({
    stage: fc.constantFrom<Stage>(...stages),
    outcome: fc.constantFrom<Outcome>(...outcomes),
    furthest: fc.constantFrom<ActiveStage>(...activeStages),
    priority: fc.integer({ min: 1, max: 5 }),
    title: fc.string(),
  })
  .map(({ stage, outcome, furthest, priority, title }) =>
    application({
      stage,
      outcome: stage === 'ended' ? outcome : null,
      furthestStage: stage === 'ended' ? furthest : (stage as ActiveStage),
      priority,
      jobTitle: title,
    }),
  );

describe('board model', () => {
  it('puts every application in exactly the column of its stage, and counts agree with the columns', () => {
    fc.assert(
      fc.property(fc.array(arbitraryApplication, { maxLength: 60 }), fc.boolean(), (apps, hideRejections) => {
        const columns = groupByStage(apps, { hideRejections });
        const counts = countByStage(apps, { hideRejections });
        let shown = 0;
        for (const stage of stages) {
          expect(columns[stage].every((a) => a.stage === stage)).toBe(true);
          expect(counts[stage]).toBe(columns[stage].length);
          shown += columns[stage].length;
        }
        expect(shown + counts.hiddenRejections).toBe(apps.length);
        if (!hideRejections) expect(counts.hiddenRejections).toBe(0);
      }),
    );
  });

  it('hides only rejections when asked, and keeps other endings visible', () => {
    const rejected = application({ stage: 'ended', outcome: 'rejected' });
    const ghosted = application({ stage: 'ended', outcome: 'no_response' });
    const columns = groupByStage([rejected, ghosted], { hideRejections: true });
    expect(columns.ended.map((a) => a.id)).toEqual([ghosted.id]);
    expect(countByStage([rejected, ghosted], { hideRejections: true }).hiddenRejections).toBe(1);
  });

  it('orders a column by the most recent change first', () => {
    const older = application({ updatedAt: '2026-03-01T09:00:00.000Z' });
    const newer = application({ updatedAt: '2026-03-02T09:00:00.000Z' });
    expect(groupByStage([older, newer], { hideRejections: false }).applied.map((a) => a.id)).toEqual([
      newer.id,
      older.id,
    ]);
  });

  it('moves with the keyboard to the neighbouring stage, ending after offer and reopening at the furthest stage', () => {
    expect(neighbourStage({ stage: 'saved', furthestStage: 'saved' }, 'previous')).toBeNull();
    expect(neighbourStage({ stage: 'applied', furthestStage: 'applied' }, 'next')).toBe('screening');
    expect(neighbourStage({ stage: 'screening', furthestStage: 'screening' }, 'previous')).toBe('applied');
    expect(neighbourStage({ stage: 'offer', furthestStage: 'offer' }, 'next')).toBe('ended');
    expect(neighbourStage({ stage: 'ended', furthestStage: 'interviewing' }, 'previous')).toBe(
      'interviewing',
    );
    expect(neighbourStage({ stage: 'ended', furthestStage: 'interviewing' }, 'next')).toBeNull();
  });

  it('sorts the table by any column in both orders, keeping the input order for ties', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryApplication, { maxLength: 30 }),
        fc.constantFrom(...tableSortKeys),
        (apps, key) => {
          const asc = sortApplications(apps, key, 'asc');
          const desc = sortApplications(apps, key, 'desc');
          expect(asc).toHaveLength(apps.length);
          expect(new Set(asc.map((a) => a.id))).toEqual(new Set(apps.map((a) => a.id)));
          if (key === 'priority') {
            for (let i = 1; i < asc.length; i += 1)
              expect(asc[i - 1]!.priority).toBeLessThanOrEqual(asc[i]!.priority);
            for (let i = 1; i < desc.length; i += 1)
              expect(desc[i - 1]!.priority).toBeGreaterThanOrEqual(desc[i]!.priority);
          }
        },
      ),
    );
    const a = application({ priority: 2 });
    const b = application({ priority: 2 });
    expect(sortApplications([a, b], 'priority', 'desc').map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('finds applications by any word of title, company, tags or notes, ignoring case and accents', () => {
    const resume = application({ jobTitle: 'Résumé reviewer', company: { id: 'c2', name: 'Zeta GmbH' } });
    const tagged = application({ tags: ['remote-first'], notes: 'Met Ana at the meetup' });
    const other = application({ jobTitle: 'Designer' });
    const all = [resume, tagged, other];
    const search = (q: string) => filterApplications(all, { ...emptyTableFilter, q }).map((a) => a.id);
    expect(search('RESUME zeta')).toEqual([resume.id]);
    expect(search('remote-first')).toEqual([tagged.id]);
    expect(search('ana meetup')).toEqual([tagged.id]);
    expect(search('nothing-like-this')).toEqual([]);
    expect(search('   ')).toEqual(all.map((a) => a.id));
  });

  it('filters by stage, outcome and tag together', () => {
    const ghosted = application({ stage: 'ended', outcome: 'no_response', tags: ['x'] });
    const rejected = application({ stage: 'ended', outcome: 'rejected', tags: ['x'] });
    const active = application({ stage: 'interviewing', tags: ['x'] });
    const filter = {
      ...emptyTableFilter,
      stages: ['ended' as const],
      outcome: 'no_response' as const,
      tag: 'x',
    };
    expect(filterApplications([ghosted, rejected, active], filter).map((a) => a.id)).toEqual([ghosted.id]);
  });
});
