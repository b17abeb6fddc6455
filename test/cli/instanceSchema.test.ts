import { Ajv } from 'ajv';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInstance } from '../../src/flow/parseInstance.js';
import { INSTANCE_SCHEMA_FILE, instanceSchemaText } from '../../src/models/instanceSchemaText.js';
import { runCli } from './runCli.js';

const shipped = readFileSync(INSTANCE_SCHEMA_FILE, 'utf8');
/** The shipped file, compiled by an independent JSON Schema validator (what an editor or another tool would use). */
const validate = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(shipped) as object);

/** Every instance inside a JSON value: each object with `model` and `yStar` keys (the case databases nest them). */
function instancesIn(value: unknown, where: string): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [];
  if ('model' in value && 'yStar' in value) return [[where, value]];
  return Object.entries(value).flatMap(([key, child]) => instancesIn(child, `${where}.${key}`));
}

const exampleFiles = readdirSync('examples/instances').map((name) => join('examples/instances', name));
const repoInstances: [string, unknown][] = [
  ...exampleFiles.map((file): [string, unknown] => [file, JSON.parse(readFileSync(file, 'utf8'))]),
  ...instancesIn(JSON.parse(readFileSync('properties/errata.json', 'utf8')), 'errata'),
  ...instancesIn(JSON.parse(readFileSync('properties/worst-cases.json', 'utf8')), 'worst-cases'),
];

describe('the instance JSON Schema', () => {
  it(`${INSTANCE_SCHEMA_FILE} is generated from the TypeBox source (regenerate: npm run schema)`, () => {
    expect(shipped).toBe(instanceSchemaText());
  });

  it('finds instances in the examples and in both case databases', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(3);
    expect(repoInstances.filter(([where]) => where.startsWith('errata')).length).toBeGreaterThan(0);
    expect(repoInstances.filter(([where]) => where.startsWith('worst-cases')).length).toBeGreaterThan(0);
  });

  it.each(repoInstances)('%s validates against the shipped schema and parses', (_where, instance) => {
    expect(validate(instance), JSON.stringify(validate.errors)).toBe(true);
    expect(() => parseInstance(instance)).not.toThrow();
  });

  it('rejects what parseInstance rejects as an unknown key, and allows $schema', () => {
    const example = JSON.parse(readFileSync(exampleFiles[0]!, 'utf8')) as { model: Record<string, unknown> } & Record<string, unknown>;
    expect(example.$schema).toBe('../../schema/instance.schema.json');
    for (const bad of [
      { ...example, seed: 1 },
      { ...example, model: { ...example.model, Qx: 1 } },
    ]) {
      expect(validate(bad)).toBe(false);
      expect(() => parseInstance(bad)).toThrow(/must be absent \(unknown key/);
    }
  });
});

describe('solve --instance with an unknown key', () => {
  it('exits 2 with one line naming the file, the key and its value', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ntk-schema-')), 'typo.json');
    const example = JSON.parse(readFileSync('examples/instances/quadratic.json', 'utf8')) as { model: object };
    writeFileSync(file, JSON.stringify({ ...example, model: { ...example.model, Qx: [1] } }));
    const { code, out, err } = await runCli('solve', '--instance', file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err.trim()).toBe(`ntk-check solve: ${file}: model.Qx=array(length 1) must be absent (unknown key; did you mean Q?; allowed: kind, h0, G, Q)`);
  });
});
