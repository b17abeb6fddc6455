// UNUSABLE (exit 2): a named export instead of the default export the contract requires.
export const integrator = { name: 'euler', order: 1, solve: (_f, _t0, y0) => [...y0] };
