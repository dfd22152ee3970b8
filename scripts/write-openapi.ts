import fs from 'node:fs';
import path from 'node:path';
import { generateOpenApiDocument } from '../src/server/openapi-document.js';

const target = path.resolve(import.meta.dirname, '../docs/openapi.json');
fs.writeFileSync(target, await generateOpenApiDocument());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
