import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.js';
import type { SecretBox } from '../../core/inbox-account.js';

const version = 'v1';

/**
 * node:crypto, loaded when a secret is first sealed or opened: every CLI command builds a secret box, and
 * importing the module costs a few milliseconds of start-up that `hearback list` cannot spare (issue 12).
 */
const crypto = () => process.getBuiltinModule('node:crypto');

/**
 * Seals secrets (the mailbox's IMAP URL) with AES-256-GCM under a key kept outside the database:
 * HEARBACK_SECRET_KEY (32 bytes, base64 or hex), else `secret.key` in the data directory, created with mode
 * 0600 on first use. A database copied without that key opens no mailbox. The key is read only when a secret
 * is sealed or opened, so commands that never touch the mailbox never create it.
 */
export function createSecretBox(options: {
  readonly envKey?: string | undefined;
  readonly keyFile: string | null;
}): SecretBox {
  let key: Buffer | undefined;
  const keyOf = (): Buffer => {
    key ??= options.envKey ? parseKey(options.envKey) : readOrCreateKeyFile(options.keyFile);
    return key;
  };
  return {
    seal(plain) {
      const iv = crypto().randomBytes(12);
      const cipher = crypto().createCipheriv('aes-256-gcm', keyOf(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        version,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join('.');
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== version || !iv || !tag || body === undefined) throw unreadable();
      try {
        const decipher = crypto().createDecipheriv('aes-256-gcm', keyOf(), Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw unreadable();
      }
    },
  };
}

function unreadable(): AppError {
  return new AppError(
    'INBOX_SECRET_KEY',
    'The stored mailbox password cannot be read with this secret key (was the key file or HEARBACK_SECRET_KEY changed?); connect the mailbox again',
  );
}

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'INBOX_SECRET_KEY',
      'HEARBACK_SECRET_KEY must be 32 bytes, as 64 hex digits or base64',
    );
  }
  return key;
}

function readOrCreateKeyFile(file: string | null): Buffer {
  if (!file) {
    throw new AppError(
      'INBOX_SECRET_KEY',
      'Set HEARBACK_SECRET_KEY (32 bytes, base64) to store mailbox credentials with this database',
    );
  }
  try {
    const key = parseKey(readFileSync(file, 'utf8'));
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = crypto().randomBytes(32);
  // `wx`: two processes creating the key at once cannot overwrite each other's; the loser reads the winner's.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseKey(readFileSync(file, 'utf8'));
    throw error;
  }
  return key;
}
