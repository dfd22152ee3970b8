import zlib from 'node:zlib';
import { ResumeExtractionError } from './resume-extraction-error.js';

/**
 * Reads a zip's central directory and proves every entry inflates to no more than it declares, before the
 * archive reaches mammoth (whose jszip trusts the declared sizes and would inflate a bomb in full). Each
 * entry is inflated once with zlib's `maxOutputLength` set to its declared size, so a directory that lies
 * stops at the declared size, and the declared sizes are capped in total and in ratio.
 */
export type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
};

export type ZipLimits = {
  readonly maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  readonly maxUncompressedBytes: number;
  /** uncompressed / compressed, checked for entries above one MiB (small entries compress freely). */
  readonly maxCompressionRatio: number;
};

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const ratioFloorBytes = 1024 * 1024;
const stored = 0;
const deflated = 8;

export function inspectZip(bytes: Uint8Array, limits: ZipLimits): readonly ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (
    view.getUint16(end + 4, true) !== 0 ||
    view.getUint16(end + 6, true) !== 0 ||
    entryCount === 0xffff ||
    directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff
  ) {
    throw unreadable('It is a multi-part or ZIP64 archive, which a resume never needs.');
  }
  if (entryCount > limits.maxEntries) {
    throw new ResumeExtractionError(
      'RESUME_TOO_LARGE',
      `The document holds ${entryCount} parts; at most ${limits.maxEntries} are accepted.`,
      { entries: entryCount, maxEntries: limits.maxEntries },
    );
  }
  if (directoryOffset + directorySize > end) {
    throw unreadable('Its table of contents points outside the file.');
  }

  const entries = readDirectory(view, bytes, directoryOffset, entryCount, end);
  checkDeclaredSizes(entries, limits);
  for (const entry of entries) verifyEntry(view, bytes, entry, directoryOffset);
  return entries;
}

function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === endOfDirectorySignature) return at;
  }
  throw unreadable('It has no zip table of contents (the file is truncated or not a zip).');
}

function readDirectory(
  view: DataView,
  bytes: Uint8Array,
  offset: number,
  count: number,
  limit: number,
): ZipEntry[] {
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > limit || view.getUint32(at, true) !== directoryEntrySignature) {
      throw unreadable('Its table of contents is damaged.');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > limit) throw unreadable('Its table of contents is damaged.');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      throw unreadable('It is a ZIP64 archive, which a resume never needs.');
    }
    if ((flags & 0x1) !== 0) throw unreadable('It is encrypted; save it again without a password.');
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkDeclaredSizes(entries: readonly ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > ratioFloorBytes && ratio > limits.maxCompressionRatio) {
      throw new ResumeExtractionError(
        'RESUME_TOO_LARGE',
        `The part "${entry.name.slice(0, 100)}" expands ${Math.round(ratio)} times; at most ${limits.maxCompressionRatio} is accepted (this looks like a zip bomb).`,
        { entry: entry.name.slice(0, 200), ratio: Math.round(ratio), maxRatio: limits.maxCompressionRatio },
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ResumeExtractionError(
      'RESUME_TOO_LARGE',
      `The document expands to ${formatMegabytes(total, 'up')}; at most ${formatMegabytes(limits.maxUncompressedBytes)} is accepted.`,
      { uncompressedBytes: total, maxUncompressedBytes: limits.maxUncompressedBytes },
    );
  }
}

function verifyEntry(view: DataView, bytes: Uint8Array, entry: ZipEntry, dataLimit: number): void {
  const at = entry.localHeaderOffset;
  if (at + 30 > dataLimit || view.getUint32(at, true) !== localHeaderSignature) {
    throw unreadable(`The part "${entry.name.slice(0, 100)}" is missing or damaged.`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > dataLimit)
    throw unreadable(`The part "${entry.name.slice(0, 100)}" runs past the end of the data.`);
  const data = bytes.subarray(start, end);

  if (entry.method === stored) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw unreadable(`The part "${entry.name.slice(0, 100)}" has inconsistent sizes.`);
    }
    return;
  }
  if (entry.method !== deflated) {
    throw unreadable(`The part "${entry.name.slice(0, 100)}" uses compression method ${entry.method}.`);
  }
  let inflated: Buffer;
  try {
    inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ResumeExtractionError(
        'RESUME_TOO_LARGE',
        `The part "${entry.name.slice(0, 100)}" expands beyond the ${entry.uncompressedSize} bytes it declares (this looks like a zip bomb).`,
        { entry: entry.name.slice(0, 200), declaredBytes: entry.uncompressedSize },
      );
    }
    throw unreadable(`The part "${entry.name.slice(0, 100)}" cannot be decompressed.`);
  }
  if (inflated.length !== entry.uncompressedSize) {
    throw unreadable(`The part "${entry.name.slice(0, 100)}" is shorter than it declares.`);
  }
}

function unreadable(reason: string): ResumeExtractionError {
  return new ResumeExtractionError('RESUME_UNREADABLE', `The DOCX file cannot be read. ${reason}`);
}

/**
 * A size in MB to one decimal. A size refused for being over a limit is rounded `up`, so one just over it never
 * reads as the limit itself ("10.1 MB; at most 10.0 MB", not "10.0 MB; at most 10.0 MB").
 */
export function formatMegabytes(bytes: number, rounding: 'nearest' | 'up' = 'nearest'): string {
  const tenths = (bytes * 10) / (1024 * 1024);
  return `${((rounding === 'up' ? Math.ceil(tenths) : Math.round(tenths)) / 10).toFixed(1)} MB`;
}
