// The review queue's main task in Debian's Chromium against the real services, keyboard only (ConsoleReviewIT runs
// it): the agent signs in on the form, finds the imported ticket with its sanitised text and candidates, picks the
// correct department and confirms it; the ticket leaves the queue and axe-core finds no violations on it.
// Environment: CONSOLE_URL, CHROMIUM, PLAYWRIGHT_HOME (as for the console's own scripts, see ChromiumScript), AGENT_KEY,
// TICKET (the first 8 characters of the ticket's id, as the queue shows it), EMAIL (the address the ticket was
// written with, which must not show), DEPARTMENT (the correct one).
const { check, accessible, text, inChromium } = await import(process.env.BROWSER_HARNESS);
const { CONSOLE_URL: url, AGENT_KEY: agentKey, TICKET: ticket, EMAIL: email, DEPARTMENT: department } = process.env;

const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.index ?? null);

await inChromium(async ({ page }) => {
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
}, { timeout: 20000 });
