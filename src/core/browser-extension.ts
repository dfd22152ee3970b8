import { z } from 'zod';
import { applicationDuplicateSchema, postingInputSchema, tagSchema } from './application.js';
import { id, instantOut, limits, localDate, requiredText, text, webUrl } from './fields.js';

/**
 * The browser clipper (docs/extension.md): the extension pairs with hearback through a one-time code shown
 * in Settings, then sends the posting the user is looking at with the token it got for it.
 */

/**
 * The Chromium extension's id, fixed by the public `key` in extension/wxt.config.ts (the id is derived from
 * that key), so hearback knows the `Origin` its requests carry without any setting.
 */
export const chromiumExtensionId = 'cgdnccfioehiegodnddlbiblafpfgmdk';
export const chromiumExtensionOrigin = `chrome-extension://${chromiumExtensionId}`;

/** A pairing code lasts this long, and opens exactly one token. */
export const pairingCodeMinutes = 10;

/** The header the extension's requests carry their token in: `Authorization: Bearer <token>`. */
export const extensionTokenPrefix = 'hbx_';

export const pairingCodeSchema = z
  .object({
    code: z.string().describe('type or paste it into the extension; it works once'),
    expiresAt: instantOut,
  })
  .meta({ id: 'ExtensionPairingCode' });

export type PairingCode = z.infer<typeof pairingCodeSchema>;

export const pairInputSchema = z.strictObject({
  code: z.string().min(1).max(40).describe('the code shown in Settings → Browser extension'),
  label: text(limits.name).optional().describe('what the token is listed as, e.g. "Firefox on laptop"'),
});

export type PairInput = z.infer<typeof pairInputSchema>;

export const pairedSchema = z
  .object({
    token: z.string().describe('shown once; hearback keeps only its SHA-256'),
    tokenId: id,
  })
  .meta({ id: 'ExtensionPaired' });

export type Paired = z.infer<typeof pairedSchema>;

export const extensionTokenSchema = z
  .object({
    id,
    label: z.string(),
    createdAt: instantOut,
    lastUsedAt: instantOut.nullable(),
  })
  .meta({ id: 'ExtensionToken' });

export type ExtensionToken = z.infer<typeof extensionTokenSchema>;

export const extensionTokenListSchema = z.object({ items: z.array(extensionTokenSchema) });

export const clipCheckInputSchema = z.strictObject({
  postingUrl: webUrl.nullish(),
  companyName: text(limits.name).nullish(),
  jobTitle: text(limits.title).nullish(),
});

export type ClipCheckInput = z.infer<typeof clipCheckInputSchema>;

/** An application the clip repeats, with when it was saved ("you saved this on 3 Nov"). */
export const clipDuplicateSchema = applicationDuplicateSchema
  .extend({ stage: z.string(), savedAt: instantOut })
  .meta({ id: 'ClipDuplicate' });

export const clipCheckSchema = z.object({ duplicates: z.array(clipDuplicateSchema) });

export type ClipCheck = z.infer<typeof clipCheckSchema>;

export const clipInputSchema = z.strictObject({
  companyName: requiredText(limits.name),
  jobTitle: requiredText(limits.title),
  postingUrl: webUrl.nullish(),
  posting: postingInputSchema.optional(),
  stage: z.enum(['saved', 'applied']).default('saved'),
  appliedOn: localDate.nullish().describe('with stage applied: the day you applied, default today'),
  tags: z.array(tagSchema).max(limits.tags).optional(),
  allowDuplicate: z.boolean().optional(),
});

export type ClipInput = z.infer<typeof clipInputSchema>;

export const clipSavedSchema = z
  .object({ id, companyName: z.string(), jobTitle: z.string(), stage: z.string() })
  .meta({ id: 'ClipSaved' });

export type ClipSaved = z.infer<typeof clipSavedSchema>;
