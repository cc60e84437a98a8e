#!/usr/bin/env node
// The `gradviz` command: a shim over the compiled CLI (`npm run build` makes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('gradviz: dist/ is missing; run `npm run build` in the gradviz folder first\n');
  process.exit(2);
}
const { main } = await import(cli.href);
// exitCode, not exit(): lets a large answer on a pipe finish writing
process.exitCode = await main(process.argv.slice(2));
