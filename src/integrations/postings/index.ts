/** Adding a job from its URL or a pasted page: the entry points the API, CLI and web UI call. */

export { isBlockedAddress, type ResolvedAddress, type ResolveHost } from './address-guard.js';
export {
  type AtsApiBases,
  type AtsReference,
  type AtsVendor,
  atsApiUrl,
  recognizeAtsUrl,
} from './ats/ats-reference.js';
export { defaultMaxPageChars, type ExtractPostingOptions, extractPosting } from './extract-posting.js';
export type { ExtractedPosting, PostingSource } from './extracted-posting.js';
export {
  defaultUserAgent,
  type FetchedPosting,
  type FetchPostingOptions,
  fetchLimits,
  fetchPosting,
} from './fetch-posting.js';
export {
  defaultMaxApiBytes,
  type ImportPostingOptions,
  importPostingFromUrl,
} from './import-posting-from-url.js';
export {
  isPostingImportError,
  type PostingErrorCode,
  PostingImportError,
  postingErrorCodes,
} from './posting-import-error.js';
export { toApplicationCreate } from './to-application-create.js';
