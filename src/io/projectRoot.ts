import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ntk-check package root (the folder of its package.json), found from this module: works from src/ and dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ntk-check') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('ntk-check package root not found');
    dir = parent;
  }
}
