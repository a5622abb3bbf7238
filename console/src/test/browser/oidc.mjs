// Signing in with OpenID Connect in Debian's Chromium, keyboard only (OidcSignInIT runs it): the sign-in form offers
// "Sign in with <provider>", Enter goes to the (fake) provider and back signed in; sign-out goes through the
// provider's end-session page back to the form. Environment: CONSOLE_URL, CHROMIUM, PLAYWRIGHT_HOME.
const { check, accessible, text, inChromium } = await import(process.env.BROWSER_HARNESS);
const url = process.env.CONSOLE_URL;

await inChromium(async ({ page, context }) => {
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
});
