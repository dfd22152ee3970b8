import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { winkTagger } from '../integrations/language/wink-tagger.js';
import { skillsDictionary } from './skills-dictionary.js';
import {
  analyzeTailoring,
  sectionWeights,
  type TailoringAnalysis,
  type TailoringInput,
} from './tailoring.js';

/** The analysis with the tagger runtime.ts wires in. */
function analyze(input: TailoringInput): TailoringAnalysis {
  return analyzeTailoring(input, winkTagger);
}

const backendPosting = `Backend Engineer

Requirements:
- Python
- Kubernetes
Responsibilities:
- Write Python daily.
- Review Terraform plans.
Benefits:
- Free Docker training.
We are an equal opportunity employer; Java experience is never a factor.`;

describe('analyzeTailoring', () => {
  it('weighs keywords by section and frequency and scores the resume by the documented formula', () => {
    const analysis = analyze({
      postingText: backendPosting,
      resumeText: 'Skills: Python, Docker, PostgreSQL',
    });

    expect(analysis.keywords.map((k) => [k.canonical, k.weight, k.occurrences, k.inResume])).toEqual([
      // requirements (3) is the best section; two mentions: 3 × (1 + log2 2)
      ['Python', 6, 2, true],
      ['Kubernetes', 3, 1, false],
      // responsibilities weigh 2
      ['Terraform', 2, 1, false],
      // a line outside any section weighs 1
      ['Back-end development', 1, 1, false],
    ]);
    expect(analysis.coveredWeight).toBe(6);
    expect(analysis.totalWeight).toBe(12);
    expect(analysis.score).toBe(50);
    expect(analysis.formula).toContain('round(100 × 6 / 12) = 50');
    expect(analysis.covered.map((k) => k.canonical)).toEqual(['Python']);
    expect(analysis.missing.map((k) => k.canonical)).toEqual([
      'Kubernetes',
      'Terraform',
      'Back-end development',
    ]);
  });

  it('ignores benefits and equal-opportunity text', () => {
    const analysis = analyze({ postingText: backendPosting, resumeText: '' });
    const names = analysis.keywords.map((k) => k.canonical);
    expect(names).not.toContain('Docker');
    expect(names).not.toContain('Java');
    expect(analysis.score).toBe(0);
  });

  it('says where in the posting a missing keyword appears', () => {
    const analysis = analyze({ postingText: backendPosting, resumeText: 'Python' });
    const kubernetes = analysis.missing.find((k) => k.canonical === 'Kubernetes');
    expect(kubernetes?.inPosting).toEqual([
      { excerpt: '- Kubernetes', section: 'requirements', start: 43, end: 53 },
    ]);
    const python = analysis.covered.find((k) => k.canonical === 'Python');
    expect(python?.inPosting.map((e) => [e.section, e.excerpt])).toEqual([
      ['requirements', '- Python'],
      ['responsibilities', '- Write Python daily.'],
    ]);
  });

  it('counts a narrower skill in the resume as covering the broader one the posting asks for', () => {
    const analysis = analyze({
      postingText: 'Requirements:\n- SQL and JavaScript\n- Containers',
      resumeText: 'Built services on PostgreSQL with React, shipped with Docker.',
    });
    expect(analysis.keywords.map((k) => [k.canonical, k.inResume])).toEqual([
      ['Containers', true],
      ['JavaScript', true],
      ['SQL', true],
    ]);
    expect(analysis.score).toBe(100);
  });

  it('keeps the posting spelling as the term and the dictionary name as canonical', () => {
    const analysis = analyze({
      postingText: 'Requirements: Postgres and k8s.',
      resumeText: 'PostgreSQL',
    });
    expect(analysis.keywords.map((k) => [k.term, k.canonical, k.inResume])).toEqual([
      ['k8s', 'Kubernetes', false],
      ['Postgres', 'PostgreSQL', true],
    ]);
  });

  it('adds noun phrases from requirements that the dictionary does not know, and checks them in order', () => {
    const posting = `Requirements:
- Experience with freight consolidation and customs brokerage for our inventory.
- You will own carrier scorecards.`;
    const analysis = analyze({
      postingText: posting,
      resumeText: 'Ran customs brokerage and freight consolidation for 40 carriers.',
    });
    const phrases = analysis.keywords.filter((k) => k.kind === 'phrase');
    expect(phrases.map((k) => [k.canonical, k.weight, k.inResume])).toEqual([
      ['carrier scorecards', 1.5, false],
      ['customs brokerage', 1.5, true],
      ['freight consolidation', 1.5, true],
    ]);
    expect(analysis.keywords.map((k) => k.canonical)).toContain('Inventory management');
  });

  it('finds no noun phrases in a posting that is not in English, but still finds dictionary skills', () => {
    const analysis = analyze({
      postingText:
        'Requisitos:\n- Conocimiento de SQL, Power BI y Excel avanzado.\n- Capacidad de análisis y gestión de proyectos de mejora continua.',
      resumeText: 'Excel, SQL',
    });
    expect(analysis.keywords.every((k) => k.kind === 'skill')).toBe(true);
    expect(analysis.keywords.map((k) => [k.canonical, k.inResume])).toEqual([
      ['Microsoft Excel', true],
      ['Power BI', false],
      ['SQL', true],
    ]);
  });

  it('leaves out the company name, which no resume is expected to contain', () => {
    const analysis = analyze({
      postingText: 'Requirements:\n- Salesforce admin experience with Salesforce CRM and SOQL; Apex.',
      resumeText: '',
      companyName: 'Salesforce, Inc.',
    });
    expect(analysis.keywords.map((k) => k.canonical)).not.toContain('Salesforce');
  });

  it('gives no score, and says why, when the posting yields no keywords', () => {
    const analysis = analyze({ postingText: '', resumeText: 'Python' });
    expect(analysis.score).toBeNull();
    expect(analysis.keywords).toEqual([]);
    expect(analysis.formula).toBe('No keywords were found in the posting, so there is nothing to score.');
  });

  it('shortens a long posting line around the mention', () => {
    const line = `${'We build many things for many people. '.repeat(6)}You will use Terraform daily. ${'More words follow here. '.repeat(6)}`;
    const keyword = analyze({ postingText: line, resumeText: '' }).keywords.find(
      (k) => k.canonical === 'Terraform',
    );
    const excerpt = keyword?.inPosting[0]?.excerpt ?? '';
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toContain('You will use Terraform daily.');
    expect(excerpt.length).toBeLessThan(200);
  });

  it('recognises the usual section headers', () => {
    const posting = `ABOUT US
We build tools in Rust.
What you'll do
- Ship Go services.
Nice to have:
- Kotlin
Who you are:
- Fluent in Swift, Scala.
Perks
- Lunch and Java lessons.`;
    const sections = Object.fromEntries(
      analyze({ postingText: posting, resumeText: '' }).keywords.map((k) => [
        k.canonical,
        k.inPosting[0]?.section,
      ]),
    );
    expect(sections).toEqual({
      Swift: 'requirements',
      Scala: 'requirements',
      Go: 'responsibilities',
      Kotlin: 'preferred',
      Rust: 'company',
    });
  });

  it('is deterministic', () => {
    const input = {
      postingText: backendPosting,
      resumeText: 'Python',
      coverLetterText: 'Dear team, Python.',
    };
    expect(analyze(input)).toEqual(analyze(input));
  });
});

describe('analyzeTailoring properties', () => {
  const names = skillsDictionary
    .filter((skill) => !skill.aliases.some((a) => /^[=~]/.test(a)))
    .map((s) => s.canonical);
  const postingArbitrary = fc
    .array(
      fc.tuple(
        fc.constantFrom('Requirements:', 'Responsibilities:', 'About us:', 'Benefits:', ''),
        fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('You will work with', 'Experience in', 'We value', 'Strong knowledge of'),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((blocks) =>
      blocks.map(([header, skills, lead]) => `${header}\n- ${lead} ${skills.join(', ')}.`).join('\n'),
    );

  it('scores between 0 and 100, and 100 when the resume is the posting itself', () => {
    fc.assert(
      fc.property(postingArbitrary, fc.string({ maxLength: 200 }), (posting, resume) => {
        const analysis = analyze({ postingText: posting, resumeText: resume });
        if (analysis.score !== null) {
          expect(analysis.score).toBeGreaterThanOrEqual(0);
          expect(analysis.score).toBeLessThanOrEqual(100);
        }
        const itself = analyze({ postingText: posting, resumeText: posting });
        expect(itself.missing).toEqual([]);
        expect(itself.score === null || itself.score === 100).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('never lowers the score when the resume gains text', () => {
    fc.assert(
      fc.property(
        postingArbitrary,
        fc.array(fc.constantFrom(...names), { maxLength: 8 }),
        fc.constantFrom(...names),
        (posting, resumeSkills, extra) => {
          const before = analyze({ postingText: posting, resumeText: resumeSkills.join(', ') });
          const after = analyze({
            postingText: posting,
            resumeText: `${resumeSkills.join(', ')}, ${extra}`,
          });
          expect(after.score ?? 0).toBeGreaterThanOrEqual(before.score ?? 0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('weighs only mentions outside ignored sections', () => {
    fc.assert(
      fc.property(postingArbitrary, (posting) => {
        for (const keyword of analyze({ postingText: posting, resumeText: '' }).keywords) {
          expect(keyword.weight).toBeGreaterThan(0);
          for (const excerpt of keyword.inPosting) expect(sectionWeights[excerpt.section]).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('cover letter checks', () => {
  const posting = `Requirements:
- Python and Kubernetes
- PostgreSQL
- Terraform
Responsibilities:
- Mentor engineers.`;

  it('checks that the letter names the company and the role and addresses the top requirements', () => {
    const checks = analyze({
      postingText: posting,
      resumeText: '',
      coverLetterText:
        'Dear ServiceNow hiring team, I am applying for the Software Engineer role. I run Kubernetes clusters and write Python.',
      companyName: 'ServiceNow, Inc.',
      jobTitle: 'Senior Software Engineer (Remote)',
    }).coverLetterChecks;
    expect(checks).toEqual({
      namesCompany: true,
      namesRole: true,
      addressesTopRequirements: {
        passed: false,
        top: ['Kubernetes', 'PostgreSQL', 'Python', 'Terraform', 'Mentoring'],
        addressed: ['Kubernetes', 'Python'],
        missing: ['PostgreSQL', 'Terraform', 'Mentoring'],
      },
    });
  });

  it('accepts the company written with or without spaces and passes with half the top requirements', () => {
    const checks = analyze({
      postingText: posting,
      resumeText: '',
      coverLetterText: 'At Service Now I would use Python, PostgreSQL and Terraform as a platform engineer.',
      companyName: 'ServiceNow',
      jobTitle: 'Software Engineer',
    }).coverLetterChecks;
    expect(checks?.namesCompany).toBe(true);
    expect(checks?.namesRole).toBe(false);
    expect(checks?.addressesTopRequirements.passed).toBe(true);
  });

  it('leaves the checks out without a cover letter, and a name check open when the name is unknown', () => {
    expect(analyze({ postingText: posting, resumeText: '' }).coverLetterChecks).toBeNull();
    const checks = analyze({
      postingText: posting,
      resumeText: '',
      coverLetterText: 'Hello',
    }).coverLetterChecks;
    expect([checks?.namesCompany, checks?.namesRole]).toEqual([null, null]);
    expect(
      analyze({ postingText: posting, resumeText: '' }).keywords.find((k) => k.canonical === 'Python')
        ?.inCoverLetter,
    ).toBe(false);
  });
});
