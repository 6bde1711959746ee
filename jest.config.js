/**
 * One jest run covers every test: engine units (beside the code in __tests__/), adapters,
 * the CLI, and the end-to-end browser tests in tests/e2e (which use the production build).
 * Type checking is done once by `npm run typecheck`, so ts-jest only transpiles (fast).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/__tests__/**/*.test.ts?(x)', '<rootDir>/tests/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
  },
  moduleNameMapper: {
    '\\.(css|png|svg)$': '<rootDir>/tests/support/file-stub.js',
  },
  // Generous: CI shares two cores; a hang still ends, and speed is measured in bench/, not here.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
