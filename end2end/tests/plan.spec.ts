import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, hydrated, inDays, openPlanAsStaff, signIn, signOut } from "./helpers";

// The client plan: the client writes a goal in their own words, the coordinator adds a task for
// the own worker, the own worker marks it done, and the coordinator compares the versions. Each
// viewport works on its own client, neither touched by other tests.
function peopleFor(project: string) {
  return project === "phone"
    ? { client: "kalevi.nurmi", name: "Kalevi Nurmi", coordinator: "maria.nieminen", ownWorker: "liisa.makinen", ownWorkerName: "Liisa Mäkinen" }
    : { client: "riikka.lehto", name: "Riikka Lehto", coordinator: "sanna.virtanen", ownWorker: "tiina.hamalainen", ownWorkerName: "Tiina Hämäläinen" };
}

test("the client writes a goal, the pair adds a task, the own worker marks it done, versions compare", async ({ page }, info) => {
  // Four people sign in one after another: many full page loads of the debug build.
  test.slow();
  const p = peopleFor(info.project.name);
  const goal = "Haluan jaksaa käydä töissä ja nähdä ystäviäni.";

  await signIn(page, p.client);
  await expect(page.getByRole("heading", { name: "Minun suunnitelmani" })).toBeVisible();
  await page.getByRole("link", { name: "Avaa suunnitelma" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asiakassuunnitelma: ${p.name}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Lisää tavoitteeni" }).click();
  await expect(page.locator("#new-goal:invalid")).toHaveCount(1);
  await page.locator("#new-goal").fill(goal);
  await page.locator("#new-goal-own").fill("Menen nukkumaan ennen yhtätoista.");
  await page.getByRole("button", { name: "Lisää tavoitteeni" }).click();
  await expect(page.getByRole("status")).toHaveText("Suunnitelma tallennettiin.");
  await expect(page.locator(".goal .client-words")).toHaveText([goal]);
  await expectNoHorizontalScroll(page);
  await signOut(page);

  // The pair adds a task; a date in the past is refused with its reason.
  await signIn(page, p.coordinator);
  await openPlanAsStaff(page, p.name);
  await expect(page.locator(".goal .client-words")).toHaveText([goal]);
  await page.locator("#new-action").fill("Unikoulu kerran viikossa");
  const owner = await page.locator("#new-action-owner option", { hasText: p.ownWorkerName }).getAttribute("value");
  await page.locator("#new-action-owner").selectOption(owner!);
  await page.locator("#new-action-due").fill(inDays(-3));
  await page.locator("#new-action-goal").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Lisää tehtävä", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Päivämäärä on jo mennyt.");
  await page.locator("#new-action-due").fill(inDays(7));
  await page.getByRole("button", { name: "Lisää tehtävä", exact: true }).click();
  const task = page.locator(".task", { hasText: "Unikoulu kerran viikossa" });
  await expect(task).toContainText(p.ownWorkerName);
  await expect(task).toContainText("Tavoite 1");
  await expect(task).toHaveAttribute("data-status", "open");
  await expectNoHorizontalScroll(page);
  await signOut(page);

  // The own worker marks their own task done.
  await signIn(page, p.ownWorker);
  await openPlanAsStaff(page, p.name);
  const mine = page.locator(".task", { hasText: "Unikoulu kerran viikossa" });
  await mine.getByLabel("Tilanne").selectOption("done");
  await mine.getByRole("button", { name: "Päivitä" }).click();
  await expect(page.locator(".task", { hasText: "Unikoulu kerran viikossa" })).toHaveAttribute("data-status", "done");
  await signOut(page);

  // The coordinator compares the client's version with the latest.
  await signIn(page, p.coordinator);
  await openPlanAsStaff(page, p.name);
  await expect(page.locator(".versions li")).toHaveCount(3);
  await expect(page.locator(".versions li").first()).toContainText("tiimin jäsen");
  await page.locator("#from").selectOption("1");
  await page.locator("#to").selectOption("3");
  await page.getByRole("button", { name: "Vertaa" }).click();
  const compare = page.locator(".compare");
  await expect(compare.getByRole("heading")).toHaveText("Muutokset versiosta 1 versioon 3");
  await expect(compare).toContainText("Uusi tehtävä: Unikoulu kerran viikossa");
  await page.locator("#from").selectOption("2");
  await page.getByRole("button", { name: "Vertaa" }).click();
  await expect(compare.getByRole("heading")).toHaveText("Muutokset versiosta 2 versioon 3");
  await expect(compare.locator("li")).toHaveText(["Unikoulu kerran viikossa: Ei aloitettu → Tehty"]);
});

test("a network meeting hears the client and its agreed steps become tasks in the plan", async ({ page }, info) => {
  const p = peopleFor(info.project.name);
  await signIn(page, p.coordinator);
  await page.getByRole("link", { name: p.name }).click();
  await page.getByRole("link", { name: "Verkostokokoukset" }).click();
  await expect(page.getByRole("heading", { name: "Sovi verkostokokous" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Alkaa").fill(`${inDays(5)}T13:00`);
  await page.getByLabel("Paikka").fill("Sote-keskus, neuvotteluhuone 2");
  await page.getByRole("button", { name: "Sovi tapaaminen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verkostokokous");
  await expect(page.locator(".meeting-facts")).toContainText("klo 13.00");
  await expect(page.getByRole("link", { name: "Lataa kalenteriin (.ics)" })).toHaveAttribute("href", /\/meetings\/\d+\/invite\.ics$/);
  await hydrated(page);

  // The pair writes down what the client said, in the client's words.
  await page.locator("#speaker").selectOption({ label: p.name });
  await page.getByLabel("Toiveet").fill("Haluan nukkua paremmin.");
  await page.getByRole("button", { name: "Tallenna puheenvuoro" }).click();
  await expect(page.locator(".voice")).toContainText("Haluan nukkua paremmin.");

  // Agreed steps become tasks in one step.
  await page.locator("#step-what-0").fill("Uniryhmään ilmoittautuminen");
  const owner = await page.locator("#step-owner-0 option", { hasText: p.ownWorkerName }).getAttribute("value");
  await page.locator("#step-owner-0").selectOption(owner!);
  await page.locator("#step-due-0").fill(inDays(10));
  await page.getByRole("button", { name: "Lisää askeleet suunnitelmaan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asiakassuunnitelma: ${p.name}`);
  await expect(page.locator(".task", { hasText: "Uniryhmään ilmoittautuminen" })).toContainText(p.ownWorkerName);
  await expectNoHorizontalScroll(page);
  await signOut(page);

  // The client sees the coming meeting on their pathway.
  await signIn(page, p.client);
  await expect(page.getByRole("heading", { name: "Tulevat tapaamiset" })).toBeVisible();
  await expect(page.locator(".meeting-list")).toContainText("Verkostokokous");
});

test("the pair records a review: each goal scored, the client's own view beside, the next review set", async ({ page }, info) => {
  const p = peopleFor(info.project.name);
  await signIn(page, p.coordinator);
  await openPlanAsStaff(page, p.name);
  await page.getByText("Kirjaa arviointi").click();
  await page.locator("#client-score-1").selectOption("achieved");
  await page.locator("#team-score-1").selectOption("progressing");
  await page.locator("#next-review").fill(inDays(40));
  await page.getByRole("button", { name: "Tallenna arviointi" }).click();
  const review = page.locator(".review").first();
  await expect(review.locator("td[data-score=client]")).toHaveText(["Saavutettu"]);
  await expect(review.locator("td[data-score=team]")).toHaveText(["Edistyy"]);
  const [y, m, d] = inDays(40).split("-").map(Number);
  await expect(page.getByTestId("review-date")).toHaveText(`${d}.${m}.${y}`);
  await expectNoHorizontalScroll(page);
});

test("an overdue task stands out, and the printed plan leaves out the forms", async ({ page }) => {
  await signIn(page, "eino.mantyla");
  await page.getByRole("link", { name: "Avaa suunnitelma" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Asiakassuunnitelma: Eino Mäntylä");
  const late = page.locator(".task.overdue");
  await expect(late).toHaveCount(1);
  await expect(late).toContainText("Tukikaiteet eteiseen ja kylpyhuoneeseen");
  await expect(late.locator(".badge-overdue")).toHaveText("Myöhässä");
  await expectNoHorizontalScroll(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Tulosta" })).toBeHidden();
  await expect(page.locator(".goal .client-words")).toBeVisible();
  await expect(late).toBeVisible();
});
