import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApplication } from '../../../test/support/api.js';
import { openTestRuntime, type TestRuntime } from '../../../test/support/test-runtime.js';
import { maxResumeBytes } from '../../web/file-upload.js';
import { buildApp } from '../build-app.js';

/** A plain-text file of `bytes` bytes, as the web app sends it. */
function textFile(bytes: number) {
  return {
    fileName: 'cv.txt',
    mimeType: 'text/plain',
    contentBase64: Buffer.alloc(bytes, 'a ').toString('base64'),
  };
}

/** The stated limit ("resumes of up to 10 MB", docs/tailoring.md) is what gets through, and no more. */
describe('the tailoring check at its stated file size limit', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
    const application = await addApplication(app, { posting: { descriptionText: 'TypeScript and SQL' } });
    url = `/api/applications/${application.id}/tailoring`;
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
  });

  it('takes a resume and a cover letter of the stated limit each in one request', async () => {
    const response = await app.inject({
      method: 'POST',
      url,
      payload: {
        resume: { file: textFile(maxResumeBytes) },
        coverLetter: { file: textFile(maxResumeBytes) },
      },
    });
    // The body gets through; what the reader then says of 10 MB of text is another matter.
    expect(response.json().error?.code, response.body.slice(0, 300)).not.toBe('BODY_TOO_LARGE');
    expect(response.json().error?.code).not.toBe('VALIDATION_FAILED');
  });

  it('refuses a file just over the limit naming the limit and a size visibly above it', async () => {
    const response = await app.inject({
      method: 'POST',
      url,
      payload: { resume: { file: textFile(maxResumeBytes + 1) } },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'RESUME_TOO_LARGE',
      message: 'The file is 10.1 MB; at most 10.0 MB is accepted.',
    });
  });
});
