import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findSkillByName,
  findSkills,
  type SkillCategory,
  singularizeWord,
  skillsDictionary,
  tokenizeWords,
} from './skills-dictionary.js';

function skillsIn(text: string): string[] {
  return findSkills(text).map((match) => match.skill.canonical);
}

function spelled(text: string): string[] {
  return findSkills(text).map((match) => `${match.skill.canonical}=${match.text}`);
}

describe('skillsDictionary', () => {
  it('holds a few hundred skills across trades, not only software', () => {
    expect(skillsDictionary.length).toBeGreaterThanOrEqual(300);
    const perCategory = new Map<SkillCategory, number>();
    for (const skill of skillsDictionary)
      perCategory.set(skill.category, (perCategory.get(skill.category) ?? 0) + 1);
    for (const category of [
      'software',
      'data',
      'design',
      'product',
      'project_management',
      'marketing',
      'sales',
      'finance',
      'operations',
      'healthcare',
      'soft_skill',
    ] as const) {
      expect(perCategory.get(category), category).toBeGreaterThanOrEqual(10);
    }
  });

  it('has one entry per canonical name and implies only skills it holds', () => {
    const names = skillsDictionary.map((skill) => skill.canonical.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const skill of skillsDictionary) {
      for (const implied of skill.implies)
        expect(findSkillByName(implied)?.canonical, skill.canonical).toBe(implied);
    }
  });

  it('finds every alias of every skill as that skill, spelled as written', () => {
    const wrong: string[] = [];
    for (const skill of skillsDictionary) {
      for (const alias of skill.aliases) {
        const written = alias.replace(/^[=~]/, '');
        const [first] = findSkills(`Skills: ${written}, Python.`);
        if (first?.skill.canonical !== skill.canonical || first.text !== written) {
          wrong.push(`${alias} -> ${first?.skill.canonical ?? 'nothing'} (${first?.text ?? ''})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('findSkills', () => {
  it('keeps terms with punctuation whole: Node.js, C#, C++, CI/CD, A/B testing, .NET', () => {
    expect(spelled('We use Node.js, C#, C++ and CI/CD with A/B testing on .NET and ASP.NET Core.')).toEqual([
      'Node.js=Node.js',
      'C#=C#',
      'C++=C++',
      'CI/CD=CI/CD',
      'A/B testing=A/B testing',
      '.NET=.NET',
      'ASP.NET=ASP.NET Core',
    ]);
  });

  it('knows the other spellings of a term', () => {
    expect(skillsIn('NodeJS; node js; nodejs')).toEqual(['Node.js', 'Node.js', 'Node.js']);
    expect(skillsIn('Postgres, PostgreSQL and psql')).toEqual(['PostgreSQL', 'PostgreSQL', 'PostgreSQL']);
    expect(skillsIn('k8s or Kubernetes')).toEqual(['Kubernetes', 'Kubernetes']);
    expect(skillsIn('ML, machine learning and Machine-Learning')).toEqual([
      'Machine learning',
      'Machine learning',
      'Machine learning',
    ]);
    expect(skillsIn('front-end, front end, frontend; e-commerce and ecommerce')).toEqual([
      'Front-end development',
      'Front-end development',
      'Front-end development',
      'E-commerce',
      'E-commerce',
    ]);
    expect(skillsIn('AB testing and CI / CD')).toEqual(['A/B testing', 'CI/CD']);
  });

  it('tells C, C++ and C# apart', () => {
    expect(skillsIn('Languages: C, C++ and C#; also C/C++.')).toEqual(['C', 'C++', 'C#', 'C', 'C++']);
  });

  it('reads Go as the language only in a technical context', () => {
    expect(skillsIn('Languages: Go, Rust, Python')).toEqual(['Go', 'Rust', 'Python']);
    expect(skillsIn('Five years of experience in Go.')).toEqual(['Go']);
    expect(skillsIn('Go developer with Golang services')).toEqual(['Go', 'Go']);
    expect(skillsIn('Go ahead and apply. Let us go. We go beyond. Go live in May.')).toEqual([]);
    expect(skillsIn('Own the Go-to-market plan.')).toEqual(['Go-to-market strategy']);
  });

  it('does not read English words as technologies', () => {
    expect(skillsIn('Fall 2013 – Spring 2014')).toEqual([]);
    expect(skillsIn('Java, Spring, and Hibernate; Spring Boot services')).toEqual([
      'Java',
      'Spring',
      'Hibernate',
      'Spring Boot',
    ]);
    expect(skillsIn('Give 10 ml of saline')).toEqual([]);
    expect(skillsIn('R&D budget; statistics in R and Python')).toEqual([
      'Research and development',
      'Statistics',
      'R',
      'Python',
    ]);
    expect(skillsIn('You excel at planning and react quickly')).toEqual([]);
    expect(skillsIn('Excel and React')).toEqual(['Microsoft Excel', 'React']);
    expect(skillsIn('a swift response; a rusty node')).toEqual([]);
  });

  it('prefers the longest spelling and never overlaps matches', () => {
    expect(skillsIn('React Native and Spring Boot')).toEqual(['React Native', 'Spring Boot']);
    expect(skillsIn('machine learning operations')).toEqual(['MLOps']);
  });

  it('accepts plurals, possessives and words broken across a line', () => {
    expect(skillsIn('RESTful APIs and databases of PRDs')).toEqual([
      'RESTful APIs',
      'Product requirements documents',
    ]);
    expect(skillsIn("Master's degree, Bachelor’s degree")).toEqual(["Master's degree", "Bachelor's degree"]);
    expect(skillsIn('TensorFlow, Scikit-\nLearn')).toEqual(['TensorFlow', 'scikit-learn']);
    expect(skillsIn('Natural\nLanguage Processing')).toEqual(['Natural language processing']);
  });

  it('does not join words across sentence punctuation', () => {
    expect(skillsIn('We have data. Science is fun.')).toEqual([]);
    expect(skillsIn('machine, learning')).toEqual([]);
  });

  it('ends a term at sentence punctuation ("Node.js." and "C++,")', () => {
    expect(spelled('Built with Node.js. Wrote C++, C#.')).toEqual(['Node.js=Node.js', 'C++=C++', 'C#=C#']);
  });

  it('finds skills outside software', () => {
    expect(
      skillsIn(
        'Patient care, HIPAA and BLS; accounts payable under GAAP; SEO and Google Ads; forklift and inventory; lesson planning; Spanish',
      ),
    ).toEqual([
      'Patient care',
      'HIPAA',
      'Basic Life Support',
      'Accounts payable',
      'GAAP',
      'Search engine optimization',
      'Google Ads',
      'Forklift operation',
      'Inventory management',
      'Lesson planning',
      'Spanish',
    ]);
  });

  it('reports offsets that slice back to the written text, in order and without overlap', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'Node.js',
              'C#',
              'Go',
              'go',
              'A/B testing',
              '.NET',
              'R&D',
              'k8s',
              ',',
              '.',
              '\n',
              '-',
            ),
            fc.string({ maxLength: 12 }),
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          const text = parts.join(' ');
          let previousEnd = 0;
          for (const match of findSkills(text)) {
            expect(match.start).toBeGreaterThanOrEqual(previousEnd);
            expect(match.end).toBeGreaterThan(match.start);
            expect(text.slice(match.start, match.end)).toBe(match.text);
            previousEnd = match.end;
          }
          for (const token of tokenizeWords(text)) {
            expect(token.end).toBeGreaterThan(token.start);
            expect(token.end).toBeLessThanOrEqual(text.length);
          }
        },
      ),
    );
  });

  it('finds the same skills whatever the case of case-insensitive spellings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...skillsDictionary.filter((s) => !s.aliases.some((a) => /^[=~]/.test(a)))),
        (skill) => {
          const upper = findSkills(`Skills: ${skill.canonical.toUpperCase()}, more.`)[0]?.skill.canonical;
          const lower = findSkills(`Skills: ${skill.canonical.toLowerCase()}, more.`)[0]?.skill.canonical;
          expect([upper, lower]).toEqual([skill.canonical, skill.canonical]);
        },
      ),
    );
  });
});

describe('singularizeWord', () => {
  it('folds common English plurals and leaves other words alone', () => {
    expect(
      ['apis', 'policies', 'processes', 'databases', 'skills', 'analysis', 'status', 'js', 'k8s'].map(
        singularizeWord,
      ),
    ).toEqual(['api', 'policy', 'process', 'database', 'skill', 'analysis', 'status', 'js', 'k8s']);
  });
});
