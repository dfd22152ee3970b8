import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractResumeText, resumeLimits } from './extract-resume-text.js';
import { type ResumeErrorCode, ResumeExtractionError } from './resume-extraction-error.js';

/** A minimal, valid PDF: one page per content stream, Helvetica as F1, a correct cross-reference table. */
function buildPdf(pageContents: readonly string[]): Uint8Array {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = pageContents.map((_, index) => `${4 + index * 2} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pageContents.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pageContents.forEach((content, index) => {
    objects[4 + index * 2] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + index * 2} 0 R >>`;
    objects[5 + index * 2] =
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets.push(pdf.length);
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function textPage(...lines: string[]): string {
  return lines.map((line, index) => `BT /F1 11 Tf 72 ${720 - index * 16} Td (${line}) Tj ET`).join('\n');
}

/** A page that paints a grey rectangle and no text, as a scanned page carries an image and no text. */
const drawingOnlyPage = '0.5 g 72 72 468 648 re f';

type ZipPart = {
  readonly name: string;
  readonly data?: Uint8Array | string;
  /** Raw deflate bytes to store as they are (a hand-made stream). */
  readonly deflated?: Uint8Array;
  /** The uncompressed size to declare, when it should lie. */
  readonly declaredSize?: number;
  readonly flags?: number;
};

function buildZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : Buffer.from(part.data ?? []);
    const compressed = part.deflated !== undefined ? Buffer.from(part.deflated) : zlib.deflateRawSync(raw);
    const size = part.declaredSize ?? raw.length;
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.flags ?? 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zlib.crc32(raw), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zlib.crc32(raw), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const packageRelationships =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function documentXml(...paragraphs: string[]): string {
  const body = paragraphs
    .map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

function buildDocx(document: ZipPart): Uint8Array {
  return buildZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: packageRelationships },
    document,
  ]);
}

/**
 * A deflate stream that inflates to `megabytes` MiB of spaces while weighing about a kilobyte per MiB:
 * one compressed MiB, flushed to a byte boundary, repeated, then a final empty block.
 */
function deflateBomb(megabytes: number): Uint8Array {
  const segment = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), {
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  return Buffer.concat([...Array.from({ length: megabytes }, () => segment), Buffer.from([0x03, 0x00])]);
}

async function refusal(promise: Promise<unknown>): Promise<{ code: ResumeErrorCode; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResumeExtractionError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the upload to be refused');
}

describe('extractResumeText: PDF', () => {
  it('reads the text layer of a PDF, line by line', async () => {
    const pdf = buildPdf([textPage('Jane Doe', 'Node.js and C# developer', 'CI/CD, A/B testing')]);
    const result = await extractResumeText(pdf, { fileName: 'jane.pdf' });
    expect(result).toEqual({
      text: 'Jane Doe\nNode.js and C# developer\nCI/CD, A/B testing',
      pages: 1,
      format: 'pdf',
      warnings: [],
    });
  });

  it('says "no text found" for a PDF whose page holds only a drawing, as a scanned page does', async () => {
    const { code, message } = await refusal(extractResumeText(buildPdf([drawingOnlyPage])));
    expect(code).toBe('RESUME_NO_TEXT');
    expect(message).toMatch(/^No text found in the PDF: it is probably a scanned image/);
  });

  it('says "no text found" for a PDF with an empty page', async () => {
    expect((await refusal(extractResumeText(buildPdf([''])))).code).toBe('RESUME_NO_TEXT');
  });

  it('reads the pages that have text and warns about the ones that have none', async () => {
    const pdf = buildPdf([
      textPage('Jane Doe, registered nurse'),
      drawingOnlyPage,
      textPage('Patient care, HIPAA'),
    ]);
    const result = await extractResumeText(pdf);
    expect(result.pages).toBe(3);
    expect(result.text).toBe('Jane Doe, registered nurse\n\nPatient care, HIPAA');
    expect(result.warnings).toEqual([
      'Page 2 has no text layer (a scanned image or a blank page) and was skipped.',
    ]);
  });

  it('refuses a PDF with more pages than the limit before reading them', async () => {
    const pdf = buildPdf(Array.from({ length: 25 }, (_, index) => textPage(`Page ${index + 1}`)));
    const { code, message } = await refusal(extractResumeText(pdf));
    expect(code).toBe('RESUME_TOO_LARGE');
    expect(message).toBe('The PDF has 25 pages; at most 20 are read.');
  });

  it('refuses a PDF whose text is longer than the limit', async () => {
    const pdf = buildPdf([textPage('Experienced engineer with a long list of achievements')]);
    const { code } = await refusal(extractResumeText(pdf, { limits: { maxTextLength: 20 } }));
    expect(code).toBe('RESUME_TOO_LARGE');
  });

  it('stops when the time budget is spent', async () => {
    const { code } = await refusal(
      extractResumeText(buildPdf([textPage('Jane Doe')]), { limits: { timeBudgetMs: 0 } }),
    );
    expect(code).toBe('RESUME_TIMEOUT');
  });

  it('calls a damaged PDF unreadable', async () => {
    const { code, message } = await refusal(
      extractResumeText(Buffer.from('%PDF-1.7\nthis is not really a PDF at all'), { fileName: 'cv.pdf' }),
    );
    expect(code).toBe('RESUME_UNREADABLE');
    expect(message).toMatch(/^The PDF cannot be read/);
  });

  it('reads a PDF by its content even when it is named .docx or .doc', async () => {
    const pdf = buildPdf([textPage('Jane Doe, accountant')]);
    const named = await extractResumeText(pdf, { fileName: 'cv.docx' });
    expect(named.format).toBe('pdf');
    expect(named.warnings).toEqual(['The file is named or typed as DOCX but is a PDF; it was read as PDF.']);
    const typed = await extractResumeText(pdf, { fileName: 'cv.doc', mimeType: 'application/msword' });
    expect([typed.format, typed.text]).toEqual(['pdf', 'Jane Doe, accountant']);
  });

  it('leaves the caller buffer usable', async () => {
    const pdf = buildPdf([textPage('Jane Doe, accountant')]);
    await extractResumeText(pdf);
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});

describe('extractResumeText: size limits', () => {
  it('refuses a 50 MB file before parsing it', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0x20);
    huge.write('%PDF-1.4\n', 0, 'latin1');
    const { code, message } = await refusal(extractResumeText(huge, { fileName: 'cv.pdf' }));
    expect(code).toBe('RESUME_TOO_LARGE');
    expect(message).toBe('The file is 50.0 MB; at most 10.0 MB is accepted.');
  });

  it('accepts a file of exactly the maximum size and refuses one byte more', async () => {
    const limits = { maxBytes: 64 };
    const text = 'Jane Doe, welder. '.padEnd(64, 'x');
    expect((await extractResumeText(Buffer.from(text), { limits })).text).toBe(text);
    expect((await refusal(extractResumeText(Buffer.from(`${text}x`), { limits }))).code).toBe(
      'RESUME_TOO_LARGE',
    );
  });

  it('has documented default limits', () => {
    expect(resumeLimits).toEqual({
      maxBytes: 10 * 1024 * 1024,
      maxPages: 20,
      maxTextLength: 200_000,
      maxUncompressedBytes: 50 * 1024 * 1024,
      maxCompressionRatio: 200,
      maxZipEntries: 1_000,
      timeBudgetMs: 15_000,
    });
  });
});

describe('extractResumeText: DOCX', () => {
  it('reads the paragraphs of a Word document', async () => {
    const docx = buildDocx({
      name: 'word/document.xml',
      data: documentXml('Jane Doe', 'Skills: Node.js, CI/CD, on\u00AD\u2010campus work'),
    });
    const result = await extractResumeText(docx, { fileName: 'jane.docx' });
    expect(result).toEqual({
      text: 'Jane Doe\n\nSkills: Node.js, CI/CD, on-campus work',
      format: 'docx',
      warnings: [],
    });
  });

  it('refuses a zip bomb whose directory admits the expansion', async () => {
    const docx = buildDocx({
      name: 'word/document.xml',
      deflated: deflateBomb(100),
      declaredSize: 100 * 1024 * 1024,
    });
    const { code, message } = await refusal(extractResumeText(docx, { fileName: 'cv.docx' }));
    expect(code).toBe('RESUME_TOO_LARGE');
    expect(message).toMatch(/^The part "word\/document.xml" expands \d+ times; at most 200 is accepted/);
  });

  it('refuses a zip bomb whose directory lies about the size', async () => {
    const docx = buildDocx({ name: 'word/document.xml', deflated: deflateBomb(100), declaredSize: 4096 });
    const { code, message } = await refusal(extractResumeText(docx, { fileName: 'cv.docx' }));
    expect(code).toBe('RESUME_TOO_LARGE');
    expect(message).toBe(
      'The part "word/document.xml" expands beyond the 4096 bytes it declares (this looks like a zip bomb).',
    );
  });

  it('refuses a document that expands past the total limit even at a modest ratio', async () => {
    const docx = buildDocx({ name: 'word/document.xml', data: documentXml('Jane Doe'.repeat(40_000)) });
    const { code, message } = await refusal(
      extractResumeText(docx, { limits: { maxUncompressedBytes: 100_000 } }),
    );
    expect(code).toBe('RESUME_TOO_LARGE');
    expect(message).toMatch(/^The document expands to 0\.4 MB; at most 0\.1 MB is accepted\.$/);
  });

  it('refuses an archive with too many parts', async () => {
    const parts = Array.from({ length: 30 }, (_, index) => ({
      name: `word/media/${index}.xml`,
      data: '<x/>',
    }));
    const docx = buildZip([{ name: '[Content_Types].xml', data: contentTypes }, ...parts]);
    const { code } = await refusal(extractResumeText(docx, { limits: { maxZipEntries: 20 } }));
    expect(code).toBe('RESUME_TOO_LARGE');
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = buildZip([{ name: 'notes.txt', data: 'Jane Doe, nurse' }]);
    const { code, message } = await refusal(extractResumeText(zip, { fileName: 'cv.zip' }));
    expect(code).toBe('RESUME_UNSUPPORTED_TYPE');
    expect(message).toBe(
      'The file is a zip archive that is not a Word document; upload the resume as PDF, DOCX or plain text.',
    );
  });

  it('calls a truncated or encrypted DOCX unreadable', async () => {
    const docx = buildDocx({ name: 'word/document.xml', data: documentXml('Jane Doe') });
    expect((await refusal(extractResumeText(docx.subarray(0, docx.length - 30)))).code).toBe(
      'RESUME_UNREADABLE',
    );
    const encrypted = buildDocx({ name: 'word/document.xml', data: documentXml('Jane Doe'), flags: 1 });
    const { code, message } = await refusal(extractResumeText(encrypted));
    expect(code).toBe('RESUME_UNREADABLE');
    expect(message).toBe('The DOCX file cannot be read. It is encrypted; save it again without a password.');
  });
});

describe('extractResumeText: text and other types', () => {
  it('returns plain text and Markdown exactly as written, without the byte-order mark', async () => {
    const text = "# Jane Doe\r\n\r\n* Node.js\t— <script>alert(1)</script> '; DROP TABLE resumes; -- 🙂\n";
    expect(await extractResumeText(Buffer.from(`\uFEFF${text}`, 'utf8'), { fileName: 'cv.md' })).toEqual({
      text,
      format: 'text',
      warnings: [],
    });
  });

  it('reads UTF-16 text that starts with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Jane Doe, pâtissière', 'utf16le')]);
    expect((await extractResumeText(bytes, { mimeType: 'text/plain' })).text).toBe('Jane Doe, pâtissière');
  });

  it('refuses binary data and text that is not UTF-8', async () => {
    const binary = Buffer.from([0x4a, 0x61, 0x6e, 0x65, 0x00, 0x01, 0x02, 0x44, 0x6f, 0x65, 0x20, 0x20]);
    expect((await refusal(extractResumeText(binary))).code).toBe('RESUME_UNSUPPORTED_TYPE');
    const latin1 = Buffer.from('Jane Doe, pâtissière à Paris', 'latin1');
    const { code, message } = await refusal(extractResumeText(latin1, { fileName: 'cv.txt' }));
    expect(code).toBe('RESUME_UNSUPPORTED_TYPE');
    expect(message).toBe(
      'The file cannot be read as text: it is not UTF-8 text. Upload the resume as PDF, DOCX, or UTF-8 plain text.',
    );
  });

  it('refuses legacy Word files and images with a way forward', async () => {
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(extractResumeText(doc))).toEqual({
      code: 'RESUME_UNSUPPORTED_TYPE',
      message: 'The file is a Word 97-2003 (.doc) or other legacy Office file; save it as .docx or PDF.',
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { code, message } = await refusal(extractResumeText(png, { fileName: 'scan.png' }));
    expect(code).toBe('RESUME_UNSUPPORTED_TYPE');
    expect(message).toContain('no OCR');
    expect(
      (await refusal(extractResumeText(Buffer.from('Jane Doe resume text'), { fileName: 'cv.doc' }))).code,
    ).toBe('RESUME_UNSUPPORTED_TYPE');
  });

  it('calls a text file named .pdf unreadable rather than guessing', async () => {
    const { code } = await refusal(
      extractResumeText(Buffer.from('Jane Doe, plumber, 10 years'), { fileName: 'cv.pdf' }),
    );
    expect(code).toBe('RESUME_UNREADABLE');
  });

  it('says "no text found" for an empty or blank file', async () => {
    expect((await refusal(extractResumeText(Buffer.alloc(0)))).code).toBe('RESUME_NO_TEXT');
    expect((await refusal(extractResumeText(Buffer.from('  \n\n --- \n')))).code).toBe('RESUME_NO_TEXT');
  });
});
