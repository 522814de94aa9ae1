export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['**/*.styles.ts'],
  litelement: true,
  // package.json names custom-elements.json itself; the manifest check writes elsewhere and must not rewrite it.
  packagejson: false
};
