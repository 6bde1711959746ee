// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build-tsc/**', 'node_modules/**', 'lib/**', 'coverage/**', '.tmp/**', 'tests/support/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: {
      // Security: no dynamic code, no HTML injection (issue 7).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML injection: render text.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine stays pure: no Office, files, UI or Node built-ins (DESIGN.md).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['office-js', '@microsoft/office-js', 'office-addin-*'], message: 'src/core is pure: no Office.js.' },
            { group: ['exceljs', 'exceljs/*'], message: 'src/core is pure: no ExcelJS.' },
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'], message: 'src/core is pure: no UI.' },
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'util', 'stream', 'events', 'url', 'buffer', 'http', 'https', 'zlib', 'worker_threads'], message: 'src/core is pure: no Node built-ins.' },
            { group: ['../excel/*', '../../excel/*', '../taskpane/*', '../../taskpane/*', '../xlsx/*', '../../xlsx/*', '../cli/*', '../../cli/*', '../functions/*', '../../functions/*'], message: 'src/core must not depend on a face.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Office', message: 'src/core is pure' }, { name: 'Excel', message: 'src/core is pure' }],
    },
  },
);
