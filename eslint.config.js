// Lint rules for the site's JavaScript: the test, benchmark and tool scripts under tests/, which
// run in Node and, inside `page.evaluate` and friends, in the browser.

import js from '@eslint/js';
import globals from 'globals';

export default [
  // Built output and generated files, as .gitignore lists them.
  { ignores: ['target/', 'dist/', 'screenshots/', 'bench-results/'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
  },
];
