//! The document's `<title>`: each page names itself, then Polku (WCAG 2.4.2). A person with several
//! tabs open, a screen reader announcing the page and the browser's history tell pages apart by it;
//! "Polku" alone on every page said none of that. The words come from the reader's language and
//! follow a change of it.

use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_meta::Title;

/// What the title of every page ends with.
const SITE: &str = "Polku";

/// The title of a page: its own name first, then the site's.
pub fn titled(parts: &[&str]) -> String {
    parts.iter().map(|part| part.trim()).filter(|part| !part.is_empty()).chain([SITE]).collect::<Vec<_>>().join(" – ")
}

/// Sets the document's title to `text`, then whom the page is `about`, then "Polku". Placed beside
/// the page's `<h1>`, in the part of the page drawn once its data has arrived, so that `about` can
/// be the client's name where the page itself shows it to the reader.
#[component]
pub fn PageTitle(#[prop(into)] text: TextProp, #[prop(optional, into)] about: Option<String>) -> impl IntoView {
    let title = move || titled(&[&text.get(), about.as_deref().unwrap_or_default()]);
    // The server reads the title when it writes the response's `<head>`, after the page is drawn,
    // when the request's signals (the language among them) may already be disposed: reading one
    // then panicked under load. So the server gets the words as they are now; the browser keeps a
    // title that follows the language.
    #[cfg(feature = "ssr")]
    let title = TextProp::from(title());
    view! { <Title text=title/> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_names_the_page_first_and_polku_last() {
        assert_eq!(titled(&["Asiakassuunnitelma", "Eino Mäntylä"]), "Asiakassuunnitelma – Eino Mäntylä – Polku");
        assert_eq!(titled(&["Prosessikartta"]), "Prosessikartta – Polku");
        assert_eq!(titled(&[" ", ""]), "Polku");
    }
}
