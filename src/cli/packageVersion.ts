import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../io/projectRoot.js';

/** The version of the installed ntk-check, read at run time from its own package.json (not the working folder's). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
