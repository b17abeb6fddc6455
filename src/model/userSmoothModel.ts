import { significant } from '../format/numbers.js';
import { NtkError } from '../errors/NtkError.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { describeThrown } from '../io/describeThrown.js';
import { matTVec } from '../linalg/dense.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import type { ModelModule } from './ModelModule.js';
import { toJacobian, toVector } from './userModelShapes.js';

/** The constants fed to the theory's bounds, as functions of the radius rho of B(w0, rho). */
export interface ModelConstants {
  lipDh(rho: number): number;
  lipH(rho: number): number;
}

/** The reference point of a model module: its w0, or the zero vector. */
export function moduleW0(model: ModelModule): Float64Array {
  return Float64Array.from(model.w0 ?? new Float64Array(model.p));
}

/**
 * A user's model as the project's {@link SmoothModel}, so the flows, the statements and the judge run on it
 * unchanged: `value` and `jacobian` are called on a fresh copy of w and their results copied into `out` (plain
 * arrays or Float64Arrays, nested or flat Jacobians); `vjp` forms J(w) and multiplies by its transpose. The
 * constants are the ones given (declared, or estimated by search): `kind` is 'user'.
 */
export function userSmoothModel(model: ModelModule, constants: ModelConstants): SmoothModel {
  const { n, p } = model;
  const w0 = moduleW0(model);
  // A throw from the user's code is bad input (the model cannot be used at that w), never an internal failure.
  const call = <T>(what: 'value' | 'jacobian', w: Float64Array, f: () => T): T => {
    try {
      return f();
    } catch (error) {
      if (error instanceof NtkError) throw error;
      const at = Array.from(w, (x) => significant(x, 6)).join(', ');
      throw new NtkInputError(`model.${what}`, model.name, `a function that returns at every w of the ball (it threw ${describeThrown(error)} at w = [${at}])`);
    }
  };
  const jacobian = (w: Float64Array, out: Float64Array = new Float64Array(n * p)) =>
    call('jacobian', w, () => toJacobian('jacobian(w)', model.jacobian(Float64Array.from(w)), n, p, out));
  const scratch = new Float64Array(n * p);
  return {
    kind: 'user',
    p,
    n,
    w0,
    value: (w, out = new Float64Array(n)) => call('value', w, () => toVector('value(w)', model.value(Float64Array.from(w)), n, out)),
    jacobian,
    vjp: (w, r, out = new Float64Array(p)) => matTVec(jacobian(w, scratch), n, p, r, out),
    lipDh: (rho) => constants.lipDh(rho),
    lipH: (rho) => constants.lipH(rho),
    lipDhIsExact: false,
  };
}
