//! `/pathway/privacy`: the client's own information. Their consents between the social-care and
//! health-care registers, each to narrow or withdraw, a form to give a new one, and who has
//! accessed their information, when, and on what basis, in plain words.

use crate::api::{
    get_privacy, records_path, GiveConsent, NarrowConsent, RevokeRelative, SetRelativeScope, WithdrawConsent,
    PRIVACY_PATH,
};
use crate::components::labels::{self, I18n};
use crate::components::{last_outcome, succeeded, ErrorMessage, Loading, PageTitle};
use crate::domain::audit_search::BasisKind;
use crate::domain::consent::{Method, Party, Register};
use crate::i18n::*;
use crate::model::privacy::{AccessLogEntry, AccessLogPage, ConsentView, PartyChoice, PrivacyPage, RelativeView};
use chrono::{Months, NaiveDate};
use leptos::prelude::*;

/// What the client did last on their page, for the page to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Given,
    Narrowed,
    Withdrawn,
    Scoped,
    Revoked,
}

#[component]
pub fn OwnInformationPage() -> impl IntoView {
    let i18n = use_i18n();
    let give = ServerAction::<GiveConsent>::new();
    let narrow = ServerAction::<NarrowConsent>::new();
    let withdraw = ServerAction::<WithdrawConsent>::new();
    let scope = ServerAction::<SetRelativeScope>::new();
    let revoke = ServerAction::<RevokeRelative>::new();
    let (given, narrowed, withdrawn) = (succeeded(give), succeeded(narrow), succeeded(withdraw));
    let (scoped, revoked) = (succeeded(scope), succeeded(revoke));
    let query = leptos_router::hooks::use_query_map();
    let log_query = move || {
        let q = query.read();
        (q.get("log_basis").unwrap_or_default(), q.get("log_before").unwrap_or_default())
    };
    let page = Resource::new(
        move || (given.get(), narrowed.get(), withdrawn.get(), scoped.get(), revoked.get(), log_query()),
        |(.., (basis, before))| get_privacy(basis, before),
    );
    let last = last_outcome([
        (given, "given", Done::Given),
        (narrowed, "narrowed", Done::Narrowed),
        (withdrawn, "withdrawn", Done::Withdrawn),
        (scoped, "scoped", Done::Scoped),
        (revoked, "revoked", Done::Revoked),
    ]);
    let done = move || {
        last.get().map(|done| {
            let text = match done {
                Done::Given => t_string!(i18n, privacy.given_ok),
                Done::Narrowed => t_string!(i18n, privacy.narrowed_ok),
                Done::Withdrawn => t_string!(i18n, privacy.withdrawn_ok),
                Done::Scoped => t_string!(i18n, privacy.scoped_ok),
                Done::Revoked => t_string!(i18n, privacy.revoked_ok),
            };
            view! { <div class="notice notice-ok" role="status">{text}</div> }
        })
    };
    let errors = move || {
        [
            give.value().get().and_then(Result::err),
            narrow.value().get().and_then(Result::err),
            withdraw.value().get().and_then(Result::err),
            scope.value().get().and_then(Result::err),
            revoke.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .map(|error| view! { <ErrorMessage error/> })
        .collect_view()
    };
    view! {
        <p class="back"><a href="/pathway">{t!(i18n, nav.pathway)}</a></p>
        <PageTitle text=move || t_string!(i18n, privacy.title)/>
        <h1>{t!(i18n, privacy.title)}</h1>
        <p class="lead">{t!(i18n, privacy.intro)}</p>
        {done}
        {errors}
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Privacy page give narrow withdraw scope revoke/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Privacy(
    page: PrivacyPage,
    give: ServerAction<GiveConsent>,
    narrow: ServerAction<NarrowConsent>,
    withdraw: ServerAction<WithdrawConsent>,
    scope: ServerAction<SetRelativeScope>,
    revoke: ServerAction<RevokeRelative>,
) -> impl IntoView {
    let i18n = use_i18n();
    let PrivacyPage { consents, choices, cases, log, relatives, today, .. } = page;
    view! {
        {(!cases.is_empty()).then(|| view! {
            <p>
                {cases.into_iter().map(|id| view! { <a class="button-link" href=records_path(id)>{t!(i18n, privacy.records_link)}</a>" " }).collect_view()}
            </p>
        })}
        <section class="card" aria-labelledby="consents-h">
            <h2 id="consents-h">{t!(i18n, privacy.consents_title)}</h2>
            {if consents.is_empty() {
                view! { <p>{t!(i18n, privacy.none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="consent-list">
                        {consents.into_iter().map(|consent| view! { <Consent consent today narrow withdraw/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        <section class="card" aria-labelledby="give-h">
            <h2 id="give-h">{t!(i18n, privacy.give_title)}</h2>
            <ActionForm action=give attr:class="form consent-form">
                <TermsFields key="give" parties=choices.into_iter().map(|c| (c, false)).collect() registers=vec![] until=today.checked_add_months(Months::new(12)).unwrap_or(today) min=today/>
                <label for="give-purpose">{t!(i18n, privacy.purpose)}</label>
                <input type="text" id="give-purpose" name="purpose" value=move || t_string!(i18n, privacy.purpose_default).to_string() required/>
                <button type="submit" class="button-primary">{t!(i18n, privacy.give)}</button>
            </ActionForm>
        </section>
        {(!relatives.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="relatives-h">
                <h2 id="relatives-h">{t!(i18n, privacy.relatives_title)}</h2>
                <p>{t!(i18n, privacy.relatives_intro)}</p>
                <ul class="consent-list">
                    {relatives.into_iter().map(|relative| view! { <Relative relative today scope revoke/> }).collect_view()}
                </ul>
            </section>
        })}
        <AccessLog log/>
    }
}

/// Who has looked at the client's information, a page at a time, all of it or one kind of basis
/// (a form and links that work without JavaScript too).
#[component]
fn AccessLog(log: AccessLogPage) -> impl IntoView {
    let i18n = use_i18n();
    let AccessLogPage { entries, basis, next } = log;
    let chosen = basis.map(BasisKind::as_str).unwrap_or_default();
    let older = next.map(|before| {
        let mut query = vec![("log_before", before.to_string())];
        if let Some(basis) = basis {
            query.insert(0, ("log_basis", basis.as_str().to_string()));
        }
        format!("{PRIVACY_PATH}?{}#log-h", serde_urlencoded::to_string(&query).unwrap_or_default())
    });
    view! {
        <section class="card" aria-labelledby="log-h">
            <h2 id="log-h">{t!(i18n, privacy.log_title)}</h2>
            <p>{t!(i18n, privacy.log_intro)}</p>
            <form method="GET" action=PRIVACY_PATH class="form log-filter">
                <label for="log-basis">{t!(i18n, privacy.log_filter)}</label>
                <select id="log-basis" name="log_basis">
                    <option value="" selected=chosen.is_empty()>{t!(i18n, audit.any_basis)}</option>
                    {BasisKind::ALL.into_iter().map(|kind| view! {
                        <option value=kind.as_str() selected=chosen == kind.as_str()>{move || labels::kind_name(i18n, kind)}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button-quiet">{t!(i18n, privacy.log_show)}</button>
            </form>
            {if entries.is_empty() {
                view! { <p>{t!(i18n, privacy.log_none)}</p> }.into_any()
            } else {
                view! { <ol class="access-log" data-testid="access-log">{entries.into_iter().map(|entry| view! { <LogEntry entry/> }).collect_view()}</ol> }.into_any()
            }}
            {older.map(|href| view! { <p><a class="button-link" href=href rel="next" data-testid="log-older">{t!(i18n, privacy.log_older)}</a></p> })}
        </section>
    }
}

pub(crate) fn party_name(i18n: I18n, choice: &PartyChoice) -> String {
    match choice.party {
        Party::Organisation(_) => choice.name.clone(),
        Party::Seat(seat) => labels::team_role(i18n, seat),
    }
}

/// The parties and registers to choose, and the last day; shared by giving and narrowing.
#[component]
pub(crate) fn TermsFields(
    #[prop(into)] key: String,
    parties: Vec<(PartyChoice, bool)>,
    registers: Vec<Register>,
    until: NaiveDate,
    min: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |what: &str| format!("{key}-{what}");
    view! {
        <fieldset>
            <legend>{t!(i18n, privacy.who)}</legend>
            {parties.into_iter().map(|(choice, checked)| {
                let field = id(&choice.party.key().replace(':', "-"));
                let label = party_name(i18n, &choice);
                view! {
                    <div class="choice">
                        <input type="checkbox" id=field.clone() name="parties[]" value=choice.party.key() checked=checked/>
                        <label for=field>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, privacy.what)}</legend>
            {[Register::Social, Register::Health].into_iter().map(|register| {
                let field = id(register.as_str());
                view! {
                    <div class="choice">
                        <input type="checkbox" id=field.clone() name="registers[]" value=register.as_str() checked=registers.contains(&register)/>
                        <label for=field>{move || labels::register_name(i18n, register)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <label for=id("until")>{t!(i18n, privacy.until)}</label>
        <input type="date" id=id("until") name="valid_until" value=until.to_string() min=min.to_string() required/>
    }
}

/// What a consent says and how it stands: whom it lets see what, for what, from when until
/// when, who gave it and how, and who recorded it when the client did not give it here.
#[component]
pub(crate) fn ConsentFacts(consent: ConsentView) -> impl IntoView {
    let i18n = use_i18n();
    let ConsentView {
        parties,
        registers,
        purpose,
        valid_from,
        valid_until,
        method,
        proxy_name,
        recorded_by,
        given_at,
        withdrawn_at,
        withdrawn_by,
        in_force,
        ..
    } = consent;
    let state = match withdrawn_at {
        Some(at) => t!(i18n, privacy.withdrawn_on, day = move || labels::day(i18n, at)).into_any(),
        None if in_force => t!(i18n, privacy.in_force).into_any(),
        None => t!(i18n, privacy.not_in_force).into_any(),
    };
    let who = parties.iter().map(|p| party_name(i18n, p)).collect::<Vec<_>>().join(", ");
    let what = registers.iter().map(|&r| labels::register_name(i18n, r)).collect::<Vec<_>>().join(", ");
    let day = move || labels::day(i18n, given_at);
    let given = match (method, recorded_by) {
        (Method::Oral, Some(name)) => t!(i18n, privacy.given_oral, day, name = move || name.clone()).into_any(),
        (Method::Written, Some(name)) => t!(i18n, privacy.given_written, day, name = move || name.clone()).into_any(),
        _ => t!(i18n, privacy.given, day).into_any(),
    };
    view! {
        <p class=if in_force { "consent-state consent-in-force" } else { "consent-state" }><strong>{state}</strong></p>
        <dl class="facts">
            <div><dt>{t!(i18n, privacy.who)}</dt><dd>{who}</dd></div>
            <div><dt>{t!(i18n, privacy.what)}</dt><dd>{what}</dd></div>
            <div><dt>{t!(i18n, privacy.purpose)}</dt><dd>{purpose}</dd></div>
            <div><dd>{t!(i18n, privacy.valid, from = move || labels::date(i18n, valid_from), until = move || labels::date(i18n, valid_until))}</dd></div>
            {proxy_name.map(|name| view! { <div><dd>{t!(i18n, privacy.given_by_proxy, name = move || name.clone())}</dd></div> })}
            <div><dd class="hint consent-given">{given}</dd></div>
            {withdrawn_by.map(|name| view! { <div><dd class="hint">{t!(i18n, privacy.withdrawn_by, name = move || name.clone())}</dd></div> })}
        </dl>
    }
}

#[component]
fn Consent(
    consent: ConsentView,
    today: NaiveDate,
    narrow: ServerAction<NarrowConsent>,
    withdraw: ServerAction<WithdrawConsent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (id, in_force, open, valid_from, valid_until) =
        (consent.id, consent.in_force, consent.withdrawn_at.is_none(), consent.valid_from, consent.valid_until);
    let registers = consent.registers.clone();
    let chosen_parties: Vec<(PartyChoice, bool)> = consent.parties.iter().cloned().map(|p| (p, true)).collect();
    let key = format!("consent-{id}");
    view! {
        <li class="consent" id=format!("consent-{id}") data-in-force=in_force.to_string()>
            <ConsentFacts consent/>
            {open.then(|| view! {
                <ActionForm action=withdraw attr:class="inline-form">
                    <input type="hidden" name="consent_id" value=id/>
                    <button type="submit" class="button-danger">{t!(i18n, privacy.withdraw)}</button>
                    <span class="hint">" "{t!(i18n, privacy.withdraw_hint)}</span>
                </ActionForm>
                <details class="narrow">
                    <summary>{t!(i18n, privacy.narrow_title)}</summary>
                    <p class="hint">{t!(i18n, privacy.narrow_hint)}</p>
                    <ActionForm action=narrow attr:class="form consent-form">
                        <input type="hidden" name="consent_id" value=id/>
                        <TermsFields key parties=chosen_parties registers until=valid_until min=today.max(valid_from)/>
                        <button type="submit" class="button-quiet">{t!(i18n, privacy.narrow)}</button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}

/// A close one: what they may do now, and the form to change it or end it.
#[component]
fn Relative(
    relative: RelativeView,
    today: NaiveDate,
    scope: ServerAction<SetRelativeScope>,
    revoke: ServerAction<RevokeRelative>,
) -> impl IntoView {
    let i18n = use_i18n();
    let RelativeView { link_id, name, relationship, can_view, can_write, until, revoked_at, lapsed } = relative;
    let state = match (revoked_at, lapsed) {
        (Some(at), _) => t!(i18n, privacy.relative_revoked, day = move || labels::day(i18n, at)).into_any(),
        (None, true) => t!(i18n, privacy.relative_lapsed).into_any(),
        (None, false) if can_write => t!(i18n, privacy.relative_writes).into_any(),
        (None, false) if can_view => t!(i18n, privacy.relative_sees).into_any(),
        (None, false) => t!(i18n, privacy.relative_nothing).into_any(),
    };
    let field = move |what: &str| format!("relative-{link_id}-{what}");
    view! {
        <li class="consent" id=format!("relative-{link_id}") data-can-view=can_view.to_string() data-can-write=can_write.to_string()>
            <p><strong>{format!("{name} ({relationship})")}</strong></p>
            <p class="consent-state">{state}</p>
            {until.map(|day| view! { <p class="hint">{t!(i18n, privacy.relative_until, day = move || labels::date(i18n, day))}</p> })}
            {revoked_at.is_none().then(|| view! {
                <ActionForm action=scope attr:class="form consent-form">
                    <input type="hidden" name="link_id" value=link_id/>
                    <div class="choice">
                        <input type="checkbox" id=field("view") name="can_view" checked=can_view/>
                        <label for=field("view")>{t!(i18n, privacy.relative_can_view)}</label>
                    </div>
                    <div class="choice">
                        <input type="checkbox" id=field("write") name="can_write" checked=can_write/>
                        <label for=field("write")>{t!(i18n, privacy.relative_can_write)}</label>
                    </div>
                    <label for=field("until")>{t!(i18n, privacy.relative_until_label)}</label>
                    <input type="date" id=field("until") name="valid_until" value=until.map(|d| d.to_string()).unwrap_or_default() min=today.to_string()/>
                    <button type="submit" class="button-quiet">{t!(i18n, privacy.relative_save)}</button>
                </ActionForm>
                <ActionForm action=revoke attr:class="inline-form">
                    <input type="hidden" name="link_id" value=link_id/>
                    <button type="submit" class="button-danger">{t!(i18n, privacy.relative_revoke)}</button>
                </ActionForm>
            })}
        </li>
    }
}

#[component]
fn LogEntry(entry: AccessLogEntry) -> impl IntoView {
    let i18n = use_i18n();
    let AccessLogEntry { at, actor, role, organisation, resource, action, basis } = entry;
    let resource_key = resource.clone();
    let who = match organisation {
        Some(org) => format!("{actor} ({}, {org})", labels::role(i18n, role)),
        None => format!("{actor} ({})", labels::role(i18n, role)),
    };
    view! {
        <li class="access" data-resource=resource_key data-basis=basis.map(|b| b.to_string())>
            <p>
                <time datetime=at.to_rfc3339()>{move || labels::time(i18n, at)}</time>
                " "
                <strong class="access-who">{who}</strong>
            </p>
            <p>{move || format!("{}: {}", labels::action_name(i18n, &action), labels::resource_name(i18n, &resource))}</p>
            <p class="hint">{t!(i18n, privacy.basis_label)}": "{labels::basis_view(i18n, basis)}</p>
        </li>
    }
}
