/** A case of Lemma 3.3 / eq. (25): A, B (p x n), stored transposed as n x p row-major, and a time t >= 0. */
export interface MatrixCase {
  readonly n: number;
  readonly p: number;
  /** A^T and B^T, n x p row-major (so A^T A = At At^T). */
  readonly At: Float64Array;
  readonly Bt: Float64Array;
  readonly t: number;
  /** How B was drawn: 'random', 'aligned' (B = s A) or 'cancel' (A + B small). */
  readonly mode: string;
}
