import { expect, test } from "@playwright/test";
import { hydrated, signIn, signOut, visit } from "./helpers";

test("a wrong password shows a specific error in Finnish", async ({ page }) => {
  await visit(page, "/login");
  await expect(page.getByRole("heading", { name: "Kirjaudu Polkuun" })).toBeVisible();
  await page.locator("#username").fill("sanna.virtanen");
  await page.locator("#password").fill("väärä salasana");
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByRole("alert")).toHaveText("Käyttäjätunnus tai salasana on väärin.");
  await expect(page).toHaveURL(/\/login$/);
});

test.describe("with an English browser", () => {
  test.use({ locale: "en-GB" });
  test("the page follows the browser's language", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in to Polku" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("the language switch changes the page and the choice persists", async ({ page }) => {
  await visit(page, "/login");
  await expect(page).toHaveTitle("Kirjaudu Polkuun – Polku");
  await page.getByRole("button", { name: "Svenska" }).click();
  await expect(page.getByRole("heading", { name: "Logga in i Polku" })).toBeVisible();
  await expect(page, "the title follows the language").toHaveTitle("Logga in i Polku – Polku");
  await expect(page.getByRole("button", { name: "Svenska" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Logga in i Polku" })).toBeVisible();
  await hydrated(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Polku" })).toBeVisible();
});

test("a coordinator signs in to their cases and signs out", async ({ page }) => {
  await signIn(page, "heikki.laine");
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { name: "Omat asiakkuudet" })).toBeVisible();
  await expect(page.locator("main"), "focus goes to the new page, not back to the body (issue 23 #7)").toBeFocused();
  await expect(page.locator(".case-card").first()).toBeVisible();
  await expect(page.locator(".case-card", { hasText: "Riikka Lehto" })).toContainText("Monialainen yhteistyö");
  await signOut(page);
  await page.goto("/cases");
  await expect(page.getByRole("alert")).toContainText("Kirjaudu ensin sisään.");
});

test("the administrator sees the staff directory and no client", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("cell", { name: "Sanna Virtanen" })).toBeVisible();
  await expect(page.getByText("Aino Korhonen")).toHaveCount(0);
});

test("after five wrong passwords the sign-in says how long to wait", async ({ page }, info) => {
  // An account of its own per viewport: the lock is per account.
  const username = `kokeilu.${info.project.name}`;
  await visit(page, "/login");
  await page.locator("#username").fill(username);
  for (let n = 0; n < 5; n++) {
    await page.locator("#password").fill(`arvaus ${n}`);
    const answered = page.waitForResponse((res) => res.url().endsWith("/api/login"));
    await page.getByRole("button", { name: "Kirjaudu" }).click();
    expect((await answered).status()).toBe(401);
    await expect(page.getByRole("alert")).toHaveText("Käyttäjätunnus tai salasana on väärin.");
  }
  await page.locator("#password").fill("vielä kerran");
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Liian monta epäonnistunutta kirjautumisyritystä. Yritä uudelleen 15 minuutin kuluttua.",
  );
});
