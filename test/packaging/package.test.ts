/**
 * The package as a user gets it: `npm pack` of this checkout (dist/ as `npm test` has just built it), installed
 * into a fresh project from the local npm cache only (offline; the repository's lock file pins every dependency,
 * and `npm ci` has put each of them in the cache), then used from there: `npx ntk-check --version`, an audit of a
 * TypeScript integrator typed against the package, the README's library example typechecked with `tsc --strict`
 * and run. Everything happens in a temporary folder that is removed afterwards (npm writes no log files either).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const REPO = resolve('.');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const NPM_ENV = { ...process.env, npm_config_logs_max: '0', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };

interface LockEntry {
  version?: string;
  name?: string;
  resolved?: string;
  dev?: boolean;
  [key: string]: unknown;
}
interface PackResult {
  filename: string;
  entryCount: number;
  size: number;
  files: { path: string }[];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; dependencies: Record<string, string>; bin: unknown; engines: unknown };
const dir = mkdtempSync(join(tmpdir(), 'ntk-package-'));
const project = join(dir, 'project');
let packed: PackResult;

/** The registry tarball URL of a locked package (the lock omits it: `omit-lockfile-registry-resolved`). */
function registryTarball(path: string, entry: LockEntry): string {
  const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop() ?? name}-${entry.version ?? ''}.tgz`;
}

/**
 * A lock file for a project depending on the tarball only: ntk-check itself (resolved to the tarball, with its
 * integrity), and the repository's locked runtime dependencies with their tarball URLs, so `npm ci --offline`
 * takes every one of them from the cache by integrity and asks the registry for nothing.
 */
function projectLock(tarball: string): unknown {
  const repoLock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
  const integrity = `sha512-${createHash('sha512')
    .update(readFileSync(join(dir, tarball)))
    .digest('base64')}`;
  const spec = `file:../${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'try-ntk', dependencies: { 'ntk-check': spec } },
    'node_modules/ntk-check': {
      version: pkg.version,
      resolved: spec,
      integrity,
      license: 'MIT',
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(repoLock.packages)) {
    if (path === '' || entry.dev === true) continue;
    packages[path] = { ...entry, resolved: entry.resolved ?? registryTarball(path, entry) };
  }
  return { name: 'try-ntk', lockfileVersion: 3, requires: true, packages };
}

/** A TypeScript integrator typed against the installed package: the classical RK4, claiming order 4. */
const RK4 = `import type { IntegratorModule } from 'ntk-check';

const axpy = (y: number[], h: number, k: number[]): number[] => y.map((v, i) => v + h * (k[i] ?? 0));

const rk4: IntegratorModule = {
  name: 'rk4 (packaging test)',
  order: 4,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = [...y0];
    for (let i = 0; i < steps; i++) {
      const t = t0 + i * h;
      const k1 = f(t, y);
      const k2 = f(t + h / 2, axpy(y, h / 2, k1));
      const k3 = f(t + h / 2, axpy(y, h / 2, k2));
      const k4 = f(t + h, axpy(y, h, k3));
      y = y.map((v, j) => v + (h / 6) * ((k1[j] ?? 0) + 2 * (k2[j] ?? 0) + 2 * (k3[j] ?? 0) + (k4[j] ?? 0)));
    }
    return y;
  },
};
export default rk4;
`;

/** The README's library example, exactly as written there. */
function readmeExample(): string {
  const match = /<!-- library-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- library-example:end -->/.exec(readFileSync('README.md', 'utf8'));
  if (match?.[1] === undefined) throw new Error('README.md has no library example between the library-example markers');
  return match[1];
}

function npx(...args: string[]) {
  return exec('npx', ['--offline', 'ntk-check', ...args], { cwd: project, env: NPM_ENV });
}

beforeAll(async () => {
  const { stdout } = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO, env: NPM_ENV });
  packed = (JSON.parse(stdout) as PackResult[])[0] as PackResult;
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'try-ntk', private: true, type: 'module', dependencies: { 'ntk-check': `file:../${packed.filename}` } }),
  );
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(projectLock(packed.filename)));
  // --ignore-scripts: esbuild's postinstall only re-checks its binary (npm 11 asks before running it anyway).
  await exec('npm', ['ci', '--offline', '--ignore-scripts'], { cwd: project, env: NPM_ENV });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('the packed package', () => {
  it('holds what the CLI and the library run on, and no tests, benches, CI or mutation setups', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of [
      'bin/ntk-check.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/arbitraries/index.d.ts',
      'properties/errata.json',
      'properties/worst-cases.json',
      'docs/theory.md',
      'LICENSE',
    ]) {
      expect(paths).toContain(needed);
    }
    const unwanted = paths.filter((p) => /\.test\.|(^|\/)_testing\/|^(test|bench|dist\/bench|\.ci|\.github|examples)\/|stryker|vitest|\.map$/.test(p));
    expect(unwanted).toEqual([]);
  });

  it("the declarations a user's compiler loads import only ntk-check's dependencies, and no Node.js globals", () => {
    // Walk the relative imports from the two entry points: exactly the .d.ts files `tsc` reads for `import 'ntk-check'`.
    const seen = new Set<string>();
    const external = new Set<string>();
    const nodeGlobals: string[] = [];
    const pending = ['dist/src/index.d.ts', 'dist/arbitraries/index.d.ts'];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(join(REPO, file), 'utf8');
      if (/\bNodeJS\.|\bBuffer\b/.test(text)) nodeGlobals.push(file); // needs @types/node, which TS 6+ no longer loads by default
      for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '([^']+)'|\bimport\('([^']+)'\)/gm)) {
        const specifier = (m[1] ?? m[2]) as string;
        if (specifier.startsWith('.')) pending.push(join(file, '..', specifier.replace(/\.js$/, '.d.ts')));
        else
          external.add(
            specifier
              .split('/')
              .slice(0, specifier.startsWith('@') ? 2 : 1)
              .join('/'),
          );
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect([...seen].filter((file) => !packed.files.some((f) => f.path === file))).toEqual([]);
    expect([...external].filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(nodeGlobals).toEqual([]);
  });

  it('npx ntk-check --version prints the version', async () => {
    expect((await npx('--version')).stdout.trim()).toBe(pkg.version);
  });

  it('npx ntk-check audit a TypeScript integrator (--quick): exit 0, verdict PASS', async () => {
    writeFileSync(join(project, 'my-rk4.ts'), RK4);
    const { stdout } = await npx('audit', 'my-rk4.ts', '--quick');
    expect(stdout).toMatch(/verdict: PASS\s+observed order 4\.\d/);
  });

  it('refuses to write a database into the installed package (exit 2, one line)', async () => {
    const db = join('node_modules', 'ntk-check', 'properties', 'worst-cases.json');
    const failure = await npx('search', 'eq-25', '--evaluations', '1', '--write', '--db', db).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/--db=.* must be outside the installed ntk-check package/);
  });

  // --skipLibCheck as in most projects (and tsc --init): the declarations' own imports are checked above.
  it("the README's library example typechecks under tsc --strict and runs", async () => {
    writeFileSync(join(project, 'use.ts'), readmeExample());
    const types = join(REPO, 'node_modules', '@types');
    await exec(
      process.execPath,
      [TSC, '--strict', '--skipLibCheck', '--module', 'nodenext', '--target', 'es2022', '--typeRoots', types, '--types', 'node', '--outDir', 'out', 'use.ts'],
      { cwd: project },
    );
    const { stdout } = await exec(process.execPath, [join('out', 'use.js')], { cwd: project });
    expect(stdout).toContain('thm-1.2 restored=holds literal=refuted');
    expect(stdout).toContain('thm-1.2/restored: holds (expected holds)');
    expect(stdout).toContain('thm-1.2/mutant: refuted (expected refuted)');
    expect(stdout).toMatch(/converse at kappa = 1: E\(T\) = 0\.\d{30,}/);
  });
});
