import { Browser, expect, Page, TestInfo } from "@playwright/test";

export const PASSWORD = "polku-demo";

/** Waits until the page is interactive: clicks before hydration are silently lost. */
export async function hydrated(page: Page) {
  await page.waitForSelector("html[data-hydrated='true']");
}

/** Opens a page that hydrates and waits until it is interactive, so that what follows may click.
 *  (A client's pathway pages carry no wasm: open those with `goto`.) */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

/**
 * Opens a client's case from the case list: the open cases, or the closed ones when another
 * test has closed it already (tests of the same viewport share their demo client's case).
 */
export async function openFromCaseList(page: Page, clientName: string) {
  await visit(page, "/cases");
  const link = page.getByRole("link", { name: clientName });
  if ((await link.count()) === 0) {
    await visit(page, "/cases?show=closed");
  }
  await link.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asiakkuus: ${clientName}`);
}

export async function signIn(page: Page, username: string) {
  await visit(page, "/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByRole("button", { name: /Kirjaudu ulos|Logga ut|Sign out/ })).toBeVisible();
}

/** A second person in their own browser context, at the same viewport, signed in. */
export async function otherPerson(browser: Browser, info: TestInfo, username: string): Promise<Page> {
  const context = await browser.newContext({ ...info.project.use });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Kirjaudu ulos|Logga ut|Sign out/ }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Each viewport project works on its own demo client, so the two never share a case. */
export function clientFor(info: TestInfo): { username: string; name: string } {
  return info.project.name === "phone"
    ? { username: "laura.kallio", name: "Laura Kallio" }
    : { username: "eino.mantyla", name: "Eino Mäntylä" };
}

/** The page has no horizontal scroll at the current viewport. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A demo staff member's username from their name ("Sanna Virtanen" → "sanna.virtanen"). */
export function usernameOf(name: string): string {
  return name.trim().toLowerCase().replace(" ", ".").replace(/ä/g, "a").replace(/ö/g, "o");
}

/** The Finnish day `days` from today as a date field takes it (Polku's days are Finnish days). */
export function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(d);
}

/** From a staff member's case list, opens the named client's plan. */
export async function openPlanAsStaff(page: Page, name: string) {
  await hydrated(page);
  await page.getByRole("link", { name }).click();
  await page.getByRole("link", { name: "Avaa asiakassuunnitelma" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asiakassuunnitelma: ${name}`);
  await hydrated(page);
}

/**
 * On a hydrated case page, the pair finds `name` by a search (the case page lists no one until a
 * name is typed) and chooses them in the proposal form.
 */
export async function chooseCandidate(page: Page, search: string, name: string) {
  await page.locator("#invite-who").fill(search);
  await page.getByRole("search").getByRole("button", { name: "Hae", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]who=${encodeURIComponent(search).replace(/\./g, "\\.")}`));
  const option = page.locator("#invite-person option", { hasText: name });
  await expect(option).toHaveCount(1);
  await page.locator("#invite-person").selectOption((await option.getAttribute("value"))!);
}
