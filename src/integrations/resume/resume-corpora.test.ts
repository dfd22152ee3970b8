import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import { analyzeTailoring, type TailoringAnalysis } from '../../core/tailoring.js';
import { winkTagger } from '../language/wink-tagger.js';
import { type ExtractedResume, extractResumeText } from './extract-resume-text.js';
import { isResumeExtractionError } from './resume-extraction-error.js';

/**
 * Real resumes and postings from ../shared/corpora (see the SOURCES.md files there): they must parse,
 * including open-resume's laverne-resume.pdf with its hostile text layer, and give sensible matches.
 */
if (!hasCorpora()) console.warn(corporaSkipMessage);

const files = {
  alfred: 'resume-matcher/resumes/alfred_pennyworth_pm.pdf',
  barry: 'resume-matcher/resumes/barry_allen_fe.pdf',
  bruce: 'resume-matcher/resumes/bruce_wayne_fullstack.pdf',
  harvey: 'resume-matcher/resumes/harvey_dent_mle.pdf',
  johnDoe: 'resume-matcher/resumes/john_doe.pdf',
  johnSmith: 'resume-matcher/resumes/resume_1.pdf',
  laverne: 'open-resume/laverne-resume.pdf',
  openResume: 'open-resume/openresume-resume.pdf',
  machineLearningJob: 'resume-matcher/job-descriptions/job_1.txt',
  javaJob: 'resume-matcher/job-descriptions/job_2.txt',
  productManagerJob: 'resume-matcher/job-descriptions/job_desc_product_manager.pdf',
  serviceNowJob: 'resume-matcher/job-descriptions/servicenow job1.pdf',
  bcpJob:
    'resume-matcher/job-descriptions/RQ-0950-2023-1-Practicante pre profesional-Finanzas TI en BCP - Otras posiciones - Laborum.pdf',
} as const;

type Name = keyof typeof files;

describe.skipIf(!hasCorpora())('real resumes and postings (../shared/corpora)', () => {
  const read = new Map<Name, ExtractedResume>();
  const text = (name: Name): string => read.get(name)!.text;
  const analyze = (resume: Name, posting: Name): TailoringAnalysis =>
    analyzeTailoring({ postingText: text(posting), resumeText: text(resume) }, winkTagger);
  const covered = (analysis: TailoringAnalysis): string[] => analysis.covered.map((k) => k.canonical);
  const missing = (analysis: TailoringAnalysis): string[] => analysis.missing.map((k) => k.canonical);

  beforeAll(async () => {
    for (const [name, file] of Object.entries(files) as [Name, string][]) {
      read.set(name, await extractResumeText(fs.readFileSync(corpusPath(file)), { fileName: file }));
    }
  }, 120_000);

  it('reads every file with its page count', () => {
    const summary = Object.fromEntries(
      [...read].map(([name, result]) => [name, [result.format, result.pages ?? null]]),
    );
    expect(summary).toEqual({
      alfred: ['pdf', 2],
      barry: ['pdf', 1],
      bruce: ['pdf', 2],
      harvey: ['pdf', 1],
      johnDoe: ['pdf', 2],
      johnSmith: ['pdf', 3],
      laverne: ['pdf', 1],
      openResume: ['pdf', 1],
      machineLearningJob: ['text', null],
      javaJob: ['text', null],
      productManagerJob: ['pdf', 2],
      serviceNowJob: ['pdf', 1],
      bcpJob: ['pdf', 2],
    });
    expect(text('alfred')).toMatch(/^Alfred Pennyworth\nProduct Manager\n/);
    expect(text('openResume')).toMatch(
      /^John Doe\nSoftware engineer obsessed with building exceptional products/,
    );
    expect(text('barry')).toContain(
      'JavaScript (ES6+), TypeScript, HTML5, CSS3, Python, React, Redux, Angular,',
    );
    expect(text('alfred')).toContain('Developing product strategies');
  });

  it('cleans the hostile text layer of laverne-resume.pdf', () => {
    const laverne = text('laverne');
    for (const phrase of [
      'on-campus position',
      '(909) 555-5555',
      'Co-designed 17 minute audio-visual presentation',
    ]) {
      expect(laverne).toContain(phrase);
    }
    expect(laverne).toContain('Proficient in Windows and Mac OS, Microsoft Word, PowerPoint, and Excel');
    expect(laverne).not.toMatch(/[\u00AD\u2010\u2011\t\u0000]/);
    expect(read.get('laverne')!.warnings).toEqual([]);
  });

  it('marks the characters a printed posting lost, and never passes on NUL', () => {
    const bcp = read.get('bcpJob')!;
    expect(bcp.text).not.toContain('\u0000');
    expect(bcp.text).toContain('Practicante pre profesional-Finanzas TI');
    expect(bcp.warnings).toEqual([
      '5 characters could not be read (the PDF uses a font without a text mapping) and show as \uFFFD; check the text for gaps.',
    ]);
  });

  it('matches the machine learning resume to the machine learning posting', () => {
    const analysis = analyze('harvey', 'machineLearningJob');
    expect(covered(analysis)).toEqual(
      expect.arrayContaining([
        'Machine learning',
        'Python',
        'TensorFlow',
        'PyTorch',
        'scikit-learn',
        'Deep learning',
      ]),
    );
    expect(missing(analysis)).toEqual(
      expect.arrayContaining([
        'Apache Hadoop',
        'Apache Spark',
        'Google Cloud Platform',
        'Dimensionality reduction',
      ]),
    );
    const hadoop = analysis.missing.find((k) => k.canonical === 'Apache Hadoop');
    expect(hadoop?.inPosting).toEqual([
      expect.objectContaining({
        section: 'requirements',
        excerpt: expect.stringContaining('AWS, GCP, Hadoop, Spark'),
      }),
    ]);
    expect(analysis.keywords[0]?.canonical).toBe('Machine learning');
  });

  it('matches the Java resume to the Java posting', () => {
    const analysis = analyze('johnDoe', 'javaJob');
    expect(covered(analysis)).toEqual(
      expect.arrayContaining([
        'Java',
        'Spring',
        'Hibernate',
        'MySQL',
        'Git',
        'HTML',
        'CSS',
        'JavaScript',
        'Agile',
      ]),
    );
    expect(missing(analysis)).toEqual(expect.arrayContaining(['Microsoft SQL Server', "Master's degree"]));
  });

  it('matches the product manager resume to the product manager posting', () => {
    const analysis = analyze('alfred', 'productManagerJob');
    expect(covered(analysis)).toEqual(
      expect.arrayContaining([
        'Product management',
        'Product strategy',
        'Communication',
        'Cross-functional collaboration',
      ]),
    );
    expect(missing(analysis)).toEqual(
      expect.arrayContaining(['Product roadmap', 'Pricing strategy', 'Product demos']),
    );
  });

  it('shows a front-end resume missing the ServiceNow platform the ServiceNow posting is about', () => {
    const analysis = analyze('barry', 'serviceNowJob');
    expect(analysis.keywords[0]).toMatchObject({ canonical: 'ServiceNow', inResume: false });
    expect(covered(analysis)).toEqual(expect.arrayContaining(['JavaScript', 'HTML', 'CSS', 'Python']));
    expect(missing(analysis)).toEqual(expect.arrayContaining(['ITIL', 'IT service management', 'Java']));
  });

  it('scores each resume higher against its own kind of posting than against the others', () => {
    const score = (resume: Name, posting: Name): number => analyze(resume, posting).score ?? 0;
    expect(score('harvey', 'machineLearningJob')).toBeGreaterThan(score('harvey', 'javaJob'));
    expect(score('harvey', 'machineLearningJob')).toBeGreaterThan(score('harvey', 'productManagerJob'));
    expect(score('johnSmith', 'machineLearningJob')).toBeGreaterThan(score('johnSmith', 'productManagerJob'));
    expect(score('johnDoe', 'javaJob')).toBeGreaterThan(score('johnDoe', 'machineLearningJob'));
    expect(score('johnDoe', 'javaJob')).toBeGreaterThan(score('johnDoe', 'productManagerJob'));
    expect(score('alfred', 'productManagerJob')).toBeGreaterThan(score('alfred', 'machineLearningJob'));
    expect(score('alfred', 'productManagerJob')).toBeGreaterThan(score('alfred', 'javaJob'));
  });

  it('reads the skills on the hostile-layer resume', () => {
    const posting = `Office assistant
Requirements:
- Microsoft Word, PowerPoint and Excel
- Spanish, strong communication skills
- Java`;
    const analysis = analyzeTailoring({ postingText: posting, resumeText: text('laverne') }, winkTagger);
    expect(covered(analysis)).toEqual(
      expect.arrayContaining([
        'Microsoft Word',
        'Microsoft PowerPoint',
        'Microsoft Excel',
        'Spanish',
        'Communication',
      ]),
    );
    expect(missing(analysis)).toEqual(['Java']);
  });

  it('finds the dictionary skills of a Spanish posting and no English noun phrases in it', () => {
    const analysis = analyze('laverne', 'bcpJob');
    expect(analysis.keywords.map((k) => [k.canonical, k.kind])).toEqual(
      expect.arrayContaining([
        ['Power BI', 'skill'],
        ['SQL', 'skill'],
        ['Microsoft Excel', 'skill'],
        ['VBA', 'skill'],
      ]),
    );
    expect(analysis.keywords.filter((k) => k.kind === 'phrase')).toEqual([]);
    expect(covered(analysis)).toContain('Microsoft Excel');
  });
});

describe.skipIf(!hasCorpora())('hostile strings (../shared/corpora/payloads)', () => {
  const naughty = hasCorpora()
    ? (JSON.parse(fs.readFileSync(corpusPath('payloads/blns/blns.json'), 'utf8')) as string[])
    : [];

  it('analyses every naughty string as posting, resume and cover letter without failing', () => {
    for (const value of naughty) {
      const analysis = analyzeTailoring(
        {
          postingText: `Requirements:\n- ${value}\n- Python`,
          resumeText: value,
          coverLetterText: value,
          companyName: value,
          jobTitle: value,
        },
        winkTagger,
      );
      expect(analysis.keywords.map((k) => k.canonical)).toContain('Python');
      expect(analysis.score).toBeGreaterThanOrEqual(0);
    }
  });

  it('returns a naughty text upload exactly, or refuses it with a code', async () => {
    let exact = 0;
    for (const value of naughty) {
      const padded = `Resume of Jane Doe\n${value}`;
      try {
        const result = await extractResumeText(Buffer.from(padded, 'utf8'), { fileName: 'cv.txt' });
        expect(result.text).toBe(padded);
        exact += 1;
      } catch (error) {
        expect(isResumeExtractionError(error) && error.code).toBe('RESUME_UNSUPPORTED_TYPE');
      }
    }
    expect(exact).toBeGreaterThan(naughty.length * 0.9);
  });
});
