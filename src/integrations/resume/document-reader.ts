import { AppError } from '../../core/errors.js';
import type { DocumentReader } from '../../core/ports.js';
import { isResumeExtractionError } from './resume-extraction-error.js';

/** The DocumentReader port on pdfjs and mammoth, loaded on first use: most runs never read a resume. */
export const resumeDocumentReader: DocumentReader = {
  async read(bytes, file) {
    const { extractResumeText } = await import('./extract-resume-text.js');
    try {
      return await extractResumeText(bytes, file);
    } catch (error) {
      if (isResumeExtractionError(error)) throw new AppError(error.code, error.message, error.details);
      throw error;
    }
  },
};
