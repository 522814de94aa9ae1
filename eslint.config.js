// @ts-check
// ESLint for the whole repository (`npm run lint`, part of `npm test`): typescript-eslint, eslint-plugin-lit and
// eslint-plugin-wc on the elements, plain recommended rules on the Node scripts and the emulator. Formatting is
// Prettier's job (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'demo/frameworks/**',
      'docs/**',
      '.screenshots-tmp/**',
      'custom-elements.json'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Relative imports name the file they load, `.js` included (house style; what browsers and Node need).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^\\.\\.?\\//]:not([source.value=/\\.(js|mjs|ts|json|css)$/])',
          message: 'Relative imports end in .js (the emitted file), e.g. ./hub.js.'
        }
      ],
      // No test left focused.
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'Remove .only before committing.' },
        { object: 'it', property: 'only', message: 'Remove .only before committing.' }
      ]
    }
  },
  // The layers (README, "Architecture"): what each folder of src/ may import.
  {
    files: ['src/connection/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '**/components/**', '**/controllers/**', '**/i18n/**', '**/models/**'],
              message: 'connection/ knows STOMP, tokens and reconnects, nothing of the DOM or the elements.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/models/**/*.ts', 'src/events/**/*.ts', 'src/i18n/**/*.ts', 'src/controllers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/components/**'], message: 'Only src/index.ts and the framework entries import the elements.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/models/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '**/components/**', '**/controllers/**', '**/connection/**'],
              message: 'models/ is pure, DOM-free state.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/components/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/directives/repeat.js',
              message:
                'repeat() leaves comment markers behind in lit-html 3.3 (lit/lit#5010): use keyedList() from internal/keyed-list.js.'
            }
          ],
          patterns: [
            {
              group: ['**/connection/**', '@stomp/*'],
              allowTypeImports: true,
              message: 'Elements reach the connection through a controller; only types from connection/.'
            }
          ]
        }
      ]
    }
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' }
  },
  {
    files: ['src/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
      // Lit elements attach their own shadow roots and register through our guarded define().
      'wc/guard-super-call': 'off'
    }
  }
);
