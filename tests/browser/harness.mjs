// Shared set-up for the browser tests: the served page, a fresh Chromium, the CLI, and a
// record of every request so that tests can fail on any that leaves the page's origin.
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through \`cargo xtask test\``);
  return v;
}

/** Start `cargo xtask serve --no-build --port 0` and resolve with its address. */
export function startServer() {
  const proc = spawn(need('XTASK_BIN'), ['serve', '--no-build', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server printed no address: ${out}`)), 15000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], stop: () => proc.kill() });
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/**
 * A headless Chromium with no background networking. Playwright gives it a fresh temporary
 * profile; each test opens its own context, so storage never leaks between tests.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: need('CHROMIUM'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every request of every context goes to one log for the whole suite; `cargo xtask test`
  // fails if any left the machine (anything but the local server, file:, data: and blob:).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    // A request the page's Content-Security-Policy blocked never left; every other did (or
    // tried to, which counts too).
    context.on('requestfinished', (req) => recordRequest(req.url(), 'sent'));
    context.on('requestfailed', (req) => recordRequest(req.url(), /^csp$|BLOCKED_BY_CSP/i.test(req.failure()?.errorText ?? '') ? 'blocked' : 'failed'));
    return context;
  };
  browser.newPage = async (options) => (await browser.newContext(options)).newPage();
  return browser;
}

/** Collect console errors, page errors and requests to other origins. */
export function watch(page, origin) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request left the page's origin: ${url}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return problems;
}

/** `caseflow run ... --format json`, parsed. */
export function caseflowRun(args) {
  const out = execFileSync(need('CASEFLOW_BIN'), ['run', ...args, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Where screenshots go, for a human to look at. */
export function screenshotPath(name) {
  const dir = join(root, 'target', 'browser');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** Where the suite's requests are logged (`cargo xtask test` checks it after the suite). */
export const requestLog = join(root, 'target', 'browser', 'requests.log');

/** One line per request: `sent|failed|blocked URL`. */
function recordRequest(url, outcome) {
  mkdirSync(dirname(requestLog), { recursive: true });
  appendFileSync(requestLog, `${outcome} ${url.slice(0, 300)}\n`);
}

/**
 * The local server and a fresh Chromium for one test file: started before its tests, stopped
 * after them. Use as `const env = useServerAndBrowser();` then `env.server`, `env.browser`.
 */
export function useServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/** Wait until the page has started and the results on screen belong to the scenario on screen. */
export async function settle(page) {
  await page.waitForFunction(() => window.caseflow !== undefined);
  await page.evaluate(() => window.caseflow.idle());
}

/**
 * A page at `viewport` in a fresh context (empty storage; `options` for the context, such as
 * `acceptDownloads`), its problems watched, settled.
 */
export async function openPage(env, viewport = { width: 1280, height: 720 }, options = {}) {
  const context = await env.browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = watch(page, env.server.url.replace(/\/$/, ''));
  await page.goto(env.server.url);
  await settle(page);
  return { page, problems };
}
