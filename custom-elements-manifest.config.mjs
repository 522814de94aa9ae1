export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['**/*.styles.ts'],
  litelement: true
};
