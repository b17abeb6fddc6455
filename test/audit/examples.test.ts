import { describe, expect, it } from 'vitest';
import { auditIntegrator, auditModule } from '../../src/audit/auditIntegrator.js';
import type { AuditOptions } from '../../src/audit/AuditOptions.js';
import { QUICK_AUDIT } from '../../src/audit/AuditOptions.js';
import { checkCase } from '../../src/audit/invariants/checkCase.js';
import { loadIntegrator } from '../../src/audit/loadIntegrator.js';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { parseInstance } from '../../src/flow/parseInstance.js';
import { EXAMPLES_DIR, EXPECTED, exampleFiles } from './examples.js';
import { inProcessSubject } from './inProcessSubject.js';

const path = (file: string) => `${EXAMPLES_DIR}/${file}`;
const entries = (verdict: string) => Object.entries(EXPECTED).filter(([, e]) => e.verdict === verdict && !('isolated' in e));
/** Audit an example in this thread (the worker path is tested in subjectIsolation.test.ts: it costs a worker start per audit). */
const audit = async (file: string, options: Partial<AuditOptions>) => auditIntegrator(await loadIntegrator(path(file)), path(file), options);

describe('examples/integrators', () => {
  it('classifies every example', () => {
    expect(exampleFiles()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(entries('fail'))('%s fails with a finding that names the problem', async (file, expected) => {
    if (expected.verdict !== 'fail') throw new Error('unreachable');
    const { report } = await audit(file, QUICK_AUDIT);
    expect(report.verdict).toBe('fail');
    expect(report.findings.map((f) => f.kind)).toEqual(expected.findings);
    expect(report.findings.some((f) => expected.names.test(f.detail))).toBe(true);
  });

  it.each(entries('unusable'))('%s cannot be used: one NtkInputError line', async (file, expected) => {
    if (expected.verdict !== 'unusable') throw new Error('unreachable');
    const error = await audit(file, QUICK_AUDIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NtkInputError);
    expect((error as Error).message).toMatch(expected.message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('loads a module in a worker thread from the TypeScript sources too (one unusable module: the cheapest start)', async () => {
    const error = await auditModule(path('no-default-export.mjs'), QUICK_AUDIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NtkInputError);
    expect((error as Error).message).toMatch(/\(it has no default export\)$/);
  });

  it('replays a shrunk invariant counterexample from its JSON', async () => {
    const file = path('euler-sign-flip.mjs');
    const { report } = await audit('euler-sign-flip.mjs', QUICK_AUDIT);
    const finding = report.findings.find((f) => f.kind === 'loss-increase');
    const cx = finding?.counterexample as { instance: unknown; steps: number; step: number; family: string };
    const subject = await inProcessSubject(await loadIntegrator(file), file);
    const flow = { instance: parseInstance(cx.instance), family: cx.family, direction: 'random' };
    const violation = await checkCase(subject, { flow, steps: cx.steps }, new Set(['loss-increase'] as const));
    expect(violation).toMatchObject({ kind: 'loss-increase', k: cx.step });
  });
});
