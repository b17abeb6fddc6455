import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import type { Profile } from '../../src/check/profile.js';
import { converse } from '../../src/report/plots/converse.js';
import { lemma33Ratios } from '../../src/report/plots/lemma33Ratios.js';
import type { PlotBuilder } from '../../src/plot/Plot.js';
import { eq25 } from '../../src/statements/defs/eq-25.js';
import { lemma33 } from '../../src/statements/defs/lemma-3.3.js';
import type { AnyStatement } from '../../src/statements/Statement.js';

/** A tiny profile: the report machinery, not the theory, is under test. */
export const TINY: Profile = { name: 'quick', runs: 20, shrinkEvaluations: 100, maxTau: 1e4 };

/** Cheap matrix statements (no flow solves): one with a refuted literal reading (eq-25), one without. */
export const STATEMENTS = [lemma33, eq25] as unknown as readonly AnyStatement[];

/** The two cheapest real plots (their content depends on the seed: lemma33Ratios samples cases). */
export const PLOTS: readonly PlotBuilder[] = [converse, lemma33Ratios];

/** A minimal plot for tests of the report machinery (exit codes, atomicity), where the figures do not matter. */
export const TINY_PLOT: PlotBuilder = {
  name: 'tiny',
  build: (seed) => ({
    name: 'tiny',
    title: 'tiny',
    caption: `seed ${seed}`,
    spec: {
      data: {
        values: [
          { x: 1, y: seed },
          { x: 2, y: 1 },
        ],
      },
      mark: 'line',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    },
    points: 2,
    notes: [],
  }),
};

/** A short converse grid. */
export const KAPPAS = ['0.1', '1', '10'] as const;

/** Report options for `generateReport` with the real plots (add outDir). */
export const smallReport = { profile: TINY, seed: 7, statements: STATEMENTS, plots: PLOTS, converseKappas: KAPPAS } as const;

/** Fastest report options: one tiny plot (add outDir). */
export const tinyReport = { ...smallReport, plots: [TINY_PLOT] } as const;

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ntk-report-test-'));
  made.push(dir);
  return dir;
}

/** Every file of a directory, name -> contents. */
export function readDir(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** A CliIo capturing output (not a terminal: no progress bar). */
export function captureIo(): CliIo & { readonly text: () => string } {
  let text = '';
  return { out: (t) => (text += `${t}\n`), err: (t) => (text += `${t}\n`), isTty: false, text: () => text };
}
