//! Pages in the shape a browser reads them. An HTML parser does not keep every nesting it is sent:
//! a `<form>` or a `<div>` closes an open `<p>`, a form inside a form and a link inside a link are
//! dropped, a `<tr>` straight in a `<table>` gets a `<tbody>` around it. The browser then holds a
//! different tree from the one the server rendered, and Leptos, hydrating that tree node by node,
//! stops the page with "unrecoverable hydration error" (found on `/notifications`, whose
//! mark-as-read form sat in a paragraph).

use crate::helpers::*;
use reqwest::StatusCode;

/// Elements whose start tag closes an open `<p>` (HTML's "in body" insertion mode).
const CLOSES_A_PARAGRAPH: &str = "address article aside blockquote details dialog div dl fieldset figcaption figure \
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul";
/// Elements without an end tag.
const VOID: &str = "area base br col embed hr img input link meta source track wbr";

fn is_one_of(names: &str, name: &str) -> bool {
    names.split_whitespace().any(|n| n == name)
}

/// Where `html` nests an element as no browser keeps it, each with the text around it.
fn misnested(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    let mut at = 0;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start..];
        let skip_to = |end: &str| tag.find(end).map_or(tag.len(), |i| i + end.len());
        let consumed = if tag.starts_with("<!--") {
            skip_to("-->")
        } else if tag.starts_with("<script") {
            skip_to("</script>")
        } else if tag.starts_with("<style") {
            skip_to("</style>")
        } else {
            let end = tag.find('>').map_or(tag.len(), |i| i + 1);
            let (closing, body) = tag[1..end].strip_prefix('/').map_or((false, &tag[1..end]), |b| (true, b));
            let name: String = body.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
            if name.is_empty() {
                // `<!DOCTYPE …>` or a stray `<`: not an element.
            } else if closing {
                if let Some(i) = open.iter().rposition(|o| *o == name) {
                    open.truncate(i);
                }
            } else {
                let inside = |parent: &str| open.iter().any(|o| o == parent);
                let parent = open.last().map(String::as_str);
                let nested_in = if is_one_of(CLOSES_A_PARAGRAPH, &name) && inside("p") {
                    Some("p")
                } else if (name == "form" || name == "a") && inside(&name) {
                    Some(name.as_str())
                } else if (name == "a" || name == "button") && inside("button") {
                    Some("button")
                } else if name == "tr" && parent == Some("table") {
                    // The parser puts a `<tbody>` between them.
                    Some("table")
                } else if parent == Some("select") && !is_one_of("option optgroup", &name) {
                    Some("select")
                } else {
                    None
                };
                if let Some(parent) = nested_in {
                    let from = html.floor_char_boundary((at + start).saturating_sub(120));
                    let to = html.floor_char_boundary((at + start + 80).min(html.len()));
                    found.push(format!("<{name}> inside <{parent}>: …{}…", &html[from..to]));
                }
                if !is_one_of(VOID, &name) && !body.ends_with('/') {
                    open.push(name);
                }
            }
            end
        };
        at += start + consumed;
        rest = &rest[start + consumed..];
    }
    found
}

#[test]
fn the_check_finds_what_a_browser_would_move() {
    assert_eq!(
        misnested("<p>a <a href=\"/x\">b</a> <strong>c</strong><br></p><ul><li><p>d</p></li></ul>"),
        Vec::<String>::new()
    );
    assert_eq!(misnested("<p><!-- <div> --><script>let a = '<div>';</script>x</p>"), Vec::<String>::new());
    assert_eq!(misnested("<p class=\"x\"><a>y</a><form method=\"post\"></form></p>").len(), 1);
    assert_eq!(misnested("<p><span><div></div></span></p>").len(), 1);
    assert_eq!(misnested("<form><form></form></form><a><a></a></a>").len(), 2);
    assert_eq!(misnested("<table><tbody><tr><td>a</td></tr></tbody></table>"), Vec::<String>::new());
    assert_eq!(
        misnested("<table><tr><td>a</td></tr></table><select><option>b</option><span></span></select>").len(),
        2
    );
    assert_eq!(misnested("<button><a href=\"/\">c</a></button>").len(), 1);
}

/// Every page each kind of person opens, with the notifications a legal-basis opening and a new
/// task leave, read as a browser parses them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_nests_its_elements_as_a_browser_keeps_them() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let id = case.id.to_string();
    let nurse = app.signed_in("mikko.salonen").await;
    let opened = app
        .call(
            &nurse,
            "open_by_law",
            &[
                ("case_id", &id),
                ("register", "health"),
                ("basis", "social_welfare_duty"),
                ("reason", "Kotona selviytyminen arvioitava heti."),
            ],
        )
        .await;
    assert_eq!(opened.status(), StatusCode::OK);

    let coordinator = app.signed_in("heikki.laine").await;
    let people = every_page(&app, &id).await;
    let mut problems = Vec::new();
    for (who, pages) in people {
        let http = if who.is_empty() { app.anonymous() } else { app.signed_in(who).await };
        for page in pages {
            let res = app.get(&http, &page).await;
            assert_eq!(res.status(), StatusCode::OK, "{who} {page}");
            let html = res.text().await.unwrap();
            problems.extend(misnested(&html).into_iter().map(|p| format!("{who} {page}: {p}")));
        }
    }
    let notifications = app.get(&coordinator, "/notifications").await.text().await.unwrap();
    assert!(
        notifications.contains("data-kind=\"legal_basis\"") && notifications.contains("mark_notifications_read"),
        "the coordinator has an unread legal-basis notification to mark read"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
