// @ts-check
import { describeFrameworkApp } from './app-suite.mjs';

describeFrameworkApp({
  name: 'Vue 3',
  dir: 'demo/frameworks/vue3',
  // `vue-tsc -b` checks both projects of the app (src/ with strictTemplates, and vite.config.ts), as `npm run build` does.
  build: [
    ['npx', 'vue-tsc', '-b'],
    ['npx', 'vite', 'build']
  ],
  output: 'dist'
});
