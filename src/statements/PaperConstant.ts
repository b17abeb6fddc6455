/** The sharp value of a constant, where theory gives it: the supremum of the tightness ratio over a scope of cases. */
export interface SharpValue {
  /** Supremum of lhs/rhs (of rhs/lhs for a lower bound) over `scope`: the sharp constant is the paper's times it. */
  readonly ratio: number;
  /** The cases the supremum is over, e.g. 'scalar A, B (n = p = 1)'. */
  readonly scope: string;
  /** Why, in one line. */
  readonly reason: string;
}

/**
 * A constant of the paper in a reading's bound: the number the sharp-constant table compares with the search's
 * worst case. It is the same object the bound multiplies by (a statement's constant lives in one place).
 */
export interface PaperConstant {
  /** The branch of the bound's min it belongs to ('kappa', 'saturated', ...); absent: the bound has one branch. */
  readonly branch?: string;
  /** How the paper writes it, e.g. '6', 'sqrt(8)', '4 sqrt(2) / 3'. */
  readonly symbol: string;
  readonly value: number;
  readonly sharp?: SharpValue;
}
