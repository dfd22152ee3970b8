import type { PostingProbe, PostingProbeTarget } from '../../core/posting-watch.js';
import { type AtsApiBases, atsApiUrl, recognizeAtsUrl } from './ats/ats-reference.js';
import type { PostingProbeOptions } from './posting-probe.js';

/**
 * Which host a check of a posting contacts: its ATS API's when the URL is an ATS posting, else the page's.
 * Small and synchronous, so the watch can schedule by host without loading the fetcher.
 */
export function postingHostOf(atsApiBases?: AtsApiBases) {
  return (target: Pick<PostingProbeTarget, 'url' | 'ats'>): string =>
    new URL(target.ats ? atsApiUrl(target.ats, atsApiBases) : target.url).host.toLowerCase();
}

/**
 * The PostingProbe port, with the fetcher and page readers (cheerio, Readability, linkedom: large) loaded on
 * the first check rather than with the server or the CLI. What runtime.ts wires into Deps.
 */
export function createPostingProbeOnUse(options: PostingProbeOptions = {}): PostingProbe {
  const hostOf = postingHostOf(options.atsApiBases);
  let loaded: Promise<PostingProbe> | undefined;
  return {
    identify(url) {
      const ats = recognizeAtsUrl(url);
      return { ats, host: hostOf({ url, ats }) };
    },
    hostOf,
    async check(target) {
      loaded ??= import('./posting-probe.js').then(({ createPostingProbe }) => createPostingProbe(options));
      return (await loaded).check(target);
    },
  };
}
