import { expect, test } from "@playwright/test";
import { chooseCandidate, expectNoHorizontalScroll, hydrated, signIn, signOut } from "./helpers";

// "Minun tiimini": the coordinator pair proposes, the client decides. Each viewport works on its
// own client of pair South (Maria Nieminen and Jari Koskinen), both in collaboration.
function clientFor(project: string) {
  return project === "phone"
    ? { username: "oskari.vainio", name: "Oskari Vainio" }
    : { username: "sofia.berg", name: "Sofia Berg" };
}

test("the pair proposes a member, the client accepts, and the pair cannot be broken", async ({ page }, info) => {
  const client = clientFor(info.project.name);
  await signIn(page, "maria.nieminen");
  await page.getByRole("link", { name: client.name }).click();
  await expect(page.getByRole("heading", { name: "Ehdota tiimin jäsentä" })).toBeVisible();
  await hydrated(page);

  // The health-care coordinator cannot leave without a replacement.
  const jari = page.locator(".team .person", { hasText: "Jari Koskinen" });
  await jari.getByRole("button", { name: "Poista tiimistä" }).click();
  await expect(page.getByRole("alert")).toContainText("Koordinaattori (terveydenhuolto) ei voi lähteä");

  // Nothing typed: only the client's named relatives; a name finds the professional.
  await expect(page.locator("#invite-person option", { hasText: "Rauni Ojala" })).toHaveCount(0);
  await chooseCandidate(page, "ojala", "Rauni Ojala");
  await page.getByLabel("Rooli tiimissä").selectOption("member");
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Ehdota", exact: true }).click();
  await expect(page.locator(".team .person", { hasText: "Rauni Ojala" })).toContainText("Odottaa asiakkaan vastausta");
  await signOut(page);

  await signIn(page, client.username);
  const proposals = page.locator(".proposals");
  await expect(proposals.getByRole("heading", { name: "Ehdotetaan tiimiisi" })).toBeVisible();
  await expect(proposals).toContainText("Rauni Ojala");
  await hydrated(page);
  await proposals.getByRole("button", { name: "Kyllä, tervetuloa" }).click();
  await expect(page.locator(".proposals")).toHaveCount(0);
  await expect(page.locator(".team .person", { hasText: "Rauni Ojala" })).toContainText("Tiimin jäsen");
  await expectNoHorizontalScroll(page);
  await signOut(page);

  await signIn(page, "rauni.ojala");
  await expect(page.getByRole("link", { name: client.name })).toBeVisible();
});
