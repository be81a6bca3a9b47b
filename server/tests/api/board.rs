//! Live case boards: who sees which board, card moves and edits under versions (a stale change
//! refused with the fresh card), comments with @mentions, notifications, the overdue sweep, and
//! the board feed over `/live/board/{board}` catching up after a reconnect.

use crate::helpers::*;
use app::domain::Stage;
use app::store::entities::{board_event, card_comment, coordinator_pair, notification};
use futures_util::StreamExt;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

/// The board key of the pair `coordinator` belongs to.
async fn pair_board(app: &TestApp, coordinator: &str) -> String {
    let id = app.user_id(coordinator).await;
    let pair = coordinator_pair::Entity::find()
        .filter(coordinator_pair::Column::SocialUserId.eq(id).or(coordinator_pair::Column::HealthUserId.eq(id)))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    format!("pair-{}", pair.id)
}

async fn board(app: &TestApp, http: &reqwest::Client, key: &str) -> Value {
    let (status, body) = json(app.call(http, "board", &[("board", key)]).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn card<'a>(page: &'a Value, key: &str) -> &'a Value {
    page["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| card_key(c) == key)
        .unwrap_or_else(|| panic!("{key} on the board: {page}"))
}

/// A card's key as the API names it (`case-7`, `action-7-2`).
fn card_key(card: &Value) -> String {
    match card["card"]["kind"].as_str().unwrap() {
        "case" => format!("case-{}", card["card"]["case_id"]),
        _ => format!("action-{}-{}", card["card"]["case_id"], card["card"]["key"]),
    }
}

fn clients(page: &Value) -> Vec<String> {
    let mut names: Vec<String> =
        page["cards"].as_array().unwrap().iter().map(|c| c["client_name"].as_str().unwrap().to_string()).collect();
    names.sort();
    names.dedup();
    names
}

async fn move_card(
    app: &TestApp,
    http: &reqwest::Client,
    card: &str,
    column: &str,
    version: i64,
) -> (StatusCode, Value) {
    json(app.call(http, "move_card", &[("card", card), ("column", column), ("version", &version.to_string())]).await)
        .await
}

async fn notifications(app: &TestApp, http: &reqwest::Client) -> Value {
    let (status, body) = json(app.call(http, "notifications", &[]).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// Every case card of `page` shows what its case's facts give now: its step, whether it is late,
/// and its date (the assessment's legal start day while the clock runs, else the plan's review
/// date; nothing once closed). The board reads the places stored with each change, so this fails
/// if a stored place fell behind its facts or the card read the wrong date from it.
async fn every_case_card_shows_its_place_now(app: &TestApp, page: &Value) {
    use app::domain::AssessmentClock;
    use app::store::{entities::case, placement, plans};
    let shown: Vec<(i64, &Value)> = page["cards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["card"]["kind"] == "case")
        .map(|c| (c["card"]["case_id"].as_i64().unwrap(), c))
        .collect();
    let cases = case::Entity::find()
        .filter(case::Column::Id.is_in(shown.iter().map(|(id, _)| *id as i32)))
        .all(&app.db)
        .await
        .unwrap();
    let clients = placement::clients_of(&app.db, &cases).await.unwrap();
    let now = chrono::Utc::now();
    let placed = placement::place(&app.db, &cases, &clients, now).await.unwrap();
    let plans = plans::latest_of(&app.db, cases.iter().map(|c| c.id).collect()).await.unwrap();
    let (mut from_clock, mut from_review) = (0, 0);
    for c in &cases {
        let place = placed[&c.id];
        let due = match (c.stage, place.clock) {
            (Stage::Closed, _) => None,
            (_, Some(AssessmentClock::Running { state })) => {
                from_clock += 1;
                Some(state.due())
            }
            _ => plans.get(&c.id).and_then(|p| p.review_date).inspect(|_| from_review += 1),
        };
        let card = shown.iter().find(|(id, _)| *id == i64::from(c.id.0)).unwrap().1;
        assert_eq!(card["step"], json!(place.step), "case {}", c.id);
        assert_eq!(card["overdue"], json!(place.overdue), "case {}", c.id);
        assert_eq!(card["due"], json!(due.map(|d| d.to_string())), "case {}", c.id);
    }
    assert!(from_clock > 0 && from_review > 0, "the board has cards dated both ways: {from_clock}, {from_review}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pair_board_shows_the_pairs_cases_by_step_and_only_to_the_pair() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let north = pair_board(&app, "sanna.virtanen").await;
    let page = board(&app, &sanna, &north).await;
    let names = clients(&page);
    assert!(names.contains(&"Eino Mäntylä".to_string()) && names.contains(&"Tuomas Leino".to_string()), "{names:?}");
    assert!(!names.contains(&"Oskari Vainio".to_string()), "the other pair's client is not on this board");
    let eino = app.case_of("eino.mantyla").await;
    let card_of_eino = card(&page, &format!("case-{}", eino.id));
    assert_eq!(card_of_eino["column"], json!({"kind": "step", "value": "meetings"}));
    assert_eq!(card_of_eino["overdue"], true, "a task of Eino's plan is past due");
    assert_eq!(card_of_eino["version"], eino.version);
    assert_eq!(card_of_eino["owners"], json!(["Sanna Virtanen", "Heikki Laine"]));
    let (sanna_id, heikki_id) = (app.user_id("sanna.virtanen").await, app.user_id("heikki.laine").await);
    assert_eq!(card_of_eino["owner_ids"], json!([sanna_id, heikki_id]), "the same people, by id");
    let tuomas = app.case_of("tuomas.leino").await;
    assert_eq!(card(&page, &format!("case-{}", tuomas.id))["column"]["value"], "team");
    assert_eq!(app.audit_rows(eino.id, "board", "list").await.len(), 1, "each case on the board is logged");
    assert_eq!(page["title"], "Koordinaattoripari Pohjoinen");
    assert_eq!(page["pair"], json!([sanna_id, heikki_id]), "the pair, which its cards need not repeat");
    every_case_card_shows_its_place_now(&app, &page).await;

    let heikki = app.signed_in("heikki.laine").await;
    assert_eq!(clients(&board(&app, &heikki, &north).await), names, "both of the pair see the same board");
    for (who, error) in
        [("maria.nieminen", "not_this_pair"), ("liisa.makinen", "not_this_pair"), ("eino.mantyla", "boards_for_staff")]
    {
        let http = app.signed_in(who).await;
        assert_error(
            app.call(&http, "board", &[("board", &north)]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!(error)),
        )
        .await;
    }
    assert_error(
        app.call(&app.signed_in("admin").await, "board", &[("board", &north)]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    )
    .await;
    assert_error(
        app.call(&app.anonymous(), "board", &[("board", &north)]).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
        None,
    )
    .await;
    assert_error(
        app.call(&sanna, "board", &[("board", "pair-x")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "board",
        Some(json!({"kind": "unknown_board", "value": "pair-x"})),
    )
    .await;
    assert_error(app.call(&sanna, "board", &[("board", "pair-9999")]).await, StatusCode::NOT_FOUND, "not_found", None)
        .await;

    // A team board: the plan's actions by status, for the team's professionals only.
    let liisa = app.signed_in("liisa.makinen").await;
    let team = board(&app, &liisa, &format!("team-{}", eino.id)).await;
    let columns: Vec<&str> =
        team["cards"].as_array().unwrap().iter().map(|c| c["column"]["value"].as_str().unwrap()).collect();
    assert_eq!(columns, vec!["open", "in_progress"]);
    assert_eq!(team["owners"], json!([]), "a member gives no actions to anyone");
    let pairs_view = board(&app, &sanna, &format!("team-{}", eino.id)).await;
    assert_eq!(pairs_view["owners"][0][1].as_array().unwrap().len(), 5, "the pair and three members may own actions");
    let rauni = app.signed_in("rauni.ojala").await;
    assert_error(
        app.call(&rauni, "board", &[("board", &format!("team-{}", eino.id))]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    // The personal board: only what the reader owns.
    let mine = board(&app, &liisa, "mine").await;
    assert!(mine["cards"].as_array().unwrap().iter().all(|c| c["owners"] == json!(["Liisa Mäkinen"])), "{mine}");
    assert!(!mine["cards"].as_array().unwrap().is_empty());
    assert_eq!(mine["pair"], json!([]), "no pair's board");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_card_moves_between_stages_under_its_version() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let eino = app.case_of("eino.mantyla").await;
    let key = format!("case-{}", eino.id);
    let events_before = board_event::Entity::find().count(&app.db).await.unwrap();

    let (status, moved) = move_card(&app, &sanna, &key, "step:review", eino.version as i64).await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["stage"], "follow_up");
    assert_eq!(moved["column"]["value"], "review");
    assert_eq!(moved["version"], eino.version + 1);
    assert_eq!(app.case_by_id(eino.id).await.stage, Stage::FollowUp);
    let written =
        board_event::Entity::find().filter(board_event::Column::CaseId.eq(eino.id)).all(&app.db).await.unwrap();
    assert_eq!(written.len() as u64, board_event::Entity::find().count(&app.db).await.unwrap() - events_before);
    assert!(written.iter().any(|e| e.card == key && e.kind == "moved"), "the move is a board event");

    // Heikki saw the card before Sanna's move: his move is refused with the version now.
    let heikki = app.signed_in("heikki.laine").await;
    let history = app.history_len(eino.id).await;
    let (status, stale) = move_card(&app, &heikki, &key, "step:closure", eino.version as i64).await;
    assert_eq!(status, StatusCode::CONFLICT, "{stale}");
    assert_eq!(stale["detail"], json!({"kind": "stale", "current": eino.version + 1}));
    assert_eq!(app.history_len(eino.id).await, history, "a refused move writes nothing");
    let (status, fresh) = json(app.call(&heikki, "card", &[("card", &key)]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fresh, moved, "the fresh card to reapply on");

    // Within a stage the records decide; closing needs its summary; the pair only.
    let tuomas = app.case_of("tuomas.leino").await;
    let (status, within) =
        move_card(&app, &sanna, &format!("case-{}", tuomas.id), "step:plan", tuomas.version as i64).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(within["detail"], json!({"kind": "step_follows_from_records", "step": "plan"}));
    let (status, closing) = move_card(&app, &sanna, &key, "step:closure", eino.version as i64 + 1).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{closing}");
    assert_eq!(closing["detail"]["kind"], "closing_needs_summary");
    let liisa = app.signed_in("liisa.makinen").await;
    let (status, member) = move_card(&app, &liisa, &key, "step:meetings", eino.version as i64 + 1).await;
    assert_eq!((status, member["detail"].clone()), (StatusCode::FORBIDDEN, json!("not_coordinator_of_case")));
    for (column, version, kind) in [
        ("step:nowhere", "1", "unknown_column"),
        ("step:meetings", "x", "bad_version"),
        ("status:done", "1", "column_not_on_board"),
    ] {
        let (status, body) =
            json(app.call(&sanna, "move_card", &[("card", &key), ("column", column), ("version", version)]).await)
                .await;
        assert_eq!((status, body["detail"]["kind"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(kind)), "{body}");
    }
    app.assert_places_are_current().await;
}

/// Issue 23 #4: an overdue action can be reworded or given to someone else on its card without
/// moving its date; a date moved at all moves forward.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_action_is_reworded_without_moving_its_date() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let team = board(&app, &sanna, &format!("team-{}", eino.id)).await;
    let late = team["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["overdue"] == true && c["card"]["kind"] == "action")
        .expect("Eino's plan has an overdue action")
        .clone();
    let (key, due) = (card_key(&late), late["due"].as_str().unwrap().to_string());
    let owner = late["owner_user_id"].to_string();
    let edit = |version: i64, what: &'static str, due: String| {
        let form = [
            ("card", key.clone()),
            ("version", version.to_string()),
            ("what", what.into()),
            ("owner", owner.clone()),
            ("due", due),
        ];
        let (app, sanna) = (&app, &sanna);
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            json(app.call(sanna, "edit_card", &form).await).await
        }
    };
    let version = late["version"].as_i64().unwrap();
    let (status, moved_back) = edit(version, "Toisin sanottu", day(-30)).await;
    assert_eq!(
        (status, moved_back["detail"]["kind"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("date_in_past")),
        "{moved_back}"
    );
    let (status, reworded) = edit(version, "Toisin sanottu", due.clone()).await;
    assert_eq!(status, StatusCode::OK, "{reworded}");
    assert_eq!((reworded["what"].as_str(), reworded["due"].as_str()), (Some("Toisin sanottu"), Some(due.as_str())));
    assert_eq!(reworded["overdue"], true, "still late: only the words changed");
    assert_eq!(reworded["version"].as_i64(), Some(version + 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn action_cards_move_and_change_hands_under_versions_and_notify_the_new_owner() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let team = board(&app, &liisa, &format!("team-{}", eino.id)).await;
    let mikkos = format!("action-{}-1", eino.id);
    let liisas = format!("action-{}-2", eino.id);
    assert_eq!(card(&team, &liisas)["version"], 0);

    let (status, done) = move_card(&app, &liisa, &liisas, "status:done", 0).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!((done["column"]["value"].as_str(), done["version"].as_i64()), (Some("done"), Some(1)));
    let (status, other) = move_card(&app, &liisa, &mikkos, "status:done", 0).await;
    assert_eq!((status, other["detail"]["kind"].as_str()), (StatusCode::FORBIDDEN, Some("only_own_tasks")), "{other}");
    let (status, again) = move_card(&app, &liisa, &liisas, "status:done", 1).await;
    assert_eq!((status, again["detail"]["kind"].as_str()), (StatusCode::CONFLICT, Some("already_there")));

    // Sanna gives Mikko's action to Liisa with a new wording and date: Liisa is notified.
    let liisa_id = app.user_id("liisa.makinen").await.to_string();
    let edit = |version: &str, what: &str| {
        let form = [
            ("card", mikkos.clone()),
            ("version", version.to_string()),
            ("what", what.to_string()),
            ("owner", liisa_id.clone()),
            ("due", day(5)),
        ];
        let (app, sanna) = (&app, &sanna);
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            json(app.call(sanna, "edit_card", &form).await).await
        }
    };
    let (status, edited) = edit("0", " Tukikaiteet kylpyhuoneeseen ").await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["what"], "Tukikaiteet kylpyhuoneeseen");
    assert_eq!(edited["owners"], json!(["Liisa Mäkinen"]));
    assert_eq!((edited["version"].as_i64(), edited["overdue"].as_bool()), (Some(1), Some(false)));
    let (status, stale) = edit("0", "Toinen sanamuoto").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(stale["detail"], json!({"kind": "stale", "current": 1}), "someone changed it meanwhile");
    let (status, empty) = edit("1", "  ").await;
    assert_eq!((status, empty["detail"]["kind"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("action_empty")));
    let (status, member_edit) = json(
        app.call(
            &liisa,
            "edit_card",
            &[("card", &liisas), ("version", "1"), ("what", "x"), ("owner", &liisa_id), ("due", &day(3))],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, member_edit["detail"]["kind"].as_str()),
        (StatusCode::FORBIDDEN, Some("only_own_tasks")),
        "members change the status only"
    );

    let inbox = notifications(&app, &liisa).await;
    assert_eq!(inbox["unread"], 1, "{inbox}");
    let note = &inbox["items"][0];
    assert_eq!(
        (note["kind"].as_str(), note["actor"].as_str(), note["what"].as_str()),
        (Some("assigned"), Some("Sanna Virtanen"), Some("Tukikaiteet kylpyhuoneeseen"))
    );
    assert_eq!(note["client_name"], "Eino Mäntylä");
    assert_eq!(notifications(&app, &sanna).await["unread"], 0, "not for the one who did it");
    let mine = board(&app, &liisa, "mine").await;
    assert_eq!(card(&mine, &mikkos)["what"], "Tukikaiteet kylpyhuoneeseen", "now on Liisa's own board");
    let mikko = app.signed_in("mikko.salonen").await;
    let mikkos_board = board(&app, &mikko, "mine").await;
    assert!(mikkos_board["cards"].as_array().unwrap().iter().all(|c| card_key(c) != mikkos), "and off Mikko's");

    // Marking read: one, someone else's is not found, all.
    let id = note["id"].to_string();
    assert_error(
        app.call(&sanna, "mark_notifications_read", &[("id", &id)]).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    )
    .await;
    let (status, marked) = json(app.call(&liisa, "mark_notifications_read", &[("id", &id)]).await).await;
    assert_eq!((status, marked), (StatusCode::OK, json!(1)));
    assert_eq!(notifications(&app, &liisa).await["unread"], 0);
    assert_eq!(json(app.call(&liisa, "mark_notifications_read", &[]).await).await, (StatusCode::OK, json!(0)));

    // The plan page saw the same changes: one version per change, with what changed.
    let plan = json(app.call(&sanna, "plan", &[("case_id", &eino.id.to_string())]).await).await.1;
    assert_eq!(plan["content"]["actions"][0]["what"], "Tukikaiteet kylpyhuoneeseen");
    assert_eq!(plan["versions"].as_array().unwrap().len(), 4, "two seeded, then the status and the edit");
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn comments_mention_people_on_the_team_only_and_notify_them() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let key = format!("action-{}-1", eino.id);

    let (status, comment) = json(
        app.call(
            &sanna,
            "comment_card",
            &[("card", &key), ("body", "@Liisa.Makinen voisitko katsoa tämän? Kiitos @sanna.virtanen")],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{comment}");
    assert_eq!(comment["author"], "Sanna Virtanen");
    let inbox = notifications(&app, &liisa).await;
    assert_eq!((inbox["items"][0]["kind"].as_str(), inbox["unread"].as_u64()), (Some("mentioned"), Some(1)));
    assert!(inbox["items"][0]["excerpt"].as_str().unwrap().starts_with("@Liisa.Makinen voisitko"));
    assert_eq!(notifications(&app, &sanna).await["unread"], 0, "mentioning oneself notifies no one");

    let comments_before = card_comment::Entity::find().count(&app.db).await.unwrap();
    let notes_before = notification::Entity::find().count(&app.db).await.unwrap();
    for (body, kind) in
        [("Kysy @rauni.ojala", "mention_off_team"), ("Kysy @ei.ketaan", "mention_off_team"), ("   ", "empty_comment")]
    {
        let (status, refused) = json(app.call(&sanna, "comment_card", &[("card", &key), ("body", body)]).await).await;
        assert_eq!(
            (status, refused["detail"]["kind"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(kind)),
            "{body}: {refused}"
        );
    }
    assert_eq!(
        card_comment::Entity::find().count(&app.db).await.unwrap(),
        comments_before,
        "a refused comment writes nothing"
    );
    assert_eq!(notification::Entity::find().count(&app.db).await.unwrap(), notes_before);

    let (status, listed) = json(app.call(&liisa, "card_comments", &[("card", &key)]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let team = board(&app, &liisa, &format!("team-{}", eino.id)).await;
    assert_eq!(card(&team, &key)["comments"], 1);
    for who in ["eino.mantyla", "rauni.ojala"] {
        let http = app.signed_in(who).await;
        let res = app.call(&http, "comment_card", &[("card", &key), ("body", "hei")]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{who}");
        assert_eq!(app.call(&http, "card_comments", &[("card", &key)]).await.status(), StatusCode::FORBIDDEN, "{who}");
    }
    let (status, gone) =
        json(app.call(&sanna, "comment_card", &[("card", &format!("action-{}-99", eino.id)), ("body", "hei")]).await)
            .await;
    assert_eq!((status, gone["detail"]["kind"].as_str()), (StatusCode::NOT_FOUND, Some("no_such_action")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_of_an_overdue_action_is_notified_once() {
    let app = TestApp::spawn().await;
    let mikko = app.user_id("mikko.salonen").await;
    let overdue = || async {
        notification::Entity::find()
            .filter(notification::Column::UserId.eq(mikko))
            .filter(notification::Column::Kind.eq("overdue"))
            .count(&app.db)
            .await
            .unwrap()
    };
    // The server looks at start; wait for it rather than race it.
    for _ in 0..100 {
        if overdue().await > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let first = overdue().await;
    assert!(first >= 1, "Eino's handrails are past due and Mikko owns them");
    assert!(app::service::board::sweep_overdue(&app.db, chrono::Utc::now()).await.unwrap().is_empty(), "nothing new");
    assert_eq!(overdue().await, first, "once per action and due date");
    let mikko = app.signed_in("mikko.salonen").await;
    let inbox = notifications(&app, &mikko).await;
    let note = inbox["items"].as_array().unwrap().iter().find(|n| n["kind"] == "overdue").unwrap();
    let eino = app.case_of("eino.mantyla").await.id.to_string();
    let plan = json(app.call(&mikko, "plan", &[("case_id", &eino)]).await).await.1;
    assert_eq!(note["due_on"], plan["content"]["actions"][0]["due"], "the due date that passed");
    assert_eq!(note["what"], plan["content"]["actions"][0]["what"]);
    assert_eq!(note["actor"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_are_read_a_page_at_a_time_newest_first() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let key = format!("action-{}-1", eino.id);
    let earlier = notifications(&app, &liisa).await["total"].as_u64().unwrap();
    for n in 1..=3 {
        let body = format!("@liisa.makinen viesti {n}");
        let (status, comment) = json(app.call(&sanna, "comment_card", &[("card", &key), ("body", &body)]).await).await;
        assert_eq!(status, StatusCode::OK, "{comment}");
    }
    let page = |number: &'static str| {
        let (app, liisa) = (&app, &liisa);
        async move { json(app.call(liisa, "notifications", &[("page", number), ("per_page", "2")]).await).await }
    };
    let excerpts = |page: &Value| -> Vec<String> {
        page["items"].as_array().unwrap().iter().map(|n| n["excerpt"].as_str().unwrap_or_default().to_owned()).collect()
    };

    let (status, first) = page("1").await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!((first["total"].as_u64(), first["page"].as_u64()), (Some(earlier + 3), Some(1)));
    assert_eq!(excerpts(&first), ["@liisa.makinen viesti 3", "@liisa.makinen viesti 2"], "newest first, two a page");
    assert_eq!(first["unread"], 3);
    let (_, second) = page("2").await;
    assert_eq!(excerpts(&second)[0], "@liisa.makinen viesti 1", "the next page goes on where the first ended");
    let (status, past) = page("1000").await;
    assert_eq!((status, past["items"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)), "past the last page");
    assert_eq!(past["total"].as_u64(), Some(earlier + 3));

    for (number, size, max) in [("0", "2", 100_000), ("x", "2", 100_000), ("1", "51", 50)] {
        let wrong = if size == "51" { size } else { number };
        assert_error(
            app.call(&liisa, "notifications", &[("page", number), ("per_page", size)]).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "page",
            Some(json!({"value": wrong, "max": max})),
        )
        .await;
    }
}

async fn connect_board(app: &TestApp, cookie: &str, origin: &str, key: &str, after: i64) -> Result<Socket, StatusCode> {
    open_socket(&app.address, &format!("/live/board/{key}?after={after}"), Some(cookie), origin).await
}

/// The next message of a given type, skipping the others (presence comes and goes).
async fn next_of(socket: &mut Socket, kind: &str) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("a message within 10 s")
            .unwrap()
            .unwrap();
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["type"] == kind {
                return value;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_board_hears_each_change_once_and_catches_up_after_a_reconnect() {
    let app = TestApp::spawn().await;
    let origin = app.address.clone();
    let north = pair_board(&app, "sanna.virtanen").await;
    let heikki_cookie = app.session_cookie("heikki.laine").await;
    let heikki = app.signed_in("heikki.laine").await;
    let loaded = board(&app, &heikki, &north).await["last_event"].as_i64().unwrap();

    let mut socket =
        connect_board(&app, &heikki_cookie, &origin, &north, loaded).await.expect("the pair may follow its board");
    assert_eq!(next_of(&mut socket, "caught_up").await["last_event"], loaded, "nothing missed yet");
    assert_eq!(next_of(&mut socket, "presence").await["viewers"], json!(["Heikki Laine"]));

    let sanna = app.signed_in("sanna.virtanen").await;
    let eino = app.case_of("eino.mantyla").await;
    let key = format!("case-{}", eino.id);
    let (status, _) = move_card(&app, &sanna, &key, "step:review", eino.version as i64).await;
    assert_eq!(status, StatusCode::OK);
    let heard = next_of(&mut socket, "event").await["event"].clone();
    assert_eq!((heard["change"].as_str(), heard["actor"].as_str()), (Some("moved"), Some("Sanna Virtanen")));
    assert_eq!(heard["body"]["card"]["stage"], "follow_up");
    assert_eq!(heard["card"], json!({"kind": "case", "case_id": eino.id}));
    let moved_id = heard["id"].as_i64().unwrap();
    drop(socket);

    // Away: a comment on the case card. Back, after what was seen: exactly the missed change.
    let (status, _) =
        json(app.call(&sanna, "comment_card", &[("card", &key), ("body", "Arviointi sovittu.")]).await).await;
    assert_eq!(status, StatusCode::OK);
    let mut back = connect_board(&app, &heikki_cookie, &origin, &north, moved_id).await.unwrap();
    let missed = next_of(&mut back, "event").await["event"].clone();
    assert_eq!(
        (missed["change"].as_str(), missed["body"]["comment"]["body"].as_str()),
        (Some("commented"), Some("Arviointi sovittu."))
    );
    assert!(missed["id"].as_i64().unwrap() > moved_id);
    assert_eq!(next_of(&mut back, "caught_up").await["last_event"], missed["id"], "the move is not sent twice");

    // Someone else's board, another site, no session: refused before the upgrade.
    assert_eq!(
        connect_board(&app, &heikki_cookie, "https://evil.example", &north, 0).await.err(),
        Some(StatusCode::FORBIDDEN)
    );
    let maria = app.session_cookie("maria.nieminen").await;
    assert_eq!(connect_board(&app, &maria, &origin, &north, 0).await.err(), Some(StatusCode::FORBIDDEN));
    assert_eq!(
        connect_board(&app, "polku_session=nope", &origin, &north, 0).await.err(),
        Some(StatusCode::UNAUTHORIZED)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_own_board_gains_an_action_given_to_me_and_my_live_socket_tells_me_i_was_notified() {
    let app = TestApp::spawn().await;
    let origin = app.address.clone();
    let liisa_cookie = app.session_cookie("liisa.makinen").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let loaded = board(&app, &liisa, "mine").await["last_event"].as_i64().unwrap();
    let mut socket = connect_board(&app, &liisa_cookie, &origin, "mine", loaded).await.unwrap();
    next_of(&mut socket, "caught_up").await;
    // The tab's `/live` socket, which keeps the header's unread count live on every page.
    let mut liisas_live = open_socket(&app.address, "/live", Some(&liisa_cookie), &origin).await.unwrap();
    let sanna_cookie = app.session_cookie("sanna.virtanen").await;
    let mut sannas_live = open_socket(&app.address, "/live", Some(&sanna_cookie), &origin).await.unwrap();

    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let liisa_id = app.user_id("liisa.makinen").await.to_string();
    let card = format!("action-{}-1", eino.id);
    let res = app
        .call(
            &sanna,
            "edit_card",
            &[("card", &card), ("version", "0"), ("what", "Kaiteet"), ("owner", &liisa_id), ("due", &day(4))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let heard = next_of(&mut socket, "event").await["event"].clone();
    assert_eq!((heard["change"].as_str(), heard["body"]["card"]["what"].as_str()), (Some("assigned"), Some("Kaiteet")));
    while next_text(&mut liisas_live).await != r#""notified""# {}
    // Sanna hears that cases changed, and never of a notification that is someone else's.
    let mut sanna_heard = Vec::new();
    while let Ok(Some(Ok(Message::Text(text)))) = tokio::time::timeout(Duration::from_secs(1), sannas_live.next()).await
    {
        sanna_heard.push(text.to_string());
    }
    assert!(sanna_heard.contains(&r#""cases""#.to_string()), "{sanna_heard:?}");
    assert!(!sanna_heard.contains(&r#""notified""#.to_string()), "{sanna_heard:?}");

    // Mikko's own board hears that it lost the card.
    let mikko = app.session_cookie("mikko.salonen").await;
    let mut theirs = connect_board(&app, &mikko, &origin, "mine", loaded).await.unwrap();
    let lost = next_of(&mut theirs, "event").await["event"].clone();
    assert_eq!(lost["body"]["previous_owner"], app.user_id("mikko.salonen").await.0);
}

/// A board socket on the instance at `address`, opened from that instance's own pages.
async fn connect_at(address: &str, cookie: &str, key: &str, after: i64) -> Socket {
    open_socket(address, &format!("/live/board/{key}?after={after}"), Some(cookie), address)
        .await
        .expect("board socket")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_through_one_instance_reaches_a_board_open_on_another() {
    if std::env::var("POLKU_TEST_DB").as_deref() != Ok("postgres") {
        eprintln!("skipped: several instances share a PostgreSQL database; run with POLKU_TEST_DB=postgres");
        return;
    }
    let app = TestApp::spawn().await;
    let (second, _) = app.another_instance().await;
    let north = pair_board(&app, "sanna.virtanen").await;
    let heikki = app.session_cookie("heikki.laine").await;
    let mut on_second = connect_at(&second, &heikki, &north, 0).await;
    next_of(&mut on_second, "caught_up").await;

    // Sanna is on the first instance: Heikki, on the second, sees her there and hears her move.
    let sanna_cookie = app.session_cookie("sanna.virtanen").await;
    let _sanna_board = connect_at(&app.address, &sanna_cookie, &north, 0).await;
    loop {
        let viewers = next_of(&mut on_second, "presence").await["viewers"].clone();
        if viewers == json!(["Heikki Laine", "Sanna Virtanen"]) {
            break;
        }
    }
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let (status, _) = move_card(&app, &sanna, &format!("case-{}", eino.id), "step:review", eino.version as i64).await;
    assert_eq!(status, StatusCode::OK);
    let heard = next_of(&mut on_second, "event").await["event"].clone();
    assert_eq!((heard["change"].as_str(), heard["actor"].as_str()), (Some("moved"), Some("Sanna Virtanen")));

    // And the other way round: an edit through the second instance reaches the first.
    let liisa_cookie = app.session_cookie("liisa.makinen").await;
    let mut on_first = connect_at(&app.address, &liisa_cookie, &format!("team-{}", eino.id), 0).await;
    next_of(&mut on_first, "caught_up").await;
    let liisa = signed_in_at(&second, "liisa.makinen").await;
    let moved = liisa
        .post(format!("{second}/api/move_card"))
        .form(&[("card", format!("action-{}-2", eino.id).as_str()), ("column", "status:done"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), StatusCode::OK);
    let heard = next_of(&mut on_first, "event").await["event"].clone();
    assert_eq!(heard["body"]["card"]["column"], json!({"kind": "status", "value": "done"}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_board_catches_up_on_what_changed_while_the_server_restarted() {
    let app = TestApp::spawn().await;
    let north = pair_board(&app, "sanna.virtanen").await;
    let heikki = app.session_cookie("heikki.laine").await;
    let loaded = board(&app, &app.signed_in("heikki.laine").await, &north).await["last_event"].as_i64().unwrap();
    let mut socket = connect_at(&app.address, &heikki, &north, loaded).await;
    next_of(&mut socket, "caught_up").await;

    // The server stops: the board is told it is restarting.
    app.state.stopping.stop();
    let closed = loop {
        match tokio::time::timeout(Duration::from_secs(10), socket.next()).await.expect("closed within 10 s") {
            Some(Ok(Message::Close(frame))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected a close frame, got {other:?}"),
        }
    };
    assert_eq!(closed.map(|f| u16::from(f.code)), Some(1012), "service restart");

    // While it is away, a new instance starts on the same database and Sanna moves a case there.
    let (restarted, _) = app.another_instance().await;
    let sanna = signed_in_at(&restarted, "sanna.virtanen").await;
    let eino = app.case_of("eino.mantyla").await;
    let version = eino.version.to_string();
    let moved = sanna
        .post(format!("{restarted}/api/move_card"))
        .form(&[
            ("card", format!("case-{}", eino.id).as_str()),
            ("column", "step:review"),
            ("version", version.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), StatusCode::OK);

    // The board comes back after the last change it had and gets exactly what it missed.
    let mut back = connect_at(&restarted, &heikki, &north, loaded).await;
    let missed = next_of(&mut back, "event").await["event"].clone();
    assert_eq!(
        (missed["change"].as_str(), missed["body"]["card"]["stage"].as_str()),
        (Some("moved"), Some("follow_up"))
    );
    let caught_up = next_of(&mut back, "caught_up").await;
    assert_eq!(caught_up["last_event"], missed["id"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_board_stops_following_a_team_its_reader_has_left() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let ville = app.session_cookie("ville.aaltonen").await;
    let mut socket = connect_board(&app, &ville, &app.address, &format!("team-{}", eino.id), 0).await.unwrap();
    next_of(&mut socket, "caught_up").await;
    let seat = app::store::entities::case_member::Entity::find()
        .filter(app::store::entities::case_member::Column::CaseId.eq(eino.id))
        .filter(app::store::entities::case_member::Column::UserId.eq(app.user_id("ville.aaltonen").await))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let sanna = app.signed_in("sanna.virtanen").await;
    let removed = app.call(&sanna, "remove_member", &[("seat_id", &seat.id.to_string())]).await;
    assert_eq!(removed.status(), StatusCode::OK);
    let closed = loop {
        match tokio::time::timeout(Duration::from_secs(10), socket.next()).await.expect("closed within 10 s") {
            Some(Ok(Message::Close(frame))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected a close frame, got {other:?}"),
        }
    };
    assert_eq!(closed.map(|f| u16::from(f.code)), Some(4403), "no longer allowed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_closed_a_month_ago_has_left_the_boards_and_a_recently_closed_one_has_not() {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let (liisa, sanna) = (app.signed_in("liisa.makinen").await, app.signed_in("sanna.virtanen").await);
    let pair = pair_board(&app, "sanna.virtanen").await;
    let (action, case_card) = (format!("action-{}-2", eino.id), format!("case-{}", eino.id));
    let on = |page: &Value, key: &str| page["cards"].as_array().unwrap().iter().any(|c| card_key(c) == key);
    assert!(on(&board(&app, &liisa, "mine").await, &action), "Liisa's own action on Eino's open case");
    assert!(on(&board(&app, &sanna, &pair).await, &case_card));

    for (days_ago, shown) in [(31, false), (2, true)] {
        let mut closed = eino.clone().into_active_model();
        closed.stage = Set(Stage::Closed);
        closed.closed_at = Set(Some(chrono::Utc::now() - chrono::Duration::days(days_ago)));
        closed.update(&app.db).await.unwrap();
        assert_eq!(on(&board(&app, &liisa, "mine").await, &action), shown, "closed {days_ago} days ago");
        assert_eq!(on(&board(&app, &sanna, &pair).await, &case_card), shown, "closed {days_ago} days ago");
    }
}
