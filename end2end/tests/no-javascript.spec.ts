import { expect, test } from "@playwright/test";
import { clientFor, PASSWORD } from "./helpers";

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

async function signInWithoutJs(page: import("@playwright/test").Page, username: string) {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByRole("button", { name: "Kirjaudu ulos" })).toBeVisible();
}

test("a close one writes their view into the assessment without JavaScript", async ({ page }) => {
  await signInWithoutJs(page, "minna.kallio");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laura Kallio: polku");
  await page.getByRole("button", { name: "Lisää näkemykseni" }).click();
  await expect(page.getByRole("alert")).toHaveText("Kirjoita ensin näkemyksesi.");
  await page.getByLabel("Oma näkemyksesi").fill("Laura jaksaa koulussa paremmin, kun aamut ovat rauhallisia.");
  await page.getByRole("button", { name: "Lisää näkemykseni" }).click();
  await expect(page).toHaveURL(/\/pathway\?view=sent#view-\d+$/);
  await expect(page.getByRole("status")).toHaveText("Näkemyksesi tallennettiin.");
  await expect(page.locator(".views")).toContainText("aamut ovat rauhallisia");
  await expect(page.locator(".views")).toContainText("Minna Kallio (Läheinen)");
});

test("the coordinator saves the assessment draft without JavaScript, error first", async ({ page }) => {
  await signInWithoutJs(page, "sanna.virtanen");
  await page.getByRole("link", { name: "Aino Korhonen" }).click();
  await page.getByRole("link", { name: "Avaa palvelutarpeen arviointi" }).click();
  // The phone run finds the draft the desktop run opened.
  const start = page.getByRole("button", { name: "Aloita arviointi" });
  if (await start.count()) await start.click();
  await expect(page.getByRole("heading", { name: "Luonnos, versio 1" })).toBeVisible();

  await page.locator("#weight-housing").selectOption("major");
  await page.locator("#need-housing").fill("");
  await page.getByRole("button", { name: "Tallenna luonnos" }).click();
  await expect(page.getByRole("alert")).toHaveText("Kuvaa tarve alueella \"Asuminen\" tai jätä sen painoarvo tyhjäksi.");

  await page.locator("#weight-housing").selectOption("major");
  await page.locator("#need-housing").fill("Portaat ovat liian jyrkät.");
  await page.getByRole("button", { name: "Tallenna luonnos" }).click();
  await expect(page).toHaveURL(/\/cases\/\d+\/assessment\?saved=1$/);
  await expect(page.getByRole("status")).toHaveText("Luonnos tallennettiin.");
  await expect(page.locator("#need-housing")).toHaveValue("Portaat ovat liian jyrkät.");
});

test("the client gives feedback at closure without JavaScript, error first", async ({ page }, info) => {
  // cases.spec.ts, which runs before this file, closes each viewport's client's case.
  const client = clientFor(info);
  await signInWithoutJs(page, client.username);
  await expect(page.getByTestId("pathway-stage")).toHaveText("Päättynyt");
  const atClosure = page.locator(".feedback-prompt[data-occasion=closure]");
  await atClosure.getByRole("button", { name: "Lähetä palaute" }).click();
  await expect(page.locator(".feedback-prompt[data-occasion=closure]").getByRole("alert")).toHaveText("Valitse arvio 1–5.");
  await page.locator(".feedback-prompt[data-occasion=closure]").getByLabel("4 – hyvin").check();
  await page.locator(".feedback-prompt[data-occasion=closure]").getByRole("button", { name: "Lähetä palaute" }).click();
  await expect(page).toHaveURL(/\/pathway\?feedback=sent#feedback-\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "Kiitos" })).toHaveText("Kiitos palautteestasi.");
  await expect(page.locator(".feedback-prompt[data-occasion=closure] .feedback-given")).toHaveText("Annoit arvion 4 / 5.");
});

test("the pathway and its map work without JavaScript", async ({ page }) => {
  await signInWithoutJs(page, "elina.hakala");
  await expect(page).toHaveURL(/\/pathway$/);
  await expect(page.getByTestId("pathway-step")).toHaveText("Olet nyt vaiheessa: Palvelutarpeen arviointi.");
  await expect(page.getByRole("heading", { name: "Minun tiimini" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Minun näkemykseni arviointiin" })).toBeVisible();
  const map = page.locator("svg.map:visible");
  await expect(map.locator("a[aria-current=step]")).toHaveAttribute("data-step", "assessment");
  await expect(page.locator(".map-keys"), "no arrow keys on a page without JavaScript").toBeHidden();

  // A step of the map is a link: the server opens it.
  await map.locator("a[data-step=plan]").click();
  await expect(page).toHaveURL(/\/pathway\?case=\d+&step=plan#pathway-\d+-map-details$/);
  const details = page.locator(".step-details");
  await expect(details.getByRole("heading", { level: 2 })).toHaveText("Asiakassuunnitelma");
  await expect(details).toContainText("tulossa");
  await expect(details).toContainText("Kirjoitat tavoitteesi omin sanoin.");

  // The text version opens without a script too.
  await page.getByText("Prosessi tekstinä").first().click();
  await expect(page.locator(".map-text ol").first()).toContainText("Huolen ilmaisu");

  // So does the language choice, which comes back to the same step.
  await page.getByRole("button", { name: "Svenska" }).click();
  await expect(page).toHaveURL(/\/pathway\?case=\d+&step=plan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Min stig");
  await expect(page.locator(".step-details h2")).toHaveText("Klientplan");
  await page.getByRole("button", { name: "Suomi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Minun polkuni");
});
