//! Consent between the registers, record entries and the client's access log: a professional
//! reads the other register only under the client's consent in force, the client gives, narrows
//! and withdraws it, and sees who has accessed their information and on what basis.

use crate::helpers::*;
use app::domain::ids::CaseId;
use app::domain::Sector;
use app::store::entities::{audit_entry, consent, consent_event, record_entry, staff_profile};
use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

async fn records(app: &TestApp, http: &Client, case_id: CaseId) -> (StatusCode, Value) {
    json(app.call(http, "records", &[("case_id", case_id.to_string().as_str())]).await).await
}

fn texts(page: &Value) -> Vec<String> {
    page["entries"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap().to_string()).collect()
}

fn sectors(page: &Value) -> Vec<String> {
    let mut found: Vec<String> =
        page["entries"].as_array().unwrap().iter().map(|e| e["sector"].as_str().unwrap().to_string()).collect();
    found.sort();
    found.dedup();
    found
}

/// The party key of the organisation `username` works for.
async fn organisation_of(app: &TestApp, username: &str) -> String {
    let id = app.user_id(username).await;
    let profile = staff_profile::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    format!("org:{}", profile.organisation_id)
}

async fn give(
    app: &TestApp,
    http: &Client,
    parties: &[&str],
    registers: &[&str],
    purpose: &str,
    until: &str,
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = parties.iter().map(|p| ("parties[]", *p)).collect();
    form.extend(registers.iter().map(|r| ("registers[]", *r)));
    form.extend([("purpose", purpose), ("valid_until", until)]);
    app.call(http, "give_consent", &form).await
}

async fn narrow(
    app: &TestApp,
    http: &Client,
    id: i64,
    parties: &[&str],
    registers: &[&str],
    until: &str,
) -> reqwest::Response {
    let id = id.to_string();
    let mut form: Vec<(&str, &str)> = vec![("consent_id", id.as_str())];
    form.extend(parties.iter().map(|p| ("parties[]", *p)));
    form.extend(registers.iter().map(|r| ("registers[]", *r)));
    form.push(("valid_until", until));
    app.call(http, "narrow_consent", &form).await
}

async fn withdraw(app: &TestApp, http: &Client, id: i64) -> reqwest::Response {
    app.call(http, "withdraw_consent", &[("consent_id", id.to_string().as_str())]).await
}

async fn record_reads(app: &TestApp, case_id: CaseId, username: &str) -> Vec<String> {
    let actor = app.user_id(username).await;
    app.audit_rows(case_id, "record_entry", "view")
        .await
        .into_iter()
        .filter(|r| r.actor_user_id == actor)
        .map(|r| r.basis)
        .collect()
}

const SOCIAL_ENTRY: &str =
    "Toimeentulotukihakemus tehty yhdessä Einon kanssa; vuokrarästit selvitetty vuokranantajan kanssa.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_other_register_opens_with_the_clients_consent_and_closes_when_it_is_withdrawn() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let mikko = app.signed_in("mikko.salonen").await;
    let eino = app.signed_in("eino.mantyla").await;

    // Each professional reads their own register and the shared entries, not the other register.
    let (status, by_doctor) = records(&app, &liisa, case.id).await;
    assert_eq!(status, StatusCode::OK, "{by_doctor}");
    assert_eq!(sectors(&by_doctor), ["health", "other"]);
    assert_eq!(by_doctor["closed_registers"], json!(["social"]));
    assert_eq!(by_doctor["writes_into"], "health");
    let (_, by_social_worker) = records(&app, &mikko, case.id).await;
    assert_eq!(sectors(&by_social_worker), ["other", "social"]);
    assert_eq!(by_social_worker["closed_registers"], json!(["health"]));
    assert_eq!(record_reads(&app, case.id, "liisa.makinen").await, ["team:member"]);

    // Eino lets the health-care organisation read his social-care records for a year.
    let health = organisation_of(&app, "liisa.makinen").await;
    let (status, id) = json(give(&app, &eino, &[&health], &["social"], "Monialainen yhteistyö", &day(365)).await).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_i64().unwrap();
    let (_, by_doctor) = records(&app, &liisa, case.id).await;
    assert!(texts(&by_doctor).contains(&SOCIAL_ENTRY.to_string()), "{by_doctor}");
    assert_eq!(by_doctor["closed_registers"], json!([]));
    let reads = record_reads(&app, case.id, "liisa.makinen").await;
    assert!(
        reads.contains(&format!("consent:{id}")),
        "the read under consent is logged with the consent's id: {reads:?}"
    );
    let (_, by_social_worker) = records(&app, &mikko, case.id).await;
    assert_eq!(by_social_worker["closed_registers"], json!(["health"]), "the consent opened only the social register");

    // Narrowing keeps within what was given; anything wider is refused and changes nothing.
    assert_error(
        narrow(&app, &eino, id, &[&health], &["social", "health"], &day(365)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("wider_than_before")),
    )
    .await;
    assert_error(
        narrow(&app, &eino, id, &[&health], &["social"], &day(400)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("wider_than_before")),
    )
    .await;
    assert_eq!(narrow(&app, &eino, id, &[&health], &["social"], &day(90)).await.status(), StatusCode::OK);
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    assert_eq!(page["consents"][0]["valid_until"], day(90));
    assert_eq!(page["consents"][0]["in_force"], true);

    // Withdrawn, it opens nothing from that moment; a second withdrawal is refused.
    assert_eq!(withdraw(&app, &eino, id).await.status(), StatusCode::OK);
    let (_, by_doctor) = records(&app, &liisa, case.id).await;
    assert!(!texts(&by_doctor).contains(&SOCIAL_ENTRY.to_string()));
    assert_eq!(by_doctor["closed_registers"], json!(["social"]));
    assert_error(withdraw(&app, &eino, id).await, StatusCode::CONFLICT, "consent", Some(json!("withdrawn"))).await;
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    assert_eq!(page["consents"][0]["in_force"], false);
    assert!(page["consents"][0]["withdrawn_at"].is_string());

    // The whole history is kept, and the database refuses to rewrite it.
    let kinds: Vec<String> = consent_event::Entity::find()
        .filter(consent_event::Column::ConsentId.eq(id as i32))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["given", "narrowed", "withdrawn"]);
    for statement in [
        "UPDATE consent_events SET kind = 'given'",
        "DELETE FROM consent_events",
        "UPDATE consents SET client_id = 1",
        "DELETE FROM record_entries",
        "UPDATE record_entries SET hidden_reason = NULL",
    ] {
        assert!(app.db.execute_unprepared(statement).await.is_err(), "the database refuses: {statement}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consent_form_is_refused_with_a_specific_reason_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let eino = app.signed_in("eino.mantyla").await;
    let health = organisation_of(&app, "liisa.makinen").await;
    let h = health.as_str();
    // The parties, the registers, the purpose, the last day, and the refusal expected.
    type Attempt<'a> = (&'a [&'a str], &'a [&'a str], &'a str, String, Value);
    let cases: [Attempt; 8] = [
        (&[], &["social"], "Yhteistyö", day(30), json!("no_parties")),
        (&[h], &[], "Yhteistyö", day(30), json!("no_registers")),
        (&[h], &["social"], "  ", day(30), json!("purpose_empty")),
        (&[h], &["social"], "Yhteistyö", "huomenna".into(), json!("date_invalid")),
        (&[h], &["social"], "Yhteistyö", day(-1), json!("ends_before_it_begins")),
        (&[h], &["social"], "Yhteistyö", day(6 * 365), json!("too_long")),
        (&["org:99999"], &["social"], "Yhteistyö", day(30), json!("unknown_choice")),
        (&[h], &["shared"], "Yhteistyö", day(30), json!("unknown_choice")),
    ];
    for (parties, registers, purpose, until, reason) in cases {
        assert_error(
            give(&app, &eino, parties, registers, purpose, &until).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent",
            Some(reason),
        )
        .await;
    }
    // Only the client steers their consent.
    for (username, reason) in [
        ("liisa.makinen", "clients_own_privacy"),
        ("sanna.virtanen", "clients_own_privacy"),
        ("pirjo.korhonen", "clients_own_privacy"),
        ("admin", "administrator_no_client_content"),
        ("paula.rinne", "auditor_sees_log_only"),
    ] {
        let http = app.signed_in(username).await;
        assert_error(
            give(&app, &http, &[h], &["social"], "Yhteistyö", &day(30)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!(reason)),
        )
        .await;
        assert_error(app.call(&http, "privacy", &[]).await, StatusCode::FORBIDDEN, "forbidden", Some(json!(reason)))
            .await;
    }
    assert_eq!(consent::Entity::find().count(&app.db).await.unwrap(), 0, "nothing refused was written");

    // Nobody narrows or withdraws another client's consent.
    let (_, id) = json(give(&app, &eino, &[h], &["social"], "Yhteistyö", &day(30)).await).await;
    let aino = app.signed_in("aino.korhonen").await;
    assert_error(withdraw(&app, &aino, id.as_i64().unwrap()).await, StatusCode::NOT_FOUND, "not_found", None).await;
    assert_error(
        narrow(&app, &aino, id.as_i64().unwrap(), &[h], &["social"], &day(10)).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    )
    .await;
    assert_eq!(consent_event::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entries_go_into_the_writers_register_and_one_hidden_from_the_client_needs_a_reason() {
    let app = TestApp::spawn().await;
    let laura_case = app.case_of("laura.kallio").await;
    let id = laura_case.id.to_string();
    let anna = app.signed_in("anna.lehtonen").await;
    let write = |http: &Client, fields: Vec<(&'static str, &'static str)>| {
        let mut form = vec![("case_id", id.clone())];
        form.extend(fields.into_iter().map(|(k, v)| (k, v.to_string())));
        let http = http.clone();
        let url = format!("{}/api/write_record", app.address);
        async move { http.post(url).form(&form).send().await.unwrap() }
    };

    let before = record_entry::Entity::find().count(&app.db).await.unwrap();
    assert_error(
        write(&anna, vec![("text", "  ")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "record",
        Some(json!({"kind": "text_empty"})),
    )
    .await;
    assert_error(
        write(&anna, vec![("text", "Uniohjaus jatkuu."), ("hide", "on"), ("reason", " ")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "record",
        Some(json!({"kind": "reason_needed"})),
    )
    .await;
    for (username, reason) in [
        ("laura.kallio", "records_by_professionals"),
        ("minna.kallio", "records_by_professionals"),
        ("rauni.ojala", "not_on_team"),
        ("admin", "administrator_no_client_content"),
    ] {
        let http = app.signed_in(username).await;
        assert_error(
            write(&http, vec![("text", "Kirjaus.")]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!(reason)),
        )
        .await;
    }
    assert_eq!(record_entry::Entity::find().count(&app.db).await.unwrap(), before, "nothing refused was written");

    let (status, _) = json(write(&anna, vec![("text", "Uniohjaus jatkuu, unipäiväkirja aloitettu.")]).await).await;
    assert_eq!(status, StatusCode::OK);
    let written = record_entry::Entity::find()
        .filter(record_entry::Column::Text.eq("Uniohjaus jatkuu, unipäiväkirja aloitettu."))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(written.sector, Sector::Health, "a psychiatric nurse writes into the health-care register");
    assert_eq!(app.audit_rows(laura_case.id, "record_entry", "create").await.len(), 1);

    // Laura reads what is written about her, but not the entry hidden with a reason; she is told
    // one is withheld. The team sees why it is hidden.
    let (status, own) = records(&app, &app.signed_in("laura.kallio").await, laura_case.id).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["withheld"], 1);
    assert_eq!(own["own"], true);
    assert!(!texts(&own).iter().any(|t| t.contains("Lastensuojeluilmoitus")), "{own}");
    assert!(texts(&own).iter().any(|t| t.contains("unipäiväkirja")));
    assert!(own["entries"].as_array().unwrap().iter().all(|e| e["hidden_reason"].is_null()));
    let (_, by_coordinator) = records(&app, &app.signed_in("sanna.virtanen").await, laura_case.id).await;
    let hidden = by_coordinator["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"].as_str().unwrap().contains("Lastensuojeluilmoitus"))
        .unwrap();
    assert!(hidden["hidden_reason"].as_str().unwrap().contains("selvitys"));

    // Relatives read the pathway the client shares, not the registers.
    let minna = app.signed_in("minna.kallio").await;
    assert_error(
        app.call(&minna, "records", &[("case_id", id.as_str())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("records_not_for_relatives")),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_sees_who_opened_their_case_when_and_on_what_basis() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let eino = app.signed_in("eino.mantyla").await;
    let (_, before) = json(app.call(&eino, "privacy", &[]).await).await;
    assert_eq!(before["log"]["entries"], json!([]), "the client's own reads are not listed");

    assert_eq!(
        app.call(&app.signed_in("liisa.makinen").await, "case", &[("case_id", case.id.to_string().as_str())])
            .await
            .status(),
        StatusCode::OK
    );
    let (status, page) = json(app.call(&eino, "privacy", &[]).await).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let entry = &page["log"]["entries"][0];
    assert_eq!(entry["actor"], "Liisa Mäkinen");
    assert_eq!(entry["role"], "professional");
    assert!(entry["organisation"].as_str().unwrap().contains("terveyspalvelut"));
    assert_eq!(entry["resource"], "case");
    assert_eq!(entry["action"], "view");
    assert_eq!(entry["basis"], json!({"team": "member"}));
    let reads = audit_entry::Entity::find()
        .filter(audit_entry::Column::Resource.eq("access_log"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(reads, 2, "reading the access log is logged too");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_record_view_hears_at_once_that_consent_changed() {
    let app = TestApp::spawn().await;
    let cookie = app.session_cookie("liisa.makinen").await;
    let mut socket = open_socket(&app.address, "/live", Some(&cookie), &app.address).await.expect("staff may follow");
    let health = organisation_of(&app, "liisa.makinen").await;
    let eino = app.signed_in("eino.mantyla").await;
    let (_, id) = json(give(&app, &eino, &[&health], &["social"], "Yhteistyö", &day(30)).await).await;
    assert_eq!(next_text(&mut socket).await, r#""records""#, "which client, never");
    assert_eq!(withdraw(&app, &eino, id.as_i64().unwrap()).await.status(), StatusCode::OK);
    assert_eq!(next_text(&mut socket).await, r#""records""#);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_legal_basis_opens_the_other_register_to_its_reader_for_a_day_and_the_client_sees_it() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let id = case.id.to_string();
    let liisa = app.signed_in("liisa.makinen").await;
    let open = |http: &Client, register: &'static str, basis: &'static str, reason: &'static str| {
        let form = vec![
            ("case_id", id.clone()),
            ("register", register.to_string()),
            ("basis", basis.to_string()),
            ("reason", reason.to_string()),
        ];
        let (http, url) = (http.clone(), format!("{}/api/open_by_law", app.address));
        async move { http.post(url).form(&form).send().await.unwrap() }
    };
    for (register, basis, reason, kind) in [
        ("social", "urgent_care", "  ", "reason_empty"),
        ("social", "curiosity", "Syy.", "unknown_choice"),
        ("health", "urgent_care", "Syy.", "own_register"),
        ("shared", "urgent_care", "Syy.", "unknown_choice"),
    ] {
        assert_error(
            open(&liisa, register, basis, reason).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent",
            Some(json!(kind)),
        )
        .await;
    }
    for (username, reason) in [
        ("eino.mantyla", "records_by_professionals"),
        ("rauni.ojala", "not_on_team"),
        ("kari.mantyla", "outside_relative_scope"),
    ] {
        let http = app.signed_in(username).await;
        assert_error(
            open(&http, "social", "urgent_care", "Syy.").await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!(reason)),
        )
        .await;
    }
    let (_, before) = records(&app, &liisa, case.id).await;
    assert_eq!(before["closed_registers"], json!(["social"]), "nothing refused opened anything");

    assert_eq!(
        open(&liisa, "social", "urgent_care", "Eino tajuton päivystyksessä, ei tavoitettavissa.").await.status(),
        StatusCode::OK
    );
    let (_, after) = records(&app, &liisa, case.id).await;
    assert!(texts(&after).contains(&SOCIAL_ENTRY.to_string()), "{after}");
    assert!(record_reads(&app, case.id, "liisa.makinen").await.contains(&"legal:urgent_care".to_string()));
    let (_, by_nurse) = records(&app, &app.signed_in("mikko.salonen").await, case.id).await;
    assert_eq!(by_nurse["closed_registers"], json!(["health"]), "a legal basis opens the register to its reader only");

    let (_, page) = json(app.call(&app.signed_in("eino.mantyla").await, "privacy", &[]).await).await;
    let seen: Vec<&Value> = page["log"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["basis"] == json!({"legal": "urgent_care"}))
        .collect();
    assert!(seen.iter().any(|e| e["resource"] == "record_entry" && e["actor"] == "Liisa Mäkinen"), "{page}");
    assert!(seen.iter().any(|e| e["resource"] == "legal_basis"), "{page}");
    assert!(
        app.db.execute_unprepared("UPDATE legal_accesses SET valid_until = created_at").await.is_err(),
        "a recorded basis is kept as written"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_sets_what_a_close_one_may_do_and_ends_it() {
    let app = TestApp::spawn().await;
    let eino = app.signed_in("eino.mantyla").await;
    let kari = app.signed_in("kari.mantyla").await;
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    let brother = &page["relatives"][0];
    assert_eq!(
        (brother["name"].as_str(), brother["can_view"].as_bool()),
        (Some("Kari Mäntylä"), Some(false)),
        "{page}"
    );
    let link = brother["link_id"].to_string();
    let (_, before) = json(app.call(&kari, "my_pathway", &[]).await).await;
    assert_eq!(before, json!([]), "Eino has not let Kari see anything");

    let scope = |fields: &[(&'static str, String)]| {
        let mut form = vec![("link_id", link.clone())];
        form.extend_from_slice(fields);
        form
    };
    assert_error(
        app.call(
            &eino,
            "set_relative_scope",
            &scope(&[("can_write", "on".into())]).iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("write_needs_view")),
    )
    .await;
    assert_error(
        app.call(
            &eino,
            "set_relative_scope",
            &scope(&[("can_view", "on".into()), ("valid_until", day(-1))])
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("ends_before_it_begins")),
    )
    .await;
    let aino = app.signed_in("aino.korhonen").await;
    assert_error(
        app.call(&aino, "set_relative_scope", &[("link_id", link.as_str()), ("can_view", "on")]).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    )
    .await;
    assert_error(
        app.call(&kari, "set_relative_scope", &[("link_id", link.as_str()), ("can_view", "on")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("clients_own_privacy")),
    )
    .await;
    let (_, still) = json(app.call(&kari, "my_pathway", &[]).await).await;
    assert_eq!(still, json!([]), "nothing refused changed anything");

    // Eino lets his brother see his pathway until a day: from the next request on, he does.
    let until = day(30);
    let res = app
        .call(
            &eino,
            "set_relative_scope",
            &[("link_id", link.as_str()), ("can_view", "on"), ("valid_until", until.as_str())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let (_, seen) = json(app.call(&kari, "my_pathway", &[]).await).await;
    assert_eq!(seen[0]["client_name"], "Eino Mäntylä");
    assert_eq!(seen[0]["can_write_view"], false, "seeing, not writing");
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    assert_eq!(page["relatives"][0]["until"], until);
    assert_eq!(page["relatives"][0]["can_view"], true);

    // Ended: Kari sees nothing again, and the link cannot be changed any more.
    assert_eq!(app.call(&eino, "revoke_relative", &[("link_id", link.as_str())]).await.status(), StatusCode::OK);
    let (_, after) = json(app.call(&kari, "my_pathway", &[]).await).await;
    assert_eq!(after, json!([]));
    assert_error(
        app.call(&eino, "revoke_relative", &[("link_id", link.as_str())]).await,
        StatusCode::CONFLICT,
        "consent",
        Some(json!("withdrawn")),
    )
    .await;
    let changes = audit_entry::Entity::find()
        .filter(audit_entry::Column::Resource.eq("relative_link"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(changes, 2, "both changes are logged");
}

/// A professional records a consent given to them: the case, who gave it and how, and the terms.
async fn record_consent(
    app: &TestApp,
    http: &Client,
    case_id: CaseId,
    through: &[(&str, &str)],
    parties: &[&str],
    registers: &[&str],
) -> reqwest::Response {
    let case_id = case_id.to_string();
    let until = day(180);
    let mut form: Vec<(&str, &str)> = vec![("case_id", case_id.as_str())];
    form.extend_from_slice(through);
    form.extend(parties.iter().map(|p| ("parties[]", *p)));
    form.extend(registers.iter().map(|r| ("registers[]", *r)));
    form.extend([("purpose", "Monialainen yhteistyö"), ("valid_until", until.as_str())]);
    app.call(http, "record_consent", &form).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consent_told_to_the_team_is_recorded_by_a_professional_and_a_withdrawal_told_to_another_ends_it() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let mikko = app.signed_in("mikko.salonen").await;
    let eino = app.signed_in("eino.mantyla").await;
    let health = organisation_of(&app, "liisa.makinen").await;

    // Eino tells Sanna he lets health care read his social-care records; she records it.
    let oral = [("given_by", "client"), ("method", "oral")];
    let (status, id) = json(record_consent(&app, &sanna, case.id, &oral, &[&health], &["social"]).await).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_i64().unwrap();
    let (_, by_doctor) = records(&app, &liisa, case.id).await;
    assert!(texts(&by_doctor).contains(&SOCIAL_ENTRY.to_string()), "{by_doctor}");
    assert!(record_reads(&app, case.id, "liisa.makinen").await.contains(&format!("consent:{id}")));
    let listed = &by_doctor["consents"][0];
    assert_eq!(
        (listed["id"].as_i64(), &listed["method"], &listed["recorded_by"]),
        (Some(id), &json!("oral"), &json!("Sanna Virtanen"))
    );

    // Eino sees it on his own page, with who recorded it; the change is in his access log.
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    let mine = &page["consents"][0];
    assert_eq!((mine["id"].as_i64(), &mine["given_by"], &mine["in_force"]), (Some(id), &json!("client"), &json!(true)));
    assert_eq!(mine["recorded_by"], "Sanna Virtanen");
    assert!(
        page["log"]["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["resource"] == "consent" && e["action"] == "create" && e["actor"] == "Sanna Virtanen"),
        "{page}"
    );

    // He later tells Mikko he takes it back; Mikko records that, and the register closes at once.
    let (status, body) = json(
        app.call(&mikko, "record_withdrawal", &[("case_id", &case.id.to_string()), ("consent_id", &id.to_string())])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, by_doctor) = records(&app, &liisa, case.id).await;
    assert!(!texts(&by_doctor).contains(&SOCIAL_ENTRY.to_string()));
    assert_eq!(by_doctor["closed_registers"], json!(["social"]));
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    assert_eq!(
        (&page["consents"][0]["in_force"], &page["consents"][0]["withdrawn_by"]),
        (&json!(false), &json!("Mikko Salonen"))
    );
    assert_error(
        app.call(&sanna, "record_withdrawal", &[("case_id", &case.id.to_string()), ("consent_id", &id.to_string())])
            .await,
        StatusCode::CONFLICT,
        "consent",
        Some(json!("withdrawn")),
    )
    .await;

    // His legal representative signs one; her name goes with it.
    let proxy = [("given_by", "legal_proxy"), ("proxy_name", "  Helena Mäntylä "), ("method", "written")];
    let (status, id) = json(record_consent(&app, &sanna, case.id, &proxy, &["seat:member"], &["social"]).await).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    let mine = &page["consents"][0];
    assert_eq!(
        (mine["id"].as_i64(), &mine["given_by"], &mine["method"]),
        (id.as_i64(), &json!("legal_proxy"), &json!("written"))
    );
    assert_eq!(mine["proxy_name"], "Helena Mäntylä");

    // Eino's own consent names no recorder.
    assert_eq!(give(&app, &eino, &[&health], &["social"], "Yhteistyö", &day(30)).await.status(), StatusCode::OK);
    let (_, page) = json(app.call(&eino, "privacy", &[]).await).await;
    assert_eq!(
        (&page["consents"][0]["method"], &page["consents"][0]["recorded_by"]),
        (&json!("pathway"), &Value::Null)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recorded_consent_says_clearly_who_gave_it_and_a_refused_one_writes_nothing() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let consents = || async { consent::Entity::find().count(&app.db).await.unwrap() };
    let events = || async { consent_event::Entity::find().count(&app.db).await.unwrap() };
    let (before, events_before) = (consents().await, events().await);

    for (through, detail) in [
        (vec![("given_by", "legal_proxy"), ("proxy_name", " "), ("method", "oral")], "proxy_name_missing"),
        (
            vec![("given_by", "client"), ("proxy_name", "Helena Mäntylä"), ("method", "oral")],
            "proxy_name_without_proxy",
        ),
        (vec![("given_by", "client"), ("method", "pathway")], "unknown_choice"),
        (vec![("given_by", "neighbour"), ("method", "oral")], "unknown_choice"),
    ] {
        assert_error(
            record_consent(&app, &sanna, case.id, &through, &["seat:member"], &["social"]).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent",
            Some(json!(detail)),
        )
        .await;
    }
    let long = "ä".repeat(201);
    assert_error(
        record_consent(
            &app,
            &sanna,
            case.id,
            &[("given_by", "legal_proxy"), ("proxy_name", &long), ("method", "written")],
            &["seat:member"],
            &["social"],
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("proxy_name_too_long")),
    )
    .await;
    let oral = [("given_by", "client"), ("method", "oral")];
    assert_error(
        record_consent(&app, &sanna, case.id, &oral, &[], &["social"]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "consent",
        Some(json!("no_parties")),
    )
    .await;

    // Only a professional on the client's team records one; the client gives theirs on their page.
    for (username, reason) in [
        ("rauni.ojala", "not_on_team"),
        ("eino.mantyla", "consent_recorded_by_team"),
        ("kari.mantyla", "outside_relative_scope"),
    ] {
        let http = app.signed_in(username).await;
        assert_error(
            record_consent(&app, &http, case.id, &oral, &["seat:member"], &["social"]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!(reason)),
        )
        .await;
    }
    // A consent of another client is not found through this case.
    let aino = app.signed_in("aino.korhonen").await;
    let (status, other) = json(give(&app, &aino, &["seat:member"], &["health"], "Yhteistyö", &day(30)).await).await;
    assert_eq!(status, StatusCode::OK, "{other}");
    let (before, events_before) = (before + 1, events_before + 1);
    let res = app
        .call(&sanna, "record_withdrawal", &[("case_id", &case.id.to_string()), ("consent_id", &other.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    assert_eq!((consents().await, events().await), (before, events_before), "nothing refused was written");
}
