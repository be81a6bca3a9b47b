import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, hydrated, signIn, signOut, usernameOf, visit } from "./helpers";

// Each viewport works on its own person. Accepting opens the case with the least-loaded
// coordinator pair, which depends on what earlier tests did; the confirmation names the pair.
function personFor(project: string) {
  return project === "phone"
    ? { name: "Veli Virta", coordinator: "maria.nieminen" }
    : { name: "Tuula Saarinen", coordinator: "sanna.virtanen" };
}

test("a professional raises a concern, a coordinator screens and accepts it, and a case opens in assessment", async ({ page }, info) => {
  const person = personFor(info.project.name);
  await signIn(page, "ville.aaltonen");
  await page.getByRole("link", { name: "Tee huoli-ilmoitus" }).click();
  await expect(page.getByRole("heading", { name: "Tee huoli-ilmoitus" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Nimi").fill(person.name);
  await page.getByLabel("Syntymäaika").fill("1944-05-02");
  await page.getByLabel("Kotikunta").fill("Järvelä");
  await page.getByLabel("Huoli omin sanoin").fill("Naapuri kertoi, ettei hän ole käynyt kaupassa viikkoon.");
  await page.getByLabel("Arjen sujuminen").check();
  await page.getByLabel("Sairaus").check();
  await page.getByLabel("Henkilö on samaa mieltä, että asiaa viedään eteenpäin").check();
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.getByRole("status")).toHaveText("Kiitos. Ilmoitus on vastaanotettu, ja koordinaattorit käsittelevät sen.");
  await signOut(page);

  await signIn(page, person.coordinator);
  await page.getByRole("link", { name: "Huolet ja seulonta" }).click();
  const card = page.locator(".concern-card", { hasText: person.name }).first();
  await expect(card).toContainText("Ilmoittaja: Ville Aaltonen");
  await expect(card).toContainText("Naapuri kertoi");
  await hydrated(page);
  await card.getByLabel("Heikentynyt").check();
  await card.getByLabel("Suuri").check();
  await card.getByLabel("Käytössä olevat palvelut (kpl)").fill("4");
  await expect(card.locator(".proposal")).toContainText("Ehdotus: kuuluu monialaisen yhteistyön kohderyhmään.");
  await expect(card.locator(".proposal")).toContainText("Käytössä on monta palvelua (4).");
  await card.getByLabel("Päätöksen perustelu").fill("Arki ei suju ja palveluja on monta.");
  await card.getByLabel("Hyväksy ja avaa asiakkuus").check();
  await expectNoHorizontalScroll(page);
  await card.getByRole("button", { name: "Tallenna päätös" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Asiakkuus avattiin" })).toBeVisible();
  const pair = await page.getByTestId("assigned-pair").innerText();
  const social = pair.replace("Koordinaattoripari: ", "").split(",")[0].trim();
  if (usernameOf(social) === person.coordinator) {
    await page.getByRole("link", { name: "Avaa asiakkuus" }).click();
  } else {
    await signOut(page);
    await signIn(page, usernameOf(social));
    await page.getByRole("link", { name: person.name }).first().click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText(person.name);
  await expect(page.getByTestId("case-stage")).toHaveText("Palvelutarpeen arviointi");
  // The professional who raised the concern is proposed to the team: the client decides.
  await expect(page.locator(".team .person-proposed", { hasText: "Ville Aaltonen" })).toBeVisible();
});

test("a client asks for help for themself and the coordinators see it", async ({ page }) => {
  await signIn(page, "sofia.berg");
  await page.getByRole("link", { name: "Tee huoli-ilmoitus" }).click();
  await expect(page.getByText("Voit pyytää apua itsellesi.")).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Huoli omin sanoin").fill("En jaksa hoitaa asioitani enää yksin.");
  await page.getByLabel("Mielenterveys").check();
  await page.getByLabel("Apua tarvitaan heti (kiireellinen)").check();
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.getByRole("status")).toContainText("Ilmoitus on vastaanotettu");
  await signOut(page);

  await signIn(page, "heikki.laine");
  await expect(page.getByTestId("urgent-count")).toHaveText(/^\d+ kiireellistä$/);
  await page.goto("/concerns");
  const card = page.locator(".concern-card", { hasText: "Sofia Berg" }).first();
  await expect(card).toContainText("Kiireellinen");
  await expect(card).toContainText("Ilmoittaja: Sofia Berg");
  await expect(card.locator(".tags")).toContainText("Mielenterveys");
});

test("a concern without a description is refused with a specific message", async ({ page }) => {
  await signIn(page, "liisa.makinen");
  await visit(page, "/concerns/new");
  await page.getByLabel("Nimi").fill("Testi Henkilö");
  await page.getByLabel("Syntymäaika").fill("1980-01-01");
  await page.getByLabel("Kotikunta").fill("Järvelä");
  await page.getByLabel("Huoli omin sanoin").fill("   ");
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.getByRole("alert")).toHaveText("Kirjoita huoli omin sanoin.");
});
