import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Hooks of {@link writeReportDir}, for tests of interrupted writes. */
export interface WriteReportHooks {
  /** Called once every file is in the temporary directory, before the swap (throw here to simulate a crash). */
  beforeSwap?(tempDir: string): void;
}

/**
 * Write a report directory atomically: every file into a fresh temporary directory beside the target
 * (`<parent>/.tmp-<name>-<pid>`, matching the `reports/.tmp-*` ignore rule), then swap — rename the old report
 * away, rename the new one in, delete the old. If anything fails before the swap, the temporary directory is
 * removed and the previous report is untouched; if the second rename fails, the old report is put back. A process
 * killed between the two renames (microseconds) leaves the old report at `.tmp-<name>-<pid>-old`: POSIX has no
 * portable atomic exchange of two directories. `files` maps a file name (no subdirectories) to its contents.
 */
export function writeReportDir(target: string, files: ReadonlyMap<string, string>, hooks: WriteReportHooks = {}): void {
  const dir = resolve(target);
  const parent = dirname(dir);
  const name = basename(dir);
  const temp = join(parent, `.tmp-${name}-${process.pid}`);
  const old = join(parent, `.tmp-${name}-${process.pid}-old`);
  mkdirSync(parent, { recursive: true });
  rmSync(temp, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  try {
    mkdirSync(temp);
    for (const [file, text] of files) writeFileSync(join(temp, file), text);
    hooks.beforeSwap?.(temp);
    const hadOld = existsSync(dir);
    if (hadOld) renameSync(dir, old);
    try {
      renameSync(temp, dir);
    } catch (error) {
      if (hadOld) renameSync(old, dir);
      throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
