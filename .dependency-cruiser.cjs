/**
 * Import boundaries of ntk-check (docs/architecture.md): each layer imports only from itself and the
 * layers below it; the siblings of a row may import each other unless the row is marked `isolated`
 * (report, audit, model and explore are separate jobs and never import each other).
 * One `forbidden` rule per layer, plus `no-circular` over the whole graph. Tests and `_testing/`
 * helpers are excluded: they may reach across layers to build fixtures.
 */

/** Rows from top to bottom; a row's folders are `src/<name>/` except the top-level `arbitraries/`. */
const ROWS = [
  { layers: ['cli'] },
  { layers: ['report', 'audit', 'model', 'explore'], isolated: true },
  { layers: ['search'] },
  { layers: ['check'] },
  { layers: ['statements'] },
  { layers: ['arbitraries'] },
  { layers: ['flow'] },
  { layers: ['models', 'precise', 'integrators', 'kernels'] },
  { layers: ['linalg', 'validate', 'io', 'plot', 'random', 'format'] },
  { layers: ['errors'] },
];

/** The path pattern of a layer's folder. */
const folder = (layer) => (layer === 'arbitraries' ? '^arbitraries/' : `^src/${layer}/`);

/** Any file of the layers in `rows`, as one alternation. */
const anyOf = (layers) => `(${layers.map(folder).join('|')})`;

const forbidden = ROWS.flatMap((row, index) =>
  row.layers.map((layer) => {
    const below = ROWS.slice(index + 1).flatMap((r) => r.layers);
    const allowed = row.isolated ? [layer, ...below] : [...row.layers, ...below];
    return {
      name: `layer-${layer}`,
      comment: `${layer} imports only from ${allowed.join(', ')}`,
      severity: 'error',
      from: { path: folder(layer) },
      to: { path: '^(src|arbitraries)/', pathNot: anyOf(allowed) },
    };
  }),
);

module.exports = {
  forbidden: [
    ...forbidden,
    {
      name: 'no-circular',
      comment: 'the module graph has no cycle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '/_testing/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
