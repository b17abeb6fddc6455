/** Right-hand side of y' = f(t, y): writes f(t, y) into `dy` (length of y). Must not keep references to y or dy. */
export type Rhs = (t: number, y: Float64Array, dy: Float64Array) => void;
