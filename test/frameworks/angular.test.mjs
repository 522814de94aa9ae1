// @ts-check
import { describeFrameworkApp } from './app-suite.mjs';

// No analytics prompt or telemetry from the Angular CLI (angular.json also says `"analytics": false`).
process.env.NG_CLI_ANALYTICS = 'false';

describeFrameworkApp({
  name: 'Angular 21',
  dir: 'demo/frameworks/angular',
  // `ng build` (the @angular/build application builder, production configuration) type-checks the templates with
  // strictTemplates, then bundles; it writes the site to dist/browser.
  build: [['npx', 'ng', 'build']],
  output: 'dist/browser'
});
