//! Network meetings: the pair arranges them, the invitation is valid iCalendar, everyone invited
//! is heard, and the agreed steps become plan actions in one step, once.

use crate::helpers::*;
use app::domain::ids::CaseId;
use reqwest::{Client, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};
use std::io::BufReader;

async fn meeting(app: &TestApp, http: &Client, case_id: CaseId, id: i64) -> (StatusCode, Value) {
    json(app.call(http, "meeting", &[("case_id", &case_id.to_string()), ("meeting_id", &id.to_string())]).await).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pair_arranges_a_meeting_and_the_invitation_reads_back_as_icalendar() {
    let app = TestApp::spawn().await;
    let (sanna, eino) = (app.signed_in("sanna.virtanen").await, app.signed_in("eino.mantyla").await);
    let id = app.case_of("eino.mantyla").await.id;
    let (eino_id, mikko_id) =
        (app.user_id("eino.mantyla").await.to_string(), app.user_id("mikko.salonen").await.to_string());
    let start = at_one(10);
    let good = |extra: Vec<(&'static str, String)>| {
        let mut f: Vec<(&'static str, String)> = vec![
            ("title", "Verkostokokous; Eino ja tiimi".into()),
            ("starts", start.clone()),
            ("minutes", "90".into()),
            ("place", "Järvelän sote-keskus, neuvotteluhuone 2".into()),
            ("participants[]", eino_id.clone()),
            ("participants[]", mikko_id.clone()),
        ];
        for (k, v) in extra {
            match f.iter_mut().find(|(key, _)| *key == k && k != "participants[]") {
                Some(slot) => slot.1 = v,
                None => f.push((k, v)),
            }
        }
        f
    };
    let refs =
        |f: &Vec<(&'static str, String)>| f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<(&str, String)>>();

    // Each mistake has its own answer, and nothing is written.
    let noora = app.user_id("noora.lindholm").await.to_string();
    for (extra, kind) in [
        (vec![("starts", at_one(-3))], "start_in_past"),
        (vec![("starts", "1.12.2026 13:00".to_string())], "start_invalid"),
        (vec![("minutes", "600".to_string())], "duration_out_of_range"),
        (vec![("place", String::new())], "no_place"),
        (vec![("place", String::new()), ("video_link", "meet.example/x".to_string())], "link_invalid"),
        (vec![("participants[]", noora.clone())], "unknown_participant"),
    ] {
        let fields = refs(&good(extra));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_error(
            schedule(&app, &sanna, id, &fields).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "meeting",
            Some(json!({"kind": kind})),
        )
        .await;
    }
    let fields = refs(&good(vec![]));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let liisa = app.signed_in("liisa.makinen").await;
    assert_error(
        schedule(&app, &liisa, id, &fields).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    let (status, listed) = json(app.call(&sanna, "meetings", &[("case_id", &id.to_string())]).await).await;
    assert_eq!(
        (status, listed["upcoming"].as_array().unwrap().len()),
        (StatusCode::OK, 0),
        "nothing refused was written"
    );

    let (status, meeting_id) = json(schedule(&app, &sanna, id, &fields).await).await;
    assert_eq!(status, StatusCode::OK, "{meeting_id}");
    let meeting_id = meeting_id.as_i64().unwrap();

    // The client sees it on their pathway, with both invited by name.
    let (_, pathways) = json(app.call(&eino, "my_pathway", &[]).await).await;
    let coming = &pathways[0]["meetings"][0];
    assert_eq!(coming["title"], "Verkostokokous; Eino ja tiimi");
    assert_eq!(coming["participants"], json!(["Eino Mäntylä", "Mikko Salonen"]));

    // The invitation downloads and a real iCalendar parser reads it back.
    let res = app.get(&eino, &format!("/meetings/{meeting_id}/invite.ics")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/calendar; charset=utf-8");
    let ics = res.text().await.unwrap();
    let calendar =
        ical::IcalParser::new(BufReader::new(ics.as_bytes())).next().expect("one calendar").expect("valid iCalendar");
    assert_eq!(calendar.events.len(), 1);
    let property = |name: &str| {
        calendar.events[0]
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("{name} in {ics}"))
    };
    assert_eq!(property("SUMMARY"), "Verkostokokous\\; Eino ja tiimi", "escaped as RFC 5545 says");
    assert_eq!(property("LOCATION"), "Järvelän sote-keskus\\, neuvotteluhuone 2");
    assert_eq!(property("UID"), format!("meeting-{meeting_id}-case-{id}@polku"));
    let starts = chrono::NaiveDateTime::parse_from_str(&property("DTSTART"), "%Y%m%dT%H%M%SZ").unwrap();
    let ends = chrono::NaiveDateTime::parse_from_str(&property("DTEND"), "%Y%m%dT%H%M%SZ").unwrap();
    assert_eq!(ends - starts, chrono::Duration::minutes(90));
    let local = app::domain::calendar::finnish_time(starts.and_utc());
    assert_eq!(local.format("%Y-%m-%dT%H:%M").to_string(), start, "13:00 Finnish time, stored as UTC");
    assert!(property("DESCRIPTION").contains("Mikko Salonen"));

    // Only people who may see the case get it; a stranger gets nothing.
    let stranger = app.signed_in("noora.lindholm").await;
    assert_eq!(app.get(&stranger, &format!("/meetings/{meeting_id}/invite.ics")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.get(&app.anonymous(), &format!("/meetings/{meeting_id}/invite.ics")).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.get(&eino, "/meetings/99999/invite.ics").await.status(), StatusCode::NOT_FOUND);
    assert!(!app.audit_rows(id, "meeting", "view").await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everyone_is_heard_and_the_agreed_steps_become_plan_actions_once() {
    let app = TestApp::spawn().await;
    let (sanna, eino, mikko) = (
        app.signed_in("sanna.virtanen").await,
        app.signed_in("eino.mantyla").await,
        app.signed_in("mikko.salonen").await,
    );
    let id = app.case_of("eino.mantyla").await.id;
    let (eino_id, mikko_id, liisa_id) = (
        app.user_id("eino.mantyla").await.to_string(),
        app.user_id("mikko.salonen").await.to_string(),
        app.user_id("liisa.makinen").await.to_string(),
    );
    let start = at_one(3);
    let (_, meeting_id) = json(
        schedule(
            &app,
            &sanna,
            id,
            &[
                ("title", "Verkostokokous"),
                ("starts", &start),
                ("minutes", "60"),
                ("video_link", "https://meet.example/eino"),
                ("participants[]", &eino_id),
                ("participants[]", &mikko_id),
            ],
        )
        .await,
    )
    .await;
    let meeting_id = meeting_id.as_i64().unwrap();
    let (m, c) = (meeting_id.to_string(), id.to_string());
    let voice = |speaker: &str, hopes: &str| {
        vec![
            ("case_id", c.clone()),
            ("meeting_id", m.clone()),
            ("speaker", speaker.to_string()),
            ("hopes", hopes.to_string()),
            ("worries", String::new()),
            ("support", String::new()),
        ]
    };
    let call = |http: &Client, name: &'static str, fields: Vec<(&'static str, String)>| {
        let (app, http) = (&app, http.clone());
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call(&http, name, &fields).await
        }
    };

    // The client speaks for themself; the pair writes down what anyone invited said.
    assert_eq!(call(&eino, "record_voice", voice(&eino_id, "Haluan pärjätä kotona.")).await.status(), StatusCode::OK);
    assert_eq!(call(&sanna, "record_voice", voice(&mikko_id, "Kaiteet ennen joulua.")).await.status(), StatusCode::OK);
    assert_error(
        call(&eino, "record_voice", voice(&mikko_id, "Mikko sanoi…")).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    assert_error(
        call(&sanna, "record_voice", voice(&liisa_id, "Liisa ei ollut kutsuttu")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "meeting",
        Some(json!({"kind": "not_participant"})),
    )
    .await;
    assert_error(
        call(&mikko, "record_voice", voice(&mikko_id, "  ")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "meeting",
        Some(json!({"kind": "voice_empty"})),
    )
    .await;
    let (status, page) = meeting(&app, &eino, id, meeting_id).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let heard: Vec<(&str, &str, Value)> = page["voices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["speaker"].as_str().unwrap(), v["hopes"].as_str().unwrap(), v["recorded_by"].clone()))
        .collect();
    assert_eq!(
        heard,
        [
            ("Eino Mäntylä", "Haluan pärjätä kotona.", Value::Null),
            ("Mikko Salonen", "Kaiteet ennen joulua.", json!("Sanna Virtanen"))
        ]
    );
    assert_eq!(page["speakers"].as_array().unwrap().len(), 1, "the client speaks for themself only");
    assert_eq!(page["can_agree_steps"], false);

    // Agreed steps: a bad row is named; then all rows go into the plan as one version.
    let steps = |owner2: &str, due2: &str| {
        vec![
            ("case_id", c.clone()),
            ("meeting_id", m.clone()),
            ("seen", "2".to_string()),
            ("what[]", "Tukikaiteet kylpyhuoneeseen".to_string()),
            ("owner[]", mikko_id.clone()),
            ("due[]", day(14)),
            ("what[]", String::new()),
            ("owner[]", String::new()),
            ("due[]", String::new()),
            ("what[]", "Kotikäynti fysioterapeutin kanssa".to_string()),
            ("owner[]", owner2.to_string()),
            ("due[]", due2.to_string()),
        ]
    };
    assert_error(
        call(&sanna, "agree_steps", steps(&liisa_id, &day(-1))).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "meeting",
        Some(json!({"kind": "step", "row": 3, "problem": {"kind": "date_in_past"}})),
    )
    .await;
    assert_error(
        call(&mikko, "agree_steps", steps(&liisa_id, &day(20))).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    let (status, version) = json(call(&sanna, "agree_steps", steps(&liisa_id, &day(20))).await).await;
    assert_eq!((status, version.clone()), (StatusCode::OK, json!(3)), "{version}");
    let (_, plan) = json(app.call(&eino, "plan", &[("case_id", &c)]).await).await;
    let actions: Vec<(&str, &str)> = plan["content"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["what"].as_str().unwrap(), a["status"].as_str().unwrap()))
        .collect();
    assert_eq!(actions[2..], [("Tukikaiteet kylpyhuoneeseen", "open"), ("Kotikäynti fysioterapeutin kanssa", "open")]);
    assert_eq!(plan["versions"][0]["saved_by"], "Sanna Virtanen");
    let mut again = steps(&liisa_id, &day(20));
    again[2].1 = "3".to_string();
    assert_error(
        call(&sanna, "agree_steps", again).await,
        StatusCode::CONFLICT,
        "meeting",
        Some(json!({"kind": "steps_already_agreed"})),
    )
    .await;
    assert_eq!(json(app.call(&eino, "plan", &[("case_id", &c)]).await).await.1["version"], 3, "the steps went in once");
    let (_, page) = meeting(&app, &sanna, id, meeting_id).await;
    assert_eq!(page["meeting"]["steps_plan_version"], 3);
    assert!(
        app.db.execute_unprepared("UPDATE meeting_voices SET hopes = 'forged'").await.is_err(),
        "voices are kept as said"
    );
    app.assert_places_are_current().await;
}

/// A case's meetings at the length of years of work: all to come (and the one under way) are
/// shown, those held twenty a page, newest first, with no meeting on two pages or on none.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_meetings_held_are_read_a_page_at_a_time_newest_first() {
    use app::domain::role::Sector;
    use app::store::entities::meeting;
    use chrono::{Duration, Utc};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let sannas = app.user_id("sanna.virtanen").await;
    let case_id = app.case_of("eino.mantyla").await.id;
    let now = Utc::now();
    let held_before = {
        let (_, listed) = json(app.call(&sanna, "meetings", &[("case_id", &case_id.to_string())]).await).await;
        listed["past_total"].as_u64().unwrap()
    };
    // (title, started this long ago, minutes): 45 held weeks apart, two held today, one under way
    // (it started within the longest a meeting lasts) and one tomorrow.
    let mut rows: Vec<(String, Duration, i32)> =
        (0..45).map(|n| (format!("Held {n}"), Duration::days(7 * (45 - n) + 1), 60)).collect();
    rows.push(("Held this morning".into(), Duration::hours(5), 60));
    rows.push(("Held an hour ago".into(), Duration::minutes(150), 90));
    rows.push(("Under way".into(), Duration::minutes(30), 90));
    rows.push(("Tomorrow".into(), Duration::days(-1), 60));
    for (title, ago, minutes) in rows {
        meeting::ActiveModel {
            case_id: Set(case_id),
            title: Set(title),
            starts_at: Set(now - ago),
            minutes: Set(minutes),
            participants: Set("[]".into()),
            created_by_user_id: Set(sannas),
            created_at: Set(now),
            sector: Set(Sector::Shared),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let page = |past: String| {
        let (app, sanna) = (&app, &sanna);
        async move {
            let form = [("case_id", case_id.to_string()), ("past", past)];
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (status, body) = json(app.call(sanna, "meetings", &form).await).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            body
        }
    };
    let titles = |body: &Value, list: &str| -> Vec<String> {
        body[list].as_array().unwrap().iter().map(|m| m["title"].as_str().unwrap().to_string()).collect()
    };
    let total = held_before + 47;

    let first = page(String::new()).await;
    let upcoming = titles(&first, "upcoming");
    assert_eq!(
        upcoming[..2],
        ["Under way".to_string(), "Tomorrow".to_string()],
        "soonest first, the one under way too"
    );
    assert_eq!(first["past_total"].as_u64(), Some(total));
    let mut held = titles(&first, "past");
    assert_eq!(held.len(), 20, "twenty a page");
    assert_eq!(held[..2], ["Held an hour ago", "Held this morning"], "newest first");
    for n in 2..=total.div_ceil(20) {
        let next = page(n.to_string()).await;
        assert_eq!(titles(&next, "upcoming"), upcoming, "what is to come is on every page");
        held.extend(titles(&next, "past"));
    }
    // Every meeting held, once, in the order they were held, newest first.
    let mut ended: Vec<meeting::Model> = meeting::Entity::find()
        .filter(meeting::Column::CaseId.eq(case_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.starts_at + Duration::minutes(i64::from(m.minutes)) < Utc::now())
        .collect();
    ended.sort_by_key(|m| std::cmp::Reverse((m.starts_at, m.id)));
    assert_eq!(held, ended.iter().map(|m| m.title.clone()).collect::<Vec<_>>());
    assert!(titles(&page((total.div_ceil(20) + 1).to_string()).await, "past").is_empty(), "past the last page");
    assert_error(
        app.call(&sanna, "meetings", &[("case_id", &case_id.to_string()), ("past", "0")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "page",
        None,
    )
    .await;

    // Without JavaScript: the page links to the older meetings, and the second page back.
    let html = app.get(&sanna, &format!("/cases/{case_id}/meetings")).await.text().await.unwrap();
    assert!(html.contains("?past=2#past-h"), "a link to the meetings held before");
    let older = app.get(&sanna, &format!("/cases/{case_id}/meetings?past=2")).await.text().await.unwrap();
    assert!(older.contains("rel=\"prev\"") && older.contains(&held[20]), "the second page");
}
