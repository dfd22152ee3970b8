import { TextDecoder } from 'node:util';
import { ResumeExtractionError } from './resume-extraction-error.js';

/**
 * Decodes a plain-text or Markdown upload exactly as written: UTF-8 (or UTF-16 with a byte-order mark),
 * with only the byte-order mark removed. Anything that is not valid text (bytes that are not UTF-8, NUL
 * characters, a high share of control characters) is refused as binary rather than guessed at.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = decoderFor(bytes).decode(bytes);
  } catch {
    throw notText('it is not UTF-8 text');
  }
  if (text.includes('\u0000')) throw notText('it contains binary data');
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length / 100)) throw notText('it contains binary data');
  return text;
}

function decoderFor(bytes: Uint8Array): TextDecoder {
  // TextDecoder removes the byte-order mark it recognises (ignoreBOM defaults to false).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return new TextDecoder('utf-8', { fatal: true });
}

function notText(reason: string): ResumeExtractionError {
  return new ResumeExtractionError(
    'RESUME_UNSUPPORTED_TYPE',
    `The file cannot be read as text: ${reason}. Upload the resume as PDF, DOCX, or UTF-8 plain text.`,
  );
}
