import type { FlowKernelExports } from './FlowKernelExports.js';

/** Longest copy out of the memory that `read` makes element by element. */
const SHORT_COPY = 64;

/** A block of the WebAssembly memory: byte offset and size (a power of two, at least 16 bytes). */
interface Block {
  readonly offset: number;
  readonly bytes: number;
}

/**
 * The linear memory of one flowKernels.wasm instance, handed out in blocks of power-of-two sizes (16-byte
 * aligned, for v128 loads). Blocks of an owner that the garbage collector has reclaimed return to a free list per
 * size (a FinalizationRegistry), so a search that builds thousands of models reuses the same few blocks.
 */
export class WasmHeap {
  readonly exports: FlowKernelExports;
  private top: number;
  private view: Float64Array;
  private readonly free = new Map<number, number[]>();
  private readonly registry = new FinalizationRegistry<readonly Block[]>((blocks) => {
    for (const b of blocks) this.freeList(b.bytes).push(b.offset);
  });

  constructor(exports: FlowKernelExports) {
    this.exports = exports;
    this.top = Math.ceil(exports.heapBase() / 16) * 16;
    this.view = new Float64Array(exports.memory.buffer);
  }

  /** The memory as float64s (index = byte offset / 8); refreshed after the memory grows, so read it per use. */
  get f64(): Float64Array {
    // growing the memory detaches its old buffer, which leaves every view of it empty (a cheaper test than reading
    // `memory.buffer` on every call)
    if (this.view.length === 0) this.view = new Float64Array(this.exports.memory.buffer);
    return this.view;
  }

  private freeList(bytes: number): number[] {
    let list = this.free.get(bytes);
    if (list === undefined) {
      list = [];
      this.free.set(bytes, list);
    }
    return list;
  }

  /**
   * Byte offsets of one block per entry of `lengths` (float64 counts), owned by `owner`: they return to the heap
   * once `owner` is garbage-collected. Contents are unspecified (the caller writes before it reads).
   */
  allocate<const L extends readonly number[]>(owner: object, lengths: L): { -readonly [K in keyof L]: number } {
    const blocks = lengths.map((length) => this.block(Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, length) * 8)))));
    this.registry.register(owner, blocks);
    return blocks.map((b) => b.offset) as { -readonly [K in keyof L]: number };
  }

  /**
   * The byte offset a kernel reads `v` from: `v`'s own where it already lives in this memory (an integrator's
   * arena, src/kernels/WasmVectors.ts), else the block at `scratch`, after `v` is copied there.
   */
  input(v: Float64Array, scratch: number): number {
    if (this.holds(v)) return v.byteOffset;
    this.f64.set(v, scratch / 8);
    return scratch;
  }

  /** The byte offset a kernel writes `out` to: `out`'s own where it lives in this memory, else the block at `scratch`. */
  output(out: Float64Array, scratch: number): number {
    return this.holds(out) ? out.byteOffset : scratch;
  }

  /**
   * Views of this memory made by {@link WasmHeap.adopt}: while such a view is not empty it lies in the current
   * memory (growing detaches the old buffer, emptying its views), which `holds` tests without reading `v.buffer`
   * (a call into the runtime, ~25 ns: dozens per step of an integrator).
   */
  private readonly adopted = new WeakSet<Float64Array>();

  /** Record views just made on this memory's current buffer (an arena's vectors), for {@link WasmHeap.holds}. */
  adopt(views: readonly Float64Array[]): void {
    for (const v of views) this.adopted.add(v);
  }

  /** Whether `v` lies in this memory (its current buffer). */
  holds(v: Float64Array): boolean {
    if (this.adopted.has(v)) return v.length !== 0;
    return v.buffer === this.f64.buffer;
  }

  /** Copies the first `length` float64s at byte offset `at` into `out` (after a kernel call, unless it wrote `out` in place). */
  read(at: number, out: Float64Array, length: number): void {
    const f64 = this.f64;
    const from = at / 8;
    // a short vector by a loop: a subarray view per call costs more than the copy
    if (length > SHORT_COPY) out.set(f64.subarray(from, from + length));
    else for (let i = 0; i < length; i++) out[i] = f64[from + i] as number;
  }

  private block(bytes: number): Block {
    const reused = this.freeList(bytes).pop();
    if (reused !== undefined) return { offset: reused, bytes };
    const offset = this.top;
    this.top += bytes;
    const { memory } = this.exports;
    const missing = this.top - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65_536));
    return { offset, bytes };
  }
}
