// Signing in with OpenID Connect in Debian's Chromium, keyboard only (OidcSignInIT runs it): the sign-in form offers
// "Sign in with <provider>", Enter goes to the (fake) provider and back signed in; sign-out goes through the
// provider's end-session page back to the form. Environment: CONSOLE_URL, CHROMIUM, PLAYWRIGHT_HOME.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.env.PLAYWRIGHT_HOME, 'node_modules', '.'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const url = process.env.CONSOLE_URL;

let failures = 0;
function check(name, condition, detail = '') {
  console.log(`${condition ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (!condition) failures++;
}

async function accessible(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  check(`${name} has no axe-core violations`, violations.length === 0, violations.join('; '));
}

const scriptErrors = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  // bypassCSP only lets the test inject axe-core; the console's own scripts run under its CSP.
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (error) => scriptErrors.push(error.message));

  await page.goto(url);
  const link = page.getByRole('link', { name: 'Sign in with Contoso ID' });
  await link.waitFor();
  check('the provider link has focus on arrival', await page.evaluate(() => document.activeElement?.id === 'sign-in-oidc'));
  check('no API-key field while API-key sign-in is off', await page.locator('#api-key').count() === 0);
  await accessible(page, 'OIDC sign-in');
  await page.keyboard.press('Enter');
  await page.locator('#who:has-text("ana@example.test")').waitFor();
  check('back from the provider signed in', page.url().startsWith(url));
  await page.getByRole('link', { name: 'Rules' }).waitFor();
  check('the analyst sees the Rules page', true);
  const status = await page.evaluate(async () => (await fetch('api/rules')).status);
  check('rules-engine answers with the forwarded token', status === 200, String(status));
  check('no token in the page\'s cookies', !(await context.cookies()).some((c) => c.value.split('.').length === 3));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await link.waitFor();
  check('signed out through the provider and back at the sign-in form', page.url().startsWith(url));
  const after = await page.evaluate(async () => (await fetch('api/rules')).status);
  check('signed out: the API is refused', after === 401, String(after));
  check('no script errors', scriptErrors.length === 0, scriptErrors.join('; '));
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'ALL PASSED' : `${failures} FAILED`);
process.exit(failures === 0 ? 0 : 1);
