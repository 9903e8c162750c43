import adapter from '@sveltejs/adapter-node';
import type { Adapter } from '@sveltejs/kit';
import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const OUT = 'build';

/**
 * adapter-node 6 fixes the public origin at build time (`paths.origin`) and otherwise
 * assumes https. We build once and run on many addresses (http://localhost:3000 locally,
 * a random port in the browser tests, https behind a proxy in production), so the built
 * server reads ORIGIN when it starts, as adapter-node used to. Without ORIGIN it falls back
 * to the adapter's own rule (PROTOCOL_HEADER/HOST_HEADER, or https + Host).
 *
 * It also raises the default BODY_SIZE_LIMIT from 512K to the API's own limit (1M), since
 * every /api request passes through this server; BODY_SIZE_LIMIT still overrides it.
 * (This module is evaluated before the adapter's handler reads its settings.)
 */
function nodeAdapter(): Adapter {
  const base = adapter({ out: OUT });
  return {
    ...base,
    async adapt(builder) {
      await base.adapt(builder);
      const file = resolve(import.meta.dirname, OUT, 'adapter-node.js');
      const source = readFileSync(file, 'utf8');
      const line = /^export const origin = (.*);$/m;
      if (!line.test(source)) throw new Error(`adapter-node output changed: no origin export in ${file}`);
      writeFileSync(
        file,
        source.replace(
          line,
          (_, built: string) =>
            `process.env.BODY_SIZE_LIMIT ??= '1M';\n` +
            `const built_origin = ${built};\n` +
            `function runtime_origin() {\n` +
            `  const value = process.env.ORIGIN;\n` +
            `  if (!value) return built_origin;\n` +
            `  try { return new URL(value).origin; } catch { throw new Error('ORIGIN must be a full address such as https://partnerships.example or http://localhost:3000, not ' + JSON.stringify(value)); }\n` +
            `}\n` +
            `export const origin = runtime_origin();`,
        ),
      );
    },
  };
}

// SvelteKit 3 takes its options here (svelte.config.js is rejected).
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: nodeAdapter(),
      // Nonces for the scripts SvelteKit inlines; everything else from our own origin only.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self'],
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
          'base-uri': ['self'],
          'object-src': ['none'],
        },
      },
    }),
  ],
});
