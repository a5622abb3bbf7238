// What every browser test script shares (ChromiumScript runs them and passes this module's URL as BROWSER_HARNESS):
// one Chromium with playwright-core, a page whose script errors are collected, one PASS/FAIL line per check,
// axe-core's WCAG 2.1 A/AA rules, and the verdict ChromiumScript reads (ALL PASSED and exit code 0 only when every
// check passed). Environment: CHROMIUM (the browser binary), PLAYWRIGHT_HOME (where playwright-core and axe-core are
// installed).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.env.PLAYWRIGHT_HOME, 'node_modules', '.'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let failures = 0;

/** Prints one line for the check; a false condition fails the run. */
export function check(name, condition, detail = '') {
  console.log(`${condition ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (!condition) failures++;
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now; every violation is reported with its nodes. */
export async function accessible(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) =>
    `${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1).join(' ')})`).join(', ')}`);
  check(`${name} has no axe-core violations`, violations.length === 0, violations.join('; '));
}

/** The text of the first element matching {@code selector} ('' when it has none). */
export async function text(page, selector) {
  return (await page.locator(selector).textContent()) ?? '';
}

/**
 * Runs {@code steps({ page, context })} in a fresh Chromium page (1400×1000; {@code timeout} ms per action), then
 * checks that no page script failed, prints the verdict and exits. A step that throws fails the run, with what each
 * page showed when it stopped.
 */
export async function inChromium(steps, { timeout = 15000 } = {}) {
  const started = Date.now();
  const scriptErrors = [];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    // bypassCSP only lets the test inject axe-core; the console's own scripts run under its CSP.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await steps({ page, context });
    check('no script errors', scriptErrors.length === 0, scriptErrors.join('; '));
  } catch (error) {
    check('the run finished', false, error.stack ?? String(error));
    console.log(`SCRIPT ERRORS ${scriptErrors.join('; ')}`);
    for (const shown of browser.contexts().flatMap((c) => c.pages())) {
      const main = await shown.evaluate(() => document.querySelector('main')?.innerText ?? '').catch(() => '');
      console.log(`PAGE ${shown.url()}\n${main.substring(0, 3000)}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`${failures === 0 ? 'ALL PASSED' : `${failures} FAILED`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failures === 0 ? 0 : 1);
}
