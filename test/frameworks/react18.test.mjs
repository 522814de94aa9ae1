import { describeFrameworkApp } from './app-suite.mjs';

describeFrameworkApp({
  name: 'React 18',
  dir: 'demo/frameworks/react18',
  build: [
    ['npx', 'tsc', '-b'],
    ['npx', 'vite', 'build']
  ],
  output: 'dist'
});
