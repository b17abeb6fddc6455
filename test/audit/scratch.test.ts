import { it } from 'vitest';
import { AuditSubject } from '../../src/audit/AuditSubject.js';
import { converseProbes } from '../../src/audit/converseProbes.js';
import { loadIntegrator } from '../../src/audit/loadIntegrator.js';
import { observedOrder } from '../../src/audit/observedOrder.js';
import { sweep } from '../../src/audit/sweep.js';

it('scratch', async () => {
  for (const seed of [1, 2, 3, 4, 5, 20231129]) {
  const probes = converseProbes(3, seed);
  for (const name of ['euler', 'heun', 'rk4', 'dopri5']) {
    const subject = new AuditSubject(await loadIntegrator(`examples/integrators/${name}.ts`), name);
    const t = performance.now();
    const orders: number[] = [];
    for (const probe of probes) {
      const s = sweep(subject, probe, { firstSteps: 4, maxSteps: 2 ** 14 });
      orders.push(observedOrder(s.points)!.order);
    }
    const sorted = [...orders].sort((x, y) => x - y);
    console.log('seed', seed, name, (performance.now() - t).toFixed(0), 'ms median', ((sorted[2]! + sorted[3]!) / 2).toFixed(3), orders.map((o) => o.toFixed(3)).join(' '));
  }
  }
});
