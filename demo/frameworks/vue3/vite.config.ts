import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { isCustomElement } from 'os-widgets/vue';

// https://vite.dev/config/
export default defineConfig({
  // `isCustomElement` tells Vue's template compiler to leave `<os-*>` tags to the browser.
  plugins: [vue({ template: { compilerOptions: { isCustomElement } } })]
});
