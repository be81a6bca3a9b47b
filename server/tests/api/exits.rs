//! Access at every exit: what a security review found leaving Polku past its access rule, each
//! closed at its root and held here. Live board events and notifications pass the rule of a page
//! read when they are delivered, and are logged like one; a removed member hands over their work
//! and hears nothing more; a board shows only what its reader may read; sign-in attempts are
//! counted before any password is checked; typed dates stay within two centuries and stored ones
//! cannot stop a page; one rule decides who may write; a client's whole access log is theirs to
//! page through; state changes sent together have one winner; a client has one open case; an
//! error link cannot put words on a page; and the smaller holes (seats, NUL bytes, legal bases,
//! origins, the language switch, sessions, slow bodies).

use crate::helpers::*;
use app::domain::ids::{CaseId, UserId};
use app::domain::team::SeatStatus;
use app::domain::Sector;
use app::store::entities::{audit_entry, case, case_member, client, meeting, notification, plan_version};
use futures_util::StreamExt;
use reqwest::{Client, StatusCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

async fn board_socket(app: &TestApp, cookie: &str, key: &str, after: i64) -> Socket {
    open_socket(&app.address, &format!("/live/board/{key}?after={after}"), Some(cookie), &app.address)
        .await
        .expect("board socket")
}

/// The board messages up to and including the first one `last` accepts.
async fn messages_until(socket: &mut Socket, last: impl Fn(&Value) -> bool) -> Vec<Value> {
    let mut seen = Vec::new();
    loop {
        let message = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("a message within 10 s")
            .unwrap()
            .unwrap();
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(&text).unwrap();
            let done = last(&value);
            seen.push(value);
            if done {
                return seen;
            }
        }
    }
}

fn about_case(messages: &[Value], case_id: CaseId) -> Vec<&Value> {
    messages.iter().filter(|m| m["type"] == "event" && m["event"]["case_id"] == case_id.0).collect()
}

async fn seat_id(app: &TestApp, case_id: CaseId, username: &str) -> i32 {
    let user_id = app.user_id(username).await;
    case_member::Entity::find()
        .filter(case_member::Column::CaseId.eq(case_id))
        .filter(case_member::Column::UserId.eq(user_id))
        .filter(case_member::Column::LeftAt.is_null())
        .filter(case_member::Column::Status.ne("declined"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{username} on case {case_id}"))
        .id
}

async fn plan_of(app: &TestApp, http: &Client, case_id: CaseId) -> Value {
    let (status, plan) = json(app.call(http, "plan", &[("case_id", &case_id.to_string())]).await).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    plan
}

async fn add_action(app: &TestApp, http: &Client, case_id: CaseId, what: &str, owner: &str) {
    let plan = plan_of(app, http, case_id).await;
    let owner = app.user_id(owner).await.to_string();
    let res = app
        .call(
            http,
            "change_plan",
            &[
                ("case_id", &case_id.to_string()),
                ("seen", &plan["version"].to_string()),
                ("op", "add_action"),
                ("what", what),
                ("owner", &owner),
                ("due", &day(14)),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removed_member_hands_over_their_work_and_hears_nothing_more_of_the_client() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let kalevi = app.case_of("kalevi.nurmi").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let mikko_id = app.user_id("mikko.salonen").await;
    let sanna_id = app.user_id("sanna.virtanen").await;

    // Mikko owns Eino's first action (done now, so it stays his) and a new open one, and is
    // mentioned in a comment.
    let done = app
        .call(
            &sanna,
            "move_card",
            &[("card", &format!("action-{}-1", eino.id)), ("column", "status:done"), ("version", "0")],
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    add_action(&app, &sanna, eino.id, "Asuntoasian selvitys", "mikko.salonen").await;
    let mentioned = app
        .call(
            &sanna,
            "comment_card",
            &[("card", &format!("action-{}-2", eino.id)), ("body", "@mikko.salonen katso tämä")],
        )
        .await;
    assert_eq!(mentioned.status(), StatusCode::OK);
    let mikko = app.signed_in("mikko.salonen").await;
    let (_, told) = json(app.call(&mikko, "notifications", &[]).await).await;
    assert!(told["items"].as_array().unwrap().iter().any(|n| n["case_id"] == eino.id.0), "{told}");

    let cookie = app.session_cookie("mikko.salonen").await;
    let (_, mine) = json(app.call(&mikko, "board", &[("board", "mine")]).await).await;
    let mut socket = board_socket(&app, &cookie, "mine", mine["last_event"].as_i64().unwrap()).await;
    messages_until(&mut socket, |m| m["type"] == "caught_up").await;

    let removed = app
        .call(&sanna, "remove_member", &[("seat_id", &seat_id(&app, eino.id, "mikko.salonen").await.to_string())])
        .await;
    assert_eq!(removed.status(), StatusCode::OK, "{}", removed.text().await.unwrap());
    let delivered = |case_id: CaseId| {
        audit_entry::Entity::find()
            .filter(audit_entry::Column::CaseId.eq(case_id))
            .filter(audit_entry::Column::ActorUserId.eq(mikko_id))
            .filter(audit_entry::Column::Resource.eq("board_event"))
            .count(&app.db)
    };
    let delivered_of_eino_at_removal = delivered(eino.id).await.unwrap();

    // The done action is still his; a comment on it, with its text, is a change his board shows.
    let secret = app
        .call(
            &sanna,
            "comment_card",
            &[("card", &format!("action-{}-1", eino.id)), ("body", "Luottamuksellinen huomio Einosta")],
        )
        .await;
    assert_eq!(secret.status(), StatusCode::OK);
    // A change he may read, after it: the feed delivers in order, so whatever came of Eino's
    // comment has been decided by the time this arrives.
    let maria = app.signed_in("maria.nieminen").await;
    add_action(&app, &maria, kalevi.id, "Vertaistukiryhmään tutustuminen", "mikko.salonen").await;
    let heard = messages_until(&mut socket, |m| m["type"] == "event" && m["event"]["case_id"] == kalevi.id.0).await;
    assert!(about_case(&heard, eino.id).is_empty(), "nothing of Eino after the removal: {heard:?}");
    assert!(heard.iter().any(|m| m["type"] == "resync"), "losing Eino, the open board reads itself again: {heard:?}");

    // Opened afterwards and catching up on everything: nothing of Eino either.
    let mut later = board_socket(&app, &cookie, "mine", 0).await;
    let caught = messages_until(&mut later, |m| m["type"] == "caught_up").await;
    assert!(about_case(&caught, eino.id).is_empty(), "{caught:?}");
    assert!(!about_case(&caught, kalevi.id).is_empty(), "what he may read still comes");
    let (_, mine) = json(app.call(&mikko, "board", &[("board", "mine")]).await).await;
    assert!(mine["cards"].as_array().unwrap().iter().all(|c| c["card"]["case_id"] != eino.id.0), "{mine}");

    // Each delivery is logged like a read, and only what was delivered.
    assert!(delivered(kalevi.id).await.unwrap() >= 1, "a live card is a read");
    assert_eq!(
        delivered(eino.id).await.unwrap(),
        delivered_of_eino_at_removal,
        "no delivery of Eino's cards was logged after the removal, because none was made"
    );

    // What he still had to do went to the coordinator who removed him; what he was told of Eino
    // is gone.
    let plan = plan_of(&app, &sanna, eino.id).await;
    let actions = plan["content"]["actions"].as_array().unwrap();
    let handed = actions.iter().find(|a| a["what"] == "Asuntoasian selvitys").unwrap();
    assert_eq!(handed["owner_user_id"], sanna_id.0, "the open action was handed over");
    assert_eq!(
        actions.iter().find(|a| a["key"] == 1).unwrap()["owner_user_id"],
        mikko_id.0,
        "done work stays with who did it"
    );
    let (_, told) = json(app.call(&mikko, "notifications", &[]).await).await;
    assert!(told["items"].as_array().unwrap().iter().all(|n| n["case_id"] != eino.id.0), "{told}");
    let stored = notification::Entity::find()
        .filter(notification::Column::UserId.eq(mikko_id))
        .filter(notification::Column::CaseId.eq(eino.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 0, "his notifications about Eino are dropped");
    assert_error(
        app.call(&mikko, "board", &[("board", &format!("team-{}", eino.id))]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pair_board_shows_only_the_cases_its_reader_sits_on() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    // Jari, of the other pair, joins Eino's team in a coordinator's seat.
    let jari_id = app.user_id("jari.koskinen").await.to_string();
    let proposed = app
        .call(
            &sanna,
            "propose_member",
            &[("case_id", &eino.id.to_string()), ("user_id", &jari_id), ("team_role", "health_coordinator")],
        )
        .await;
    assert_eq!(proposed.status(), StatusCode::OK, "{}", proposed.text().await.unwrap());
    let seat = seat_id(&app, eino.id, "jari.koskinen").await;
    let einos = app.signed_in("eino.mantyla").await;
    assert_eq!(
        app.call(&einos, "answer_member", &[("seat_id", &seat.to_string()), ("answer", "accept")]).await.status(),
        StatusCode::OK
    );

    let south = {
        let jari = app.signed_in("jari.koskinen").await;
        let (_, pairs) = json(app.call(&jari, "my_boards", &[]).await).await;
        format!("pair-{}", pairs[0][0])
    };
    let on_board = |page: &Value| page["cards"].as_array().unwrap().iter().any(|c| c["card"]["case_id"] == eino.id.0);
    let jari = app.signed_in("jari.koskinen").await;
    let (status, his) = json(app.call(&jari, "board", &[("board", &south)]).await).await;
    assert_eq!(status, StatusCode::OK, "{his}");
    assert!(on_board(&his), "Jari sits on Eino's team: {his}");
    let maria = app.signed_in("maria.nieminen").await;
    let (_, hers) = json(app.call(&maria, "board", &[("board", &south)]).await).await;
    assert!(!on_board(&hers), "Maria does not, so her pair's board does not show Eino: {hers}");
    let maria_id = app.user_id("maria.nieminen").await;
    assert!(
        app.audit_rows(eino.id, "board", "list").await.iter().all(|r| r.actor_user_id != maria_id),
        "nor logs a read of him"
    );
    assert_error(
        app.call(&maria, "case", &[("case_id", &eino.id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_wrong_passwords_sent_at_once_are_checked_at_most_five_times() {
    let app = TestApp::spawn().await;
    let mut tries = Vec::new();
    for _ in 0..40 {
        let (address, http) = (app.address.clone(), browser());
        tries.push(tokio::spawn(async move {
            http.post(format!("{address}/api/login"))
                .form(&[("username", "liisa.makinen"), ("password", "arvaus-123")])
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    let mut answers = Vec::new();
    for t in tries {
        answers.push(t.await.unwrap());
    }
    let checked = answers.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = answers.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (5, 35), "{answers:?}");
    assert_eq!(
        app.login(&browser(), "liisa.makinen", PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "this source is locked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_from_one_place_do_not_lock_the_owner_out_elsewhere() {
    let app = TestApp::spawn_with(|config| config.trust_forwarded_for = true).await;
    let from = |address: &'static str, password: &'static str| {
        let app_address = app.address.clone();
        async move {
            browser()
                .post(format!("{app_address}/api/login"))
                .header("x-forwarded-for", address)
                .form(&[("username", "liisa.makinen"), ("password", password)])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for _ in 0..5 {
        assert_eq!(from("10.0.0.66", "arvaus").await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(from("10.0.0.66", PASSWORD).await, StatusCode::TOO_MANY_REQUESTS, "the guessing source is locked");
    assert_eq!(from("10.0.0.7", PASSWORD).await, StatusCode::OK, "Liisa at her own desk is not");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_beyond_two_centuries_are_refused_and_stored_ones_stop_no_page() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let eino_id = app.user_id("eino.mantyla").await.to_string();
    for (starts, kind) in [
        ("+262142-01-01T10:00", "start_too_far"),
        ("2099-01-01T10:00", "start_too_far"),
        ("-262143-01-01T10:00", "start_in_past"),
    ] {
        let res = schedule(
            &app,
            &sanna,
            eino.id,
            &[
                ("title", "Kokous"),
                ("starts", starts),
                ("minutes", "60"),
                ("place", "Sote-keskus"),
                ("participants[]", &eino_id),
            ],
        )
        .await;
        assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "meeting", Some(json!({"kind": kind}))).await;
    }
    let paula = app.signed_in("paula.rinne").await;
    assert_error(
        app.call(&paula, "audit_search", &[("from", "-262143-01-01")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "audit_search",
        Some(json!({"kind": "date_out_of_range"})),
    )
    .await;
    let liisa = app.signed_in("liisa.makinen").await;
    assert_error(
        app.call(
            &liisa,
            "raise_concern",
            &[("text", "Huoli."), ("name", "Testi"), ("date_of_birth", "1800-01-01"), ("municipality", "Järvelä")],
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "concern",
        Some(json!({"kind": "date_out_of_range"})),
    )
    .await;

    // A meeting stored in year 262142 (written before the bounds existed): every page that shows
    // it still answers.
    let far: chrono::DateTime<chrono::Utc> = "+262142-06-01T10:00:00Z".parse().unwrap();
    let stored = meeting::ActiveModel {
        case_id: Set(eino.id),
        title: Set("Kaukainen kokous".into()),
        starts_at: Set(far),
        minutes: Set(480),
        place: Set(Some("Sote-keskus".into())),
        video_link: Set(None),
        participants: Set(format!("[{eino_id}]")),
        created_by_user_id: Set(app.user_id("sanna.virtanen").await),
        created_at: Set(chrono::Utc::now()),
        steps_plan_version: Set(None),
        sector: Set(Sector::Shared),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let (status, list) = json(app.call(&sanna, "meetings", &[("case_id", &eino.id.to_string())]).await).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let client = app.signed_in("eino.mantyla").await;
    assert_eq!(app.get(&client, "/pathway").await.status(), StatusCode::OK);
    assert_eq!(app.call(&client, "my_pathway", &[]).await.status(), StatusCode::OK);
    assert_eq!(app.get(&sanna, &format!("/meetings/{}/invite.ics", stored.id)).await.status(), StatusCode::OK);
    assert_eq!(app.get(&sanna, &format!("/cases/{}/meetings", eino.id)).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relative_who_may_only_view_does_not_speak_in_a_meeting() {
    let app = TestApp::spawn().await;
    let helmi = app.case_of("helmi.lahtinen").await;
    let maria = app.signed_in("maria.nieminen").await;
    let markku_id = app.user_id("markku.lahtinen").await.to_string();
    let (status, id) = json(
        schedule(
            &app,
            &maria,
            helmi.id,
            &[
                ("title", "Verkostokokous"),
                ("starts", &at_one(3)),
                ("minutes", "60"),
                ("place", "Kotikäynti"),
                ("participants[]", &markku_id),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let meeting_id = id.to_string();
    let markku = app.signed_in("markku.lahtinen").await;
    let (status, page) =
        json(app.call(&markku, "meeting", &[("case_id", &helmi.id.to_string()), ("meeting_id", &meeting_id)]).await)
            .await;
    assert_eq!(status, StatusCode::OK, "he may see the meeting he is invited to");
    assert_eq!(page["speakers"], json!([]), "and is offered no voice: {page}");
    let spoke = app
        .call(
            &markku,
            "record_voice",
            &[
                ("case_id", &helmi.id.to_string()),
                ("meeting_id", &meeting_id),
                ("speaker", &markku_id),
                ("hopes", "Äiti kotiin."),
            ],
        )
        .await;
    assert_error(spoke, StatusCode::FORBIDDEN, "forbidden", Some(json!("outside_relative_scope"))).await;
    assert_error(
        app.call(&markku, "write_view", &[("case_id", &helmi.id.to_string()), ("text", "Näkemykseni.")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("outside_relative_scope")),
    )
    .await;
    let voices = app::store::entities::meeting_voice::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(voices, 0, "nothing was stored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_pages_through_their_whole_access_log_and_filters_it_by_basis() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let opened = app
        .call(
            &liisa,
            "open_by_law",
            &[
                ("case_id", &eino.id.to_string()),
                ("register", "social"),
                ("basis", "urgent_care"),
                ("reason", "Kiireellinen hoito, Eino tajuton päivystyksessä."),
            ],
        )
        .await;
    assert_eq!(opened.status(), StatusCode::OK, "{}", opened.text().await.unwrap());
    for _ in 0..60 {
        assert_eq!(app.call(&liisa, "case", &[("case_id", &eino.id.to_string())]).await.status(), StatusCode::OK);
    }
    let client = app.signed_in("eino.mantyla").await;
    let legal = |page: &Value| {
        page["log"]["entries"].as_array().unwrap().iter().any(|e| e["basis"] == json!({"legal": "urgent_care"}))
    };
    let (status, first) = json(app.call(&client, "privacy", &[]).await).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["log"]["entries"].as_array().unwrap().len(), 50, "a page at a time");
    assert!(!legal(&first), "ordinary reads came after the legal basis");
    // Older pages reach it.
    let mut page = first;
    let mut pages = 1;
    while !legal(&page) {
        let next = page["log"]["next"].as_i64().expect("there is an older page");
        page = json(app.call(&client, "privacy", &[("log_before", &next.to_string())]).await).await.1;
        pages += 1;
        assert!(pages < 10);
    }
    // Or the filter, on the first page.
    let (_, by_law) = json(app.call(&client, "privacy", &[("log_basis", "legal")]).await).await;
    let entries = by_law["log"]["entries"].as_array().unwrap();
    assert!(!entries.is_empty() && entries.iter().all(|e| e["basis"]["legal"].is_string()), "{by_law}");
    assert_eq!(by_law["log"]["basis"], "legal");
    assert_error(
        app.call(&client, "privacy", &[("log_basis", "rumour")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "audit_search",
        None,
    )
    .await;
    assert_error(
        app.call(&client, "privacy", &[("log_before", "-1")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "audit_search",
        None,
    )
    .await;
    let html = app.get(&client, "/pathway/privacy?log_basis=legal").await.text().await.unwrap();
    assert!(html.contains("data-testid=\"access-log\""), "the filtered log is on the page");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accept_and_a_decline_sent_together_have_one_winner_and_the_store_agrees() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let client = app.signed_in("eino.mantyla").await;
    let rauni_id = app.user_id("rauni.ojala").await.to_string();
    for round in 0..4 {
        let proposed = app
            .call(
                &sanna,
                "propose_member",
                &[("case_id", &eino.id.to_string()), ("user_id", &rauni_id), ("team_role", "member")],
            )
            .await;
        assert_eq!(
            proposed.status(),
            StatusCode::OK,
            "round {round}: a declined or removed person may be proposed again: {}",
            proposed.text().await.unwrap()
        );
        let seat = seat_id(&app, eino.id, "rauni.ojala").await.to_string();
        let send = |answer: &'static str| {
            let (http, address, seat) = (client.clone(), app.address.clone(), seat.clone());
            tokio::spawn(async move {
                http.post(format!("{address}/api/answer_member"))
                    .form(&[("seat_id", seat.as_str()), ("answer", answer)])
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        };
        let (accept, decline) = (send("accept"), send("decline"));
        let (accept, decline) = (accept.await.unwrap(), decline.await.unwrap());
        let mut statuses = [accept, decline];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "round {round}: one winner");
        let stored = case_member::Entity::find_by_id(seat.parse::<i32>().unwrap()).one(&app.db).await.unwrap().unwrap();
        let expected = if accept == StatusCode::OK { SeatStatus::Accepted } else { SeatStatus::Declined };
        assert_eq!(stored.status, expected, "round {round}: stored as the winner was told");
        if accept == StatusCode::OK {
            assert_eq!(app.call(&sanna, "remove_member", &[("seat_id", &seat)]).await.status(), StatusCode::OK);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_coordinators_deciding_one_concern_have_one_winner() {
    let app = TestApp::spawn().await;
    let liisa = app.signed_in("liisa.makinen").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let heikki = app.signed_in("heikki.laine").await;
    for round in 0..3 {
        let name = format!("Rinnakkainen Päätös {round}");
        let (status, id) = json(
            app.call(
                &liisa,
                "raise_concern",
                &[
                    ("text", "Huoli."),
                    ("agrees_to_proceed", "on"),
                    ("name", &name),
                    ("date_of_birth", "1970-05-05"),
                    ("municipality", "Järvelä"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{id}");
        let id = id.to_string();
        let decide = |http: &Client, decision: &'static str| {
            let (http, address, id) = (http.clone(), app.address.clone(), id.clone());
            tokio::spawn(async move {
                let form = [
                    ("concern_id", id.as_str()),
                    ("coping", "reduced"),
                    ("risk", "high"),
                    ("services_in_use", "3"),
                    ("recent_contacts", "4"),
                    ("life_areas_with_needs", "3"),
                    ("decision", decision),
                    ("reason", "Perustelu."),
                ];
                let res = http.post(format!("{address}/api/decide_concern")).form(&form).send().await.unwrap();
                (res.status(), res.text().await.unwrap())
            })
        };
        let (a, b) = (decide(&sanna, "accept"), decide(&heikki, "decline"));
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        let mut statuses = [a.0, b.0];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "round {round}: {a:?} {b:?}");
        let person =
            client::Entity::find().filter(client::Column::Name.eq(name.as_str())).one(&app.db).await.unwrap().unwrap();
        let cases = case::Entity::find().filter(case::Column::ClientId.eq(person.id)).count(&app.db).await.unwrap();
        assert_eq!(cases, u64::from(a.0 == StatusCode::OK), "round {round}: a case exactly when the acceptance won");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_concern_about_someone_with_an_open_case_opens_no_second_and_the_raiser_is_proposed() {
    let app = TestApp::spawn().await;
    let liisa = app.signed_in("liisa.makinen").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let raise = |name: &'static str, born: &'static str| {
        let (app, liisa) = (&app, liisa.clone());
        async move {
            let (status, id) = json(
                app.call(
                    &liisa,
                    "raise_concern",
                    &[
                        ("text", "Huoli jaksamisesta."),
                        ("agrees_to_proceed", "on"),
                        ("name", name),
                        ("date_of_birth", born),
                        ("municipality", "Järvelä"),
                    ],
                )
                .await,
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{id}");
            id.to_string()
        }
    };
    let decide = |id: String| {
        let (app, sanna) = (&app, sanna.clone());
        async move {
            let form = [
                ("concern_id", id.as_str()),
                ("coping", "reduced"),
                ("risk", "high"),
                ("services_in_use", "3"),
                ("recent_contacts", "4"),
                ("life_areas_with_needs", "3"),
                ("decision", "accept"),
                ("reason", "Monialainen tarve."),
            ];
            app.call(&sanna, "decide_concern", &form).await
        }
    };
    // Eino's case is open.
    let about_eino = raise("Eino Mäntylä", "1961-11-02").await;
    let (_, open) = json(app.call(&sanna, "open_concerns", &[]).await).await;
    let listed = open["concerns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"].as_i64().map(|id| id.to_string()).as_ref() == Some(&about_eino))
        .expect("the concern is listed")
        .clone();
    assert_eq!(listed["has_open_case"], true, "the coordinator sees before deciding that Eino's case is open");
    let screening = app.get(&sanna, "/concerns").await.text().await.unwrap();
    assert!(screening.contains("data-testid=\"has-open-case\""), "and the screening page says so");
    assert_error(
        decide(about_eino).await,
        StatusCode::CONFLICT,
        "concern",
        Some(json!({"kind": "client_has_open_case"})),
    )
    .await;
    let eino = app.case_of("eino.mantyla").await;
    assert_eq!(
        case::Entity::find().filter(case::Column::ClientId.eq(eino.client_id)).count(&app.db).await.unwrap(),
        1,
        "still one case"
    );
    assert!(
        case_member::Entity::find()
            .filter(case_member::Column::CaseId.eq(eino.id))
            .filter(case_member::Column::UserId.eq(app.user_id("liisa.makinen").await))
            .count(&app.db)
            .await
            .unwrap()
            == 1,
        "Liisa's seat on Eino's team is as it was"
    );

    // Irma's case is closed: the concern opens a new one, and Liisa waits for Irma's answer.
    let about_irma = raise("Irma Salmi", "1946-09-12").await;
    let (status, decided) = json(decide(about_irma).await).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    let case_id = decided["case_id"].as_i64().unwrap() as i32;
    let seat = case_member::Entity::find()
        .filter(case_member::Column::CaseId.eq(case_id))
        .filter(case_member::Column::UserId.eq(app.user_id("liisa.makinen").await))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(seat.status, SeatStatus::Proposed, "the raiser is proposed, not seated");
    assert_error(
        app.call(&liisa, "case", &[("case_id", &case_id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    let irma = app.signed_in("irma.salmi").await;
    assert_eq!(
        app.call(&irma, "answer_member", &[("seat_id", &seat.id.to_string()), ("answer", "accept")]).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.call(&liisa, "case", &[("case_id", &case_id.to_string())]).await.status(),
        StatusCode::OK,
        "once Irma agrees"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_link_puts_no_words_of_its_own_on_a_page() {
    let app = TestApp::spawn().await;
    let lure = "Soita heti numeroon 0800 123 456";
    let error = |detail: &str| base64_url(json!({"error": "bad_request", "detail": detail}).to_string().as_bytes());
    let choice = base64_url(
        json!({"error": "team", "detail": {"kind": "invalid_choice", "value": lure}}).to_string().as_bytes(),
    );
    let html = app
        .get(&app.anonymous(), &format!("/login?__path=/api/login&__err={}", error(lure)))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("0800 123 456"), "{html}");
    assert!(html.contains("Pyyntöä ei ymmärretty"), "the code's own message is shown");
    let client = app.signed_in("eino.mantyla").await;
    for path in [
        format!("/pathway?__path=/api/answer_member&__err={choice}"),
        format!("/pathway/privacy?__path=/api/give_consent&__err={}", error(lure)),
    ] {
        let html = app.get(&client, &path).await.text().await.unwrap();
        assert!(!html.contains("0800 123 456"), "{path}: {html}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_are_read_by_the_rule_of_cards_and_the_sweep_tells_only_the_team() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let mentioned = app
        .call(
            &sanna,
            "comment_card",
            &[("card", &format!("action-{}-2", eino.id)), ("body", "@liisa.makinen mitä mieltä?")],
        )
        .await;
    assert_eq!(mentioned.status(), StatusCode::OK);
    let (_, told) = json(app.call(&liisa, "notifications", &[]).await).await;
    assert!(told["items"].as_array().unwrap().iter().any(|n| n["case_id"] == eino.id.0));
    let liisa_id = app.user_id("liisa.makinen").await;
    let logged = app.audit_rows(eino.id, "notification", "list").await;
    assert!(logged.iter().any(|r| r.actor_user_id == liisa_id), "reading notifications is a read of the case");

    // Mikko leaves Eino's team outside Polku's own removal (as rows written before it handed
    // work over would have it): his overdue action there tells him nothing.
    let mikko_id = app.user_id("mikko.salonen").await;
    let seat = case_member::Entity::find_by_id(seat_id(&app, eino.id, "mikko.salonen").await)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut left: case_member::ActiveModel = seat.into();
    left.left_at = Set(Some(chrono::Utc::now()));
    left.update(&app.db).await.unwrap();
    notification::Entity::delete_many().filter(notification::Column::UserId.eq(mikko_id)).exec(&app.db).await.unwrap();
    let told = app::service::board::sweep_overdue(&app.db, chrono::Utc::now()).await.unwrap();
    assert!(!told.contains(&mikko_id), "{told:?}");
    let his =
        notification::Entity::find().filter(notification::Column::UserId.eq(mikko_id)).count(&app.db).await.unwrap();
    assert_eq!(his, 0);
    let latest = plan_version::Entity::find()
        .filter(plan_version::Column::CaseId.eq(eino.id))
        .order_by_desc(plan_version::Column::Version)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        latest.content.contains(&format!("\"owner_user_id\":{mikko_id}")),
        "the overdue action is still his in the plan"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seats_texts_and_races_get_a_clear_answer_never_a_server_error() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let case_id = eino.id.to_string();
    // An audit reviewer sits on no team.
    let paula = app.user_id("paula.rinne").await.to_string();
    assert_error(
        app.call(&sanna, "propose_member", &[("case_id", &case_id), ("user_id", &paula), ("team_role", "member")])
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "wrong_person_for_seat", "role": "member"})),
    )
    .await;
    // Someone removed may be proposed again.
    let ville = seat_id(&app, eino.id, "ville.aaltonen").await.to_string();
    assert_eq!(app.call(&sanna, "remove_member", &[("seat_id", &ville)]).await.status(), StatusCode::OK);
    let ville_id = app.user_id("ville.aaltonen").await.to_string();
    let again = app
        .call(&sanna, "propose_member", &[("case_id", &case_id), ("user_id", &ville_id), ("team_role", "member")])
        .await;
    assert_eq!(again.status(), StatusCode::OK, "{}", again.text().await.unwrap());
    assert_error(
        app.call(&sanna, "propose_member", &[("case_id", &case_id), ("user_id", &ville_id), ("team_role", "member")])
            .await,
        StatusCode::CONFLICT,
        "team",
        Some(json!({"kind": "already_on_team"})),
    )
    .await;
    assert_error(
        app.call(&sanna, "remove_member", &[("seat_id", &ville)]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "not_on_team"})),
    )
    .await;
    // A NUL in any text, in a form or an address: refused, nothing written.
    let views_before = app::store::entities::assessment_view::Entity::find().count(&app.db).await.unwrap();
    assert_error(
        app.call(&sanna, "write_view", &[("case_id", &case_id), ("text", "Näkemys\0jatkuu")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_text",
        None,
    )
    .await;
    let json_body = sanna
        .post(format!("{}/api/write_view", app.address))
        .header("content-type", "application/json")
        .body(format!(r#"{{"case_id":{},"text":"a\u0000b"}}"#, eino.id))
        .send()
        .await
        .unwrap();
    assert_eq!(json_body.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.get(&sanna, "/cases?step=%00").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app::store::entities::assessment_view::Entity::find().count(&app.db).await.unwrap(), views_before);
    // Sent without JavaScript, the refusal goes back to the form's page with its code.
    let plain = sanna
        .post(format!("{}/api/write_view", app.address))
        .header("accept", "text/html")
        .header("referer", format!("{}/cases/{}/assessment", app.address, eino.id))
        .form(&[("case_id", case_id.as_str()), ("text", "a\0b")])
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), StatusCode::FOUND);
    let location = plain.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("__path=%2Fapi%2Fwrite_view") && location.contains("__err="), "{location}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_register_opens_by_law_only_to_the_sector_the_law_names_for_a_reason_and_the_pair_is_told() {
    let app = TestApp::spawn().await;
    let laura = app.case_of("laura.kallio").await;
    let eino = app.case_of("eino.mantyla").await;
    let open = |http: Client, case_id: CaseId, register: &'static str, basis: &'static str, reason: &'static str| {
        let app = &app;
        async move {
            app.call(
                &http,
                "open_by_law",
                &[("case_id", &case_id.to_string()), ("register", register), ("basis", basis), ("reason", reason)],
            )
            .await
        }
    };
    let reason = "Lastensuojelun selvitys edellyttää terveystietoja nyt.";
    // Olli, a school social worker (other sector), opens nothing by law.
    let olli = app.signed_in("olli.rantanen").await;
    assert_error(
        open(olli.clone(), laura.id, "health", "child_welfare", reason).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("basis_not_yours")),
    )
    .await;
    let liisa = app.signed_in("liisa.makinen").await;
    assert_error(
        open(liisa.clone(), eino.id, "social", "child_welfare", reason).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("basis_not_yours")),
    )
    .await;
    assert_error(
        open(liisa.clone(), eino.id, "social", "urgent_care", "x").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("reason_too_thin")),
    )
    .await;
    assert_error(
        open(liisa.clone(), eino.id, "social", "urgent_care", "aaaaaaaaaaaaaaaaaaaa").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("reason_too_thin")),
    )
    .await;
    assert_eq!(
        app::store::entities::legal_access::Entity::find().count(&app.db).await.unwrap(),
        0,
        "nothing was opened"
    );

    let mut events = app.state.events.subscribe();
    let opened =
        open(liisa.clone(), eino.id, "social", "urgent_care", "Eino tajuton päivystyksessä, tieto tarvitaan heti.")
            .await;
    assert_eq!(opened.status(), StatusCode::OK);
    let mut told: Vec<UserId> = std::iter::from_fn(|| events.try_recv().ok())
        .filter_map(|e| match e {
            app::events::DomainEvent::Notified { user_ids } => Some(user_ids),
            _ => None,
        })
        .flatten()
        .collect();
    told.sort_unstable();
    let mut pair = [app.user_id("sanna.virtanen").await, app.user_id("heikki.laine").await];
    pair.sort_unstable();
    assert!(pair.iter().all(|id| told.contains(id)), "open pages of the pair hear of it: {told:?}");
    for coordinator in pair {
        let notes = notification::Entity::find()
            .filter(notification::Column::UserId.eq(coordinator))
            .filter(notification::Column::Kind.eq("legal_basis"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(notes, 1, "each of the pair is told");
    }
    let sanna = app.signed_in("sanna.virtanen").await;
    let (_, notes) = json(app.call(&sanna, "notifications", &[]).await).await;
    let note = notes["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "legal_basis")
        .expect("the pair sees it")
        .clone();
    assert_eq!(note["legal"]["basis"], "urgent_care");
    assert_eq!(note["legal"]["register"], "social");
    assert_eq!(note["actor"], "Liisa Mäkinen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn origins_back_links_sessions_and_slow_bodies() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    // The same host over the other scheme is another site.
    let other_scheme = app.address.replacen("http://", "https://", 1);
    let res = sanna.post(format!("{}/api/my_cases", app.address)).header("origin", other_scheme).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = sanna
        .post(format!("{}/api/my_cases", app.address))
        .header("origin", app.address.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // The language switch goes back only to a plain path of this site.
    for (back, expected) in [
        ("/pathway?case=3", "/pathway?case=3"),
        ("/\t/evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("//evil.example", "/"),
    ] {
        let res = sanna
            .post(format!("{}/language", app.address))
            .header("origin", app.address.as_str())
            .form(&[("lang", "sv"), ("back", back)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()["location"], expected, "{back:?}");
    }
    // The session cookie lasts the longest a session may (twelve hours), not the idle time.
    let signed = app.login(&browser(), "heikki.laine", PASSWORD).await;
    let cookie = signed
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("polku_session="))
        .unwrap();
    assert!(cookie.contains("Max-Age=43200"), "{cookie}");
    // A body that does not arrive is not waited for long.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://")).await.unwrap();
    stream
        .write_all(b"POST /api/my_cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nabc")
        .await
        .unwrap();
    let mut answer = vec![0u8; 64];
    let read = tokio::time::timeout(Duration::from_secs(8), stream.read(&mut answer))
        .await
        .expect("answered without the rest of the body")
        .unwrap();
    assert!(
        String::from_utf8_lossy(&answer[..read]).starts_with("HTTP/1.1 408"),
        "{}",
        String::from_utf8_lossy(&answer[..read])
    );
}
