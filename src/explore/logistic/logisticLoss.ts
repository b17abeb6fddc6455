/**
 * The logistic loss for labels y*_i in {-1, +1}, summed (not averaged) over the n outputs:
 * R(y) = sum_i log(1 + exp(-y*_i y_i)). Its gradient dR/dy_i = -y*_i s(-y*_i y_i), s the sigmoid, so
 * |dR/dy_i| < 1 and sup ||grad R|| = sqrt(n): the loss scale of the cross-entropy experiments.
 */
export function logisticLossGradient(y: Float64Array, labels: Float64Array, out: Float64Array = new Float64Array(y.length)): Float64Array {
  for (let i = 0; i < y.length; i++) {
    const label = labels[i] as number;
    const z = -label * (y[i] as number);
    // s(z) = 1 / (1 + e^-z), evaluated without overflow on either side
    const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    out[i] = -label * s;
  }
  return out;
}

/** R(y) = sum_i log(1 + exp(-y*_i y_i)) (log1p form, stable for large margins of either sign). */
export function logisticLoss(y: Float64Array, labels: Float64Array): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const z = -(labels[i] as number) * (y[i] as number);
    total += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
  return total;
}
