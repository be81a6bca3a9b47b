import { expect, Page, test } from "@playwright/test";
import { chooseCandidate, expectNoHorizontalScroll, hydrated, inDays, openPlanAsStaff, signIn, signOut } from "./helpers";

// One case walked from collaboration to closure: the team forms with the client accepting its
// member, the client writes a goal, a network meeting's agreed step becomes a task, the pair
// reviews and closes the case, the client gives feedback and the pair reads it in aggregate.
// Each viewport has its own client whose team is only the coordinator pair, touched by no other test.
function peopleFor(project: string) {
  return project === "phone"
    ? { client: "aila.saarinen", name: "Aila Saarinen", coordinator: "maria.nieminen", worker: "liisa.makinen", workerName: "Liisa Mäkinen" }
    : { client: "tuomas.leino", name: "Tuomas Leino", coordinator: "sanna.virtanen", worker: "tiina.hamalainen", workerName: "Tiina Hämäläinen" };
}

/** From the case list (hydrated first: a click while the list hydrates is not one to rely on). */
async function openCase(page: Page, name: string) {
  await hydrated(page);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await hydrated(page);
}

test("one case from forming the team to closure, with the client's goals, a meeting, a review and feedback", async ({ page }, info) => {
  // Three people take turns over seven sign-ins: many full page loads of the debug build.
  test.setTimeout(240_000);
  const p = peopleFor(info.project.name);
  const goal = "Haluan saada päivärytmin kuntoon ja käydä kuntosalilla.";
  const step = "Kuntosalikortin hakeminen yhdessä";

  // The pair proposes the own worker.
  await signIn(page, p.coordinator);
  await openCase(page, p.name);
  await expect(page.getByTestId("case-stage")).toHaveText("Monialainen yhteistyö");
  await chooseCandidate(page, p.worker, p.workerName);
  await page.getByLabel("Rooli tiimissä").selectOption("own_worker");
  await page.getByRole("button", { name: "Ehdota", exact: true }).click();
  await expect(page.locator(".team .person", { hasText: p.workerName })).toContainText("Odottaa asiakkaan vastausta");
  await signOut(page);

  // The client accepts and writes their goal in their own words.
  await signIn(page, p.client);
  await hydrated(page);
  await page.locator(".proposals").getByRole("button", { name: "Kyllä, tervetuloa" }).click();
  await expect(page.locator(".proposals")).toHaveCount(0);
  await expect(page.locator(".team .person", { hasText: p.workerName })).toContainText("Omatyöntekijä");
  await page.getByRole("link", { name: "Avaa suunnitelma" }).click();
  await hydrated(page);
  await page.locator("#new-goal").fill(goal);
  await page.getByRole("button", { name: "Lisää tavoitteeni" }).click();
  await expect(page.locator(".goal .client-words")).toHaveText([goal]);
  await signOut(page);

  // The pair holds a network meeting; its agreed step becomes the own worker's task.
  await signIn(page, p.coordinator);
  await openCase(page, p.name);
  await page.getByRole("link", { name: "Verkostokokoukset" }).click();
  await expect(page.getByRole("heading", { name: "Sovi verkostokokous" })).toBeVisible();
  await hydrated(page);
  await expect(page.locator("input[name='participants[]']:checked")).toHaveCount(4);
  await page.getByLabel("Alkaa").fill(`${inDays(3)}T10:00`);
  await page.getByLabel("Paikka").fill("Sote-keskus, neuvotteluhuone 1");
  await page.getByRole("button", { name: "Sovi tapaaminen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verkostokokous");
  await hydrated(page);
  await expect(page.getByRole("link", { name: "Lataa kalenteriin (.ics)" }), "a meeting to come goes into a calendar").toBeVisible();
  // The narrowest phone in use (360 px): the agreed steps' fieldsets fit it (issue 23 #9).
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(page.locator("fieldset.step").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.setViewportSize(viewport);
  await page.locator("#speaker").selectOption({ label: p.name });
  await page.getByLabel("Toiveet").fill("Haluan jaksaa liikkua.");
  await page.getByRole("button", { name: "Tallenna puheenvuoro" }).click();
  await expect(page.locator(".voice")).toContainText("Haluan jaksaa liikkua.");
  await page.locator("#step-what-0").fill(step);
  const owner = await page.locator("#step-owner-0 option", { hasText: p.workerName }).getAttribute("value");
  await page.locator("#step-owner-0").selectOption(owner!);
  await page.locator("#step-due-0").fill(inDays(14));
  await page.getByRole("button", { name: "Lisää askeleet suunnitelmaan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asiakassuunnitelma: ${p.name}`);
  await expect(page.locator(".task", { hasText: step })).toContainText(p.workerName);

  // Follow-up: the pair reviews the goal with the client's own score beside.
  await page.goto("/cases");
  await openCase(page, p.name);
  await page.getByRole("button", { name: "Siirrä vaiheeseen: Seuranta ja arviointi" }).click();
  // The server's answer first: were the move refused, its message is what the failure shows.
  await expect(page.locator("main > .notice")).toHaveText(["Asiakkuus on nyt vaiheessa: Seuranta ja arviointi."]);
  await expect(page.getByTestId("case-stage")).toHaveText("Seuranta ja arviointi");
  await page.goto("/cases");
  await openPlanAsStaff(page, p.name);
  await page.getByText("Kirjaa arviointi").click();
  await page.locator("#client-score-1").selectOption("achieved");
  await page.locator("#team-score-1").selectOption("achieved");
  await page.locator("#next-review").fill(inDays(60));
  await page.getByRole("button", { name: "Tallenna arviointi" }).click();
  await expect(page.locator(".review").first().locator("td[data-score=team]")).toHaveText(["Saavutettu"]);

  // The pair closes the case with a summary and who carries on.
  await page.goto("/cases");
  await openCase(page, p.name);
  await page.getByLabel("Päättämisen yhteenveto: mitä tehtiin ja mikä muuttui").fill("Päivärytmi on kunnossa ja kuntosali on viikoittainen tapa.");
  await page.getByLabel(/^Siirto tai jatko/).fill("Omatyöntekijä soittaa kuukauden päästä.");
  await page.getByRole("button", { name: "Siirrä vaiheeseen: Päättynyt" }).click();
  await expect(page.getByTestId("case-stage")).toHaveText("Päättynyt");
  await signOut(page);

  // The client reads how the case ended and gives feedback; a score is needed.
  await signIn(page, p.client);
  await expect(page.getByTestId("pathway-stage")).toHaveText("Päättynyt");
  await expect(page.locator(".closure")).toContainText("Omatyöntekijä soittaa kuukauden päästä.");
  const atClosure = page.locator(".feedback-prompt[data-occasion=closure]");
  await expect(atClosure.getByRole("heading")).toContainText("Asiasi päättyminen");
  await hydrated(page);
  await atClosure.getByLabel("Haluatko sanoa jotain? (vapaaehtoinen)").fill("Sain apua juuri oikeaan aikaan.");
  await atClosure.getByRole("button", { name: "Lähetä palaute" }).click();
  await expect(atClosure.getByRole("alert")).toHaveText("Valitse arvio 1–5.");
  await atClosure.getByLabel("5 – erittäin hyvin").check();
  await atClosure.getByRole("button", { name: "Lähetä palaute" }).click();
  await expect(page.locator(".feedback-prompt[data-occasion=closure] .feedback-given")).toHaveText("Annoit arvion 5 / 5.");
  await expect(page.getByRole("status").filter({ hasText: "Kiitos" })).toHaveText("Kiitos palautteestasi.");
  await expectNoHorizontalScroll(page);
  await signOut(page);

  // The pair reads the feedback in aggregate, with no name beside it.
  await signIn(page, p.coordinator);
  await page.getByRole("link", { name: "Palaute" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Asiakaspalaute");
  const closures = page.locator(".feedback-summary[data-occasion=closure]");
  await expect(closures.getByTestId("feedback-count")).toHaveText("1");
  await expect(closures.getByTestId("feedback-average")).toHaveText("5,0 / 5");
  await expect(page.locator(".comments")).toContainText("Sain apua juuri oikeaan aikaan.");
  await expect(page.locator("main")).not.toContainText(p.name);
  await expectNoHorizontalScroll(page);
});
