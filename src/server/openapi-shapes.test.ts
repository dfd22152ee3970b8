import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from './openapi-document.js';

type JsonSchema = { readonly [key: string]: unknown };
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> };

/** Keywords that give a schema a shape; a schema with none of them (`{}`) accepts anything. */
const shapeKeywords = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'not'];

/**
 * Every place in a JSON answer's schema that accepts anything: an empty schema, an object whose extra
 * properties are untyped (`z.record(z.string(), z.unknown())` becomes `additionalProperties: {}`), or an
 * object with neither properties nor typed extra properties. `$ref`s are followed once each.
 */
function findUntyped(
  schema: unknown,
  where: string,
  components: Record<string, JsonSchema>,
  seen: Set<string>,
): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as JsonSchema;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return [];
    seen.add(name);
    return findUntyped(components[name], `${name}`, components, seen);
  }
  if (!shapeKeywords.some((keyword) => keyword in node)) return [`${where}: accepts anything`];
  const found: string[] = [];
  const additional = node.additionalProperties;
  const isAdditionalUntyped =
    additional === true || (isPlainSchema(additional) && !shapeKeywords.some((k) => k in additional));
  if (isAdditionalUntyped) found.push(`${where}: untyped additional properties`);
  if (node.type === 'object' && node.properties === undefined && additional === undefined) {
    found.push(`${where}: an object of any shape`);
  }
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    found.push(...findUntyped(value, `${where}.${key}`, components, seen));
  }
  if (isPlainSchema(additional) && !isAdditionalUntyped)
    found.push(...findUntyped(additional, `${where}[*]`, components, seen));
  if (node.items !== undefined) found.push(...findUntyped(node.items, `${where}[]`, components, seen));
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = node[keyword];
    if (Array.isArray(options)) {
      for (const option of options) found.push(...findUntyped(option, where, components, seen));
    }
  }
  return found;
}

function isPlainSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('response schemas in the OpenAPI document', () => {
  it('type every JSON answer, errors included: no untyped record or any-shaped object', async () => {
    const document = JSON.parse(await generateOpenApiDocument()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, JsonSchema> };
    };
    const untyped: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          // Error answers share the one error shape, its details typed by core/error-body.ts; files
          // (text/csv, text/calendar, message/rfc822) are not JSON.
          const schema = response.content?.['application/json']?.schema;
          if (schema === undefined) continue;
          const where = `${method.toUpperCase()} ${path} ${status}`;
          untyped.push(...findUntyped(schema, where, document.components.schemas, new Set()));
        }
      }
    }
    expect([...new Set(untyped)]).toEqual([]);
  });
});
