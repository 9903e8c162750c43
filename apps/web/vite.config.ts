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
 *
 * GIAS uploads are the exception: a whole-country export is about 60 MB. POSTs to the import
 * page (`/p/{slug}/imports`, whose form action streams the file on to the API) and to the
 * API's own upload route may be as large as the API accepts for them: UPLOAD_SIZE_LIMIT,
 * default 100M. The body is streamed, never held in memory, on both paths.
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
      patchUploadLimit(resolve(import.meta.dirname, OUT, 'server', 'adapter-node-handler.js'));
    },
  };
}

/** Paths whose POST bodies are GIAS files: the import pages' form actions (a partnership's, the operator's register) and the API's upload routes. */
const UPLOAD_PATHS = String.raw`^\/(?:p\/[^/?#]+\/imports|platform\/register|api\/v1\/tenants\/[^/?#]+\/school-imports|api\/v1\/platform\/register-imports)\/?(?:[?#]|$)`;

function patchUploadLimit(file: string): void {
  const source = readFileSync(file, 'utf8');
  const limit = /^var body_size_limit = .*;$/m;
  const use = 'bodySizeLimit: body_size_limit';
  if (!limit.test(source) || source.split(use).length !== 2) throw new Error(`adapter-node output changed: cannot set the upload limit in ${file}`);
  writeFileSync(
    file,
    source
      .replace(
        limit,
        (line) =>
          `${line}\n` +
          `var upload_size_limit = parse_as_bytes(env("UPLOAD_SIZE_LIMIT", "100M"));\n` +
          `if (isNaN(upload_size_limit)) throw new Error(\`Invalid UPLOAD_SIZE_LIMIT: '\${env("UPLOAD_SIZE_LIMIT")}'. Please provide a numeric value.\`);\n` +
          `var upload_paths = new RegExp(${JSON.stringify(UPLOAD_PATHS)});`,
      )
      .replace(use, `bodySizeLimit: req.method === "POST" && upload_paths.test(req.url ?? "") ? Math.max(upload_size_limit, body_size_limit) : body_size_limit`),
  );
}

/** sha256 of the style attribute of SvelteKit's route announcer (@sveltejs/kit src/runtime/components/root.svelte). */
const ANNOUNCER_STYLE_SHA256 = 'S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

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
          // SvelteKit's own route announcer (a visually hidden live region added after hydration on
          // every page) carries a fixed style attribute. Allow exactly that one attribute by its hash;
          // any other inline style stays blocked. (e2e/test/support/browser.ts fails on any violation.)
          'style-src-attr': ['unsafe-hashes', `sha256-${ANNOUNCER_STYLE_SHA256}`],
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
