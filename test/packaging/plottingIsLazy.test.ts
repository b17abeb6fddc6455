/**
 * The plotting libraries (vega, vega-lite: most of the CLI's load time) are loaded only by what plots: the library
 * entry points, `--help` and the `list`, `solve`, `check` commands never load them. Evidence from Node's own module loader: a
 * `load` hook (module.register) logs every module URL a fresh process loads from the compiled package in dist/
 * (built by `npm test` before vitest runs). A positive control renders one plot, so the log is known to see vega.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DIST = resolve('dist');
const BIN = resolve('bin/ntk-check.js');
const dir = mkdtempSync(join(tmpdir(), 'ntk-module-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.NTK_MODULE_LOG, url + '\\n');
  return next(url, context);
}
`;
writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
const instance = { model: { kind: 'scalar', a: 0.7, b: 0.7 }, w0: [0], yStar: [1.5], alpha: 3, T: 2 };
writeFileSync(join(dir, 'instance.json'), JSON.stringify(instance));

/** Run node with the logging hook; returns the module URLs the process loaded. */
async function loadedModules(name: string, args: readonly string[]): Promise<string[]> {
  const log = join(dir, `${name}.log`);
  await run(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, ...args], { env: { ...process.env, NTK_MODULE_LOG: log } });
  return readFileSync(log, 'utf8').trim().split('\n');
}

/** An ES module evaluated by `node --input-type=module -e`. */
function script(source: string): string[] {
  return ['--input-type=module', '-e', source];
}

const isPlotting = (url: string): boolean => /\/node_modules\/vega(-lite)?\//.test(url);

describe.concurrent('vega and vega-lite load only where something is plotted', () => {
  const indexUrl = pathToFileURL(join(DIST, 'src', 'index.js')).href;
  const cases: [string, string[]][] = [
    [
      'library',
      script(`await import(${JSON.stringify(indexUrl)}); await import(${JSON.stringify(pathToFileURL(join(DIST, 'arbitraries', 'index.js')).href)});`),
    ],
    ['--help (loads every command module)', [BIN, '--help']],
    ['list', [BIN, 'list']],
    ['solve', [BIN, 'solve', '--instance', join(dir, 'instance.json')]],
    ['check', [BIN, 'check', 'eq-25', '--runs', '3']],
  ];
  it.each(cases)('%s: no vega in the module graph', async (name, args) => {
    const urls = await loadedModules(name.split(' ')[0] ?? name, args);
    expect(urls.some((u) => u.startsWith(pathToFileURL(DIST).href))).toBe(true); // the log sees ntk-check itself
    expect(urls.filter(isPlotting)).toEqual([]);
  });

  it('positive control: rendering a plot loads them', async () => {
    const render = pathToFileURL(join(DIST, 'src', 'plot', 'renderSvg.js')).href;
    const spec = { data: { values: [{ x: 1, y: 2 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } };
    const urls = await loadedModules(
      'render',
      script(`const { renderSvg } = await import(${JSON.stringify(render)}); await renderSvg(${JSON.stringify(spec)});`),
    );
    expect(urls.filter(isPlotting).length).toBeGreaterThan(0);
  });
});
