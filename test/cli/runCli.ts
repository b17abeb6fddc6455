import { main } from '../../src/cli/main.js';

/** Run the CLI in-process with captured output. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), isTty: false });
  return { code, out, err };
}
