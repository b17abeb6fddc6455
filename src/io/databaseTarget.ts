import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { NtkInputError } from '../errors/NtkInputError.js';
import { projectRoot } from './projectRoot.js';
import { SHIPPED_DATABASES, type ShippedDatabase } from './shippedDatabase.js';

/** True when `path` is `root` or lies below it. */
function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** `path` with its folder's symbolic links resolved (pnpm and `npm link` reach a package through one), when it exists. */
function throughLinks(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/** The `--write` and `--db PATH` flags of a command that regenerates a case database. */
export interface DatabaseFlags {
  readonly write: boolean;
  readonly db?: string | undefined;
}

/**
 * Where `--write` stores a regenerated case database (undefined without `--write`): `--db PATH` (resolved against
 * the working folder), or by default the database's file name in the working folder (`./errata.json`,
 * `./worst-cases.json`). Never inside an installed copy of ntk-check (a package folder below node_modules): the
 * shipped databases are read-only there, and npm would overwrite or delete the file. Inside a checkout of the
 * repository, `--db properties/errata.json` regenerates the committed database itself.
 */
export function databaseTarget(name: ShippedDatabase, { write, db }: DatabaseFlags): string | undefined {
  if (db !== undefined && !write) throw new NtkInputError('--db', db, 'given with --write (it names the file --write stores)');
  if (!write) return undefined;
  if (db !== undefined && db.trim() === '') throw new NtkInputError('--db', db, 'a file path');
  const target = resolve(db ?? basename(SHIPPED_DATABASES[name]));
  const root = projectRoot();
  if (root.split(sep).includes('node_modules') && isInside(throughLinks(target), root)) {
    throw new NtkInputError('--db', db ?? target, `outside the installed ntk-check package (${root} is read-only: write to your own folder)`);
  }
  return target;
}
