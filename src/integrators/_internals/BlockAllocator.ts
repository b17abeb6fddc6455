/**
 * Hands out zeroed Float64Array views of fixed-size blocks, so that a solution recording a few vectors per step
 * allocates one large buffer per `perBlock` steps instead of several per step (fewer, larger allocations: less
 * garbage-collector work for long state vectors), and never copies what it recorded.
 */
export class BlockAllocator {
  private block: Float64Array = new Float64Array(0);
  private used = 0;
  private readonly perBlock: number;

  /** `perBlock`: how many requests of a typical size one block serves. */
  constructor(perBlock = 16) {
    this.perBlock = perBlock;
  }

  /** A view of `length` fresh entries (all 0). */
  take(length: number): Float64Array {
    if (this.used + length > this.block.length) {
      this.block = new Float64Array(Math.max(length * this.perBlock, 1024));
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}
