import { describe, expect, it } from 'vitest';
import { auditIntegrator } from '../../src/audit/auditIntegrator.js';
import { loadIntegrator } from '../../src/audit/loadIntegrator.js';
import { QUICK_AUDIT } from '../../src/audit/AuditOptions.js';
import { EXAMPLES_DIR, EXPECTED } from './examples.js';

/** The built-in tableaus: audited at the default size, where the issue asks for observed orders within 0.1. */
const BUILT_INS = new Set(['euler.ts', 'heun.ts', 'rk4.ts', 'dopri5.ts']);

describe('correct integrators pass', () => {
  it.each(Object.entries(EXPECTED).filter(([, e]) => e.verdict === 'pass'))('%s', async (file, expected) => {
    if (expected.verdict !== 'pass') throw new Error('unreachable');
    const builtIn = BUILT_INS.has(file);
    const path = `${EXAMPLES_DIR}/${file}`;
    const result = await auditIntegrator(await loadIntegrator(path), path, builtIn ? {} : QUICK_AUDIT);
    const { report } = result;
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    if (report.contract === 'adaptive') {
      // Proportional: the median slope of log error against log rtol near 1.
      expect(Math.abs((report.toleranceSlope?.slope ?? NaN) - 1)).toBeLessThan(0.2);
      expect(report.claimedOrder).toBe(expected.order);
    } else {
      expect(Math.abs((report.observedOrder ?? NaN) - expected.order)).toBeLessThan(builtIn ? 0.1 : 0.15);
    }
    expect(report.errorFloor).toBeLessThan(1e-3);
    if (builtIn) expect(result.milliseconds).toBeLessThan(20_000);
  });
});
