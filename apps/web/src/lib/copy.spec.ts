import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { count, noun, pluralOf } from './plural.ts';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string, ends: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path, ends);
    return ends.some((end) => name.endsWith(end)) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Each line of each page and module, with where it is, for the checks below. */
function linesOf(ends: string[]): { where: string; line: string }[] {
  return sources(SRC, ends).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ where: `${relative(SRC, file)}:${i + 1}`, line })),
  );
}

describe('counts agree with their nouns', () => {
  it.each([
    [0, 'invoice', '0 invoices'],
    [1, 'invoice', '1 invoice'],
    [2, 'invoice', '2 invoices'],
    [1204, 'school', '1,204 schools'],
    [1, 'member school', '1 member school'],
    [3, 'person', '3 people'],
    [1, 'person', '1 person'],
    [2, 'class', '2 classes'],
  ])('%i %s → %s', (n, word, expected) => {
    expect(count(n, word)).toBe(expected);
  });

  it('gives the noun alone, and takes an explicit plural', () => {
    expect(noun(1, 'was', 'were')).toBe('was');
    expect(noun(4, 'was', 'were')).toBe('were');
    expect(count(2, 'new certificate')).toBe('2 new certificates');
    expect(pluralOf('pupil')).toBe('pupils');
  });

  // "1 invoices": a number written straight before a plural noun. Counts go through count() instead.
  const NOUNS = 'invoices|schools|members|member schools|pupils|ballots|orders|services|certificates|people|prospects|partnerships|days|reminders';
  const BARE = new RegExp(String.raw`\$?\{([^{}]*)\} (${NOUNS})\b`, 'g');
  it('no page or module writes "{n} invoices" without count()', () => {
    const found: string[] = [];
    for (const { where, line } of linesOf(['.svelte', '.ts'])) {
      for (const match of line.matchAll(BARE)) {
        const expr = match[1] ?? '';
        const before = line.slice(0, match.index);
        const after = line.slice((match.index ?? 0) + match[0].length);
        // Not a count: a list of names, or a range ("5 to 10 pupils", "10 or more pupils").
        if (/list\(|join\(|phaseLabel/.test(expr) || /\bto \$?$/.test(before) || /^ or more/.test(after) || / to \$\{/.test(after.slice(0, 4))) continue;
        if (/=== 1 \?/.test(line)) continue;
        found.push(`${where}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('words do not run together', () => {
  // Svelte 5 drops the whitespace at the start of a block, so "paid.{#if x} Questions" renders
  // as "paid.Questions", and "Free trial{#if x} <span>(trial ends" as "Free trial(trial ends".
  it('no {#if}/{:else} block starts with a space that Svelte would drop', () => {
    const found = linesOf(['.svelte'])
      .filter(({ line }) => /\{(#if|:else|:else if)\b[^}]*\} +[^\s{]/.test(line))
      .map(({ where, line }) => `${where}: ${line.trim().slice(0, 120)}`);
    expect(found).toEqual([]);
  });

  it('Svelte does drop that space (so the check above is needed), and {" "} keeps it', () => {
    const dropped = compile(`<p>A.{#if x} Questions{/if}</p>`, { generate: 'server' }).js.code;
    expect(dropped).toContain('Questions');
    expect(dropped).not.toContain(' Questions');
    const kept = compile(`<p>A.{#if x}{' '}Questions{/if}</p>`, { generate: 'server' }).js.code;
    expect(kept).toMatch(/ Questions/);
  });
});

describe('the Content-Security-Policy', () => {
  it('allows, by hash, exactly the style attribute of SvelteKit’s route announcer', async () => {
    const { createHash } = await import('node:crypto');
    const root = readFileSync(join(SRC, '..', 'node_modules', '@sveltejs', 'kit', 'src', 'runtime', 'components', 'root.svelte'), 'utf8');
    const style = root.match(/id="svelte-announcer"[\s\S]*?style="([^"]+)"/)?.[1];
    expect(style).toBeTruthy();
    const config = readFileSync(join(SRC, '..', 'vite.config.ts'), 'utf8');
    const hash = config.match(/ANNOUNCER_STYLE_SHA256 = '([^']+)'/)?.[1];
    expect(hash).toBe(createHash('sha256').update(style ?? '').digest('base64'));
  });

  it('no page sets a style attribute of its own (the policy blocks it)', () => {
    const found = linesOf(['.svelte'])
      .filter(({ line }) => /\sstyle=["{]/.test(line))
      .map(({ where }) => where);
    expect(found).toEqual([]);
  });
});
