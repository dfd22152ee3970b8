import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from './openapi-document.js';

const committed = path.resolve(import.meta.dirname, '../../docs/openapi.json');

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const document = JSON.parse(await generateOpenApiDocument());
    expect(document.openapi).toBe('3.1.0');
    const validated = await SwaggerParser.validate(structuredClone(document));
    expect(Object.keys(validated.paths ?? {})).toContain('/api/applications/{id}/stage');
  });

  it('matches the committed docs/openapi.json (run `npm run openapi` after changing the API)', async () => {
    expect(await generateOpenApiDocument()).toBe(fs.readFileSync(committed, 'utf8'));
  });
});
