/**
 * The local optimizer of a search, with the distribution its starts are drawn from:
 * - 'evolution': starts from the generator's own distribution, block-wise (1+1)-ES climbers (`hillClimber`);
 * - 'nelder-mead': starts from the space's `explore` distribution (small shapes, n > p as often as n <= p),
 *   block-coordinate Nelder-Mead climbers (`nelderMeadClimber`).
 * Both run under the same successive halving over starts (`climb`).
 */
export type Optimizer = 'evolution' | 'nelder-mead';

/** The optimizers, in the order `--optimizer` lists them. */
export const OPTIMIZERS: readonly Optimizer[] = ['evolution', 'nelder-mead'];
