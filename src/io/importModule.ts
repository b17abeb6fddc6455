import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NtkInputError } from '../errors/NtkInputError.js';
import { describeThrown } from './describeThrown.js';

/** File extensions `ntk-check audit` loads. */
export const MODULE_EXTENSIONS = ['.js', '.mjs', '.ts'] as const;

/** The parameter name of every module error (the CLI's positional argument). */
export const MODULE = 'MODULE';

/**
 * Failures of Node's own import of a .ts module that the TypeScript loader cures: no type stripping (Node 20, or
 * 22.6-23.5 without the flag), a TypeScript import of './x.js' meaning './x.ts' (NodeNext style; Node does not map
 * it), syntax that type stripping cannot erase (enum, namespace, parameter properties), a .ts file below
 * node_modules (never stripped).
 */
const TS_FALLBACK_CODES: readonly string[] = [
  'ERR_UNKNOWN_FILE_EXTENSION',
  'ERR_MODULE_NOT_FOUND',
  'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX',
  'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING',
];

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * The ES module view of a namespace: a TypeScript file of a CommonJS package (no `"type": "module"`) is compiled to
 * CommonJS by the loader, so its namespace is `{ default: module.exports }` with `module.exports.__esModule` set;
 * its `export default` is then `module.exports.default`, as under Node's own type stripping or a bundler.
 */
function esModuleView(namespace: Record<string, unknown>): Record<string, unknown> {
  const cjs = namespace.default;
  const compiledEsm = typeof cjs === 'object' && cjs !== null && (cjs as { __esModule?: unknown }).__esModule === true;
  return compiledEsm ? (cjs as Record<string, unknown>) : namespace;
}

/**
 * Import a TypeScript module through tsx's scoped loader (`tsImport`, esbuild underneath: full TypeScript syntax,
 * './x.js' -> './x.ts' resolution, tsconfig paths; types are erased, not checked). Loaded on first use only, and
 * registered for this one import (it does not change how the rest of the process loads modules).
 */
async function importTypeScript(url: string): Promise<Record<string, unknown>> {
  const { tsImport } = await import('tsx/esm/api');
  return esModuleView((await tsImport(url, import.meta.url)) as Record<string, unknown>);
}

/**
 * Import the module at `path` (relative to the working directory) and return its namespace object.
 * `.js` and `.mjs` are imported by Node. `.ts` is imported by the runtime where it can (Node with type stripping, or
 * a TypeScript-aware runner such as vitest), otherwise through tsx's loader (no `typescript` package needed, any
 * TypeScript syntax). Throws NtkInputError (`MODULE`) for a missing file, another extension, or a module that fails
 * to import (syntax error, throw at top level, ...).
 */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  const extension = extname(path);
  if (!(MODULE_EXTENSIONS as readonly string[]).includes(extension)) throw new NtkInputError(MODULE, path, `a ${MODULE_EXTENSIONS.join(', ')} file`);
  const absolute = resolve(path);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isFile()) throw new NtkInputError(MODULE, path, 'an existing file');
  const url = pathToFileURL(absolute).href;
  try {
    try {
      return (await import(url)) as Record<string, unknown>;
    } catch (error) {
      if (extension !== '.ts' || !TS_FALLBACK_CODES.includes(String(errorCode(error)))) throw error;
      return await importTypeScript(url);
    }
  } catch (error) {
    throw new NtkInputError(MODULE, path, `an importable module (importing it threw ${describeThrown(error)})`);
  }
}
