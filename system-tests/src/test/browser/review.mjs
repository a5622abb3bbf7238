// The review queue's main task in Debian's Chromium against the real services, keyboard only (ConsoleReviewIT runs
// it): the agent signs in on the form, finds the imported ticket with its sanitised text and candidates, picks the
// correct department and confirms it; the ticket leaves the queue and axe-core finds no violations on it.
// Environment: CONSOLE_URL, CHROMIUM, PLAYWRIGHT_HOME (as for the console's own scripts, see ChromiumScript), AGENT_KEY,
// TICKET (the first 8 characters of the ticket's id, as the queue shows it), EMAIL (the address the ticket was
// written with, which must not show), DEPARTMENT (the correct one).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.env.PLAYWRIGHT_HOME, 'node_modules', '.'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const { CONSOLE_URL: url, AGENT_KEY: agentKey, TICKET: ticket, EMAIL: email, DEPARTMENT: department } = process.env;

let failures = 0;
function check(name, condition, detail = '') {
  console.log(`${condition ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (!condition) failures++;
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now; every violation is reported. */
async function accessible(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  check(`${name} has no axe-core violations`, violations.length === 0, violations.join('; '));
}

const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.index ?? null);

const scriptErrors = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  // bypassCSP only lets the test inject axe-core; the console's own scripts run under its CSP.
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (error) => scriptErrors.push(error.message));

  // Sign-in, keyboard only: the key field has focus on arrival, Enter submits; an agent lands on the queue.
  await page.goto(url);
  await page.locator('#api-key').waitFor();
  check('the key field has focus on arrival', await page.evaluate(() => document.activeElement?.id === 'api-key'));
  await page.keyboard.type(agentKey);
  await page.keyboard.press('Enter');
  const item = page.locator('#queue li.item', { hasText: `ticket ${ticket}` });
  await item.waitFor();
  check('the agent lands on the review queue', (await page.locator('h1').textContent()) === 'Review queue');

  // The imported ticket: sanitised text only, with the candidates classify-service considered.
  const text = (await item.locator('.ticket-text').textContent()) ?? '';
  check('the ticket shows its sanitised text', text.includes('charged twice') && text.includes('<EMAIL>'), text);
  check('the e-mail address shows nowhere on the page', !(await page.locator('body').innerText()).includes(email));
  const candidates = await item.locator('.candidate').allTextContents();
  const wanted = candidates.findIndex((c) => c.includes(department));
  check('the ticket has candidates, the correct department among them', candidates.length > 0 && wanted >= 0,
    candidates.join(' | '));

  // Keyboard only: j to the ticket, its candidate's number, Enter.
  check('the first ticket has focus', await focused(page) === '0');
  const index = Number(await item.getAttribute('data-index'));
  for (let n = 0; n < index; n++) await page.keyboard.press('j');
  check('j reaches the imported ticket', await focused(page) === String(index));
  const picked = async () => (await item.locator('.candidate.picked').textContent()) ?? '';
  // Another candidate's number first (when there is one): the department recorded is the one picked, not the first.
  const other = candidates.findIndex((c) => !c.includes(department));
  if (other >= 0) {
    await page.keyboard.press(String(other + 1));
    check(`${other + 1} picks another candidate`, !(await picked()).includes(department), await picked());
  }
  await page.keyboard.press(String(wanted + 1));
  check(`${wanted + 1} picks ${department}`, (await picked()).includes(department), await picked());
  await accessible(page, 'review queue');
  const before = await page.locator('#queue li.item').count();
  await page.keyboard.press('Enter');
  await page.locator('#review-status:has-text("Recorded")').waitFor();
  const status = (await page.locator('#review-status').textContent()) ?? '';
  check('Enter records the correct department', status.includes(`ticket ${ticket} goes to ${department}`), status);
  check('the ticket leaves the queue', await item.count() === 0
    && await page.locator('#queue li.item').count() === before - 1);
  await accessible(page, 'review queue after the correction');
  check('no script errors', scriptErrors.length === 0, scriptErrors.join('; '));
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'ALL PASSED' : `${failures} FAILED`);
process.exit(failures === 0 ? 0 : 1);
