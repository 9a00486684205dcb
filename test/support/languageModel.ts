/**
 * Every test file answers with the language model loaded, as the servers and the command line do.
 * Loading it runs the identifier's WebAssembly glue through a dynamic import, which jest allows only
 * with Node's `--experimental-vm-modules`: run jest through `npm test` or `npm run jest -- <path>`.
 */
import { loadLanguageModel } from '../../core';

beforeAll(async () => {
  try {
    await loadLanguageModel();
  } catch (error) {
    throw new Error(
      `the language model did not load (${String(error)}); run jest with --experimental-vm-modules: npm run jest -- <path>`,
    );
  }
});
