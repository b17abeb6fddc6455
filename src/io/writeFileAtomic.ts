import { renameSync, writeFileSync } from 'node:fs';

/** Write a file atomically: a temporary sibling, then rename (an interrupted write leaves the old file intact). */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
