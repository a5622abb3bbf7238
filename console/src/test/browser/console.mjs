// The console driven in Debian's Chromium by playwright-core, one browser for every page (ConsoleBrowserIT runs it).
// Environment: CONSOLE_URL, CHROMIUM (the browser binary), PLAYWRIGHT_HOME (where playwright-core and axe-core are
// installed), SCREENSHOTS (directory for the README's pictures). Exits 0 only when every check passed; prints one
// line per check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { check, accessible, text, inChromium } = await import(process.env.BROWSER_HARNESS);
const url = process.env.CONSOLE_URL;
const shots = process.env.SCREENSHOTS;

await inChromium(async ({ page }) => {
  // Sign-in, keyboard only: the key field has focus, Enter submits.
  await page.goto(url);
  await page.locator('#api-key').waitFor();
  check('the key field has focus on arrival', await page.evaluate(() => document.activeElement?.id === 'api-key'));
  await accessible(page, 'sign-in');
  await page.keyboard.type('not-a-key');
  await page.keyboard.press('Enter');
  await page.locator('#sign-in-status:has-text("not known")').waitFor();
  check('an unknown key is refused', true);
  await page.locator('#api-key').fill('local-analyst-key');
  await page.keyboard.press('Enter');

  // Rules: the active set loads and validates.
  await page.locator('#validation:has-text("Valid")').waitFor();
  const active = await page.locator('#yaml').inputValue();
  check('the editor holds the active rule set', active.includes('id: R001'));

  // An unsupported pattern: the error names line and column as the analyst types.
  const withRule = (pattern, order, department = 'Account Management') => `${active.trimEnd()}\n  - id: R011\n`
    + `    description: Address changes\n    pattern: "${pattern}"\n    regex: true\n    department: ${department}\n`
    + '    urgency: Low\n    confidence: 0.9\n'
    + `    order: ${order}\n`;
  const broken = withRule('(address', 1);
  await page.locator('#yaml').fill(broken);
  await page.locator('#validation:has-text("not publishable")').waitFor();
  const problem = await text(page, '#problems');
  check('an invalid pattern is reported with line and column', /Line \d+, column \d+/.test(problem), problem);
  check('publishing is disabled while the draft is invalid', await page.locator('#publish').isDisabled());

  // A rule that an earlier one shadows (R006 sends "close my account" to Account Management): a warning.
  const shadowed = withRule('close my account', 9, 'Billing');
  await page.locator('#yaml').fill(shadowed);
  await page.locator('#warnings li.shadowed').waitFor();
  const warning = await text(page, '#warnings');
  check('the shadowed rule is named with the rule that shadows it', /R011 is shadowed by R006/.test(warning), warning);
  check('the conflict on a labelled ticket is shown', /R006 \(Account Management\) and R011 \(Billing\) both fire on 1 sample ticket/.test(warning), warning);
  await page.screenshot({ path: join(shots, 'rules-warning.png'), fullPage: true });

  // Fixed: its own pattern, first in order; valid without warnings, the diff shows the new rule.
  const fixed = withRule('(change|update) (my|our|the) (delivery |billing )?address', 1);
  await page.locator('#yaml').fill(fixed);
  await page.locator('#validation:text-is("Valid.")').waitFor();
  check('the fixed draft has no warnings', (await page.locator('#warnings li').count()) === 0);
  const backtest = await text(page, '#backtest');
  check('the backtest counts the labelled tickets', backtest.includes('Backtest on 3 recently labelled tickets'), backtest);
  check('the new rule wins its labelled ticket', /R011\s*1\s*1\s*1\s*100 %/.test(backtest), backtest);
  const diff = await text(page, '#diff');
  check('the diff shows the added rule and nothing removed',
    diff.includes('+   - id: R011') && (await page.locator('#diff .ddel').count()) === 0, diff);

  // Publish with a reason, keyboard only.
  await page.locator('#publish-reason').focus();
  await page.keyboard.type('R011: address changes go to Account Management');
  await page.keyboard.press('Tab');
  check('Tab moves from the reason to Publish', await page.evaluate(() => document.activeElement?.id === 'publish'));
  await page.keyboard.press('Enter');
  await page.locator('#publish-status:has-text("Published as version")').waitFor();
  const published = await text(page, '#publish-status');
  check('publishing answers with the new version', /version 2\b/.test(published), published);
  await page.locator('#active-version:has-text("version 2")').waitFor();

  // The active set now routes an invoice ticket with R011.
  await page.locator('#try-subject').fill('New address');
  await page.locator('#try-description').fill('Please change my billing address to 5 High Street.');
  await page.locator('#try-result').waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await page.locator('#try-result:has-text("R011")').waitFor();
  check('the published rule routes a ticket', (await text(page, '#try-result')).includes('R011 → Account Management'));
  await accessible(page, 'rules');
  await page.screenshot({ path: join(shots, 'rules.png'), fullPage: true });

  // Models: a retraining runs as a job the page polls to its end; the new STAGING version's report shows its
  // precision–coverage curve and confusion matrix (charts with tables); then it is promoted, keyboard only.
  await page.locator('nav a', { hasText: 'Models' }).click();
  await page.locator('#versions-table tbody tr').first().waitFor();
  check('the production version is listed with its stage and score',
    /1\s*PRODUCTION\s*0\.861/.test(await text(page, '#versions-table')), await text(page, '#versions-table'));
  check('no training job yet', (await text(page, '#jobs')).includes('No training job yet'));
  await page.locator('#retrain').focus();
  await page.keyboard.press('Enter');
  await page.locator('#running-job:has-text("training 1/3")').waitFor();
  check('the running job shows its stage and progress',
    (await page.locator('#job-progress').getAttribute('value')) === '1'
      && (await page.locator('#job-progress').getAttribute('max')) === '3');
  await page.locator('#running-job:has-text("succeeded")').waitFor();
  check('the finished job names the new version', (await text(page, '#running-job')).includes('version 2 (STAGING)'),
    await text(page, '#running-job'));
  await page.locator('#versions-table tr[data-version="2"] button.promote').waitFor();
  const staged = await text(page, '#versions-table tr[data-version="2"]');
  check('the new version is STAGING with its score against production\'s', /STAGING\s*0\.912\s*0\.861/.test(staged), staged);
  check('the jobs list shows the finished job', (await text(page, '#jobs-table')).includes('SUCCEEDED'));
  await page.getByRole('button', { name: 'Report of version 2' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#report svg[role="img"]').first().waitFor();
  check('the report has focus', await page.evaluate(() => document.activeElement?.id === 'report-title'));
  check('the precision–coverage curve is an image named for screen readers',
    (await page.getByRole('img', { name: 'Precision against coverage, department' }).count()) === 1);
  check('the confusion matrix is an image named for screen readers',
    (await page.getByRole('img', { name: 'Confusion matrix, department' }).count()) === 1);
  check('the curve is drawn through every point', ((await page.locator('#report path.curve').getAttribute('d')) ?? '')
    .split(/[ML]/).filter(Boolean).length === 5);
  check('the confusion matrix has one cell per pair of labels', (await page.locator('#report rect').count()) === 9);
  const operating = await text(page, '#report table.operating');
  check('the operating points are a table', operating.includes('95.0 %') && operating.includes('81.0 %'), operating);
  const confusion = await page.locator('#report table.confusion tbody tr:nth-child(2)').textContent();
  check('the confusion matrix is also a table', /Shipping\/Delivery\s*2\s*36\s*2/.test(confusion), confusion);
  await accessible(page, 'models');
  await page.screenshot({ path: join(shots, 'models.png'), fullPage: true });

  // The STAGING version's canary share: classify-service's default shown; a share beyond its maximum is refused
  // naming the field and changes nothing; 25 % set from the keyboard, then promoted.
  const shareCell = '#versions-table tr[data-version="2"] td.canary-share';
  check('the staging version shows the default canary share', (await text(page, shareCell)).includes('10.0 % (default)'),
    await text(page, shareCell));
  check('the share field is labelled and holds the share in use',
    (await page.getByLabel('Canary share of version 2 (%)').inputValue()) === '10');
  await page.getByLabel('Canary share of version 2 (%)').fill('80');
  await page.getByLabel('Canary share of version 2 (%)').press('Enter');
  await page.locator('#models-status:has-text("between 0 and 0.5")').waitFor();
  check('a share beyond the maximum is refused naming the field', (await text(page, '#models-status')).includes('share'));
  check('the refused share changes nothing', (await text(page, shareCell)).includes('10.0 % (default)'));
  await page.getByLabel('Canary share of version 2 (%)').fill('25');
  await page.getByLabel('Canary share of version 2 (%)').focus();
  await page.keyboard.press('Tab');
  check('Tab reaches the set button', await page.evaluate(() => document.activeElement?.textContent === 'Set canary share'));
  await page.keyboard.press('Enter');
  await page.locator('#models-status:has-text("answers 25.0 %")').waitFor();
  await page.locator(`${shareCell}:has-text("set by local-analyst")`).waitFor();
  check('the chosen share is listed with who set it', (await text(page, shareCell)).includes('25.0 % (set by local-analyst'),
    await text(page, shareCell));
  check('focus returns to the share field', await page.evaluate(() => document.activeElement?.id === 'canary-2'));
  await page.getByRole('button', { name: 'Promote version 2 to production' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#models-status:has-text("in production")').waitFor();
  check('the promotion is confirmed', (await text(page, '#models-status')).includes('Version 2 is in production'));
  await page.locator('#versions-table button.promote').waitFor({ state: 'detached' });
  check('the previous version is archived and nothing is left to promote',
    (await text(page, '#versions-table tr[data-version="1"]')).includes('ARCHIVED')
      && (await page.locator('#versions-table button.promote').count()) === 0);

  // Training from an uploaded file (Banking77's label column renamed), polled like a retraining; the retirements.
  await page.locator('#upload').focus();
  await page.keyboard.press('Enter');
  await page.locator('#running-job:has-text("Choose a training file first")').waitFor();
  check('an upload without a file asks for one', await page.evaluate(() => document.activeElement?.id === 'training-file'));
  await page.getByLabel('Labelled training file (CSV or JSON Lines)').setInputFiles({ name: 'banking77.csv',
    mimeType: 'text/csv', buffer: Buffer.from(process.env.TRAINING_FILE, 'utf8') });
  await page.getByLabel('Column renames (optional)').fill('category=department');
  await page.locator('#upload').focus();
  await page.keyboard.press('Enter');
  await page.locator('#running-job:has-text("training 2/3")').waitFor();
  check('the upload\'s job shows its stage and progress',
    (await page.locator('#job-progress').getAttribute('value')) === '2' && (await page.locator('#upload').isDisabled()));
  await page.locator('#running-job:has-text("succeeded")').waitFor();
  check('the upload\'s job names the version it registered', (await text(page, '#running-job')).includes('version 3 (NONE)'),
    await text(page, '#running-job'));
  await page.locator('#versions-table tr[data-version="3"]').waitFor();
  check('the uploaded version is listed', (await text(page, '#versions-table tr[data-version="3"]')).includes('NONE'));
  check('both ways to train are open again', !(await page.locator('#upload').isDisabled())
    && !(await page.locator('#retrain').isDisabled()));
  const retired = await text(page, '#retirements-table');
  check('the retirements list the overdue and the done one', /7\s*PENDING \(overdue\)/.test(retired)
    && /5\s*DONE.*6/.test(retired), retired);
  await accessible(page, 'models after an upload');

  check('an analyst sees no review queue', (await page.locator('nav a', { hasText: 'Review queue' }).count()) === 0);

  // Review queue (an agent's key), keyboard only.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#api-key').fill('local-agent-key');
  await page.keyboard.press('Enter');
  // An agent's only page: the console opens it at sign-in (the address still named the analyst's Models page).
  await page.locator('nav a[aria-current="page"]', { hasText: 'Review queue' }).waitFor();
  check('an agent lands on the review queue', new URL(page.url()).hash === '#review', page.url());
  await page.locator('#queue li.item').first().waitFor();
  const queued = await page.locator('#queue li.item').count();
  check('only NEEDS_REVIEW tickets are queued', queued === 2, `${queued} queued`);
  const first = await text(page, '#queue li.item:nth-child(1)');
  check('a queued ticket shows its sanitised text, three candidates and the explanation',
    first.includes('[EMAIL]') && (await page.locator('#queue li.item:nth-child(1) .candidate').count()) === 3
      && first.includes('No tier was confident'), first);
  check('the first ticket has focus', await page.evaluate(() => document.activeElement?.dataset?.index === '0'));
  await page.keyboard.press('j');
  check('j moves to the next ticket', await page.evaluate(() => document.activeElement?.dataset?.index === '1'));
  await page.keyboard.press('k');
  check('k moves back', await page.evaluate(() => document.activeElement?.dataset?.index === '0'));
  await page.keyboard.press('2');
  check('2 picks the second candidate',
    (await text(page, '#queue li.item:nth-child(1) .candidate.picked')).includes('Billing'));
  await accessible(page, 'review queue');
  await page.screenshot({ path: join(shots, 'review.png'), fullPage: true });
  await page.keyboard.press('Enter');
  await page.locator('#review-status:has-text("Recorded")').waitFor();
  check('Enter records the picked department', (await text(page, '#review-status')).includes('goes to Billing'));
  check('the reviewed ticket leaves the queue', (await page.locator('#queue li.item').count()) === 1);
  check('focus stays in the queue', await page.evaluate(() => document.activeElement?.dataset?.index === '0'));
  check('an agent sees the review queue only',
    (await page.locator('nav a').allTextContents()).filter((title) => title !== 'Review queue').length === 0,
    (await page.locator('nav a').allTextContents()).join(', '));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#api-key').fill('local-admin-key');
  await page.keyboard.press('Enter');
  // Field mappings (ADMIN): a draft with a typo is refused naming line, column and field; fixed, it is dry-run on a
  // ticket (the plan and the request it would send) and published with a reason, keyboard only.
  await page.locator('nav a', { hasText: 'Field mappings' }).click();
  await page.locator('#mapping-summary:has-text("Version 1 is in use")').waitFor();
  await page.locator('#mapping-source').focus();
  await page.locator('#mapping-source').selectOption('zendesk');
  await page.locator('#mapping-versions-table caption:has-text("zendesk")').waitFor();
  check('the published version is shown with its history', (await text(page, '#mapping-versions')).includes('suggestions first'));
  const typo = `levels:\n  default: suggest\n  departments: {Billing: automate}\ndepartments:\n  Billling: {group_id: 360001}\n`;
  await page.locator('#mapping-yaml').fill(typo);
  await page.getByRole('button', { name: 'Save and validate' }).click();
  await page.locator('#mapping-problems li').waitFor();
  const mappingProblem = await text(page, '#mapping-problems');
  check('a problem names line, column and field', mappingProblem.includes('Line 5, column 3 (departments.Billling)'), mappingProblem);
  check('an invalid draft cannot be published', await page.locator('#mapping-publish').isDisabled());
  await page.locator('#mapping-yaml').fill(typo.replace('Billling', 'Billing'));
  await page.getByRole('button', { name: 'Save and validate' }).click();
  await page.locator('#mapping-validation:has-text("valid.")').waitFor();
  check('the fixed draft is valid, with its warning', (await text(page, '#mapping-validation')).includes('no urgency field'));
  await page.locator('#dry-run-ticket').fill('7a000000-0000-4000-8000-00000000000a');
  await page.keyboard.press('Enter');
  await page.locator('#dry-run-fields').waitFor();
  const planned = await text(page, '#dry-run');
  check('the dry run shows the level, fields, note and request', planned.includes('automate — Billing / Medium on ZD-3')
    && /group_id\s*360001/.test(planned) && planned.includes('PUT /api/v2/tickets/ZD-3.json'), planned);
  await accessible(page, 'field mappings');
  await page.screenshot({ path: join(shots, 'mappings.png'), fullPage: true });
  await page.locator('#mapping-reason').focus();
  await page.keyboard.type('Billing is automated');
  await page.keyboard.press('Tab');
  check('Tab moves from the reason to Publish', await page.evaluate(() => document.activeElement?.id === 'mapping-publish'));
  await page.keyboard.press('Enter');
  await page.locator('#mapping-publish-status:has-text("Published version 2")').waitFor();
  check('the published version is in use', (await text(page, '#mapping-summary')).includes('Version 2 is in use'));
  check('the previous version is archived', (await text(page, '#mapping-versions-table tr[data-version="1"]')).includes('ARCHIVED'));
  // Rolling back, by keyboard: the archived version with a reason, confirmed in a dialog; Escape cancels (nothing
  // is sent), Roll back in the dialog puts version 1 back in use and the history is reloaded.
  const offered = (await page.locator('#rollback-version option').allTextContents()).join('|');
  check('the archived version is offered for rollback', offered === 'Version 1 (suggestions first)', offered);
  await page.locator('#rollback-reason').focus();
  await page.keyboard.type('Billing automation paused');
  await page.keyboard.press('Tab');
  check('Tab moves from the reason to Roll back', await page.evaluate(() => document.activeElement?.id === 'rollback'));
  await page.keyboard.press('Enter');
  await page.locator('#rollback-dialog[open]').waitFor();
  const confirmation = await text(page, '#rollback-confirm-text');
  check('the confirmation names the version, the source and the reason', confirmation.includes('Version 1 of the '
    + 'zendesk mapping') && confirmation.includes('Billing automation paused'), confirmation);
  check('the confirmation starts on Cancel', await page.evaluate(() => document.activeElement?.id === 'rollback-cancel'));
  await accessible(page, 'rollback confirmation');
  await page.keyboard.press('Escape');
  await page.locator('#rollback-dialog').waitFor({ state: 'hidden' });
  check('Escape cancels and focus returns to Roll back', await page.evaluate(() => document.activeElement?.id === 'rollback'));
  check('a cancelled rollback changes nothing', (await text(page, '#mapping-summary')).includes('Version 2 is in use'));
  await page.keyboard.press('Enter');
  await page.locator('#rollback-dialog[open]').waitFor();
  await page.keyboard.press('Tab');
  check('Tab moves from Cancel to the confirming button',
    await page.evaluate(() => document.activeElement?.id === 'rollback-confirm'));
  await page.keyboard.press('Enter');
  await page.locator('#rollback-status:has-text("version 1 is in use again")').waitFor();
  check('the rolled-back version is in use', (await text(page, '#mapping-summary')).includes('Version 1 is in use'));
  const history = await text(page, '#mapping-versions-table');
  check('the history is reloaded: version 2 archived, version 1 published with the reason',
    (await text(page, '#mapping-versions-table tr[data-version="2"]')).includes('ARCHIVED')
    && (await text(page, '#mapping-versions-table tr[data-version="1"]')).includes('Billing automation paused'), history);
  check('version 2 is now the one to roll back to',
    (await page.locator('#rollback-version option').allTextContents()).join('|') === 'Version 2 (Billing is automated)');

  // Compliance: an erasure request's receipts and certificate, the audit chain's verification with its findings.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#api-key').fill('local-compliance-key');
  await page.keyboard.press('Enter');
  await page.locator('h1:has-text("Compliance")').waitFor();
  check('a compliance officer sees only the Compliance page',
    (await page.locator('nav a').allTextContents()).join(',') === 'Compliance');
  const status = await page.evaluate(async () => (await fetch('api/rules')).status);
  check('the console refuses the rules API to a compliance officer', status === 403, String(status));
  await page.locator('#erasure-id').fill('not-an-id');
  await page.keyboard.press('Enter');
  await page.locator('#erasure:has-text("id")').waitFor();
  check('a malformed request id is refused naming it', /\bid\b/.test(await text(page, '#erasure')), await text(page, '#erasure'));
  await page.locator('#erasure-id').fill(process.env.ERASURE_ID);
  await page.keyboard.press('Enter');
  await page.locator('#erasure table').waitFor();
  check('the erasure shows one receipt per store', (await page.locator('#erasure tbody tr').count()) === 4);
  const erasure = await text(page, '#erasure');
  check('the erasure shows its completion and deadline', /Completed .* due 2026-12-31/.test(erasure), erasure);
  check('the certificate is offered', (await page.locator('#certificate').count()) === 1);
  await page.getByRole('button', { name: 'Verify the audit chain' }).click();
  await page.locator('#findings li').waitFor();
  const verified = await text(page, '#verification');
  check('the verification shows where the chain breaks and why', /Broken at event 42/.test(verified)
    && verified.includes('HASH_MISMATCH'), verified);
  // The list of erasure requests: newest first, the overdue one marked, the next page on demand, then only overdue.
  await page.locator('#erasures-table tbody tr').first().waitFor();
  check('the list shows the first page', (await page.locator('#erasures-table tbody tr').count()) === 2);
  check('an overdue request is marked with its failing store',
    /OVERDUE.*classify: failed/.test(await text(page, '#erasures-table tbody tr:nth-child(2)')),
    await text(page, '#erasures-table tbody tr:nth-child(2)'));
  check('a completed request links its certificate',
    (await page.locator('#erasures-table tbody tr:nth-child(1) a').getAttribute('href')).endsWith('/certificate'));
  await page.locator('#erasures-more').focus();
  await page.keyboard.press('Enter');
  await page.locator('#erasures-table tbody tr:nth-child(3)').waitFor();
  check('More appends the next page and is gone on the last', await page.locator('#erasures-more').isHidden());
  await page.locator('#erasures-overdue').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('#erasures-table tbody tr').length === 1);
  check('only overdue requests are left', (await text(page, '#erasures-table')).includes('OVERDUE'));
  // The monthly report: a malformed month is refused naming it; November shows its charts and the flagged channel.
  await page.locator('#report-month').fill('2026-13');
  await page.keyboard.press('Enter');
  await page.locator('#monthly-report:has-text("month")').waitFor();
  check('a malformed month is refused naming it', (await text(page, '#monthly-report')).includes('month'));
  await page.locator('#report-month').fill('2026-11');
  await page.keyboard.press('Enter');
  await page.locator('#bias-summary').waitFor();
  const bias = await text(page, '#bias-summary');
  check('the flagged bias check names the group', bias.includes('channel (phone)'), bias);
  check('accuracy per department is a chart named for screen readers',
    (await page.getByRole('img', { name: 'Accuracy per department, 2026-11' }).count()) === 1);
  check('the chart draws one bar per department', (await page.locator('#monthly-report svg').first().locator('rect').count()) === 2);
  check('the same numbers are a table', /Billing\s*500\s*200\s*94\.0 %/.test(await text(page, '#report-departments')),
    await text(page, '#report-departments'));
  // The month's CSV and HTML, by keyboard, as files through the console (the browser holds no key).
  for (const [format, marker] of [['csv', 'language,Français,40'], ['html', '<h1>Compliance report 2026-11</h1>']]) {
    await page.locator(`#report-${format}`).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const content = readFileSync(await download.path(), 'utf8');
    check(`the ${format.toUpperCase()} report downloads as the month's file`,
      download.suggestedFilename() === `compliance-report-2026-11.${format}` && content.includes(marker),
      `${download.suggestedFilename()}: ${content.substring(0, 160)}`);
  }
  // Writing the ended month to the archive: a job, polled until it ended.
  await page.locator('#report-run-button').focus();
  await page.keyboard.press('Enter');
  await page.locator('#report-run:has-text("is in the archive")').waitFor();
  const archived = await text(page, '#report-run');
  check('the archived run shows what it wrote and what it flagged', archived.includes('3 file(s) written')
    && archived.includes('0 already there') && archived.includes('flagged: channel phone'), archived);
  check('the run can be started again once it ended', await page.locator('#report-run-button').isEnabled());
  await page.locator('#report-month').fill('2026-1');
  check('a download is off while the month is not a month',
    (await page.locator('#report-csv').getAttribute('aria-disabled')) === 'true'
    && (await page.locator('#report-csv').getAttribute('href')) === null);
  await page.locator('#report-month').fill('2026-11');
  await accessible(page, 'compliance');
  await page.screenshot({ path: join(shots, 'compliance.png'), fullPage: true });
  const certificate = await page.evaluate(async () => (await fetch(document.getElementById('certificate').href)).status);
  check('the certificate link answers', certificate === 200, String(certificate));
  // A listed request (the overdue one, the filter still on) opens in the lookup.
  await page.locator('#erasures-table tbody tr:nth-child(1) button').focus();
  await page.keyboard.press('Enter');
  await page.locator('#erasure:has-text("In progress")').waitFor();
  check('a listed request opens in the lookup with its receipts', (await page.locator('#erasure tbody tr').count()) === 2
    && (await text(page, '#erasure')).includes('OVERDUE') && (await text(page, '#erasure')).includes('HTTP 503'),
  await text(page, '#erasure'));
  check('focus moves to the request id', await page.evaluate(() => document.activeElement?.id === 'erasure-id'));
  // The days a request was made in (UTC, both included), the overdue filter still on: it was made on 2 November.
  await page.locator('#erasures-since').fill('2026-11-03');
  await page.locator('#erasures:has-text("No erasure request matches")').waitFor();
  await page.locator('#erasures-since').fill('2026-11-02');
  await page.locator('#erasures-table tbody tr').waitFor();
  await page.locator('#erasures-until').fill('2026-11-01');
  await page.locator('#erasures:has-text("No erasure request matches")').waitFor();
  await page.locator('#erasures-until').fill('2026-11-02');
  await page.locator('#erasures-table tbody tr').waitFor();
  check('the date filters keep the requests made on the days chosen, the last day included',
    (await text(page, '#erasures-table')).includes('OVERDUE'));
  await accessible(page, 'compliance with date filters');

  // Operations (OPS): each source's lag and failures, and a dead letter replayed from the keyboard.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#api-key').fill('local-ops-key');
  await page.keyboard.press('Enter');
  await page.locator('h1:has-text("Operations")').waitFor();
  check('an operator sees only the Operations page',
    (await page.locator('nav a').allTextContents()).join(',') === 'Operations');
  await page.locator('#sources tbody tr').first().waitFor();
  const sources = await text(page, '#sources');
  check('each source shows its lag', sources.includes('2.0 h') && sources.includes('45 s')
    && sources.includes('not seen yet'), sources);
  check('failed pulls are counted per source', sources.includes('3 of 14'), sources);
  await page.locator('#dead-letters button.replay').waitFor();
  check('the dead letter shows why it failed', (await text(page, '#dead-letters')).includes('UnprocessableEntity'));
  await accessible(page, 'operations');
  await page.screenshot({ path: join(shots, 'operations.png'), fullPage: true });
  await page.locator('#dead-letter-source').focus();
  await page.keyboard.press('Tab');
  check('Tab goes from the source filter to the Replay button',
    await page.evaluate(() => document.activeElement?.classList.contains('replay')));
  await page.keyboard.press('Enter');
  await page.locator('#operations-status:has-text("Replayed")').waitFor();
  check('the replay is confirmed', (await text(page, '#operations-status')).includes('zendesk ticket ZD-3 is pending'),
    await text(page, '#operations-status'));
  check('the replayed write-back leaves the list', (await page.locator('#dead-letters button.replay').count()) === 0);
  check('focus goes back to the source filter', await page.evaluate(() => document.activeElement?.id === 'dead-letter-source'));
  const rulesStatus = await page.evaluate(async () => (await fetch('api/rules')).status);
  check('the console refuses the rules API to an operator', rulesStatus === 403, String(rulesStatus));
});
