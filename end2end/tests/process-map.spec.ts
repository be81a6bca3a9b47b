import AxeBuilder from "@axe-core/playwright";
import { expect, Page, test } from "@playwright/test";
import { expectNoHorizontalScroll, hydrated, otherPerson, signIn, visit } from "./helpers";

// The process map: keyboard use, live numbers, the client's own position, reflow on a 360 px
// phone and an accessibility check. Elina Hakala's case stays in assessment in every spec.

/** The drawing the current viewport shows (across on wide screens, down on phones). */
function drawing(page: Page) {
  return page.locator("svg.map:visible");
}

/** How many cases the map says stand in `step`. */
async function countIn(page: Page, step: string): Promise<number> {
  const label = (await drawing(page).locator(`a[data-step=${step}]`).getAttribute("aria-label")) ?? "";
  const found = label.match(/: (\d+) (asiakkuutta|avointa)/);
  if (!found) throw new Error(`no number in "${label}"`);
  return Number(found[1]);
}

async function focusedStep(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-step") ?? null);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the map is used by keyboard alone: one tab stop, arrows between steps, Enter opens a step", async ({ page }, info) => {
  await signIn(page, "sanna.virtanen");
  await page.getByRole("link", { name: "Prosessikartta" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Palveluprosessi");
  await hydrated(page);
  // The arrow keys are mentioned where they work: a hydrated map on a device with a mouse, not on
  // a phone's touch screen (issue 23 #3).
  const hint = page.locator(".map-keys");
  if (info.project.name === "phone") {
    await expect(hint).toBeHidden();
    await expect(page.locator("svg.map:visible")).not.toHaveAttribute("aria-describedby", /./);
  } else {
    await expect(hint).toHaveText("Nuolinäppäimet siirtävät vaiheesta toiseen, Enter avaa vaiheen.");
    await expect(page.locator("svg.map:visible")).toHaveAttribute("aria-describedby", "process-map-keys");
  }

  // Tab from the top of the page until the map takes focus.
  await page.locator("body").focus();
  for (let i = 0; i < 40 && (await focusedStep(page)) === null; i++) await page.keyboard.press("Tab");
  expect(await focusedStep(page)).toBe("concern");

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  expect(await focusedStep(page)).toBe("assessment");
  await page.keyboard.press("ArrowDown");
  expect(await focusedStep(page)).toBe("team");
  await page.keyboard.press("ArrowLeft");
  expect(await focusedStep(page)).toBe("assessment");
  await page.keyboard.press("End");
  expect(await focusedStep(page)).toBe("closure");
  await page.keyboard.press("Home");
  expect(await focusedStep(page)).toBe("concern");
  await page.keyboard.press("ArrowUp");
  expect(await focusedStep(page), "the first step stays put").toBe("concern");

  // The map is one tab stop: Tab leaves it.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  expect(await focusedStep(page)).toBeNull();
  await page.keyboard.press("Shift+Tab");
  expect(await focusedStep(page), "back on the step last visited").toBe("assessment");

  // Enter opens the step and moves to what it says.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/process\?step=assessment/);
  const details = page.locator("#process-map-details");
  await expect(details).toHaveText("Palvelutarpeen arviointi");
  await expect(details).toBeFocused();
  const section = page.locator(".step-details");
  await expect(section).toContainText("Mitä kirjataan");
  await expect(section).toContainText("viimeistään 7. arkipäivänä");
  await expect(section.getByTestId("step-now")).toContainText(/\d+ asiakkuutta/);
  await expect(section.getByRole("link", { name: "Näytä omat asiakkuuteni tässä vaiheessa" })).toBeVisible();

  // The list behind the step holds only cases in it.
  await section.getByRole("link", { name: "Näytä omat asiakkuuteni tässä vaiheessa" }).click();
  await expect(page.getByTestId("step-filter")).toContainText("Palvelutarpeen arviointi");
  await expect(page.locator(".case-card").first()).toBeVisible();
  for (const step of await page.locator(".case-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-step")))) {
    expect(step).toBe("assessment");
  }
});

test("a case moved by one coordinator changes the numbers in another's open map without a reload", async ({ browser, page }, info) => {
  // Jussi Turunen's case (pair South) moves on: out of identification in the first run, and
  // closed from assessment in the second.
  await signIn(page, "jari.koskinen");
  await visit(page, "/process");
  await expect(page.locator("[data-live=open]")).toBeVisible();
  const before = Object.fromEntries(
    await Promise.all(["screening", "assessment", "closure"].map(async (step) => [step, await countIn(page, step)] as const)),
  );
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const mover = await otherPerson(browser, info, "maria.nieminen");
  await mover.getByRole("link", { name: "Jussi Turunen" }).click();
  const stage = mover.getByTestId("case-stage");
  await expect(stage).toHaveText(/Tunnistaminen|Palvelutarpeen arviointi/);
  await hydrated(mover);
  const [from, to] = (await stage.textContent()) === "Tunnistaminen" ? ["screening", "assessment"] : ["assessment", "closure"];
  if (to === "assessment") {
    await mover.getByRole("button", { name: "Siirrä vaiheeseen: Palvelutarpeen arviointi" }).click();
    await expect(stage).toHaveText("Palvelutarpeen arviointi");
  } else {
    await mover.getByLabel("Päättämisen yhteenveto: mitä tehtiin ja mikä muuttui").fill("Jussi sai apua muualta.");
    await mover.getByLabel(/^Siirto tai jatko/).fill("Aikuissosiaalityö jatkaa.");
    await mover.getByRole("button", { name: "Siirrä vaiheeseen: Päättynyt" }).click();
    await expect(stage).toHaveText("Päättynyt");
  }

  await expect.poll(() => countIn(page, to)).toBe(before[to] + 1);
  expect(await countIn(page, from)).toBe(before[from] - 1);
  await expect(drawing(page).locator(`a[data-step=${to}]`)).toHaveClass(/changed/);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await mover.context().close();
});

test("the client sees where they are on the map, what is done and what comes next", async ({ page }) => {
  await signIn(page, "elina.hakala");
  await expect(page).toHaveURL(/\/pathway$/);
  await expect(page.getByTestId("pathway-step")).toHaveText("Olet nyt vaiheessa: Palvelutarpeen arviointi.");
  await expect(page.getByText("Selvitämme yhdessä, mitä apua tarvitset.").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mitä seuraavaksi" })).toBeVisible();

  const here = drawing(page).locator("a[aria-current=step]");
  await expect(here).toHaveAttribute("data-step", "assessment");
  await expect(here).toHaveAttribute("aria-label", /olet tässä/);
  await expect(drawing(page).locator("a[data-step=screening]")).toHaveAttribute("aria-label", /tehty/);
  await expect(drawing(page).locator("a[data-step=team]")).toHaveAttribute("aria-label", /tulossa/);

  await hydrated(page);
  await drawing(page).locator("a[data-step=team]").click();
  await expect(page).toHaveURL(/\/pathway\?case=\d+&step=team/);
  const details = page.locator(".step-details");
  await expect(details.getByRole("heading", { level: 2 })).toHaveText("Tiimin kokoaminen");
  await expect(details).toContainText("tulossa");
  await expect(details).toContainText("Sinä päätät, kuka siinä on.");
  await expect(details).not.toContainText("Mitä kirjataan", { timeout: 1000 });
});

test("nothing scrolls sideways on a 360 px phone, and axe finds no violations on the map and the pathway", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "heikki.laine");
  await visit(page, "/process?scope=all&step=meetings");
  await expect(page.locator(".step-details h2")).toHaveText("Verkostotapaamiset");
  await expect(page.locator("svg.map-down")).toBeVisible();
  await expect(page.locator("svg.map-across")).toBeHidden();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await signIn(page, "elina.hakala");
  await hydrated(page);
  await expect(page.getByTestId("pathway-step")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

test("on a wide screen the map is drawn across, and axe finds no violations there either", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "the wide drawing is for desktops");
  await signIn(page, "elina.hakala");
  await hydrated(page);
  await expect(page.locator("svg.map-across")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await signIn(page, "sanna.virtanen");
  await visit(page, "/process?step=team");
  await expectNoAxeViolations(page);
});
