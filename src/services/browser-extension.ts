import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ApplicationCreate } from '../core/application.js';
import {
  type ClipCheck,
  type ClipCheckInput,
  type ClipInput,
  type ClipSaved,
  type ExtensionToken,
  extensionTokenPrefix,
  type Paired,
  type PairInput,
  type PairingCode,
  pairingCodeMinutes,
} from '../core/browser-extension.js';
import { AppError } from '../core/errors.js';
import {
  findDuplicateApplications,
  getApplication as getApplicationRow,
} from '../storage/application-store.js';
import { findCompanyByName } from '../storage/company-store.js';
import {
  deleteExtensionToken,
  insertExtensionToken,
  insertPairingCode,
  listExtensionTokenRows,
  recordExtensionTokenUse,
  takePairingCode,
} from '../storage/extension-token-store.js';
import { createApplication } from './applications.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

/** Letters and digits that cannot be misread for one another (no I, L, O, U, 0, 1). */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const codeLength = 8;

/** Codes and tokens are kept as their SHA-256: a copy of the database pairs nothing and opens nothing. */
export function hashExtensionSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What the user may type: case, spaces and dashes do not matter. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** A new one-time pairing code, shown once (as `ABCD-EFGH`) and valid for pairingCodeMinutes. */
export async function issuePairingCode(deps: Deps): Promise<PairingCode> {
  const chars = Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  const code = chars.join('');
  const createdAt = nowIso(deps);
  const expiresAt = new Date(deps.clock.now().getTime() + pairingCodeMinutes * 60_000).toISOString();
  await inTransaction(deps, (tx) =>
    insertPairingCode(tx.db, {
      userId: deps.userId,
      codeHash: hashExtensionSecret(code),
      createdAt,
      expiresAt,
    }),
  );
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
}

/**
 * Exchanges a pairing code for a token, for the code's owner. A wrong, expired or already used code is
 * refused alike, so an answer says nothing about which codes exist.
 */
export async function pairExtension(deps: Deps, input: PairInput): Promise<Paired> {
  const now = nowIso(deps);
  const owner = await inTransaction(deps, (tx) =>
    takePairingCode(tx.db, hashExtensionSecret(normalizeCode(input.code)), now),
  );
  if (owner === null) {
    throw new AppError(
      'EXTENSION_PAIRING_FAILED',
      'That pairing code is wrong, has expired or was used already; get a new one in Settings → Browser extension',
    );
  }
  const token = `${extensionTokenPrefix}${randomBytes(32).toString('base64url')}`;
  const tokenId = deps.ids.next();
  const ownerDeps = { ...deps, userId: owner };
  await inTransaction(ownerDeps, (tx) =>
    insertExtensionToken(tx.db, {
      id: tokenId,
      userId: owner,
      tokenHash: hashExtensionSecret(token),
      label: input.label?.trim() || 'Browser extension',
      createdAt: now,
    }),
  );
  return { token, tokenId };
}

export async function listExtensionTokens(deps: Deps): Promise<{ items: ExtensionToken[] }> {
  return { items: await listExtensionTokenRows(deps.db, deps.userId) };
}

export async function revokeExtensionToken(deps: Deps, id: string): Promise<void> {
  const deleted = await inTransaction(deps, (tx) => deleteExtensionToken(tx.db, deps.userId, id));
  if (!deleted) throw new AppError('EXTENSION_TOKEN_NOT_FOUND', `No browser extension token with id ${id}`);
}

/** The user a request's token belongs to (recording its use), or EXTENSION_TOKEN_INVALID. */
export async function findExtensionTokenOwner(deps: Deps, token: string | null): Promise<string> {
  const owner =
    token === null || !token.startsWith(extensionTokenPrefix)
      ? null
      : await recordExtensionTokenUse(deps.db, hashExtensionSecret(token), nowIso(deps));
  if (owner === null) {
    throw new AppError(
      'EXTENSION_TOKEN_INVALID',
      'The browser extension is not paired with this hearback (or its token was revoked); pair it again',
    );
  }
  return owner;
}

/** The applications a clip would repeat, answered before saving, with when each was saved. */
export async function checkClip(deps: Deps, input: ClipCheckInput): Promise<ClipCheck> {
  const company = input.companyName
    ? await findCompanyByName(deps.db, deps.userId, input.companyName)
    : undefined;
  const companyId = company?.id ?? null;
  if (!input.postingUrl && companyId === null) return { duplicates: [] };
  const found = await findDuplicateApplications(deps.db, deps.userId, {
    postingUrl: input.postingUrl ?? null,
    companyId: companyId ?? '',
    jobTitle: input.jobTitle ?? '',
  });
  const duplicates = [];
  for (const duplicate of found.slice(0, 5)) {
    const application = await getApplicationRow(deps.db, deps.userId, duplicate.id);
    duplicates.push({ ...duplicate, stage: application.stage, savedAt: application.createdAt });
  }
  return { duplicates };
}

/** Saves a clip through the same path as any new application (duplicate guard, sanitising, planning). */
export async function saveClip(deps: Deps, input: ClipInput): Promise<ClipSaved> {
  const create: ApplicationCreate = {
    companyName: input.companyName,
    jobTitle: input.jobTitle,
    postingUrl: input.postingUrl ?? null,
    ...(input.posting && { posting: input.posting }),
    source: { kind: 'other', detail: 'browser clipper' },
    stage: input.stage,
    ...(input.stage === 'applied' && { stageAt: appliedAt(deps, input.appliedOn ?? null) }),
    ...(input.tags && { tags: input.tags }),
    ...(input.allowDuplicate !== undefined && { allowDuplicate: input.allowDuplicate }),
  };
  const application = await createApplication(deps, create);
  return {
    id: application.id,
    companyName: application.company.name,
    jobTitle: application.jobTitle,
    stage: application.stage,
  };
}

/** A day of applying as an instant: now for today (or no day), else noon UTC of that day. */
function appliedAt(deps: Deps, day: string | null): string {
  const now = nowIso(deps);
  if (day === null || day >= now.slice(0, 10)) return now;
  return `${day}T12:00:00.000Z`;
}
