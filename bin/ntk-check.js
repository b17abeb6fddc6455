#!/usr/bin/env node
// Thin launcher of the compiled CLI in dist/ (shipped in the package; built in a checkout by `npm run build`, which
// `npm ci` runs through `prepare`).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
