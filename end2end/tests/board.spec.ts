import AxeBuilder from "@axe-core/playwright";
import { APIRequestContext, expect, Locator, Page, test, TestInfo } from "@playwright/test";
import { expectNoHorizontalScroll, hydrated, inDays, openFromCaseList, otherPerson, PASSWORD, signIn, visit } from "./helpers";

// Live team boards: two staff members on one client's board, each seeing the other's changes at
// once; moving a card by keyboard alone and by dragging; a change made against an older version
// refused with the card as it is now, and applied again. Each viewport works on its own client of
// pair North and adds its own actions, so runs never depend on each other.

type Team = { client: string; member: string; memberName: string };

function teamFor(info: TestInfo): Team {
  return info.project.name === "phone"
    ? { client: "Laura Kallio", member: "olli.rantanen", memberName: "Olli Rantanen" }
    : { client: "Eino Mäntylä", member: "liisa.makinen", memberName: "Liisa Mäkinen" };
}

/** From the case list, opens the client's team board and waits until it follows changes. */
async function openTeamBoard(page: Page, client: string): Promise<string> {
  // The case page must have arrived before its link is clicked, or the click can land mid-way.
  await openFromCaseList(page, client);
  await page.getByRole("link", { name: "Tiimin taulu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tiimin taulu: ${client}`);
  await hydrated(page);
  await expect(page.locator("[data-live=open]")).toBeVisible();
  return page.url().split("team-")[1];
}

/** Adds an action to the client's plan through the API, as the signed-in person. */
async function addAction(request: APIRequestContext, caseId: string, what: string, ownerName: string) {
  const plan = await (await request.post("/api/plan", { form: { case_id: caseId } })).json();
  const owner = plan.owners.find((o: { name: string }) => o.name === ownerName).user_id;
  const res = await request.post("/api/change_plan", {
    form: { case_id: caseId, seen: String(plan.version), op: "add_action", what, owner: String(owner), due: inDays(14) },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

function card(page: Page, what: string): Locator {
  return page.locator(".board-card", { has: page.locator(".card-title", { hasText: what }) });
}

function column(page: Page, key: string): Locator {
  return page.locator(`[data-column="${key}"]`);
}

test("the unread count in the header follows a new notification on a page that is not a board", async ({ browser, page }, info) => {
  const team = teamFor(info);
  await signIn(page, "sanna.virtanen");
  const caseId = await openTeamBoard(page, team.client);
  const member = await otherPerson(browser, info, team.member);
  await visit(member, "/process");
  await expect(member.locator("[data-live=open]")).toBeVisible();
  const unread = async () => {
    const badge = member.getByTestId("unread-count");
    return (await badge.count()) > 0 ? ((await badge.textContent()) ?? "") : "";
  };
  const before = await unread();
  await addAction(page.request, caseId, `Kotikäynti ${Date.now()}`, team.memberName);
  await expect.poll(unread, { message: "a task given to them shows in the header's count at once" }).not.toBe(before);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Palveluprosessi");
  await member.context().close();
});

test("a move, an edit with a new owner and a comment with a mention appear at once on a colleague's open board", async ({ browser, page }, info) => {
  test.slow();
  const team = teamFor(info);
  await signIn(page, "sanna.virtanen");
  const caseId = await openTeamBoard(page, team.client);
  const member = await otherPerson(browser, info, team.member);
  await openTeamBoard(member, team.client);
  await member.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // Added: the colleague's board shows the new card without a reload.
  const what = `Soitto kotiin ${Date.now()}`;
  await addAction(page.request, caseId, what, "Sanna Virtanen");
  await expect(card(member, what)).toBeVisible();
  await expect(column(member, "status:open").locator(".board-card", { hasText: what })).toBeVisible();

  // Moved with "Move to…".
  await card(page, what).getByLabel("Siirrä").selectOption("status:in_progress");
  await card(page, what).getByRole("button", { name: "Siirrä" }).click();
  await expect(column(page, "status:in_progress").locator(".board-card", { hasText: what })).toBeVisible();
  await expect(column(member, "status:in_progress").locator(".board-card", { hasText: what })).toBeVisible();
  await expect(card(member, what).locator(".card-change")).toHaveText("Sanna Virtanen siirsi tämän");
  await expect(member.getByTestId("viewers")).toContainText("Sanna Virtanen");

  // Edited and given to the colleague: they see it, and are notified.
  const edited = `${what} (muokattu)`;
  await card(page, what).getByText("Muokkaa").click();
  await card(page, what).getByLabel("Mitä tehdään").fill(edited);
  await card(page, what).getByLabel("Vastuuhenkilö").selectOption({ label: team.memberName });
  await card(page, what).getByRole("button", { name: "Tallenna" }).click();
  await expect(card(member, edited).locator(".card-facts")).toContainText(team.memberName);
  await expect(card(member, edited).locator(".card-change")).toHaveText("Sanna Virtanen antoi tämän jollekulle");
  await expect(member.getByTestId("unread-count")).toBeVisible();

  // A comment mentioning the colleague.
  await card(page, edited).getByText(/^Kommentit \(0\)$/).click();
  await card(page, edited).getByLabel(/^Kommentti/).fill(`@${team.member} katsotko tämän?`);
  await card(page, edited).getByRole("button", { name: "Lähetä" }).click();
  await expect(card(page, edited).locator(".comment-body")).toHaveText(`@${team.member} katsotko tämän?`);
  await expect(card(member, edited).getByText("Kommentit (1)")).toBeVisible();
  await expect(card(member, edited).locator(".card-change")).toHaveText("Sanna Virtanen kommentoi tätä");

  expect(await member.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // The colleague's notifications list both, unread, each leading back to the card.
  await member.getByRole("link", { name: /^Ilmoitukset/ }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Ilmoitukset");
  await hydrated(member);
  const notice = (kind: string) => member.locator(`.notification[data-kind="${kind}"]`, { hasText: edited });
  await expect(notice("assigned")).toContainText("Sanna Virtanen antoi sinulle tehtävän");
  await expect(notice("mentioned")).toContainText("Sanna Virtanen mainitsi sinut");
  await expect(notice("mentioned").locator("blockquote")).toHaveText(`@${team.member} katsotko tämän?`);
  await notice("assigned").getByRole("button", { name: "Merkitse luetuksi" }).click();
  await expect(notice("assigned").locator(".badge-new")).toHaveCount(0);
  await expect(notice("mentioned").locator(".badge-new")).toBeVisible();
  await member.getByRole("button", { name: "Merkitse kaikki luetuiksi" }).click();
  await expect(notice("mentioned").locator(".badge-new")).toHaveCount(0);
  await expect(member.getByTestId("unread-count")).toHaveCount(0);
  await notice("mentioned").getByRole("link", { name: "Avaa taululla" }).click();
  await expect(card(member, edited)).toBeVisible();
  await member.context().close();
});

test("a card moves by keyboard alone, and the other board follows", async ({ browser, page }, info) => {
  const team = teamFor(info);
  await signIn(page, team.member);
  const caseId = await openTeamBoard(page, team.client);
  const coordinator = await otherPerson(browser, info, "heikki.laine");
  await openTeamBoard(coordinator, team.client);
  const what = `Lomake täytetään ${Date.now()}`;
  await addAction(coordinator.request, caseId, what, team.memberName);
  await expect(card(page, what)).toBeVisible();

  // From the card's title, Tab reaches "Move to"; the arrow key chooses, Tab and Enter move.
  await card(page, what).locator(".card-title a").focus();
  await page.keyboard.press("Tab");
  const choice = card(page, what).getByLabel("Siirrä");
  await expect(choice).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(choice).toHaveValue("status:done");
  await page.keyboard.press("Tab");
  await expect(card(page, what).getByRole("button", { name: "Siirrä" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(column(page, "status:done").locator(".board-card", { hasText: what })).toBeVisible();
  await expect(column(coordinator, "status:done").locator(".board-card", { hasText: what })).toBeVisible();
  await coordinator.context().close();
});

test("a card is dragged to another column with the pointer", async ({ page }, info) => {
  const team = teamFor(info);
  await signIn(page, "sanna.virtanen");
  const caseId = await openTeamBoard(page, team.client);
  const what = `Kotikäynti ${Date.now()}`;
  await addAction(page.request, caseId, what, "Sanna Virtanen");
  const handle = card(page, what).locator(".drag-handle");
  await expect(handle).toBeVisible();
  const target = column(page, "status:done");
  await target.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const to = await target.locator("h2").boundingBox();
  expect(from && to).toBeTruthy();
  const pointer = info.project.name === "phone" ? "touch" : "mouse";
  // The same pointer events a finger or a mouse sends.
  for (const [type, box] of [["pointerdown", from!], ["pointermove", to!], ["pointerup", to!]] as const) {
    await handle.dispatchEvent(type, {
      pointerId: 1, pointerType: pointer, isPrimary: true, bubbles: true,
      clientX: box.x + box.width / 2, clientY: box.y + box.height / 2,
    });
  }
  await expect(target.locator(".board-card", { hasText: what })).toBeVisible();
});

test("a change made on an older version of a card is refused with the card as it is now, and can be applied again", async ({ page, playwright }, info) => {
  const team = teamFor(info);
  await signIn(page, "sanna.virtanen");
  const caseId = await openTeamBoard(page, team.client);
  const what = `Tukihakemus ${Date.now()}`;
  await addAction(page.request, caseId, what, "Sanna Virtanen");
  await card(page, what).getByText("Muokkaa").click();
  await card(page, what).getByLabel("Mitä tehdään").fill(`${what}: liitteet mukaan`);

  // Meanwhile Heikki, in his own browser, moves the due date.
  const heikki = await playwright.request.newContext({ baseURL: info.project.use.baseURL ?? undefined });
  expect((await heikki.post("/api/login", { form: { username: "heikki.laine", password: PASSWORD } })).ok()).toBeTruthy();
  const board = await (await heikki.post("/api/board", { form: { board: `team-${caseId}` } })).json();
  const theirs = board.cards.find((c: { what: string }) => c.what === what);
  const moved = await heikki.post("/api/edit_card", {
    form: {
      card: `action-${caseId}-${theirs.card.key}`, version: String(theirs.version), what,
      owner: String(theirs.owner_user_id), due: inDays(30),
    },
  });
  expect(moved.ok(), await moved.text()).toBeTruthy();
  await expect(card(page, what).locator(".card-change")).toHaveText("Heikki Laine muutti tätä");
  await expect(card(page, what).getByLabel("Mitä tehdään")).toHaveValue(`${what}: liitteet mukaan`);

  await card(page, what).getByRole("button", { name: "Tallenna" }).click();
  const problem = card(page, what).locator(".card-problem");
  await expect(problem.getByRole("alert")).toContainText("Joku muutti korttia sillä välin");
  const [y, m, d] = inDays(30).split("-");
  await expect(card(page, what).locator(".card-facts")).toContainText(`${Number(d)}.${Number(m)}.${y}`);
  await problem.getByRole("button", { name: "Tee muutokseni uudelleen" }).click();
  await expect(card(page, `${what}: liitteet mukaan`)).toBeVisible();
  await expect(card(page, `${what}: liitteet mukaan`).locator(".card-problem")).toHaveCount(0);
  await heikki.dispose();
});

test("a board reflows on a phone without sideways scrolling, and axe finds no violations", async ({ page }, info) => {
  const team = teamFor(info);
  await signIn(page, "sanna.virtanen");
  if (info.project.name === "phone") await page.setViewportSize({ width: 360, height: 740 });
  await openTeamBoard(page, team.client);
  await expectNoHorizontalScroll(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await visit(page, "/boards");
  await page.getByRole("link", { name: "Koordinaattoripari Pohjoinen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Koordinaattoripari Pohjoinen");
  // Compact cards: the pair's own board names the pair once, in its title, and says once where a
  // case is closed; a card repeats neither, nor the stage its column already shows.
  await expect(page.locator(".board-head .lead")).toContainText("Asia päätetään sen omalla sivulla");
  const eino = page.locator(".board-card", { hasText: "Eino Mäntylä" });
  await expect(eino).toBeVisible();
  await expect(eino).not.toContainText("Sanna Virtanen");
  await expect(page.locator(".board-card .hint")).toHaveCount(0);
  await expect(page.locator(".board-card dt", { hasText: "Vaihe" })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  const pair = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(pair.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a member removed from a client's team sees that client's cards leave their open board at once", async ({ browser, page }, info) => {
  test.slow();
  // Pair South's clients no other board test touches: desktop Oskari Vainio and Mikko Salonen,
  // phone Helmi Lahtinen and Pekka Heikkinen.
  const [client, member, memberName] = info.project.name === "phone"
    ? ["Helmi Lahtinen", "pekka.heikkinen", "Pekka Heikkinen"]
    : ["Oskari Vainio", "mikko.salonen", "Mikko Salonen"];
  await signIn(page, "maria.nieminen");
  await page.getByRole("link", { name: client }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asiakkuus: ${client}`);
  await hydrated(page);
  const caseId = page.url().split("/cases/")[1];
  const what = `Tehtävä tiimistä lähtevälle ${Date.now()}`;
  await addAction(page.request, caseId, what, memberName);

  // The member follows their own board, with the client's card on it.
  const theirs = await otherPerson(browser, info, member);
  await visit(theirs, "/boards/mine");
  await expect(theirs.locator("[data-live=open]")).toBeVisible();
  await expect(card(theirs, what)).toBeVisible();

  // The pair removes them from the team on the case page.
  await page.locator(".team .person", { hasText: memberName }).getByRole("button", { name: "Poista tiimistä" }).click();
  await expect(page.locator(".team .person", { hasText: memberName })).toHaveCount(0);

  // Their open board lets the client's cards go without a reload, and hears nothing more of them.
  await expect(card(theirs, what)).toHaveCount(0);
  await expect(theirs.locator(".board-card", { hasText: client })).toHaveCount(0);
  const plan = await (await page.request.post("/api/plan", { form: { case_id: caseId } })).json();
  const handed = plan.content.actions.find((a: { what: string }) => a.what === what);
  const maria = plan.owners.find((o: { name: string }) => o.name === "Maria Nieminen").user_id;
  expect(handed.owner_user_id, "their open task went to the coordinator who removed them").toBe(maria);
  const comment = await page.request.post("/api/comment_card", { form: { card: `action-${caseId}-${handed.key}`, body: "Luottamuksellinen huomio" } });
  expect(comment.ok(), await comment.text()).toBeTruthy();
  await expect(theirs.getByText("Luottamuksellinen huomio")).toHaveCount(0);
  await expect(theirs.locator(".board-card", { hasText: client })).toHaveCount(0);
  await theirs.context().close();
});
