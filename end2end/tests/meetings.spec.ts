import { expect, test } from "@playwright/test";
import { openFromCaseList, signIn } from "./helpers";

// A network meeting already held (the demo holds one with each of these clients, 12 and 20 days
// ago) is spoken of in the past: who was invited, and no calendar file to add it to (issue 23 #9).
function peopleFor(project: string) {
  return project === "phone"
    ? { name: "Kalevi Nurmi", coordinator: "maria.nieminen" }
    : { name: "Eino Mäntylä", coordinator: "sanna.virtanen" };
}

test("a meeting already held says who was invited and offers no calendar file", async ({ page }, info) => {
  const p = peopleFor(info.project.name);
  await signIn(page, p.coordinator);
  await openFromCaseList(page, p.name);
  await page.getByRole("link", { name: "Verkostokokoukset" }).click();
  const held = page.locator(".meeting", { hasText: "neuvotteluhuone 2" });
  await expect(held.locator("dt").last()).toHaveText("Kutsutut");
  await expect(held.getByRole("link", { name: "Lataa kalenteriin (.ics)" })).toHaveCount(0);

  await held.getByRole("link", { name: "Verkostokokous" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verkostokokous");
  await expect(page.locator(".meeting-facts dt").last()).toHaveText("Kutsutut");
  await expect(page.getByRole("link", { name: "Lataa kalenteriin (.ics)" })).toHaveCount(0);
  await expect(page).toHaveTitle(`Verkostokokous – ${p.name} – Polku`);
});
