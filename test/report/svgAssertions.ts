import { expect } from 'vitest';

/**
 * Check that `svg` is a well-formed standalone SVG document: one <svg> root with the SVG namespace, every element
 * closed in order (a minimal XML tokenizer: tags, self-closing tags, text; vega emits no comments, CDATA or
 * doctype), and no text outside the root.
 */
export function expectWellFormedSvg(svg: string): void {
  const body = svg.trim();
  expect(body.startsWith('<svg ')).toBe(true);
  expect(body).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const stack: string[] = [];
  let roots = 0;
  for (const [, closing, name, selfClosing] of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (closing === '/') {
      expect(stack.pop(), `</${name}> closes the open element`).toBe(name);
    } else if (selfClosing !== '/') {
      if (stack.length === 0) roots++;
      stack.push(name as string);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  expect(body.endsWith('</svg>')).toBe(true);
  expect(body.replace(/<[^>]*>/g, '').includes('<')).toBe(false);
}

/** The text of every <text> element (axis labels, titles, legend entries). */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
}

/** The aria-labels vega writes on data marks and axes ("x: 1; y: 2; series: a", "X-axis titled ... for a log scale"). */
export function ariaLabels(svg: string): string[] {
  return [...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1] as string);
}
