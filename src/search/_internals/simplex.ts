/** A vertex of the simplex: a point and its value (to minimize; +Infinity where the function has none). */
interface Vertex {
  readonly x: readonly number[];
  readonly f: number;
}

/** What the simplex waits for: the value of the point it proposed last, and what that point was for. */
type Phase =
  | { readonly kind: 'init'; readonly index: number }
  | { readonly kind: 'reflect' }
  | { readonly kind: 'expand'; readonly reflected: Vertex }
  | { readonly kind: 'contract'; readonly outside: boolean; readonly reflected: Vertex }
  | { readonly kind: 'shrink'; readonly index: number };

/** Nelder-Mead driven from outside: the caller evaluates each proposed point and reports its value. */
export interface Simplex {
  /** The point to evaluate next (the same point until its value is reported). */
  propose(): readonly number[];
  /** The value at the last proposed point (+Infinity when there is none: it is then never kept). */
  report(f: number): void;
  /** The best vertex so far. */
  readonly best: Vertex;
  /** Every vertex lies within `tolerance` of the best in every coordinate: a restart is due. */
  readonly converged: boolean;
}

const add = (a: readonly number[], b: readonly number[], s: number) => a.map((v, i) => v + s * ((b[i] as number) - v));

/**
 * The Nelder-Mead downhill simplex (Nelder & Mead 1965) with the dimension-adaptive coefficients of Gao & Han
 * ("Implementing the Nelder-Mead simplex algorithm with adaptive parameters", Comput. Optim. Appl. 2012):
 * reflection 1, expansion 1 + 2/d, contraction 3/4 - 1/(2d), shrink 1 - 1/d, which keep the method descending in
 * the dozens of dimensions a search point has. Ask-and-tell: one function value per step, so a search can
 * interleave many simplices and stop any of them at any evaluation. The initial simplex is x0 plus `step` along
 * each axis; x0's value f0 is known.
 */
export function simplex(x0: readonly number[], f0: number, step: number, tolerance: number): Simplex {
  const d = x0.length;
  const expansion = 1 + 2 / d;
  const contraction = 0.75 - 1 / (2 * d);
  const shrinkage = 1 - 1 / d;
  const vertices: Vertex[] = [{ x: [...x0], f: f0 }];
  let phase: Phase = { kind: 'init', index: 0 };
  let pending: readonly number[] | undefined;

  const sort = () => vertices.sort((a, b) => a.f - b.f || 0);
  const worst = () => vertices[d] as Vertex;
  const centroid = () => {
    const c = new Array<number>(d).fill(0);
    for (let k = 0; k < d; k++) for (let i = 0; i < d; i++) c[i] = (c[i] as number) + ((vertices[k] as Vertex).x[i] as number) / d;
    return c;
  };
  const replaceWorst = (v: Vertex) => {
    vertices[d] = v;
    phase = { kind: 'reflect' };
  };

  function next(): readonly number[] {
    switch (phase.kind) {
      case 'init': {
        const axis = phase.index;
        return x0.map((v, i) => (i === axis ? v + step : v));
      }
      case 'reflect':
        sort();
        return add(centroid(), worst().x, -1); // c + (c - x_worst)
      case 'expand':
        return add(centroid(), phase.reflected.x, expansion);
      case 'contract': {
        const c = centroid();
        return phase.outside ? add(c, phase.reflected.x, contraction) : add(c, worst().x, contraction);
      }
      case 'shrink':
        return add((vertices[0] as Vertex).x, (vertices[phase.index] as Vertex).x, shrinkage);
    }
  }

  return {
    propose() {
      pending ??= next();
      return pending;
    },
    report(f) {
      if (pending === undefined) return;
      const v: Vertex = { x: pending, f: Number.isNaN(f) ? Infinity : f };
      pending = undefined;
      switch (phase.kind) {
        case 'init':
          vertices.push(v);
          phase = phase.index + 1 < d ? { kind: 'init', index: phase.index + 1 } : { kind: 'reflect' };
          return;
        case 'reflect': {
          const best = vertices[0] as Vertex;
          const secondWorst = vertices[d - 1] as Vertex;
          if (v.f < best.f) phase = { kind: 'expand', reflected: v };
          else if (v.f < secondWorst.f) replaceWorst(v);
          else phase = { kind: 'contract', outside: v.f < worst().f, reflected: v };
          return;
        }
        case 'expand':
          replaceWorst(v.f < phase.reflected.f ? v : phase.reflected);
          return;
        case 'contract':
          if (v.f <= (phase.outside ? phase.reflected.f : worst().f) && Number.isFinite(v.f)) replaceWorst(v);
          else phase = { kind: 'shrink', index: 1 };
          return;
        case 'shrink':
          vertices[phase.index] = v;
          phase = phase.index < d ? { kind: 'shrink', index: phase.index + 1 } : { kind: 'reflect' };
          return;
      }
    },
    get best() {
      return vertices.reduce((a, b) => (b.f < a.f ? b : a));
    },
    get converged() {
      if (phase.kind === 'init') return false;
      const best = this.best;
      return vertices.every((v) => v.x.every((xi, i) => Math.abs(xi - (best.x[i] as number)) <= tolerance));
    },
  };
}
