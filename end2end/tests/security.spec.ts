import { expect, test } from "@playwright/test";
import { signIn, visit } from "./helpers";

// The content security policy admits the application's own scripts, its WebAssembly and its live
// connections, and nothing the browser has to refuse: a page that works under the policy reports
// no violation.

test("pages, their hydration and their live connections run under the script policy", async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const first = await page.goto("/login");
  const policy = first!.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]+' 'wasm-unsafe-eval'/);
  expect(first!.headers()["x-frame-options"]).toBe("DENY");
  await signIn(page, "sanna.virtanen");

  for (const path of ["/process", "/boards"]) {
    await visit(page, path);
    if (path === "/process") await expect(page.locator("[data-live=open]")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  }
});
