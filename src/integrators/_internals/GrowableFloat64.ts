/** An append-only Float64Array with amortized doubling, so recording a step does not allocate per step. */
export class GrowableFloat64 {
  private data: Float64Array;
  private used = 0;

  constructor(initialCapacity: number) {
    // Stryker disable next-line MethodExpression: capacity only: a smaller first buffer grows on demand
    this.data = new Float64Array(Math.max(16, initialCapacity));
  }

  /** Reserve `count` entries at the end; returns the buffer and the offset at which to write them. */
  extend(count: number): { readonly buffer: Float64Array; readonly offset: number } {
    const offset = this.used;
    // Stryker disable next-line EqualityOperator: capacity only for `>=`: it grows one append earlier
    if (offset + count > this.data.length) {
      const grown = new Float64Array(Math.max(2 * this.data.length, offset + count));
      grown.set(this.data.subarray(0, offset));
      this.data = grown;
    }
    this.used = offset + count;
    return { buffer: this.data, offset };
  }

  /** Append values. */
  push(values: Float64Array | readonly number[]): void {
    const { buffer, offset } = this.extend(values.length);
    buffer.set(values, offset);
  }

  /** Append one value. */
  pushOne(value: number): void {
    const { buffer, offset } = this.extend(1);
    buffer[offset] = value;
  }

  /** The entries written so far, trimmed (a copy). */
  toArray(): Float64Array {
    return this.data.slice(0, this.used);
  }
}
