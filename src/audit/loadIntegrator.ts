import { NtkInputError } from '../errors/NtkInputError.js';
import { importModule, MODULE } from '../io/importModule.js';
import type { AuditRhs, IntegratorModule } from './IntegratorModule.js';

const SHAPE = 'a module whose default export is { name: string, order: number, solve(f, t0, y0, t1, steps) }';

/** What is wrong with a default export, or undefined when it has the {@link IntegratorModule} shape. */
function shapeProblem(value: unknown): string | undefined {
  if (value === undefined) return 'it has no default export';
  if (typeof value !== 'object' || value === null) return `its default export is ${value === null ? 'null' : typeof value}`;
  const { name, order, solve } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return 'its name is not a non-empty string';
  if (typeof order !== 'number' || !Number.isFinite(order) || order <= 0) return `its order is ${JSON.stringify(order) ?? typeof order}, not a finite number > 0`;
  if (typeof solve !== 'function') return 'its solve is not a function';
  return undefined;
}

/**
 * Load the integrator a user brings to `ntk-check audit`: import `path` (`.js`, `.mjs` or `.ts`, see
 * `importModule`) and check that its default export has the {@link IntegratorModule} shape. Returns a frozen
 * copy whose `solve` calls the original as a method. Throws NtkInputError (`MODULE=path must be ...`, one line)
 * when the module cannot be used.
 */
export async function loadIntegrator(path: string): Promise<IntegratorModule> {
  const namespace = await importModule(path);
  const subject = namespace.default;
  const problem = shapeProblem(subject);
  if (problem !== undefined) throw new NtkInputError(MODULE, path, `${SHAPE} (${problem})`);
  const { name, order, solve } = subject as IntegratorModule;
  return Object.freeze({
    name,
    order,
    solve: (f: AuditRhs, t0: number, y0: readonly number[], t1: number, steps: number) => solve.call(subject, f, t0, y0, t1, steps),
  });
}
