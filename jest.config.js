/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The language model loads once per test file, before its tests (test/support/languageModel.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/languageModel.ts'],
  transform: {
    // `npm test` type-checks everything with tsc first; with `isolatedModules` set in tsconfig.json,
    // ts-jest only transpiles each file.
    '^.+\\.ts$': 'ts-jest',
  },
};
