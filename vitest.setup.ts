import fc from 'fast-check';
import { seedFromEnv } from './src/check/profile.js';

// Every fast-check run in the suite (fc.assert, @fast-check/vitest's test.prop) uses the run's seed: the default is
// fixed, NTK_SEED replays or varies it. fast-check prints the seed of any failure.
fc.configureGlobal({ seed: seedFromEnv() });
