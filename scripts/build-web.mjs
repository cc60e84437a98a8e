#!/usr/bin/env node
/**
 * Builds the playground page: static/src/main.ts and static/src/style.css are bundled by
 * esbuild (minified, no CDN: CodeMirror comes from node_modules) into static/dist/ under
 * content-hashed names, and static/src/index.html is written there pointing at them.
 * Hashed names let routes/static.ts cache the assets forever; index.html itself is
 * revalidated by ETag. Prints the gzipped size and fails above the 300 KB budget.
 * Files are replaced by rename and stale ones removed last, so a build running beside
 * another (two test files) or beside a server reading the folder never shows half a page.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'static', 'src');
const OUT = join(ROOT, 'static', 'dist');
const BUDGET_GZIP = 300 * 1024;

async function bundle(entry, loader) {
  const result = await build({
    entryPoints: [join(SRC, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    ...(loader ? { loader } : {}),
  });
  return Buffer.from(result.outputFiles[0].contents);
}

function writeAtomic(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

function hashed(name, bytes) {
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-${hash}${name.slice(dot)}`;
}

export async function buildWeb({ quiet = false } = {}) {
  const js = await bundle('main.ts');
  const css = await bundle('style.css');
  const files = { 'app.js': js, 'app.css': css };
  mkdirSync(OUT, { recursive: true });
  let html = readFileSync(join(SRC, 'index.html'), 'utf8');
  const sizes = [];
  for (const [name, bytes] of Object.entries(files)) {
    const file = hashed(name, bytes);
    writeAtomic(join(OUT, file), bytes);
    if (!html.includes(`/assets/${name}`)) throw new Error(`index.html does not reference /assets/${name}`);
    html = html.replaceAll(`/assets/${name}`, `/assets/${file}`);
    sizes.push([file, bytes.length, gzipSync(bytes, { level: 9 }).length]);
  }
  writeAtomic(join(OUT, 'index.html'), html);
  const keep = new Set(['index.html', ...sizes.map(([file]) => file)]);
  for (const stale of readdirSync(OUT)) if (!keep.has(stale) && !stale.endsWith('.tmp')) rmSync(join(OUT, stale), { force: true });
  sizes.push(['index.html', Buffer.byteLength(html), gzipSync(html, { level: 9 }).length]);
  const total = sizes.reduce((s, [, , gz]) => s + gz, 0);
  if (!quiet) {
    for (const [file, raw, gz] of sizes) console.log(`  static/dist/${file}  ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`);
    console.log(`playground: ${(total / 1024).toFixed(1)} KB gzipped in all (budget ${BUDGET_GZIP / 1024} KB)`);
  }
  if (total > BUDGET_GZIP) throw new Error(`the playground is ${total} bytes gzipped, over the ${BUDGET_GZIP} byte budget`);
  return { files: [...keep], gzipBytes: total };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
