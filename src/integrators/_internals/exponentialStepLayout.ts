/** Per-step layout of a step's stored data: VECTORS arrays of length n, then MODAL arrays of length rows. */
export const VECTORS = 5; // u, K0, Km, K1, correction
export const MODAL = 6; // y0, ym, y1, z0, zm, z1
