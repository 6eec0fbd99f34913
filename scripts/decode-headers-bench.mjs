#!/usr/bin/env node
// Runs bench/decode/decode-headers-bench.ts (TypeScript, bundled on the fly): times header decoding
// and storing of a header sync without a server. See that file for the options.
import { importTs } from './import-ts.mjs';

const { main } = await importTs('bench/decode/decode-headers-bench.ts');
process.exitCode = main(process.argv.slice(2));
