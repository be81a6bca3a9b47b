import { expect, Page, test } from "@playwright/test";
import { expectNoHorizontalScroll, hydrated, signIn, signOut, usernameOf, visit } from "./helpers";

// From a concern to collaboration: the coordinators accept it, the client writes their own view
// from the pathway, and the coordinator pair completes the assessment. Each viewport works on
// its own past clients (their earlier cases are closed), so the runs never share a case.
function peopleFor(project: string) {
  return project === "phone"
    ? { referred: { username: "raimo.lindqvist", name: "Raimo Lindqvist", born: "1950-02-20" }, self: { username: "petteri.aho", name: "Petteri Aho" } }
    : { referred: { username: "veikko.heinonen", name: "Veikko Heinonen", born: "1952-04-18" }, self: { username: "irma.salmi", name: "Irma Salmi" } };
}

/** A coordinator screens the newest open concern about `name` and accepts it. */
async function screenAndAccept(page: Page, name: string) {
  await signIn(page, "heikki.laine");
  await page.goto("/concerns");
  const card = page.locator(".concern-card", { hasText: name }).first();
  await expect(card).toBeVisible();
  await hydrated(page);
  await card.getByLabel("Heikentynyt").check();
  await card.getByLabel("Suuri").check();
  await card.getByLabel("Käytössä olevat palvelut (kpl)").fill("3");
  // The proposal is worked out in the browser: once it shows, the card's form is hydrated too.
  await expect(card.locator(".proposal")).toContainText("Ehdotus: kuuluu monialaisen yhteistyön kohderyhmään.");
  await card.getByLabel("Päätöksen perustelu").fill("Tarpeita monella elämänalueella.");
  await card.getByLabel("Hyväksy ja avaa asiakkuus").check();
  await card.getByRole("button", { name: "Tallenna päätös" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Asiakkuus avattiin" })).toBeVisible();
  await signOut(page);
}

/** The client writes their own view on the pathway and returns their social-care coordinator's username. */
async function writeOwnView(page: Page, username: string, view: string): Promise<string> {
  await signIn(page, username);
  await expect(page).toHaveURL(/\/pathway$/);
  const pathway = page.locator("article.pathway").first();
  await expect(pathway.getByTestId("pathway-stage")).toHaveText("Palvelutarpeen arviointi");
  await expect(pathway.getByRole("heading", { name: "Minun näkemykseni arviointiin" })).toBeVisible();
  await hydrated(page);
  await pathway.getByLabel("Oma näkemyksesi").fill(view);
  await expectNoHorizontalScroll(page);
  await pathway.getByRole("button", { name: "Lisää näkemykseni" }).click();
  await expect(pathway.getByRole("status")).toHaveText("Näkemyksesi tallennettiin.");
  await expect(pathway.locator(".views")).toContainText(view);
  const coordinator = await pathway
    .locator(".person", { hasText: "Koordinaattori (sosiaalihuolto)" })
    .locator(".person-name")
    .innerText();
  await signOut(page);
  return usernameOf(coordinator);
}

/** The coordinator records the assessment with the client's view in it and completes it. */
async function completeAssessment(page: Page, coordinator: string, clientName: string, clientView: string) {
  await signIn(page, coordinator);
  await page.getByRole("link", { name: clientName }).first().click();
  await expect(page.getByTestId("case-stage")).toHaveText("Palvelutarpeen arviointi");
  await expect(page.getByTestId("clock")).toBeVisible();
  await page.getByRole("link", { name: "Avaa palvelutarpeen arviointi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Palvelutarpeen arviointi: ${clientName}`);
  await expect(page.locator(".views")).toContainText(clientView);
  await hydrated(page);
  await page.getByRole("button", { name: "Aloita arviointi" }).click();
  await expect(page.getByRole("heading", { name: "Luonnos, versio 1" })).toBeVisible();

  await page.locator("#weight-housing").selectOption("major");
  await page.locator("#need-housing").fill("Kotona on jyrkät portaat.");
  await page.locator("#weight-illness").selectOption("moderate");
  await page.locator("#need-illness").fill("Lääkitys tarvitsee seurantaa.");
  await page.getByLabel("Vahvuudet ja voimavarat").fill("Naapuri auttaa kaupassa käynneissä.");
  await page.getByLabel("Miten arviointi tehtiin").selectOption("home_visit");
  await page.getByLabel("Asiakas osallistui").check();
  await page.getByLabel("Saavutettu yhteinen ymmärrys").fill("Ensin turvallinen asuminen, sitten lääkityksen seuranta.");
  await page.getByLabel("Kyllä").check();
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Merkitse arviointi valmiiksi" }).click();

  await expect(page).toHaveURL(/\/cases\/\d+\?completed=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Arviointi valmistui" })).toHaveText("Arviointi valmistui (versio 1).");
  await expect(page.getByTestId("case-stage")).toHaveText("Monialainen yhteistyö");
  await expect(page.locator(".history li").first()).toContainText("Vaihe vaihtui: Palvelutarpeen arviointi → Monialainen yhteistyö.");
  await signOut(page);
}

async function clientSeesCollaboration(page: Page, username: string) {
  await signIn(page, username);
  const pathway = page.locator("article.pathway").first();
  await expect(pathway.getByTestId("pathway-stage")).toHaveText("Monialainen yhteistyö");
  await expect(pathway.getByRole("heading", { name: "Mitä selvitimme yhdessä" })).toBeVisible();
  await expect(pathway).toContainText("Ensin turvallinen asuminen");
}

test("a professional's concern leads through the client's own view to a completed assessment", async ({ page }, info) => {
  // Three people sign in one after another: many full page loads of the debug build.
  test.slow();
  const { referred } = peopleFor(info.project.name);
  await signIn(page, "liisa.makinen");
  await visit(page, "/concerns/new");
  await page.getByLabel("Nimi").fill(referred.name);
  await page.getByLabel("Syntymäaika").fill(referred.born);
  await page.getByLabel("Kotikunta").fill("Järvelä");
  await page.getByLabel("Huoli omin sanoin").fill("Kaatuillut kotona, lääkkeet sekaisin.");
  await page.getByLabel("Asuminen").check();
  await page.getByLabel("Sairaus").check();
  await page.getByLabel("Henkilö on samaa mieltä, että asiaa viedään eteenpäin").check();
  await page.getByLabel("Henkilö hyväksyy, että muita ammattilaisia otetaan mukaan").check();
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.getByRole("status")).toContainText("Ilmoitus on vastaanotettu");
  await signOut(page);

  await screenAndAccept(page, referred.name);
  const view = "Haluan pärjätä kotona, mutta portaat pelottavat.";
  const coordinator = await writeOwnView(page, referred.username, view);
  await completeAssessment(page, coordinator, referred.name, view);
  await clientSeesCollaboration(page, referred.username);
});

test("a client's self-referral leads to a completed assessment", async ({ page }, info) => {
  // Three people sign in one after another: many full page loads of the debug build.
  test.slow();
  const { self } = peopleFor(info.project.name);
  await signIn(page, self.username);
  await visit(page, "/concerns/new");
  await page.getByLabel("Huoli omin sanoin").fill("En selviä enää yksin arjesta.");
  await page.getByLabel("Arjen sujuminen").check();
  await page.getByLabel("Henkilö on samaa mieltä, että asiaa viedään eteenpäin").check();
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.getByRole("status")).toContainText("Ilmoitus on vastaanotettu");
  await signOut(page);

  await screenAndAccept(page, self.name);
  const view = "Tarvitsen apua kauppa-asioihin ja siivoukseen.";
  const coordinator = await writeOwnView(page, self.username, view);
  await completeAssessment(page, coordinator, self.name, view);
  await clientSeesCollaboration(page, self.username);
});

test("completing without the client's own view is refused with what is missing", async ({ page }, info) => {
  // Ahmed's case (pair South) on desktop, Elina's (pair North) on the phone: both in assessment.
  const [coordinator, client] = info.project.name === "phone" ? ["sanna.virtanen", "Elina Hakala"] : ["maria.nieminen", "Ahmed Hassan"];
  await signIn(page, coordinator);
  await page.getByRole("link", { name: client }).click();
  await page.getByRole("link", { name: "Avaa palvelutarpeen arviointi" }).click();
  await hydrated(page);
  await page.getByRole("button", { name: "Aloita arviointi" }).click();
  await expect(page.getByTestId("missing")).toContainText("asiakkaan oma näkemys");
  await page.locator("#weight-finances").selectOption("minor");
  await page.getByRole("button", { name: "Tallenna luonnos" }).click();
  await expect(page.getByRole("alert")).toHaveText("Kuvaa tarve alueella \"Raha-asiat\" tai jätä sen painoarvo tyhjäksi.");
  await page.locator("#need-finances").fill("Laskut ovat jääneet maksamatta.");
  await page.getByRole("button", { name: "Merkitse arviointi valmiiksi" }).click();
  await expect(page.getByRole("alert")).toContainText("Arviointia ei voi vielä merkitä valmiiksi. Puuttuu:");
  await expect(page.getByRole("alert")).toContainText("asiakkaan oma näkemys");
  await expect(page.getByRole("link", { name: "Takaisin asiakkuuteen" })).toBeVisible();
});
