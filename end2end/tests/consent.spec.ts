import AxeBuilder from "@axe-core/playwright";
import { expect, Page, test, TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, hydrated, openFromCaseList, otherPerson, signIn, visit } from "./helpers";

// Consent between the registers, as the client and a health-care professional live it: the
// client gives consent and the professional's open records page shows the social-care entries;
// the client withdraws it and they are gone from that page at once, without a reload. The client
// sees on their own page who opened their case and on what basis. Each viewport works on its own
// client, so the runs never depend on each other.

type People = { client: string; clientName: string; nurse: string; nurseName: string; socialEntry: string };

function peopleFor(info: TestInfo): People {
  return info.project.name === "phone"
    ? {
        client: "laura.kallio",
        clientName: "Laura Kallio",
        nurse: "anna.lehtonen",
        nurseName: "Anna Lehtonen",
        socialEntry: "Perheen kanssa sovittu tukihenkilöstä",
      }
    : {
        client: "eino.mantyla",
        clientName: "Eino Mäntylä",
        nurse: "liisa.makinen",
        nurseName: "Liisa Mäkinen",
        socialEntry: "Toimeentulotukihakemus tehty yhdessä Einon kanssa",
      };
}

const HEALTH_ORGANISATION = "Järvelän hyvinvointialue, terveyspalvelut";

/** From the case list, opens the client's record entries and waits until the page follows changes. */
async function openRecords(page: Page, clientName: string) {
  await openFromCaseList(page, clientName);
  await page.getByRole("link", { name: "Kirjaukset", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kirjaukset: ${clientName}`);
  await hydrated(page);
  await expect(page.locator("[data-live=open]")).toBeVisible();
}

/** From the pathway, opens the client's own page about their information. */
async function openPrivacy(page: Page) {
  await page.goto("/pathway");
  await page.getByRole("link", { name: "Suostumukset ja kuka on katsonut tietojasi" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tietoni ja suostumukseni");
  await hydrated(page);
}

test("the client withdraws consent and a health professional's open page loses the social-care entries at once", async ({ browser, page }, info) => {
  test.slow();
  const people = peopleFor(info);
  const nurse = await otherPerson(browser, info, people.nurse);
  await openRecords(nurse, people.clientName);
  await nurse.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const socialEntry = nurse.locator(".record[data-sector=social]", { hasText: people.socialEntry });
  await expect(nurse.locator(".record[data-sector=health]").first()).toBeVisible();
  await expect(socialEntry).toHaveCount(0);
  await expect(nurse.locator("[data-closed=social]")).toBeVisible();

  // The client lets the health-care organisation see their social-care information.
  await signIn(page, people.client);
  await openPrivacy(page);
  const give = page.getByRole("region", { name: "Anna uusi suostumus" }).locator("form");
  await give.getByLabel(HEALTH_ORGANISATION).check();
  await give.getByLabel("Sosiaalihuollon tiedot").check();
  await give.getByRole("button", { name: "Anna suostumus" }).click();
  await expect(page.getByText("Suostumus on annettu.")).toBeVisible();
  const consent = page.locator(".consent[data-in-force=true]");
  await expect(consent).toHaveCount(1);
  await expect(consent).toContainText(HEALTH_ORGANISATION);

  // The nurse's open page shows the social-care entry without a reload.
  await expect(socialEntry).toBeVisible();
  await expect(nurse.locator("[data-closed=social]")).toHaveCount(0);

  // Withdrawn: the entry is gone from the nurse's page at once, and the page says why.
  await consent.getByRole("button", { name: "Peru suostumus" }).click();
  await expect(page.getByText("Suostumus on peruttu.", { exact: false })).toBeVisible();
  await expect(page.locator(".consent[data-in-force=true]")).toHaveCount(0);
  await expect(page.locator(".consent").first()).toContainText("Peruttu");
  await expect(socialEntry).toHaveCount(0, { timeout: 5_000 });
  await expect(nurse.locator("[data-closed=social]")).toBeVisible();
  expect(await nurse.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("the client sees the access log entry created when a professional opened their case", async ({ browser, page }, info) => {
  const people = peopleFor(info);
  const nurse = await otherPerson(browser, info, people.nurse);
  await openFromCaseList(nurse, people.clientName);

  await signIn(page, people.client);
  await openPrivacy(page);
  const opened = page.locator(".access[data-resource=case]", { hasText: people.nurseName }).first();
  await expect(opened).toBeVisible();
  await expect(opened).toContainText("Katsoi: asiakkuutesi tiedot");
  await expect(opened).toContainText(HEALTH_ORGANISATION);
  await expect(opened).toContainText("Peruste: tiimisi jäsen: Tiimin jäsen");
  await expectNoHorizontalScroll(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
});

test("the client reads the entries about them, is told one is withheld, and the records page passes axe", async ({ page }, info) => {
  const people = peopleFor(info);
  await signIn(page, people.client);
  await openPrivacy(page);
  await page.getByRole("link", { name: "Lue, mitä sinusta on kirjattu" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sinusta tehdyt kirjaukset");
  await expect(page.getByText(people.socialEntry)).toBeVisible();
  if (info.project.name === "phone") {
    // Laura's child-welfare entry is hidden from her with a reason; she is told one is withheld.
    await expect(page.getByTestId("withheld")).toContainText("1");
    await expect(page.getByText("Lastensuojeluilmoitus")).toHaveCount(0);
  }
  await expectNoHorizontalScroll(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
});

test("the client sets what a close one may do, and the close one's pathway follows at once", async ({ browser, page }, info) => {
  // Desktop: Eino lets his brother Kari, who could see nothing, see his pathway. Phone: Helmi ends
  // her son Markku's rights. Each run has its own client and close one.
  const desktop = info.project.name === "desktop";
  const [client, relative, relativeName] = desktop
    ? ["eino.mantyla", "kari.mantyla", "Kari Mäntylä"]
    : ["helmi.lahtinen", "markku.lahtinen", "Markku Lahtinen"];
  await signIn(page, client);
  await openPrivacy(page);
  const row = () => page.locator(".consent[id^=relative-]", { hasText: relativeName });
  const closeOne = await otherPerson(browser, info, relative);
  if (desktop) {
    await expect(row()).toContainText("Ei saa nähdä tietojasi");
    await closeOne.goto("/pathway");
    await expect(closeOne.getByText("Sinulla ei ole vielä asiakkuutta Polussa.")).toBeVisible();
    await row().getByLabel("Saa kirjoittaa näkemyksiä ja palautetta").check();
    await row().getByRole("button", { name: "Tallenna" }).click();
    await expect(page.getByRole("alert")).toContainText("Läheinen, joka saa kirjoittaa, saa myös nähdä polkusi.");
    await row().getByLabel("Saa nähdä polkuni").check();
    await row().getByRole("button", { name: "Tallenna" }).click();
    await expect(page.getByText("Läheisesi oikeudet on tallennettu.")).toBeVisible();
    await expect(row()).toContainText("Saa nähdä polkusi ja kirjoittaa");
    await closeOne.goto("/pathway");
    await expect(closeOne.getByRole("heading", { level: 1 }).first()).toHaveText("Eino Mäntylä: polku");
  } else {
    await closeOne.goto("/pathway");
    await expect(closeOne.getByRole("heading", { level: 1 }).first()).toHaveText("Helmi Lahtinen: polku");
    await expect(row()).toContainText("Saa nähdä polkusi");
    await row().getByRole("button", { name: "Peru läheisen oikeudet" }).click();
    await expect(page.getByText("Läheisesi oikeudet on peruttu.")).toBeVisible();
    await expect(row()).toContainText("Oikeudet peruttu");
    await closeOne.goto("/pathway");
    await expect(closeOne.getByText("Sinulla ei ole vielä asiakkuutta Polussa.")).toBeVisible();
  }
});

test("a professional opens the other register on a legal basis, and the client sees that basis", async ({ browser, page }, info) => {
  // Desktop: Eino's social-care own worker opens his health-care entries. Phone: Laura's
  // social-care coordinator opens hers. Neither professional takes part in the tests above.
  const desktop = info.project.name === "desktop";
  const [client, clientName, reader, readerName, healthEntry] = desktop
    ? ["eino.mantyla", "Eino Mäntylä", "mikko.salonen", "Mikko Salonen", "Verenpaine koholla"]
    : ["laura.kallio", "Laura Kallio", "sanna.virtanen", "Sanna Virtanen", "Nukkuu huonosti"];
  const professional = await otherPerson(browser, info, reader);
  await openRecords(professional, clientName);
  const closed = professional.locator("[data-closed=health]");
  await expect(closed).toBeVisible();
  await expect(professional.getByText(healthEntry)).toHaveCount(0);

  await closed.getByText("Avaa lain nojalla").click();
  // Social care opens health-care records by the social-welfare duty; urgent care is health care's.
  await expect(closed.getByLabel("Peruste").locator("option[value=urgent_care]")).toHaveCount(0);
  await closed.getByLabel("Peruste").selectOption("social_welfare_duty");
  await closed.getByLabel("Miksi tarvitset tiedot nyt").fill("Kotona selviytyminen arvioitava heti, lääkitys vaikuttaa siihen.");
  await closed.getByRole("button", { name: "Avaa tiedot" }).click();
  await expect(professional.getByText(healthEntry)).toBeVisible();
  await expect(professional.locator("[data-closed=health]")).toHaveCount(0);

  await signIn(page, client);
  await openPrivacy(page);
  const opened = page.locator(".access[data-basis='legal:social_welfare_duty']", { hasText: readerName }).first();
  await expect(opened).toBeVisible();
  await expect(opened).toContainText("laki: sosiaalihuoltolain velvollisuus");

  // The client shows only the accesses on a legal basis.
  await page.getByLabel("Näytä käynnit, joiden peruste on").selectOption("legal");
  await page.getByRole("button", { name: "Näytä", exact: true }).click();
  await expect(page).toHaveURL(/log_basis=legal/);
  await expect(page.locator(".access[data-basis='legal:social_welfare_duty']", { hasText: readerName }).first()).toBeVisible();
  await expect(page.locator(".access:not([data-basis^='legal:'])")).toHaveCount(0);

  // The client's coordinator pair is told who opened what, on which ground and why.
  await professional.context().close();
  const coordinator = await otherPerson(browser, info, "heikki.laine");
  await visit(coordinator, "/notifications");
  const notice = coordinator.locator(".notification[data-kind=legal_basis]", { hasText: readerName }).first();
  await expect(notice).toContainText("avasi asiakkaan tiedot lain perusteella");
  await expect(notice).toContainText("laki: sosiaalihuoltolain velvollisuus");
  await expect(notice.locator("blockquote")).toHaveText("Kotona selviytyminen arvioitava heti, lääkitys vaikuttaa siihen.");
  await coordinator.context().close();
});

test("a coordinator records a consent the client's representative signed and its withdrawal, and the client sees who did what", async ({ browser, page }, info) => {
  test.slow();
  // Desktop: Eino's social-care coordinator, with the doctor's records page open. Phone: Laura's,
  // with the nurse's. The consent is withdrawn again at the end, so no other test sees it.
  const people = peopleFor(info);
  const nurse = await otherPerson(browser, info, people.nurse);
  await openRecords(nurse, people.clientName);
  const socialEntry = nurse.locator(".record[data-sector=social]", { hasText: people.socialEntry });
  await expect(nurse.locator("[data-closed=social]")).toBeVisible();

  await signIn(page, "sanna.virtanen");
  await openRecords(page, people.clientName);
  const consents = page.getByRole("region", { name: "Asiakkaan suostumukset" });
  await consents.getByText("Kirjaa sinulle annettu suostumus").click();
  const form = consents.locator("form.consent-form");
  await form.getByLabel("Laillinen edustaja", { exact: false }).check();
  await form.getByLabel("Edustajan nimi", { exact: false }).fill("Helena Edunvalvoja");
  await form.getByLabel("Kirjallisesti, allekirjoitettuna").check();
  await form.getByLabel(HEALTH_ORGANISATION).check();
  await form.getByLabel("Sosiaalihuollon tiedot").check();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
  await expectNoHorizontalScroll(page);
  await form.getByRole("button", { name: "Kirjaa suostumus" }).click();
  await expect(page.getByText("Suostumus kirjattu.")).toBeVisible();
  const recorded = consents.locator(".consent[data-in-force=true]", { hasText: "Helena Edunvalvoja" });
  await expect(recorded).toContainText("Antoi laillinen edustaja: Helena Edunvalvoja");
  await expect(recorded).toContainText("kirjasi Sanna Virtanen");

  // The nurse's open page shows the social-care entries without a reload.
  await expect(socialEntry.first()).toBeVisible();

  // The representative takes it back by phone; the coordinator records it and the register closes.
  await recorded.getByRole("button", { name: "Kirjaa peruminen" }).click();
  await expect(page.getByText("Suostumuksen peruminen kirjattu.")).toBeVisible();
  await expect(socialEntry).toHaveCount(0, { timeout: 5_000 });
  await expect(nurse.locator("[data-closed=social]")).toBeVisible();

  // The client reads on their own page who gave it, who recorded it, and who recorded its end.
  const client = await otherPerson(browser, info, people.client);
  await openPrivacy(client);
  const mine = client.locator(".consent[id^=consent-]", { hasText: "Helena Edunvalvoja" });
  await expect(mine).toContainText("Peruttu");
  await expect(mine).toContainText("Annettu kirjallisesti");
  await expect(mine).toContainText("kirjasi Sanna Virtanen");
  await expect(mine).toContainText("Perumisen kirjasi Sanna Virtanen");
});
