import { emptyPosting } from '../../core/application-values.js';
import { AppError } from '../../core/errors.js';
import type { PostingExtract, PostingReader } from '../../core/posting-extract.js';
import type { PrivateAddressPolicy } from './address-guard.js';
import type { ExtractedPosting } from './extracted-posting.js';
import { isPostingImportError } from './posting-import-error.js';
import { toApplicationCreate } from './to-application-create.js';

/**
 * The PostingReader port on our own fetcher and extractors, loaded on first use (cheerio, Readability and
 * linkedom are large, and most runs of the CLI never read a posting). No private or local address is
 * fetched unless `privateAddresses` allows it, so a URL cannot make hearback reach its own network.
 */
export function createPostingReader(
  options: { readonly privateAddresses?: PrivateAddressPolicy } = {},
): PostingReader {
  return {
    readUrl: async (url) => {
      const { importPostingFromUrl } = await import('./import-posting-from-url.js');
      try {
        return toExtract(await importPostingFromUrl(url, { privateAddresses: options.privateAddresses }));
      } catch (error) {
        throw toAppError(error);
      }
    },
    readPage: async (page, url) => {
      const { extractPosting } = await import('./extract-posting.js');
      try {
        return toExtract(extractPosting(page, { url }));
      } catch (error) {
        throw toAppError(error);
      }
    },
  };
}

function toExtract(extracted: ExtractedPosting): PostingExtract {
  const draft = toApplicationCreate(extracted);
  const posting = { ...emptyPosting };
  for (const [key, value] of Object.entries(extracted.posting)) {
    if (value !== undefined) (posting as Record<string, unknown>)[key] = value;
  }
  return {
    status: extracted.status,
    source: extracted.source,
    jobTitle: extracted.jobTitle,
    companyName: extracted.companyName,
    postingUrl: extracted.postingUrl,
    applyUrl: extracted.applyUrl,
    locations: [...extracted.locations],
    posting,
    applicationSource: { kind: draft.source?.kind ?? 'other', detail: draft.source?.detail ?? null },
    warnings: [...extracted.warnings],
  };
}

function toAppError(error: unknown): unknown {
  if (isPostingImportError(error)) return new AppError(error.code, error.message, error.details);
  return error;
}
