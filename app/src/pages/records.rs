//! `/cases/:id/records`: the record entries of one case. A professional on the team reads what
//! their register and the client's consent let them read now, and writes into their own
//! register; the page follows live changes, so an entry written by a colleague appears, and a
//! register whose consent the client withdraws disappears, without a reload. The client reads
//! the entries about themself here too, and is told how many are withheld.

use crate::api::{get_records, OpenByLaw, RecordConsent, RecordWithdrawal, WriteRecord};
use crate::auth::use_auth;
use crate::components::live::{use_live, LiveStatus};
use crate::components::{labels, last_outcome, succeeded, ErrorMessage, Loading, PageTitle};
use crate::domain::consent::{LegalAccess, LegalBasis, Register};
use crate::domain::ids::CaseId;
use crate::error::AppError;
use crate::i18n::*;
use crate::model::{
    live::LiveNotice,
    privacy::{ConsentView, PartyChoice, RecordEntryView, RecordsPage},
};
use crate::pages::privacy::{ConsentFacts, TermsFields};
use chrono::{Months, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CaseRecordsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let params = use_params_map();
    let query = use_query_map();
    let write = ServerAction::<WriteRecord>::new();
    let written = succeeded(write);
    let open = ServerAction::<OpenByLaw>::new();
    let opened = succeeded(open);
    let consent = ConsentActions {
        record: ServerAction::<RecordConsent>::new(),
        withdraw: ServerAction::<RecordWithdrawal>::new(),
    };
    let (recorded, withdrawn) = (succeeded(consent.record), succeeded(consent.withdraw));
    let reloads = RwSignal::new(0u32);
    let staff =
        Signal::derive(move || auth.user.get().and_then(Result::ok).flatten().is_some_and(|u| u.role.is_staff()));
    let live = use_live(staff, move |notice| {
        if matches!(notice, LiveNotice::Records | LiveNotice::Resync) {
            reloads.update(|n| *n += 1);
        }
    });
    let case_id = move || params.read().get("id").and_then(|raw| raw.parse::<CaseId>().ok());
    let page = Resource::new(
        move || (case_id(), written.get(), opened.get(), recorded.get(), withdrawn.get(), reloads.get()),
        |(id, ..)| async move {
            match id {
                Some(id) => get_records(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let saved = move || {
        (query.read().get("written").is_some() || written.get() > 0)
            .then(|| view! { <div class="notice notice-ok" role="status">{t!(i18n, records.written)}</div> })
    };
    let last_consent = last_outcome([
        (recorded, "consent_recorded", ConsentDone::Recorded),
        (withdrawn, "consent_withdrawn", ConsentDone::Withdrawn),
    ]);
    let consent_done = move || {
        last_consent.get().map(|done| {
            let text = match done {
                ConsentDone::Recorded => t_string!(i18n, records.consent_recorded),
                ConsentDone::Withdrawn => t_string!(i18n, records.consent_withdrawn),
            };
            view! { <div class="notice notice-ok" role="status">{text}</div> }
        })
    };
    let error = move || {
        [
            write.value().get().and_then(Result::err),
            open.value().get().and_then(Result::err),
            consent.record.value().get().and_then(Result::err),
            consent.withdraw.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .map(|error| view! { <ErrorMessage error/> })
        .collect_view()
    };
    view! {
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Records page write open consent live=staff.get().then_some(live)/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
        {saved}
        {consent_done}
        {error}
    }
}

/// What a professional did last about the client's consents, for the page to say so.
#[derive(Clone, Copy)]
enum ConsentDone {
    Recorded,
    Withdrawn,
}

/// The two things a professional records about consent.
#[derive(Clone, Copy)]
struct ConsentActions {
    record: ServerAction<RecordConsent>,
    withdraw: ServerAction<RecordWithdrawal>,
}

#[component]
fn Records(
    page: RecordsPage,
    write: ServerAction<WriteRecord>,
    open: ServerAction<OpenByLaw>,
    consent: ConsentActions,
    live: Option<ReadSignal<crate::components::live::LiveState>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let RecordsPage {
        case_id,
        client_name,
        entries,
        closed_registers,
        writes_into,
        withheld,
        own,
        consents,
        consent_choices,
        today,
    } = page;
    let page_title = if own {
        view! { <PageTitle text=move || t_string!(i18n, records.own_title)/> }.into_any()
    } else {
        view! { <PageTitle text=move || t_string!(i18n, records.link) about=client_name.clone()/> }.into_any()
    };
    let title = if own {
        t!(i18n, records.own_title).into_any()
    } else {
        t!(i18n, records.title, name = move || client_name.clone()).into_any()
    };
    let back = if own {
        view! { <p class="back"><a href="/pathway">{t!(i18n, nav.pathway)}</a></p> }.into_any()
    } else {
        view! { <p class="back"><a href=format!("/cases/{case_id}")>{t!(i18n, records.back)}</a></p> }.into_any()
    };
    let intro = if own { t!(i18n, records.own_intro).into_any() } else { t!(i18n, records.intro).into_any() };
    view! {
        {back}
        <section class="records" aria-labelledby="records-title" data-testid="records">
            {page_title}
            <h1 id="records-title">{title}</h1>
            <p class="lead">{intro}</p>
            {live.map(|live| view! { <LiveStatus live/> })}
            {closed_registers.into_iter().map(|register| {
                let text = match register {
                    Register::Social => t!(i18n, records.closed_social).into_any(),
                    Register::Health => t!(i18n, records.closed_health).into_any(),
                };
                // Only the bases the law gives the reader's sector for this register are offered.
                let bases: Vec<LegalBasis> =
                    LegalBasis::ALL.into_iter().filter(|basis| writes_into.is_some_and(|sector| basis.opens(sector, register))).collect();
                view! {
                    <div class="notice notice-info" data-closed=register.as_str()>
                        <p>{text}</p>
                        {(!bases.is_empty()).then(|| view! { <ByLawForm case_id register bases action=open/> })}
                    </div>
                }
            }).collect_view()}
            {(withheld > 0).then(|| view! {
                <p class="notice notice-info" data-testid="withheld">{t!(i18n, records.withheld, count = move || withheld)}</p>
            })}
            {if entries.is_empty() {
                view! { <p>{t!(i18n, records.none)}</p> }.into_any()
            } else {
                view! {
                    <ol class="record-list" reversed>
                        {entries.into_iter().rev().map(|entry| view! { <Entry entry/> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            {writes_into.map(|sector| view! { <WriteForm case_id sector action=write/> })}
        </section>
        {(!own).then(|| view! { <Consents case_id consents choices=consent_choices today actions=consent/> })}
    }
}

/// The client's consents as the team sees them, with the forms to record a consent given to
/// the professional and a withdrawal told to them.
#[component]
fn Consents(
    case_id: CaseId,
    consents: Vec<ConsentView>,
    choices: Vec<PartyChoice>,
    today: NaiveDate,
    actions: ConsentActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = actions.record.pending();
    view! {
        <section class="card team-consents" aria-labelledby="team-consents-h" data-testid="team-consents">
            <h2 id="team-consents-h">{t!(i18n, records.consents_title)}</h2>
            <p class="hint">{t!(i18n, records.consents_intro)}</p>
            {if consents.is_empty() {
                view! { <p>{t!(i18n, records.consents_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="consent-list">
                        {consents.into_iter().map(|consent| {
                            let (id, open, in_force) = (consent.id, consent.withdrawn_at.is_none(), consent.in_force);
                            view! {
                                <li class="consent" id=format!("consent-{id}") data-in-force=in_force.to_string()>
                                    <ConsentFacts consent/>
                                    {open.then(|| view! {
                                        <ActionForm action=actions.withdraw attr:class="inline-form">
                                            <input type="hidden" name="case_id" value=case_id/>
                                            <input type="hidden" name="consent_id" value=id/>
                                            <button type="submit" class="button-danger">{t!(i18n, records.consent_withdraw)}</button>
                                            <span class="hint">" "{t!(i18n, records.consent_withdraw_hint)}</span>
                                        </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <details class="record-consent">
                <summary>{t!(i18n, records.consent_record_title)}</summary>
                <ActionForm action=actions.record attr:class="form consent-form">
                    <p class="hint">{t!(i18n, records.consent_record_hint)}</p>
                    <input type="hidden" name="case_id" value=case_id/>
                    <fieldset>
                        <legend>{t!(i18n, records.consent_given_by)}</legend>
                        <div class="choice">
                            <input type="radio" id="record-consent-by-client" name="given_by" value="client" checked/>
                            <label for="record-consent-by-client">{t!(i18n, records.consent_by_client)}</label>
                        </div>
                        <div class="choice">
                            <input type="radio" id="record-consent-by-proxy" name="given_by" value="legal_proxy"/>
                            <label for="record-consent-by-proxy">{t!(i18n, records.consent_by_proxy)}</label>
                        </div>
                    </fieldset>
                    <label for="record-consent-proxy">{t!(i18n, records.consent_proxy_name)}</label>
                    <input type="text" id="record-consent-proxy" name="proxy_name" autocomplete="off"/>
                    <fieldset>
                        <legend>{t!(i18n, records.consent_method)}</legend>
                        <div class="choice">
                            <input type="radio" id="record-consent-oral" name="method" value="oral" checked/>
                            <label for="record-consent-oral">{t!(i18n, records.consent_oral)}</label>
                        </div>
                        <div class="choice">
                            <input type="radio" id="record-consent-written" name="method" value="written"/>
                            <label for="record-consent-written">{t!(i18n, records.consent_written)}</label>
                        </div>
                    </fieldset>
                    <TermsFields key="record-consent" parties=choices.into_iter().map(|c| (c, false)).collect() registers=vec![] until=today.checked_add_months(Months::new(12)).unwrap_or(today) min=today/>
                    <label for="record-consent-purpose">{t!(i18n, privacy.purpose)}</label>
                    <input type="text" id="record-consent-purpose" name="purpose" value=move || t_string!(i18n, privacy.purpose_default).to_string() required/>
                    <button type="submit" class="button-primary" disabled=move || pending.get()>{t!(i18n, records.consent_submit)}</button>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
fn Entry(entry: RecordEntryView) -> impl IntoView {
    let i18n = use_i18n();
    let RecordEntryView { id, sector, author, text, at, hidden_reason } = entry;
    view! {
        <li class="record card" id=format!("record-{id}") data-sector=sector.as_str()>
            <p class="record-meta">
                <span class=format!("sector-badge sector-{}", sector.as_str())>{move || labels::sector(i18n, sector)}</span>
                " "
                <span class="hint">{t!(i18n, records.by, name = move || author.clone(), day = move || labels::time(i18n, at))}</span>
            </p>
            <p class="record-text">{text}</p>
            {hidden_reason.map(|reason| view! {
                <p class="hint record-hidden">{t!(i18n, records.hidden, reason = move || reason.clone())}</p>
            })}
        </li>
    }
}

/// Opens a closed register on a legal basis of the fixed list, with the reader's reason.
#[component]
fn ByLawForm(
    case_id: CaseId,
    register: Register,
    bases: Vec<LegalBasis>,
    action: ServerAction<OpenByLaw>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |what: &str| format!("by-law-{}-{what}", register.as_str());
    view! {
        <details class="by-law">
            <summary>{t!(i18n, records.by_law_title)}</summary>
            <ActionForm action attr:class="form">
                <p class="hint">{t!(i18n, records.by_law_hint)}</p>
                <input type="hidden" name="case_id" value=case_id/>
                <input type="hidden" name="register" value=register.as_str()/>
                <label for=id("basis")>{t!(i18n, records.by_law_basis)}</label>
                <select id=id("basis") name="basis">
                    {bases.into_iter().map(|basis| view! {
                        <option value=basis.as_str()>{labels::basis_view(i18n, Some(crate::domain::Basis::Legal(basis)))}</option>
                    }).collect_view()}
                </select>
                <label for=id("reason")>{t!(i18n, records.by_law_reason)}</label>
                <input type="text" id=id("reason") name="reason" required minlength=LegalAccess::MIN_REASON/>
                <button type="submit" class="button-quiet">{t!(i18n, records.by_law_submit)}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn WriteForm(case_id: CaseId, sector: crate::domain::Sector, action: ServerAction<WriteRecord>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    view! {
        <ActionForm action attr:class="form record-form">
            <h2>{t!(i18n, records.write_title)}</h2>
            <p class="hint">{t!(i18n, records.writes_into, sector = move || labels::sector(i18n, sector))}</p>
            <input type="hidden" name="case_id" value=case_id/>
            <label for="record-text">{t!(i18n, records.text)}</label>
            <textarea id="record-text" name="text" rows="4" required></textarea>
            <div class="choice">
                <input type="checkbox" id="record-hide" name="hide"/>
                <label for="record-hide">{t!(i18n, records.hide)}</label>
            </div>
            <label for="record-reason">{t!(i18n, records.reason)}</label>
            <input type="text" id="record-reason" name="reason"/>
            <button type="submit" class="button-primary" disabled=move || pending.get()>{t!(i18n, records.submit)}</button>
        </ActionForm>
    }
}
