//! `POST /language`: the language switch as a plain form, so that a page sent without its
//! WebAssembly (the pathway, see `app::shell`) or a browser without JavaScript can change the
//! language too. It stores the choice in the cookie the i18n layer reads on every request and
//! sends the browser back to the page it came from.

use crate::origin::same_origin;
use app::service::AppState;
use axum::extract::{Form, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// The cookie leptos_i18n keeps the chosen language in.
const COOKIE: &str = "i18n_pref_locale";
const LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

#[derive(Deserialize)]
pub struct Choice {
    lang: String,
    #[serde(default)]
    back: String,
}

/// Where to send the browser back to: a path of this site, never another site. A browser drops
/// tabs and line breaks from an address and reads a backslash as a slash, so `/\t/evil.example`
/// would take it to `//evil.example`: a path with any of those, or any other control or space
/// character, is not taken.
pub fn back_to(raw: &str) -> &str {
    let plain = !raw.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    let local = plain && raw.starts_with('/') && !raw.starts_with("//");
    if local {
        raw
    } else {
        "/"
    }
}

pub async fn choose(State(state): State<AppState>, headers: HeaderMap, Form(choice): Form<Choice>) -> Response {
    if !same_origin(&headers, crate::origin::scheme(&state.config)) {
        return (StatusCode::FORBIDDEN, "requests from pages of other sites are refused").into_response();
    }
    let Some(lang) = LANGUAGES.into_iter().find(|l| *l == choice.lang) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "choose fi, sv or en").into_response();
    };
    (
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, format!("{COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax")),
            (header::LOCATION, back_to(&choice.back).to_string()),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_goes_back_only_to_a_page_of_this_site() {
        assert_eq!(back_to("/pathway?case=3&step=team"), "/pathway?case=3&step=team");
        assert_eq!(back_to("/"), "/");
        assert_eq!(back_to(""), "/");
        assert_eq!(back_to("//evil.example/x"), "/");
        assert_eq!(back_to("https://evil.example"), "/");
        assert_eq!(back_to("/\\evil.example"), "/");
        assert_eq!(back_to("/\t/evil.example"), "/", "a browser drops the tab and reads //evil.example");
        assert_eq!(back_to("/\n/evil.example"), "/");
        assert_eq!(back_to("/\r/evil.example"), "/");
        assert_eq!(back_to("/ /evil.example"), "/");
        assert_eq!(back_to("/pathway\u{0}"), "/");
    }
}
