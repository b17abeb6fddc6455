import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg } from '../plot/renderSvg.js';
import writeFileAtomic from 'write-file-atomic';
import type { AuditResult } from './auditIntegrator.js';
import { auditFigures } from './auditPlots.js';

/**
 * Write `ntk-check audit --out DIR`: `audit.json` (the JSON report, as `--json` prints it), `convergence.svg` and
 * `work-precision.svg` (see `auditFigures`, rendered by `renderSvg`). Creates DIR. Returns the paths written.
 */
export async function writeAuditOutputs(result: AuditResult, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const json = join(dir, 'audit.json');
  writeFileAtomic.sync(json, `${JSON.stringify(result.report, null, 2)}\n`);
  written.push(json);
  for (const figure of auditFigures(result)) {
    const path = join(dir, `${figure.name}.svg`);
    writeFileAtomic.sync(path, await renderSvg(figure.spec));
    written.push(path);
  }
  return written;
}
