import { describeFrameworkApp } from './app-suite.mjs';

describeFrameworkApp({
  name: 'React 19',
  dir: 'demo/frameworks/react19',
  build: [
    ['npx', 'tsc', '-b'],
    ['npx', 'vite', 'build']
  ],
  output: 'dist'
});
