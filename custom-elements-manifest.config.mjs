export default {
  // The base classes in src/internal/ are read too, so each element lists the attributes it inherits.
  globs: ['src/components/**/*.ts', 'src/internal/os-element.ts', 'src/internal/os-connected-element.ts'],
  exclude: ['**/*.styles.ts'],
  litelement: true,
  // package.json names custom-elements.json itself; the manifest check writes elsewhere and must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order it finished reading them; sort them so the output is stable.
      name: 'os-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      }
    }
  ]
};
