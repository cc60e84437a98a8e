/**
 * The share link: the program and the drawing options in the URL fragment, so opening the
 * link restores them (a fragment never reaches the server's logs). `?program=` is read too,
 * for links written by hand.
 */
import type { DrawOptions } from './api.js';

export type ThemeChoice = 'auto' | 'light' | 'dark';
export interface PageOptions extends Omit<DrawOptions, 'theme'> {
  theme: ThemeChoice;
}

export const DEFAULT_OPTIONS: PageOptions = { style: 'annotated', theme: 'auto', rankdir: 'TB', show_values: true, show_grads: true };

export function shareUrl(base: string, program: string, o: PageOptions): string {
  const q = new URLSearchParams({ program });
  if (o.style !== DEFAULT_OPTIONS.style) q.set('style', o.style);
  if (o.theme !== DEFAULT_OPTIONS.theme) q.set('theme', o.theme);
  if (o.rankdir !== DEFAULT_OPTIONS.rankdir) q.set('rankdir', o.rankdir);
  if (!o.show_values) q.set('show_values', '0');
  if (!o.show_grads) q.set('show_grads', '0');
  return `${base}#${q.toString().replace(/\+/g, '%20')}`;
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** What a link carries, or null when it carries no program. */
export function readShared(hash: string, search: string): { program: string; options: PageOptions } | null {
  for (const params of [new URLSearchParams(hash.replace(/^#/, '')), new URLSearchParams(search)]) {
    const program = params.get('program');
    if (program === null) continue;
    const d = DEFAULT_OPTIONS;
    return {
      program,
      options: {
        style: pick(params.get('style'), ['annotated', 'torchviz'], d.style),
        theme: pick(params.get('theme'), ['auto', 'light', 'dark'], d.theme),
        rankdir: pick(params.get('rankdir'), ['TB', 'LR'], d.rankdir),
        show_values: params.get('show_values') !== '0',
        show_grads: params.get('show_grads') !== '0',
      },
    };
  }
  return null;
}
