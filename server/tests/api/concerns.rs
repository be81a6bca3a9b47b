//! Identification: who may raise a concern about whom, who screens, and what a decision does.

use crate::helpers::*;
use app::domain::concern::ConcernStatus;
use app::domain::ids::{CaseId, UserId};
use app::domain::{Role, Stage, TeamRole};
use app::store::entities::{audit_entry, case, case_member, client, concern, screening};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

const TODAY_SAFE_DOB: &str = "1944-05-02";

async fn concerns_count(app: &TestApp) -> u64 {
    concern::Entity::find().count(&app.db).await.unwrap()
}

async fn raise_about_person(
    app: &TestApp,
    http: &reqwest::Client,
    name: &str,
    urgent: bool,
    agrees: bool,
) -> reqwest::Response {
    let mut form = vec![
        ("name", name),
        ("date_of_birth", TODAY_SAFE_DOB),
        ("municipality", "Järvelä"),
        ("text", "Naapuri kertoi, ettei Tuula ole käynyt kaupassa viikkoon ja on hyvin väsynyt."),
        ("life_areas[]", "daily_living"),
        ("life_areas[]", "illness"),
        ("agrees_to_involve", "on"),
    ];
    if urgent {
        form.push(("urgent", "on"));
    }
    if agrees {
        form.push(("agrees_to_proceed", "on"));
    }
    app.call(http, "raise_concern", &form).await
}

fn screening_form<'a>(concern_id: &'a str, decision: &'a str, reason: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("concern_id", concern_id),
        ("coping", "reduced"),
        ("risk", "high"),
        ("services_in_use", "4"),
        ("recent_contacts", "11"),
        ("life_areas_with_needs", "3"),
        ("decision", decision),
        ("reason", reason),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_professional_raises_a_concern_about_someone_new() {
    let app = TestApp::spawn().await;
    let ville = app.signed_in("ville.aaltonen").await;
    let (status, id) = json(raise_about_person(&app, &ville, "Tuula Saarinen", false, true).await).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let row = concern::Entity::find_by_id(id.as_i64().unwrap() as i32).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.status, ConcernStatus::Open);
    assert_eq!(row.raised_as, Role::Professional);
    assert_eq!(row.life_areas, "daily_living,illness");
    assert!(row.agrees_to_proceed && row.agrees_to_involve && !row.urgent);
    let person = client::Entity::find_by_id(row.client_id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(person.name, "Tuula Saarinen");
    assert_eq!(person.user_id, None);

    // Raising again about the same person reuses the client record.
    let (_, second) = json(raise_about_person(&app, &ville, "Tuula Saarinen", true, true).await).await;
    let second = concern::Entity::find_by_id(second.as_i64().unwrap() as i32).one(&app.db).await.unwrap().unwrap();
    assert_eq!(second.client_id, row.client_id);
    let creates = audit_entry::Entity::find()
        .filter(audit_entry::Column::Resource.eq("concern"))
        .filter(audit_entry::Column::Action.eq("create"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(creates.len(), 2);
    assert_eq!(creates[0].basis, "identification");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_refers_themself_and_a_relative_only_with_permission_to_write() {
    let app = TestApp::spawn().await;
    let (status, _) = json(
        app.call(
            &app.signed_in("sofia.berg").await,
            "raise_concern",
            &[("text", "Jag orkar inte längre."), ("agrees_to_proceed", "on")],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let sofia_client = app.case_of("sofia.berg").await.client_id;
    assert_eq!(
        concern::Entity::find().filter(concern::Column::ClientId.eq(sofia_client)).count(&app.db).await.unwrap(),
        1
    );

    let aino = app.case_of("aino.korhonen").await.client_id.to_string();
    let eino = app.case_of("eino.mantyla").await.client_id.to_string();
    let pirjo = app.signed_in("pirjo.korhonen").await;
    let (_, context) = json(app.call(&pirjo, "concern_form", &[]).await).await;
    assert_eq!(context["clients"], json!([{"id": aino.parse::<i32>().unwrap(), "name": "Aino Korhonen"}]));
    let ok = app
        .call(&pirjo, "raise_concern", &[("client_id", aino.as_str()), ("text", "Äiti on kaatunut kahdesti.")])
        .await;
    assert_eq!(ok.status(), StatusCode::OK);

    let before = concerns_count(&app).await;
    assert_error(
        app.call(&pirjo, "raise_concern", &[("client_id", eino.as_str()), ("text", "x")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_your_case")),
    )
    .await;
    let markku = app.signed_in("markku.lahtinen").await;
    let helmi = app.case_of("helmi.lahtinen").await.client_id.to_string();
    assert_error(
        app.call(&markku, "raise_concern", &[("client_id", helmi.as_str()), ("text", "x")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("outside_relative_scope")),
    )
    .await;
    assert_error(
        raise_about_person(&app, &app.signed_in("admin").await, "Tuula Saarinen", false, true).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("administrator_no_client_content")),
    )
    .await;
    assert_eq!(concerns_count(&app).await, before, "refused concerns write nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_concern_input_gets_a_specific_message_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let ville = app.signed_in("ville.aaltonen").await;
    let clients_before = client::Entity::find().count(&app.db).await.unwrap();
    for (form, detail) in [
        (
            vec![("name", "Tuula"), ("date_of_birth", "1944-05-02"), ("municipality", "Järvelä"), ("text", "  ")],
            json!({"kind": "text_empty"}),
        ),
        (
            vec![("name", ""), ("date_of_birth", "1944-05-02"), ("municipality", "Järvelä"), ("text", "x")],
            json!({"kind": "name_empty"}),
        ),
        (
            vec![("name", "Tuula"), ("date_of_birth", "2.5.1944"), ("municipality", "Järvelä"), ("text", "x")],
            json!({"kind": "birth_date_invalid"}),
        ),
        (
            vec![("name", "Tuula"), ("date_of_birth", "2999-01-01"), ("municipality", "Järvelä"), ("text", "x")],
            json!({"kind": "birth_date_in_future"}),
        ),
        (
            vec![
                ("name", "Tuula"),
                ("date_of_birth", "1944-05-02"),
                ("municipality", "Järvelä"),
                ("text", "x"),
                ("life_areas[]", "weather"),
            ],
            json!({"kind": "unknown_life_area", "area": "weather"}),
        ),
    ] {
        assert_error(
            app.call(&ville, "raise_concern", &form).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "concern",
            Some(detail),
        )
        .await;
    }
    assert_eq!(concerns_count(&app).await, 0);
    assert_eq!(client::Entity::find().count(&app.db).await.unwrap(), clients_before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_open_concerns_are_read_a_page_at_a_time_and_only_the_page_is_logged() {
    let app = TestApp::spawn().await;
    let ville = app.signed_in("ville.aaltonen").await;
    let names: Vec<String> = (1..=23).map(|n| format!("Henkilö {n:02}")).collect();
    for (n, name) in names.iter().enumerate() {
        assert_eq!(raise_about_person(&app, &ville, name, n == 22, true).await.status(), StatusCode::OK);
    }
    let open_before =
        concern::Entity::find().filter(concern::Column::Status.eq(ConcernStatus::Open)).count(&app.db).await.unwrap();
    let views = || async {
        audit_entry::Entity::find()
            .filter(audit_entry::Column::Resource.eq("concern"))
            .filter(audit_entry::Column::Action.eq("view"))
            .count(&app.db)
            .await
            .unwrap()
    };
    let jari = app.signed_in("jari.koskinen").await;
    let page = |number: &'static str| {
        let (app, jari) = (&app, &jari);
        async move { json(app.call(jari, "open_concerns", &[("page", number)]).await).await }
    };

    let (status, first) = page("1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((first["page"].clone(), first["per_page"].clone()), (json!(1), json!(20)));
    assert_eq!(first["total"], json!(open_before), "every open concern is counted on every page");
    let first = first["concerns"].as_array().unwrap().clone();
    assert_eq!(first.len(), 20);
    assert_eq!(first[0]["client_name"], "Henkilö 23", "the urgent concern leads the first page");
    assert_eq!(views().await, 20, "only the concerns shown are logged as read, one row each");

    let (_, second) = page("2").await;
    let second = second["concerns"].as_array().unwrap().clone();
    assert_eq!(u64::try_from(second.len()).unwrap(), open_before - 20, "the last page holds the rest");
    let mut seen: Vec<i64> = first.iter().chain(&second).map(|c| c["id"].as_i64().unwrap()).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(u64::try_from(seen.len()).unwrap(), open_before, "no concern twice, none left out");
    assert!(
        second.iter().any(|c| c["client_name"] == "Henkilö 22"),
        "the oldest come first after the urgent ones, so the newest ordinary one is last"
    );

    let (status, past_the_end) = page("3").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(past_the_end["concerns"], json!([]));
    assert_eq!(past_the_end["total"], json!(open_before), "a page past the end says how many there are");

    let logged = views().await;
    for wrong in ["0", "x", "100001"] {
        assert_error(
            app.call(&jari, "open_concerns", &[("page", wrong)]).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "page",
            Some(json!({"value": wrong, "max": 100_000})),
        )
        .await;
    }
    assert_eq!(views().await, logged, "a refused page reads nothing and logs nothing");

    let html = app.get(&jari, "/concerns?page=2").await.text().await.unwrap();
    assert!(html.contains("Henkilö 22") && !html.contains("Henkilö 23"), "the page address shows that page");
    assert!(html.contains("href=\"/concerns\" rel=\"prev\""), "with a link back to the first page");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_coordinators_see_and_decide_concerns_urgent_first() {
    let app = TestApp::spawn().await;
    let ville = app.signed_in("ville.aaltonen").await;
    raise_about_person(&app, &ville, "Tuula Saarinen", false, true).await;
    raise_about_person(&app, &ville, "Veli Virta", true, true).await;

    let jari = app.signed_in("jari.koskinen").await;
    let (_, urgent) = json(app.call(&jari, "urgent_concerns", &[]).await).await;
    assert_eq!(urgent, json!(1), "the urgent concern is flagged");
    let (status, page) = json(app.call(&jari, "open_concerns", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((page["page"].clone(), page["total"].clone()), (json!(1), json!(2)));
    let list = &page["concerns"];
    assert_eq!(list[0]["client_name"], "Veli Virta", "urgent first");
    assert_eq!(list[0]["urgent"], true);
    assert_eq!(list[1]["client_name"], "Tuula Saarinen");
    assert_eq!(list[1]["raised_by"], "Ville Aaltonen");
    assert_eq!(list[1]["life_areas"], json!(["daily_living", "illness"]));

    for who in ["ville.aaltonen", "aino.korhonen", "admin"] {
        let http = app.signed_in(who).await;
        assert_error(
            app.call(&http, "open_concerns", &[]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("coordinators_only")),
        )
        .await;
        assert_error(
            app.call(&http, "urgent_concerns", &[]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("coordinators_only")),
        )
        .await;
        let id = list[0]["id"].to_string();
        assert_error(
            app.call(&http, "decide_concern", &screening_form(&id, "accept", "x")).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("coordinators_only")),
        )
        .await;
    }
    assert_eq!(screening::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepting_opens_a_case_in_assessment_with_the_least_loaded_pair() {
    let app = TestApp::spawn().await;
    let ville = app.signed_in("ville.aaltonen").await;
    let (_, id) = json(raise_about_person(&app, &ville, "Tuula Saarinen", true, true).await).await;
    let id = id.to_string();
    let maria = app.signed_in("maria.nieminen").await;
    let mut events = app.state.events.subscribe();

    let (status, decided) = json(
        app.call(&maria, "decide_concern", &screening_form(&id, "accept", "Monta palvelua ja heikentynyt arki.")).await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["accepted"], true);
    assert_eq!(decided["coordinators"], json!(["Sanna Virtanen", "Heikki Laine"]), "the answer names the pair");
    let case_id = CaseId(decided["case_id"].as_i64().unwrap() as i32);
    let opened = app.case_by_id(case_id).await;
    assert_eq!(opened.stage, Stage::Assessment);

    // Both demo pairs have six open cases: the tie goes to the first pair (North).
    let seats: Vec<(UserId, TeamRole)> = case_member::Entity::find()
        .filter(case_member::Column::CaseId.eq(case_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.user_id, m.team_role))
        .collect();
    assert!(seats.contains(&(app.user_id("sanna.virtanen").await, TeamRole::SocialCoordinator)), "{seats:?}");
    assert!(seats.contains(&(app.user_id("heikki.laine").await, TeamRole::HealthCoordinator)));
    assert!(
        seats.contains(&(app.user_id("ville.aaltonen").await, TeamRole::Member)),
        "the professional who raised it joins"
    );

    let row = screening::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(row.proposed_target_group && row.accepted);
    assert_eq!((row.coping.as_str(), row.risk.as_str(), row.services_in_use), ("reduced", "high", 4));
    assert_eq!(row.case_id, Some(case_id));
    assert_eq!(
        concern::Entity::find_by_id(id.parse::<i32>().unwrap()).one(&app.db).await.unwrap().unwrap().status,
        ConcernStatus::Accepted
    );
    assert!(app.history_len(case_id).await >= 4);
    let concern_id = id.parse::<i32>().unwrap();
    let published = published(&mut events);
    assert_eq!(
        published.first(),
        Some(&app::events::DomainEvent::ConcernDecided { concern_id, accepted: true }),
        "{published:?}"
    );
    assert!(
        matches!(published.get(1), Some(app::events::DomainEvent::CaseOpened { case_id: opened, .. }) if *opened == case_id),
        "{published:?}"
    );

    // North now has seven open cases, so the next accepted concern goes to South.
    let (_, next) = json(raise_about_person(&app, &ville, "Veli Virta", false, true).await).await;
    let (_, second) =
        json(app.call(&maria, "decide_concern", &screening_form(&next.to_string(), "accept", "Sama tilanne.")).await)
            .await;
    let second_case = second["case_id"].as_i64().unwrap() as i32;
    let south_seat = case_member::Entity::find()
        .filter(case_member::Column::CaseId.eq(second_case))
        .filter(case_member::Column::TeamRole.eq("social_coordinator"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(south_seat.user_id, app.user_id("maria.nieminen").await);

    // The coordinator now sees it among their cases; deciding again is refused.
    let (_, mine) = json(app.call(&maria, "my_cases", &[]).await).await;
    assert!(mine["cases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["client_name"] == "Veli Virta" && c["stage"] == "assessment"));
    assert_error(
        app.call(&maria, "decide_concern", &screening_form(&id, "decline", "x")).await,
        StatusCode::CONFLICT,
        "concern",
        Some(json!({"kind": "already_decided"})),
    )
    .await;
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_needs_a_reason_valid_answers_and_for_acceptance_agreement() {
    let app = TestApp::spawn().await;
    let ville = app.signed_in("ville.aaltonen").await;
    let (_, id) = json(raise_about_person(&app, &ville, "Tuula Saarinen", false, false).await).await;
    let id = id.to_string();
    let sanna = app.signed_in("sanna.virtanen").await;
    let cases_before = case::Entity::find().count(&app.db).await.unwrap();

    let mut bad_count = screening_form(&id, "accept", "ok");
    bad_count[3] = ("services_in_use", "many");
    let mut bad_risk = screening_form(&id, "accept", "ok");
    bad_risk[2] = ("risk", "medium");
    for (form, detail) in [
        (screening_form(&id, "accept", " "), json!({"kind": "reason_empty"})),
        (screening_form(&id, "maybe", "ok"), json!({"kind": "invalid_choice", "value": "maybe"})),
        (bad_count, json!({"kind": "count_out_of_range"})),
        (bad_risk, json!({"kind": "invalid_choice", "value": "medium"})),
        (screening_form(&id, "accept", "Tarvitsee apua."), json!({"kind": "no_agreement_to_proceed"})),
    ] {
        assert_error(
            app.call(&sanna, "decide_concern", &form).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "concern",
            Some(detail),
        )
        .await;
    }
    assert_eq!(case::Entity::find().count(&app.db).await.unwrap(), cases_before);
    assert_eq!(screening::Entity::find().count(&app.db).await.unwrap(), 0);

    // Declining needs no agreement and opens no case.
    let (status, decided) =
        json(app.call(&sanna, "decide_concern", &screening_form(&id, "decline", "Ohjattu kotihoitoon.")).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(decided, json!({"accepted": false, "case_id": null, "coordinators": []}));
    assert_eq!(case::Entity::find().count(&app.db).await.unwrap(), cases_before);
}
