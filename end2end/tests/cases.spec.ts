import { expect, test } from "@playwright/test";
import { clientFor, expectNoHorizontalScroll, hydrated, signIn, signOut } from "./helpers";

test("the coordinator moves a case onward and the client sees it on their pathway", async ({ page }, info) => {
  const client = clientFor(info);
  await signIn(page, "sanna.virtanen");
  await page.getByRole("link", { name: client.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(client.name);
  await expect(page.getByTestId("case-stage")).toHaveText("Monialainen yhteistyö");
  await hydrated(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: "Siirrä vaiheeseen: Seuranta ja arviointi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Asiakkuus on nyt" })).toHaveText(
    "Asiakkuus on nyt vaiheessa: Seuranta ja arviointi.",
  );
  await expect(page.getByText("Ladataan…")).toHaveCount(0);
  await expect(page.getByTestId("case-stage")).toHaveText("Seuranta ja arviointi");
  await expect(page.locator(".history li").first()).toContainText(
    "Vaihe vaihtui: Monialainen yhteistyö → Seuranta ja arviointi.",
  );
  await signOut(page);

  await signIn(page, client.username);
  await expect(page).toHaveURL(/\/pathway$/);
  await expect(page.getByTestId("pathway-stage")).toHaveText("Seuranta ja arviointi");
  await expect(page.getByTestId("pathway-step")).toHaveText("Olet nyt vaiheessa: Tavoitteiden arviointi.");
  await expect(page.locator("svg.map:visible a[aria-current=step]")).toHaveAttribute("data-step", "review");
  await expect(page.getByRole("heading", { name: "Minun tiimini" })).toBeVisible();
  await expect(page.getByRole("link", { name: "+358 40 100 2001" })).toHaveAttribute("href", "tel:+358401002001");
  await expectNoHorizontalScroll(page);
});

test("collaboration waits for the completed assessment, and the case page says so", async ({ page }) => {
  await signIn(page, "sanna.virtanen");
  await page.getByRole("link", { name: "Aino Korhonen" }).click();
  await expect(page.getByTestId("case-stage")).toHaveText("Palvelutarpeen arviointi");
  await expect(page.getByRole("button", { name: "Siirrä vaiheeseen: Monialainen yhteistyö" })).toBeDisabled();
  await expect(page.locator(".moves")).toContainText("Monialainen yhteistyö alkaa, kun palvelutarpeen arviointi on valmis.");
  await expect(page.getByTestId("clock")).toHaveText(/arkipäivää jäljellä|Aloitettu/);
});

test("a move the process does not allow yet is shown with its reason", async ({ page }) => {
  await signIn(page, "sanna.virtanen");
  await page.getByRole("link", { name: "Marjatta Koski" }).click();
  await expect(page.getByTestId("case-stage")).toHaveText("Tunnistaminen");
  await expect(page.getByRole("button", { name: "Siirrä vaiheeseen: Palvelutarpeen arviointi" })).toBeEnabled();
  await expect(page.getByRole("button", { name: /Monialainen yhteistyö/ })).toHaveCount(0);
});

test("a client cannot open another client's case", async ({ page }) => {
  await signIn(page, "sofia.berg");
  await expect(page.getByTestId("pathway-stage")).toBeVisible();
  await page.goto("/cases/1");
  await expect(page.getByRole("alert")).toHaveText("Tämä ei ole sinun asiakkuutesi.");
  await expect(page.getByText("Aino Korhonen")).toHaveCount(0);
});

test("a relative sees the pathway of the client who allowed it", async ({ page }) => {
  await signIn(page, "markku.lahtinen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Helmi Lahtinen: polku");
  await expect(page.getByTestId("pathway-stage")).toHaveText("Seuranta ja arviointi");
  await expectNoHorizontalScroll(page);
});

test("the pair closes the case with a summary and the client reads how it ended", async ({ page }, info) => {
  const client = clientFor(info);
  await signIn(page, "sanna.virtanen");
  await page.getByRole("link", { name: client.name }).click();
  await expect(page.getByTestId("case-stage")).toHaveText("Seuranta ja arviointi");
  await hydrated(page);
  const close = page.getByRole("button", { name: "Siirrä vaiheeseen: Päättynyt" });
  await close.click();
  await expect(page.getByRole("alert")).toHaveText("Kirjoita päättämisen yhteenveto.");
  await page.getByLabel("Päättämisen yhteenveto: mitä tehtiin ja mikä muuttui").fill("Tavoitteet saavutettiin.");
  await page.getByLabel(/^Siirto tai jatko/).fill("Omatyöntekijä jatkaa tukea; uusi arvio, jos tarpeet palaavat.");
  await close.click();
  await expect(page.getByTestId("case-stage")).toHaveText("Päättynyt");
  await expect(page.getByRole("heading", { name: "Miten asiakkuus päätettiin" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Siirrä vaiheeseen: Palvelutarpeen arviointi" })).toBeEnabled();
  await signOut(page);

  await signIn(page, client.username);
  await expect(page.getByTestId("pathway-stage")).toHaveText("Päättynyt");
  await expect(page.getByRole("heading", { name: "Miten asiakkuutesi päättyi" })).toBeVisible();
  await expect(page.locator(".closure")).toContainText("uusi arvio, jos tarpeet palaavat");
});

test("the case list shows open cases and, on request, the closed ones, page by page", async ({ page }) => {
  await signIn(page, "sanna.virtanen");
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByTestId("show-open")).toHaveAttribute("aria-current", "true");
  await expect(page.locator(".case-card").first()).toBeVisible();
  await expect(page.locator(".case-card[data-stage=closed]")).toHaveCount(0);
  await expect(page.getByTestId("page-of")).toHaveText("Sivu 1 / 1");
  await hydrated(page);

  await page.getByTestId("show-closed").click();
  await expect(page).toHaveURL(/\/cases\?show=closed$/);
  await expect(page.getByTestId("show-closed")).toHaveAttribute("aria-current", "true");
  await expect(page.locator(".case-card").first()).toHaveAttribute("data-stage", "closed");
  await expect(page.locator(".case-card:not([data-stage=closed])")).toHaveCount(0);

  // A page past the end says so and leads back; a page that is no number is named.
  await page.goto("/cases?show=closed&page=9");
  await page.getByRole("link", { name: "Tällä sivulla ei ole asiakkuuksia. Siirry ensimmäiselle sivulle." }).click();
  await expect(page).toHaveURL(/\/cases\?show=closed$/);
  await expect(page.locator(".case-card").first()).toBeVisible();
  await page.goto("/cases?page=kaksi");
  await expect(page.getByRole("alert")).toContainText("Sivunumeron pitää olla kokonaisluku 1–100000.");
});
