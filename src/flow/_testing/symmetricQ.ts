/**
 * The second-order coefficients Q of a quadratic model (test-only): n symmetric p x p matrices whose upper
 * triangles take `draw()` row by row (Q_k[i][j] = Q_k[j][i], i <= j), matrix after matrix, so a seeded `draw`
 * gives the same Q on every run.
 */
export function symmetricQ(n: number, p: number, draw: () => number): number[][][] {
  return Array.from({ length: n }, () => {
    const S = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < p; i++)
      for (let j = i; j < p; j++) {
        const v = draw();
        S[i]![j] = v;
        S[j]![i] = v;
      }
    return S;
  });
}
