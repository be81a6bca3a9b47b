import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { clientFor, expectNoHorizontalScroll, hydrated, openFromCaseList, otherPerson, signIn } from "./helpers";

// The audit reviewer finds, by part of a client's name, who opened that client's case, when and
// on what basis; and the client then sees that their log was reviewed.

test("an audit reviewer finds who opened a client's case, and the client sees the review", async ({ browser, page }, info) => {
  const client = clientFor(info);
  // Someone on the client's team: Laura's nurse on the phone run, Eino's doctor on the desktop run.
  const [openerUsername, openerName] = info.project.name === "phone" ? ["anna.lehtonen", "Anna Lehtonen"] : ["liisa.makinen", "Liisa Mäkinen"];
  const opener = await otherPerson(browser, info, openerUsername);
  await openFromCaseList(opener, client.name);

  await signIn(page, "paula.rinne");
  await expect(page).toHaveURL(/\/audit$/);
  await hydrated(page);
  const surname = client.name.split(" ")[1];
  await page.getByLabel("Asiakkaan nimi tai sen osa").fill(surname.toLowerCase());
  await page.getByLabel("Peruste").selectOption("team");
  await page.getByRole("button", { name: "Hae", exact: true }).click();
  await expect(page).toHaveURL(/client=/);
  const row = page.locator("tr.audit-row[data-resource=case]", { hasText: openerName }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText(client.name);
  await expect(row).toContainText("Katsoi: asiakkuuden tiedot");
  await expect(row).toContainText("tiimin jäsenyys");
  await expectNoHorizontalScroll(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);

  // The client sees on their own page that the log was reviewed.
  const own = await otherPerson(browser, info, client.username);
  await own.goto("/pathway");
  await own.getByRole("link", { name: "Suostumukset ja kuka on katsonut tietojasi" }).first().click();
  const review = own.locator(".access[data-basis=audit_review]").first();
  await expect(review).toContainText("Paula Rinne");
  await expect(review).toContainText("lokitarkastus");
});
