import { AppError } from '../core/errors.js';
import { analyzeTailoring } from '../core/tailoring.js';
import type { TailoringCheck, TailoringRequest } from '../core/tailoring-check.js';
import { getApplication } from '../storage/application-store.js';
import { findLatestTailoringCheck, insertTailoringCheck } from '../storage/tailoring-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

/**
 * Checks a resume (and cover letter) against the application's posting and keeps the result with the
 * resume's name, so later checks of other versions can be compared.
 */
export async function checkTailoring(
  deps: Deps,
  applicationId: string,
  input: TailoringRequest,
): Promise<TailoringCheck> {
  const application = await getApplication(deps.db, deps.userId, applicationId);
  const postingText = application.posting.descriptionText;
  if (!postingText?.trim()) {
    throw new AppError(
      'TAILORING_NEEDS_POSTING',
      'The application has no posting text to check against; add the posting description first',
    );
  }
  const resumeText = await readText(deps, input.resume);
  const coverLetterText = input.coverLetter ? await readText(deps, input.coverLetter) : null;
  const analysis = analyzeTailoring(
    {
      postingText,
      resumeText,
      coverLetterText: coverLetterText ?? undefined,
      companyName: application.company.name,
      jobTitle: application.jobTitle,
    },
    deps.tagger,
  );
  const check: TailoringCheck = {
    id: deps.ids.next(),
    applicationId,
    resumeName: input.resumeName ?? input.resume.file?.fileName ?? null,
    score: analysis.score === null ? null : Math.round(analysis.score),
    analysis,
    createdAt: nowIso(deps),
  };
  await inTransaction(deps, (tx) =>
    insertTailoringCheck(tx.db, deps.userId, { ...check, resumeText, coverLetterText }),
  );
  return check;
}

export async function getLatestTailoring(deps: Deps, applicationId: string): Promise<TailoringCheck | null> {
  await getApplication(deps.db, deps.userId, applicationId);
  return (await findLatestTailoringCheck(deps.db, deps.userId, applicationId)) ?? null;
}

async function readText(deps: Deps, document: TailoringRequest['resume']): Promise<string> {
  if (document.text !== undefined) return document.text;
  const file = document.file!;
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const read = await deps.documents.read(bytes, { fileName: file.fileName, mimeType: file.mimeType });
  return read.text;
}
