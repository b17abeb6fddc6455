import { NtkInputError } from '../errors/NtkInputError.js';
import { importModule, MODULE } from '../io/importModule.js';
import type { AuditedModule } from './AuditedModule.js';

const SHAPE =
  'a module whose default export is { name: string, order: number, solve(f, t0, y0, t1, steps) } or { name, order, adaptive: true, solve(f, t0, y0, t1, { rtol, atol }) }';

/** What is wrong with a default export, or undefined when it has the {@link IntegratorModule} shape. */
function shapeProblem(value: unknown): string | undefined {
  if (value === undefined) return 'it has no default export';
  if (typeof value !== 'object' || value === null) return `its default export is ${value === null ? 'null' : typeof value}`;
  const { name, order, solve } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return 'its name is not a non-empty string';
  if (typeof order !== 'number' || !Number.isFinite(order) || order <= 0)
    return `its order is ${JSON.stringify(order) ?? typeof order}, not a finite number > 0`;
  if (typeof solve !== 'function') return 'its solve is not a function';
  const { adaptive } = value as Record<string, unknown>;
  if (adaptive !== undefined && typeof adaptive !== 'boolean') return `its adaptive is ${JSON.stringify(adaptive) ?? typeof adaptive}, not true or false`;
  return undefined;
}

/**
 * Load the integrator a user brings to `ntk-check audit`: import `path` (`.js`, `.mjs` or `.ts`, see
 * `importModule`) and check that its default export has the shape of one of the two contracts (`IntegratorModule`,
 * or `AdaptiveIntegratorModule` when it declares `adaptive: true`). Returns a frozen copy whose `solve` calls the
 * original as a method. Throws NtkInputError (`MODULE=path must be ...`, one line)
 * when the module cannot be used.
 */
export async function loadIntegrator(path: string): Promise<AuditedModule> {
  const namespace = await importModule(path);
  const subject = namespace.default;
  const problem = shapeProblem(subject);
  if (problem !== undefined) throw new NtkInputError(MODULE, path, `${SHAPE} (${problem})`);
  const { name, order, solve, adaptive } = subject as { name: string; order: number; adaptive?: boolean; solve: (...args: unknown[]) => never };
  const call = (...args: unknown[]) => solve.apply(subject, args);
  return Object.freeze(adaptive === true ? { name, order, adaptive, solve: call } : { name, order, solve: call });
}
