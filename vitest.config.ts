import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // every temporary file a test or the command it runs makes goes under one folder, removed after
    globalSetup: ['test/temp-root.ts'],
  },
});
