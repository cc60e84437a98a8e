/**
 * The playground in a real browser (Debian's chromium via playwright-core) against the app
 * on an ephemeral port. Expected texts are PyTorch 1.13's, recorded in the shared cases
 * (023: x.grad = tensor(-218.4626); 026: A.grad all ones) and the API example (tensor(8.)).
 * Screenshots go to test/artifacts/.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, buildBundle, launchChromium, skipReason, startServer } from './browser.js';

const QUADRATIC = 'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x**2 + 4*x + 3\ny.backward()\nprint(x.grad)\n';
const FAILING = 'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * 3\nz = y + foo\nz.backward()\n';

const skip = skipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== null)('playground page in chromium', () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** everything a page did that it should not: CSP violations, errors, requests elsewhere */
  const problems: string[] = [];

  beforeAll(async () => {
    buildBundle();
    ({ app, base } = await startServer());
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  async function open(url = '/', options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', acceptDownloads: true, ...options });
    contexts.push(context);
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    });
    const test = expect.getState().currentTestName;
    page.on('console', (m) => {
      // the browser logs every 4xx; a failing program's picture is a 422 by design
      if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(`${test}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${test}: page error: ${e.message}`));
    page.on('request', (r) => {
      if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(base)) problems.push(`${test}: request to ${r.url()}`);
    });
    await page.goto(new URL(url, base).href);
    await settled(page);
    return page;
  }

  /** Waits for the run or redraw in flight to finish. */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => !document.body.classList.contains('busy') && document.getElementById('status')!.textContent !== '');
  }

  /** Types as a person does (insertText would let Chrome's own editing add styled spans). */
  async function typeProgram(page: Page, program: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type(program);
  }

  const editorText = (page: Page) => page.evaluate(() => [...document.getElementById('editor')!.shadowRoot!.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
  const stdout = (page: Page) => page.textContent('#stdout');
  const gradRows = (page: Page) =>
    page.$$eval('#grads tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));

  it('picks an example, runs it with the button and with Ctrl+Enter, and shows output, gradients and the graph', async () => {
    const page = await open();
    await page.selectOption('#example', 'sin-exp');
    expect(await editorText(page)).toContain('y = torch.sin((x + 2) + (1 + torch.exp(x ** 2)))');
    await page.click('#run');
    await settled(page);
    expect(await stdout(page)).toBe('tensor(-218.4626)\ntensor(0.0920, grad_fn=<SinBackward0>)\n');
    await page.locator('#graph svg g.node.gv-leaf').hover();
    await page.screenshot({ path: join(ARTIFACTS, 'playground-sin-exp.png') });

    await page.selectOption('#example', 'quadratic');
    expect(await editorText(page)).toBe(QUADRATIC);
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForFunction(() => document.getElementById('stdout')!.textContent === 'tensor(8.)\n');
    await settled(page);
    expect(await gradRows(page)).toEqual([['x', '()', 'float32', '8.']]);
    // x, PowBackward0, MulBackward0 and the two AddBackward0
    expect(await page.locator('#graph svg g.node').count()).toBe(5);
    expect(await page.locator('#graph svg g.edge').count()).toBe(5);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-light.png') });
  });

  it('hovering a node shows its full value and gradient and marks its source line', async () => {
    const page = await open();
    const leaf = page.locator('#graph svg g.node.gv-leaf');
    await leaf.hover();
    const info = await page.textContent('#node-info');
    expect(info).toContain('AccumulateGrad');
    expect(info).toMatch(/Value \(\) float32\s*2\./);
    expect(info).toContain('Line2: x = torch.tensor(2.0, requires_grad=True)');
    expect(info).toMatch(/Gradient\s*8\./);
    const marked = await page.evaluate(() => {
      const lines = [...document.getElementById('editor')!.shadowRoot!.querySelectorAll('.cm-line')];
      return lines.flatMap((l, i) => (l.classList.contains('gv-hover-line') ? [i + 1] : []));
    });
    expect(marked).toEqual([2]);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-hover.png') });
  });

  it("marks a failing program's line and shows Python's error", async () => {
    const page = await open();
    await typeProgram(page, FAILING);
    await page.click('#run');
    await settled(page);
    expect(await page.textContent('#error pre')).toBe("NameError: name 'foo' is not defined");
    const marked = await page.evaluate(() => {
      const lines = [...document.getElementById('editor')!.shadowRoot!.querySelectorAll('.cm-line')];
      return lines.flatMap((l, i) => (l.classList.contains('gv-error-line') ? [i + 1] : []));
    });
    expect(marked).toEqual([4]);
    expect(await page.textContent('#graph')).toContain("NameError: name 'foo' is not defined");
    await page.screenshot({ path: join(ARTIFACTS, 'playground-error.png') });
  });

  it('re-draws with other drawing options without running the program again', async () => {
    const page = await open();
    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posted.push(new URL(r.url()).pathname);
    });
    const aspect = () => page.$eval('#graph svg', (s) => (s as SVGSVGElement).viewBox.baseVal.width / (s as SVGSVGElement).viewBox.baseVal.height);
    expect(await aspect()).toBeLessThan(1); // top to bottom: taller than wide
    await page.selectOption('#opt-rankdir', 'LR');
    await settled(page);
    await page.waitForFunction(() => {
      const vb = document.querySelector<SVGSVGElement>('#graph svg')!.viewBox.baseVal;
      return vb.width > vb.height;
    });
    await page.uncheck('#opt-grads');
    await settled(page);
    await page.waitForFunction(() => !document.querySelector('#graph svg')!.textContent!.includes('∇'));
    expect(posted).toEqual(['/graph', '/graph']);

    // zoom changes the viewBox; Fit restores it
    const box = () => page.$eval('#graph svg', (s) => s.getAttribute('viewBox'));
    const fitted = await box();
    await page.click('#zoom-in');
    expect(await box()).not.toBe(fitted);
    await page.click('#zoom-fit');
    expect(await box()).toBe(fitted);
    // the wheel zooms, a drag pans
    const area = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, -300);
    const zoomed = (await box())!.split(' ').map(Number);
    expect(zoomed[2]).toBeLessThan(Number(fitted!.split(' ')[2]));
    await page.mouse.down();
    await page.mouse.move(area.x + area.width / 2 + 80, area.y + area.height / 2 + 40, { steps: 4 });
    await page.mouse.up();
    const panned = (await box())!.split(' ').map(Number);
    expect(panned[0]).toBeLessThan(zoomed[0]);
    expect(panned[1]).toBeLessThan(zoomed[1]);
    expect(panned[2]).toBe(zoomed[2]);
  });

  it('downloads SVG, PNG and DOT, and the snippets reproduce the picture from its URL', async () => {
    const page = await open();
    const get = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const svg = await get('#dl-svg');
    expect(svg.name).toBe('gradviz-graph.svg');
    expect(svg.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await get('#dl-png');
    expect(png.name).toBe('gradviz-graph.png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const dot = await get('#dl-dot');
    expect(dot.bytes.toString()).toMatch(/^digraph /);

    const md = await page.inputValue('#snippet-md');
    const url = /^!\[autograd graph\]\((.+)\)$/.exec(md)![1];
    const img = await page.inputValue('#snippet-img');
    expect(img).toBe(`<img src="${url.replace(/&/g, '&amp;')}" alt="autograd graph">`);
    expect(new URL(url).searchParams.get('program')).toBe(QUADRATIC);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const fromUrl = await res.text();
    expect(fromUrl.match(/<g id="gv-[^"]*" class="node/g)).toHaveLength(5);
  });

  it('the share link opens the page with the program and the options', async () => {
    const page = await open();
    await typeProgram(page, 'import torch\nA = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)\ny = torch.sum(A)\ny.backward()\nprint(A.grad)\n');
    await page.selectOption('#opt-style', 'torchviz');
    await page.click('#run');
    await settled(page);
    const link = await page.inputValue('#share');
    expect(link.startsWith(`${base}/#program=`)).toBe(true);

    const again = await open(link);
    expect(await editorText(again)).toContain('y = torch.sum(A)');
    expect(await again.inputValue('#opt-style')).toBe('torchviz');
    expect(await stdout(again)).toBe('tensor([[1., 1., 1.],\n        [1., 1., 1.]])\n');
    expect(await gradRows(again)).toEqual([['A', '(2, 3)', 'float32', '[[1., 1., 1.],\n [1., 1., 1.]]']]);
  });

  it('follows a dark system setting, in the page and in the picture', async () => {
    const page = await open('/', { colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(11, 17, 32)');
    const fill = await page.$eval('#graph svg g.graph > polygon', (p) => p.getAttribute('fill'));
    expect(fill).not.toBe('#ffffff');
    expect(await page.$eval('#editor', (e) => getComputedStyle(e.shadowRoot!.querySelector('.cm-editor')!).backgroundColor)).toBe('rgb(17, 24, 39)');
    await page.screenshot({ path: join(ARTIFACTS, 'playground-dark.png') });
  });

  it('is readable on a phone: one column, nothing wider than the screen', async () => {
    const page = await open('/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const [code, picture] = await Promise.all([page.locator('.pane.code').boundingBox(), page.locator('.pane.picture').boundingBox()]);
    expect(picture!.y).toBeGreaterThanOrEqual(code!.y + code!.height);
    expect(await page.locator('#graph svg g.node').count()).toBe(5);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-phone.png'), fullPage: true });
  });

  it('speaks Japanese to a Japanese browser, leaving PyTorch text as it is', async () => {
    const page = await open('/', { locale: 'ja-JP' });
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.textContent('#run span')).toBe('実行');
    expect(await page.textContent('#grads thead')).toContain('勾配');
    expect(await stdout(page)).toBe('tensor(8.)\n');
    await page.screenshot({ path: join(ARTIFACTS, 'playground-ja.png') });
  });

  it('works from the keyboard: focus order, visible focus, Tab leaves the editor', async () => {
    const page = await open();
    await page.focus('#example');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('run');
    expect(await page.$eval('#run', (b) => getComputedStyle(b).outlineStyle)).toBe('solid');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('editor');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.id)).not.toBe('editor');

    // the graph: one stop for the viewport, one for its nodes; arrows walk the nodes
    await page.focus('#graph');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.classList.contains('node'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.isVisible('#node-info')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('dl-svg');
  });

  it('the pages caused no CSP violation, script error or request beyond the service', () => {
    expect(problems).toEqual([]);
  });
});
