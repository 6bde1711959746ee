// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules a pure layer may not import: no Office, files, UI or Node built-ins (DESIGN.md). */
const IMPURE = (layer) => [
  { group: ['office-js', '@microsoft/office-js', 'office-addin-*'], message: `${layer} is pure: no Office.js.` },
  { group: ['exceljs', 'exceljs/*'], message: `${layer} is pure: no ExcelJS.` },
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'], message: `${layer} is pure: no UI.` },
  {
    group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'util', 'stream', 'events', 'url', 'buffer', 'http', 'https', 'zlib', 'worker_threads'],
    message: `${layer} is pure: no Node built-ins.`,
  },
];

/** Import patterns reaching into another layer: `../excel`, `../../excel/x`, ... */
const layers = (names) => names.flatMap((name) => [`**/${name}`, `**/${name}/*`]);

/** src/core and src/workbook: pure, and independent of every face (and core of workbook). */
function pureLayer(dir, forbidden) {
  return [
    {
      files: [`${dir}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...IMPURE(dir),
              { group: layers(forbidden), message: `${dir} must not depend on ${forbidden.join(', ')}.` },
            ],
          },
        ],
        'no-restricted-globals': ['error', { name: 'Office', message: `${dir} is pure` }, { name: 'Excel', message: `${dir} is pure` }],
      },
    },
  ];
}

/** A face imports core and workbook through their index.ts only, and never the faces named. */
function faceBoundary(dir, forbidden) {
  return {
    files: [`${dir}/**/*.ts`, `${dir}/**/*.tsx`],
    ignores: [
      `${dir}/**/__tests__/**`,
      // Owned by parallel issues (11: excel highlights; 15: xlsx readers): their deep core
      // imports move to the index when those branches merge.
      'src/excel/highlights.ts',
      'src/xlsx/readWorkbook.ts',
      'src/xlsx/streamWorkbook.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/*', '**/workbook/*'], message: 'Import core and workbook through their index.ts (../core, ../workbook).' },
            ...(forbidden.length > 0
              ? [{ group: layers(forbidden), message: `${dir} must not import ${forbidden.join(', ')}: write plans from src/workbook instead.` }]
              : []),
          ],
        },
      ],
    },
  };
}

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
  ...pureLayer('src/core', ['excel', 'taskpane', 'xlsx', 'cli', 'functions', 'workbook']),
  ...pureLayer('src/workbook', ['excel', 'taskpane', 'xlsx', 'cli', 'functions']),
  // Faces reach core and workbook only through their index.ts; the two writers never import each other.
  faceBoundary('src/excel', ['xlsx']),
  faceBoundary('src/xlsx', ['excel']),
  faceBoundary('src/cli', []),
  faceBoundary('src/functions', []),
  faceBoundary('src/taskpane', []),
);
