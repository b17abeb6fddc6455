import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NtkInputError } from '../errors/NtkInputError.js';
import { describeThrown } from './describeThrown.js';
import { registerTypeScriptHooks } from './typescriptHooks.js';

/** File extensions `ntk-check audit` loads. */
export const MODULE_EXTENSIONS = ['.js', '.mjs', '.ts'] as const;

/** The parameter name of every module error (the CLI's positional argument). */
export const MODULE = 'MODULE';

/** Import failures of a .ts module that the TypeScript hooks can cure. */
const TS_FALLBACK_CODES: readonly string[] = ['ERR_UNKNOWN_FILE_EXTENSION', 'ERR_MODULE_NOT_FOUND'];

/** The `typescript` package as a file: URL: the audited module's own copy first, else ntk-check's; undefined if none. */
function findTypeScript(modulePath: string): string | undefined {
  for (const base of [modulePath, import.meta.url]) {
    try {
      return pathToFileURL(createRequire(base).resolve('typescript')).href;
    } catch {
      // not resolvable from here: try the next place
    }
  }
  return undefined;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * Import the module at `path` (relative to the working directory) and return its namespace object.
 * `.js` and `.mjs` are imported by Node. `.ts` is imported directly where the runtime can (Node with type
 * stripping, or a TypeScript-aware runner such as vitest); on Node 20 it is transpiled on the fly by the
 * `typescript` package (see `typescriptHooks`), resolved from the module's directory first, then from ntk-check's
 * own installation. Throws NtkInputError (`MODULE`) for a missing file, another extension, a TypeScript module
 * without a `typescript` package, or a module that fails to import (syntax error, throw at top level, ...).
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
      // Node 20 does not load .ts (ERR_UNKNOWN_FILE_EXTENSION); Node with type stripping does, but does not map a
      // TypeScript import of './x.js' to './x.ts' (ERR_MODULE_NOT_FOUND). Either way the hooks below do both.
      if (extension !== '.ts' || !TS_FALLBACK_CODES.includes(String(errorCode(error)))) throw error;
      const typescript = findTypeScript(absolute);
      if (typescript === undefined) {
        throw new NtkInputError(MODULE, path, 'a .js or .mjs file, or a .ts file with the `typescript` package installed next to it (npm i -D typescript)');
      }
      registerTypeScriptHooks(typescript);
      // A fresh URL: the failed import above stays cached under the plain one.
      return (await import(`${url}?ntk-check-ts`)) as Record<string, unknown>;
    }
  } catch (error) {
    if (error instanceof NtkInputError) throw error;
    throw new NtkInputError(MODULE, path, `an importable module (importing it threw ${describeThrown(error)})`);
  }
}
