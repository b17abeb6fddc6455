import { NtkInputError } from '../errors/NtkInputError.js';
import { describeThrown } from '../io/describeThrown.js';
import { importModule, MODULE } from '../io/importModule.js';
import type { ModelModule } from './ModelModule.js';
import { toJacobian, toVector } from './userModelShapes.js';

const SHAPE = 'a module whose default export is { name, p, n, value(w), jacobian(w), w0?, lipDh?(rho), lipH?(rho) }';

function isVectorLike(value: unknown): boolean {
  return value instanceof Float64Array || Array.isArray(value);
}

/** What is wrong with the fields of a default export, or undefined when it has the {@link ModelModule} shape. */
function fieldProblem(value: unknown): string | undefined {
  if (value === undefined) return 'it has no default export';
  if (typeof value !== 'object' || value === null) return `its default export is ${value === null ? 'null' : typeof value}`;
  const m = value as Record<string, unknown>;
  if (typeof m.name !== 'string' || m.name.trim() === '') return 'its name is not a non-empty string';
  for (const key of ['p', 'n'] as const) {
    const d = m[key];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) return `its ${key} is ${JSON.stringify(d) ?? typeof d}, not an integer >= 1`;
  }
  for (const key of ['value', 'jacobian'] as const) if (typeof m[key] !== 'function') return `its ${key} is not a function`;
  for (const key of ['lipDh', 'lipH'] as const) if (m[key] !== undefined && typeof m[key] !== 'function') return `its ${key} is not a function of rho`;
  for (const key of ['w0', 'yStar'] as const) if (m[key] !== undefined && !isVectorLike(m[key])) return `its ${key} is not an array of numbers`;
  if (m.alpha !== undefined && !(typeof m.alpha === 'number' && Number.isFinite(m.alpha) && m.alpha > 0))
    return `its alpha is ${JSON.stringify(m.alpha)}, not a finite number > 0`;
  return undefined;
}

/** What is wrong when the model is called at w0 (shapes, a throw, a declared constant that is no number). */
function callProblem(m: ModelModule): string | undefined {
  const w0 = Float64Array.from(m.w0 ?? new Float64Array(m.p));
  if (w0.length !== m.p) return `its w0 has ${w0.length} entries, not p = ${m.p}`;
  const calls: [string, () => unknown][] = [
    ['value(w0)', () => toVector('value(w0)', m.value(Float64Array.from(w0)), m.n)],
    ['jacobian(w0)', () => toJacobian('jacobian(w0)', m.jacobian(Float64Array.from(w0)), m.n, m.p)],
    ['lipDh(1)', () => m.lipDh === undefined || checkConstant('lipDh(1)', m.lipDh(1))],
    ['lipH(1)', () => m.lipH === undefined || checkConstant('lipH(1)', m.lipH(1))],
  ];
  if (m.yStar !== undefined && m.yStar.length !== m.n) return `its yStar has ${m.yStar.length} entries, not n = ${m.n}`;
  for (const [what, call] of calls) {
    try {
      call();
    } catch (error) {
      return error instanceof NtkInputError
        ? `its ${error.parameter} returned ${String(error.value)}, not ${error.requirement}`
        : `its ${what} threw ${describeThrown(error)}`;
    }
  }
  return undefined;
}

function checkConstant(what: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0)) throw new NtkInputError(what, typeof value === 'number' ? String(value) : typeof value, 'a number >= 0');
  return value;
}

/**
 * Load the model a user brings to `ntk-check model`: import `path` (`.js`, `.mjs` or `.ts`, see `importModule`),
 * check that its default export has the {@link ModelModule} shape and that `value`, `jacobian` (and the declared
 * constants) answer at w0 with the declared shapes. Throws NtkInputError (`MODULE=path must be ...`, one line)
 * when the module cannot be used.
 */
export async function loadModel(path: string): Promise<ModelModule> {
  const namespace = await importModule(path);
  const subject = namespace.default;
  const problem = fieldProblem(subject) ?? callProblem(subject as ModelModule);
  if (problem !== undefined) throw new NtkInputError(MODULE, path, `${SHAPE} (${problem})`);
  return subject as ModelModule;
}

/** The same checks on a model given to the library (`checkModel`): NtkInputError naming `model`. */
export function validateModelModule(model: unknown): ModelModule {
  const problem = fieldProblem(model) ?? callProblem(model as ModelModule);
  if (problem !== undefined)
    throw new NtkInputError(
      'model',
      (model as { name?: unknown } | null)?.name ?? model,
      `${SHAPE.replace('a module whose default export is', 'an object')} (${problem})`,
    );
  return model as ModelModule;
}
