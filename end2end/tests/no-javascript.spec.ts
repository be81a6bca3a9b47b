import { expect, test } from "@playwright/test";
import { PASSWORD } from "./helpers";

// Plain HTML forms: every form posts to its server function and comes back with the result or a
// specific error, with no JavaScript at all.
test.use({ javaScriptEnabled: false });

test("signing in works without JavaScript, wrong password included", async ({ page }) => {
  await page.goto("/login");
  await page.locator("#username").fill("sanna.virtanen");
  await page.locator("#password").fill("väärä salasana");
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByRole("alert")).toHaveText("Käyttäjätunnus tai salasana on väärin.");

  await page.locator("#username").fill("sanna.virtanen");
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { name: "Omat asiakkuudet" })).toBeVisible();
});

test("a concern is raised without JavaScript, with the error first and then the confirmation", async ({ page }) => {
  await page.goto("/login");
  await page.locator("#username").fill("eino.mantyla");
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page).toHaveURL(/\/pathway$/);

  await page.goto("/concerns/new");
  await page.getByLabel("Huoli omin sanoin").fill("   ");
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.getByRole("alert")).toHaveText("Kirjoita huoli omin sanoin.");

  await page.getByLabel("Huoli omin sanoin").fill("Rahat eivät riitä vuokraan.");
  await page.getByLabel("Raha-asiat").check();
  await page.getByLabel("Asuminen").check();
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page).toHaveURL(/\/concerns\/new\?sent=1$/);
  await expect(page.getByRole("status")).toHaveText("Kiitos. Ilmoitus on vastaanotettu, ja koordinaattorit käsittelevät sen.");
});
