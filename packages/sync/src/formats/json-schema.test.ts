import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import catalogue from '../__fixtures__/birth-registration.catalogue.json' with { type: 'json' };
import eiso from '../__fixtures__/birth-registration.eiso.json' with { type: 'json' };
import portal from '../__fixtures__/birth-registration.portal.json' with { type: 'json' };
import { FORMAT_SCHEMAS, type FormatName, formatJsonSchema } from './json-schema.js';

const fixtures: Record<FormatName, unknown> = { catalogue, eiso, portal };

/** JSON laid out as the repository formatter (Biome, 120 columns) lays it out: short scalar arrays inline. */
function prettyJson(value: unknown, indent = '', prefix = 0): string {
  if (Array.isArray(value)) {
    const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const scalar = value.every((v) => v === null || typeof v !== 'object');
    if (value.length === 0 || (scalar && indent.length + prefix + inline.length + 1 <= 120)) return inline;
    return `[\n${value.map((v) => `${indent}  ${prettyJson(v, `${indent}  `)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const body = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return `${indent}  ${key}${prettyJson(v, `${indent}  `, key.length + 2)}`;
    });
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

describe.each(Object.keys(FORMAT_SCHEMAS) as FormatName[])('format %s', (name) => {
  it('accepts its example document and keeps unknown fields', () => {
    const r = FORMAT_SCHEMAS[name].safeParse(fixtures[name]);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(fixtures[name]);
  });

  it('is documented in docs/formats with the example the tests use', () => {
    const doc = readFileSync(new URL(`../../../../docs/formats/${name}.md`, import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(JSON.parse(example ?? 'null')).toEqual(fixtures[name]);
    for (const field of Object.keys(fixtures[name] as object).filter((k) => !k.startsWith('x-'))) {
      expect(doc, `field ${field} documented`).toContain(`\`${field}`);
    }
  });

  it('emits its JSON Schema into docs/formats (objects open to unknown fields)', () => {
    const schema = formatJsonSchema(name);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ref = String(schema.$ref).replace('#/$defs/', '');
    const root = (schema.$defs as Record<string, { additionalProperties?: unknown; required?: string[] }>)[ref]!;
    expect(root.additionalProperties).toEqual({});
    expect(root.required?.length).toBeGreaterThan(2);
    const file = new URL(`../../../../docs/formats/${name}.schema.json`, import.meta.url);
    writeFileSync(file, `${prettyJson(schema)}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema);
  });
});
