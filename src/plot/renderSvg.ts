import type { TopLevelSpec } from 'vega-lite';

/** Element ids vega numbers from process-wide counters (clip paths, gradients, patterns). */
const COUNTED_ID = /\b(clip|gradient|pattern)(\d+)\b/g;

/**
 * Renumber vega's counter-based ids (`clip7`, `gradient3`) by order of first appearance in the document, so the
 * same spec renders to the same bytes however many views the process rendered before.
 */
export function normalizeSvgIds(svg: string): string {
  const renamed = new Map<string, string>();
  const next = new Map<string, number>();
  return svg.replace(COUNTED_ID, (id: string, prefix: string) => {
    let name = renamed.get(id);
    if (name === undefined) {
      const k = (next.get(prefix) ?? 0) + 1;
      next.set(prefix, k);
      name = `${prefix}${k}`;
      renamed.set(id, name);
    }
    return name;
  });
}

/**
 * Render a vega-lite spec to a standalone SVG document, headless: vega-lite `compile` to a vega spec, a vega
 * `View` with the 'none' renderer, `toSVG()`. The output is deterministic for a given spec (ids normalized).
 *
 * vega and vega-lite are imported here, on the first render, so only what plots pays for them (the library entry,
 * `solve`, `check`, `list` never load them).
 *
 * Reference: vega-lite "Compiling Vega-Lite to Vega"; vega "View API", `view.toSVG`.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return `${normalizeSvgIds(await view.toSVG())}\n`;
  } finally {
    view.finalize();
  }
}
