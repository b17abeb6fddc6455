import { describe, expect, it } from 'vitest';
import { NtkSolveError } from '../../errors/NtkSolveError.js';
import { StepController } from './StepController.js';

describe('StepController: the shared step-size control of the adaptive drivers', () => {
  it('sizes steps by 0.9 err^(-1/(q+1)) within [0.2, 10], with no growth right after a rejection', () => {
    const c = new StepController(0.01, 100, 4, 1000);
    expect(c.next(0)).toEqual({ h: 0.01, lands: false });
    c.reject(32); // 0.9 * 32^(-1/5) = 0.45
    expect(c.next(0).h).toBeCloseTo(0.0045, 15);
    c.accept(1e-10); // factor 10 capped to 1 after a rejection
    expect(c.next(0).h).toBeCloseTo(0.0045, 15);
    c.accept(0); // err = 0: the largest growth
    expect(c.next(0).h).toBeCloseTo(0.045, 15);
    c.reject(1e10); // the smallest factor
    expect(c.next(0).h).toBeCloseTo(0.009, 15);
    expect([c.steps, c.rejected]).toEqual([2, 2]);
  });

  it('stretches the last step onto t1 (within 1%) exactly', () => {
    const c = new StepController(0.995, 1, 4, 10);
    expect(c.next(0)).toEqual({ h: 1, lands: true });
    expect(new StepController(0.5, 1, 4, 10).next(0.3)).toEqual({ h: 0.5, lands: false });
  });

  it('fails on a spent budget and on a step below 10 ulp of t, naming the steps taken', () => {
    const c = new StepController(0.1, 10, 4, 2);
    c.next(0);
    c.accept(0.5);
    c.next(0.1);
    c.reject(2);
    expect(() => c.next(0.1)).toThrow(/step-budget.*after 1 steps.*maxSteps=2 step attempts \(1 accepted, 1 rejected\)/);
    const tiny = new StepController(1e-300, 10, 4, 10);
    expect(() => tiny.next(1)).toThrow(NtkSolveError);
    expect(() => tiny.next(1)).toThrow(/step-underflow/);
  });
});
