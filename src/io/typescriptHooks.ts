import { register } from 'node:module';

/**
 * Node module customization hooks (https://nodejs.org/api/module.html#customization-hooks) that load `.ts` and
 * `.mts` files as ES modules by transpiling them with the `typescript` package's `transpileModule` (types are
 * erased, nothing is type-checked), and resolve a relative `./x.js` import of a TypeScript file to `./x.ts` when
 * no `./x.js` exists (TypeScript's NodeNext convention). Plain JavaScript; it runs on Node's loader thread, and
 * receives the URL of the `typescript` module in `initialize`.
 */
const HOOKS_SOURCE = `
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
let ts;
const TS = /\\.m?ts$/;
const isTs = (url) => url.startsWith('file:') && TS.test(new URL(url).pathname);
export async function initialize(data) { ts = (await import(data.typescript)).default; }
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!relative || context.parentURL === undefined || !isTs(context.parentURL) || !/\\.m?js$/.test(specifier)) throw error;
    return next(specifier.replace(/js$/, 'ts'), context);
  }
}
export async function load(url, context, next) {
  if (!isTs(url)) return next(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`;

let registered: string | undefined;

/**
 * Register the TypeScript loading hooks once per process, with the `typescript` module at `typescriptUrl`
 * (a file: URL). Later calls are no-ops.
 */
export function registerTypeScriptHooks(typescriptUrl: string): void {
  if (registered !== undefined) return;
  register(`data:text/javascript,${encodeURIComponent(HOOKS_SOURCE)}`, { data: { typescript: typescriptUrl } });
  registered = typescriptUrl;
}
