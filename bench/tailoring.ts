/**
 * Tailoring benchmark (issue 7): one resume against 1,000 generated postings (about 2 kB each, with
 * requirements, duties, nice-to-haves, benefits and an equal-opportunity line), through analyzeTailoring.
 * Baseline, measured in the same run: for each posting, a plain `String.prototype.includes` scan of the
 * lower-cased resume for every spelling in the skills dictionary — the naive keyword check. Prints postings
 * per second for both and the ratio. Run with `npx tsx bench/tailoring.ts [postings]`.
 */
import os from 'node:os';
import { skillsDictionary } from '../src/core/skills-dictionary.js';
import { analyzeTailoring } from '../src/core/tailoring.js';
import { winkTagger } from '../src/integrations/language/wink-tagger.js';

const postingCount = Number(process.argv[2] ?? 1_000);

/** mulberry32: a small deterministic generator, so every run analyses the same postings. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seededRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const pickSome = <T>(items: readonly T[], count: number): T[] =>
  Array.from({ length: count }, () => pick(items));

const skillNames = skillsDictionary.map((skill) => skill.canonical);
const titles = [
  'Software Engineer',
  'Data Analyst',
  'Product Manager',
  'Registered Nurse',
  'Account Executive',
  'Logistics Coordinator',
  'Financial Analyst',
  'UX Designer',
];
const activities = [
  'vendor onboarding',
  'release planning',
  'claims processing',
  'route optimization',
  'budget reviews',
  'patient intake',
  'pipeline reviews',
  'incident postmortems',
  'quarterly planning',
  'customer interviews',
];
const duties = [
  (a: string, b: string) =>
    `Own ${a} end to end and work closely with partners on ${b}; our customers depend on it.`,
  (a: string, b: string) => `Use ${a} and ${b} every day to ship improvements for our customers.`,
  (a: string, b: string) => `Lead ${a}, report on progress weekly, and coach others in ${b}.`,
  (a: string, b: string) =>
    `Improve our ${a} practices and document what you learn about ${b} so the next person starts faster.`,
];
const requirements = [
  (a: string, b: string) => `3+ years of experience with ${a} and ${b}, in a role with real responsibility.`,
  (a: string, b: string) => `Strong knowledge of ${a}; familiarity with ${b} is a plus.`,
  (a: string, b: string) =>
    `Hands-on experience in ${a}, ${b} or similar tools, and the judgment to pick the right one.`,
  (a: string, b: string) => `Proven track record in ${a} within a fast-paced team, ideally with ${b}.`,
];

function generatePosting(index: number): string {
  const title = pick(titles);
  const lines = [
    `${title} (#${index})`,
    '',
    'About us',
    `We are a ${pick(['growing', 'mission-driven', 'global'])} company building tools for ${pick(activities)}. Our teams value ${pick(skillNames)} and ${pick(skillNames)}. Since our founding we have grown to serve thousands of customers across three continents, and we keep investing in ${pick(activities)} and ${pick(activities)}.`,
    '',
    "What you'll do",
    ...Array.from(
      { length: 4 + Math.floor(random() * 4) },
      () => `- ${pick(duties)(pick([...skillNames, ...activities]), pick(skillNames))}`,
    ),
    '',
    'Requirements:',
    ...Array.from(
      { length: 5 + Math.floor(random() * 5) },
      () => `- ${pick(requirements)(pick(skillNames), pick([...skillNames, ...activities]))}`,
    ),
    '',
    'Nice to have:',
    ...pickSome(skillNames, 2 + Math.floor(random() * 3)).map((skill) => `- ${skill}`),
    '',
    'Benefits',
    '- Competitive salary, health insurance, 401(k) matching and paid time off.',
    `- A learning budget for courses such as ${pick(skillNames)}.`,
    '',
    'We are an equal opportunity employer and value diversity. All qualified applicants will receive consideration without regard to race, religion or gender.',
  ];
  return lines.join('\n');
}

const resume = [
  'Jordan Example',
  'Senior Software Engineer',
  'Summary',
  'Engineer with 8 years of experience building web applications and data pipelines. Mentored junior engineers and led cross-functional teams.',
  'Skills',
  pickSome(skillNames, 40).join(', '),
  'Experience',
  ...Array.from(
    { length: 12 },
    () => `- ${pick(duties)(pick(skillNames), pick([...skillNames, ...activities]))}`,
  ),
  'Education',
  "Bachelor's degree in Computer Science",
].join('\n');

const postings = Array.from({ length: postingCount }, (_, index) => generatePosting(index));
const averageLength = postings.reduce((sum, posting) => sum + posting.length, 0) / postings.length;

const loadStart = performance.now();
analyzeTailoring({ postingText: generatePosting(-1), resumeText: resume }, winkTagger);
const loadMs = performance.now() - loadStart;

let keywords = 0;
let scoreSum = 0;
const durations: number[] = [];
const analysisStart = performance.now();
for (const posting of postings) {
  const started = performance.now();
  const analysis = analyzeTailoring({ postingText: posting, resumeText: resume }, winkTagger);
  durations.push(performance.now() - started);
  keywords += analysis.keywords.length;
  scoreSum += analysis.score ?? 0;
}
const analysisMs = performance.now() - analysisStart;

const spellings = skillsDictionary.flatMap((skill) =>
  skill.aliases.map((alias) => alias.replace(/^[=~]/, '').toLowerCase()),
);
const lowerResume = resume.toLowerCase();
let baselineHits = 0;
const baselineStart = performance.now();
for (let run = 0; run < postings.length; run++) {
  for (const spelling of spellings) if (lowerResume.includes(spelling)) baselineHits += 1;
}
const baselineMs = performance.now() - baselineStart;

durations.sort((a, b) => a - b);
const percentile = (p: number): number =>
  durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))]!;
const perSecond = (count: number, ms: number): number => (count / ms) * 1000;

console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
console.log(
  `${postingCount} postings, ${Math.round(averageLength)} characters on average; resume ${resume.length} characters; dictionary ${skillsDictionary.length} skills, ${spellings.length} spellings`,
);
console.log(`first analysis (loads the wink model and the dictionary index): ${loadMs.toFixed(0)} ms`);
console.log(
  `${(keywords / postingCount).toFixed(1)} keywords and score ${(scoreSum / postingCount).toFixed(1)} per posting on average (baseline hits ${baselineHits / postingCount} spellings)`,
);
console.log('');
console.log('| run | postings/s | ms per posting (p50 / p95 / max) |');
console.log('| --- | --- | --- |');
console.log(
  `| analyzeTailoring | ${perSecond(postingCount, analysisMs).toFixed(0)} | ${percentile(50).toFixed(2)} / ${percentile(95).toFixed(2)} / ${durations.at(-1)!.toFixed(2)} |`,
);
console.log(
  `| baseline: includes() per spelling | ${perSecond(postingCount, baselineMs).toFixed(0)} | ${(baselineMs / postingCount).toFixed(2)} mean |`,
);
console.log('');
console.log(
  `ratio: analyzeTailoring takes ${(analysisMs / baselineMs).toFixed(1)}× the time of the includes() baseline (baseline ÷ analysis = ${(baselineMs / analysisMs).toFixed(2)})`,
);
