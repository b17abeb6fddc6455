/** Audit of a user's numeric integrator (`ntk-check audit MODULE`): convergence order, error floor, invariants. */
export type { AuditRhs, IntegratorModule } from './IntegratorModule.js';
export { loadIntegrator } from './loadIntegrator.js';
