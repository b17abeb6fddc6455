import type { AdaptiveIntegratorModule } from './AdaptiveIntegratorModule.js';
import type { IntegratorModule } from './IntegratorModule.js';

/** Either contract of `ntk-check audit`: fixed-step (no `adaptive` field, or `adaptive: false`) or adaptive. */
export type AuditedModule = IntegratorModule | AdaptiveIntegratorModule;

/** The module follows the adaptive contract. */
export function isAdaptive(module: AuditedModule): module is AdaptiveIntegratorModule {
  return 'adaptive' in module && module.adaptive === true;
}
