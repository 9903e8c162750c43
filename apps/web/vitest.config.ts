import { defineConfig } from 'vitest/config';

// Unit tests for plain modules (no Svelte plugin needed); pages are covered by the browser tests in e2e/.
export default defineConfig({
  test: { include: ['src/**/*.spec.ts'] },
});
