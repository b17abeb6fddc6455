import type { Instance } from '../src/flow/Instance.js';

/** A generated case of a flow statement: an instance and the generator's labels (family, direction of r(0)). */
export interface FlowCase {
  readonly instance: Instance;
  /** Model family, e.g. 'quadratic', 'structured', 'commuting', 'scalar', 'meanField'. */
  readonly family: string;
  /** How r(0) was chosen relative to J0: 'random', 'top' or 'bottom' singular direction. */
  readonly direction: string;
}
