#!/usr/bin/env node
// The `mailflow` command: the compiled CLI, which `npm install` builds (the root's `prepare` script).
// It lives in a workspace package, not in the root package.json, because npx copies a root package
// that declares the bin into its cache before running it; a workspace's bin is linked into
// node_modules/.bin, where npx finds and runs it at once.
const { join } = require('node:path');

const cli = join(__dirname, '..', '..', 'dist', 'bots', 'cli', 'main.js');
try {
  require.resolve(cli);
} catch {
  process.stderr.write('mailflow: the project is not built yet; run `npm run build` in its root\n');
  process.exit(1);
}
require(cli);
