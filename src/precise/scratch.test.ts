import { test } from 'vitest';
import { PreciseConverse } from './PreciseConverse.js';
import { naiveConverseE } from './_testing/references.js';
test('t', () => {
  const p = { alpha: '0.37', T: '12.5', lip: '0.0031', R0: '2.7' };
  let t0 = performance.now(); const m = new PreciseConverse(p, { digits: 1000 }); m.E; console.log('E', performance.now() - t0);
  t0 = performance.now(); m.w(p.T); console.log('w', performance.now() - t0);
  t0 = performance.now(); naiveConverseE(p, 1060); console.log('naive', performance.now() - t0);
});
