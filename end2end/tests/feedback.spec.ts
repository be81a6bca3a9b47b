import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, hydrated, signIn, signOut } from "./helpers";

// Feedback after a network meeting: the demo data holds a meeting already held with each of
// these clients. Each viewport has its own client and coordinator pair.
function peopleFor(project: string) {
  return project === "phone"
    ? { client: "kalevi.nurmi", name: "Kalevi Nurmi", coordinator: "maria.nieminen" }
    : { client: "eino.mantyla", name: "Eino Mäntylä", coordinator: "sanna.virtanen" };
}

test("the client scores a meeting they were at and the pair sees the average, not who gave it", async ({ page }, info) => {
  const p = peopleFor(info.project.name);
  await signIn(page, p.client);
  await expect(page.getByRole("heading", { name: "Palautteeni" })).toBeVisible();
  const prompt = page.locator(".feedback-prompt[data-occasion=meeting]");
  await expect(prompt.getByRole("heading")).toContainText("Verkostokokous");
  await expect(prompt.locator("fieldset legend")).toHaveText("Miten tapaaminen sujui sinun mielestäsi?");
  await expect(prompt.getByRole("radio")).toHaveCount(5);
  await hydrated(page);
  await prompt.getByLabel("4 – hyvin").check();
  await prompt.getByLabel("Haluatko sanoa jotain? (vapaaehtoinen)").fill("Sain sanoa oman mielipiteeni.");
  await expectNoHorizontalScroll(page);
  await prompt.getByRole("button", { name: "Lähetä palaute" }).click();
  await expect(page.locator(".feedback-prompt[data-occasion=meeting] .feedback-given")).toHaveText("Annoit arvion 4 / 5.");
  await expect(page.locator(".feedback-prompt[data-occasion=meeting] form")).toHaveCount(0);
  await signOut(page);

  await signIn(page, p.coordinator);
  await page.getByRole("link", { name: "Palaute" }).click();
  const meetings = page.locator(".feedback-summary[data-occasion=meeting]");
  await expect(meetings.getByRole("heading")).toHaveText("Tapaamisten jälkeen");
  await expect(meetings.getByTestId("feedback-count")).toHaveText("1");
  await expect(meetings.getByTestId("feedback-average")).toHaveText("4,0 / 5");
  await expect(meetings.locator("tbody tr").nth(1).locator("td.count")).toHaveText("1");
  await expect(page.locator(".comments")).toContainText("Sain sanoa oman mielipiteeni.");
  await expect(page.locator("main")).not.toContainText(p.name);
  await expectNoHorizontalScroll(page);
});
