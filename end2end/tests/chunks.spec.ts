import { expect, Page, test } from "@playwright/test";
import { hydrated, signIn, visit } from "./helpers";

// The application's WebAssembly is split by groups of pages (`cargo leptos build --split`,
// app/src/routes.rs): a page opened directly loads the shared core and its group's chunks before it
// hydrates, and a page of another group reached by a link loads that group's chunks on the way.
// These tests walk across pages and use each one.

/** Every WebAssembly file the page has asked for, in order, by name. */
function wasmRequests(page: Page): string[] {
  const names: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(".wasm")) names.push(url.pathname.split("/").pop() ?? "");
  });
  return names;
}

test("a coordinator walks from the case list to a case, its plan and the process map, each page working once its code has loaded", async ({
  page,
}) => {
  const wasm = wasmRequests(page);
  await signIn(page, "sanna.virtanen");
  await expect(page).toHaveURL(/\/cases$/);
  const core = wasm.length;
  expect(core, "the shared core and the case list's chunks").toBeGreaterThanOrEqual(2);

  // The case page: drawn in the browser from the case pages' chunks.
  await page.getByRole("link", { name: "Aino Korhonen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Asiakkuus: Aino Korhonen");
  await expect(page.getByTestId("case-stage")).toHaveText("Palvelutarpeen arviointi");
  await expect(page, "each page names itself and its client (WCAG 2.4.2)").toHaveTitle("Asiakkuus – Aino Korhonen – Polku");
  await expect(page.locator("main"), "a link's new page takes focus").toBeFocused();
  const afterCase = wasm.length;
  expect(afterCase, "the case pages' code came in chunks of their own").toBeGreaterThan(core);

  // The plan: the same group as the case page, so nothing more to fetch.
  await page.getByRole("link", { name: "Avaa asiakassuunnitelma" }).click();
  await expect(page).toHaveURL(/\/cases\/\d+\/plan$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Asiakassuunnitelma");
  await expect(page).toHaveTitle("Asiakassuunnitelma – Aino Korhonen – Polku");
  const afterPlan = wasm.length;
  expect(afterPlan, "the plan is drawn by the chunks the case page brought").toBe(afterCase);

  // The process map: its keyboard handling runs from its chunk.
  await page.getByRole("link", { name: "Prosessikartta" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Palveluprosessi");
  await expect(page).toHaveTitle("Palveluprosessi – Polku");
  expect(wasm.length, "the map's code came in chunks of its own").toBeGreaterThan(afterPlan);
  const firstStep = page.locator("svg.map:visible a[data-step=concern]");
  await firstStep.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("svg.map:visible a[data-step=screening]")).toBeFocused();

  // Back to a page already visited: its chunk is not fetched again.
  const beforeBack = wasm.length;
  await page.goBack();
  await expect(page).toHaveURL(/\/cases\/\d+\/plan$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Asiakassuunnitelma");
  expect(wasm.length).toBe(beforeBack);
  expect(new Set(wasm).size, "no file asked for twice").toBe(wasm.length);
});

test("a page opened directly hydrates with its chunks and answers at once", async ({ page }) => {
  await signIn(page, "sanna.virtanen");
  const wasm = wasmRequests(page);
  await visit(page, "/process");
  expect(wasm.length, "the core and the map's chunks").toBeGreaterThanOrEqual(2);
  const firstStep = page.locator("svg.map:visible a[data-step=concern]");
  await firstStep.focus();
  await page.keyboard.press("End");
  await expect(page.locator("svg.map:visible a[data-step=closure]")).toBeFocused();
  await hydrated(page);
});
