//! The client's team on the case page and the pathway: everyone's role and contact routes,
//! proposed members waiting for the client's answer, and the pair's tools to propose and remove.

use crate::api::{team_candidates, AnswerMember, ProposeMember, RemoveMember};
use crate::components::labels;
use crate::components::{ErrorMessage, Loading};
use crate::domain::ids::CaseId;
use crate::domain::team::{SeatStatus, CANDIDATES_SHOWN, MAX_SEARCH};
use crate::domain::TeamRole;
use crate::i18n::*;
use crate::model::team::TeamMember;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

/// The team with each person's role and contact routes. With `remove`, the coordinator pair
/// can remove a member or withdraw a proposal; a coordinator names who takes over the seat.
#[component]
pub fn TeamList(team: Vec<TeamMember>, #[prop(optional)] remove: Option<ServerAction<RemoveMember>>) -> impl IntoView {
    let i18n = use_i18n();
    let everyone = team.clone();
    view! {
        <ul class="team">
            {team
                .into_iter()
                .map(|member| {
                    let role = member.team_role;
                    let proposed = member.status == SeatStatus::Proposed;
                    let work = [member.profession.clone(), member.organisation.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ");
                    let replacements: Vec<(i32, String)> = everyone
                        .iter()
                        .filter(|o| o.team_role == role && o.seat_id != member.seat_id && o.status == SeatStatus::Accepted)
                        .map(|o| (o.seat_id, o.name.clone()))
                        .collect();
                    let manage = remove.map(|action| {
                        let choose = (role.is_coordinator() && !proposed).then(|| {
                            let id = format!("replacement-{}", member.seat_id);
                            view! {
                                <label for=id.clone()>{t!(i18n, team.replacement)}</label>
                                <select id=id name="replacement">
                                    <option value="">{t!(i18n, team.no_replacement)}</option>
                                    {replacements.into_iter().map(|(seat, name)| view! { <option value=seat>{name}</option> }).collect_view()}
                                </select>
                            }
                        });
                        let label = if proposed { t!(i18n, team.withdraw).into_any() } else { t!(i18n, team.remove).into_any() };
                        view! {
                            <ActionForm action attr:class="form member-remove">
                                <input type="hidden" name="seat_id" value=member.seat_id/>
                                {choose}
                                <button type="submit" class="button-quiet">{label}</button>
                            </ActionForm>
                        }
                    });
                    view! {
                        <li class="person" class:person-proposed=proposed data-seat=member.seat_id>
                            <p class="person-name">{member.name.clone()}</p>
                            <p class="person-role">{move || labels::team_role(i18n, role)}</p>
                            {proposed.then(|| view! { <p class="badge-proposed">{t!(i18n, team.proposed)}</p> })}
                            {(!work.is_empty()).then(|| view! { <p class="person-work">{work}</p> })}
                            <dl class="contact">
                                {member.phone.clone().map(|phone| {
                                    let href = format!("tel:{}", phone.replace(' ', ""));
                                    view! { <div><dt>{t!(i18n, contact.phone)}</dt><dd><a href=href>{phone}</a></dd></div> }
                                })}
                                {member.email.clone().map(|email| view! {
                                    <div><dt>{t!(i18n, contact.email)}</dt><dd><a href=format!("mailto:{email}")>{email.clone()}</a></dd></div>
                                })}
                                {member.contact_hours.clone().map(|hours| view! {
                                    <div><dt>{t!(i18n, contact.hours)}</dt><dd>{hours}</dd></div>
                                })}
                            </dl>
                            {manage}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The pair proposes someone who can help for a seat on the team: a search by name (`?who=` on
/// the case page, so it works without JavaScript too) lists the matching professionals and the
/// client's named relatives to choose from.
#[component]
pub fn InviteForm(case_id: CaseId, action: ServerAction<ProposeMember>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let who = move || query.read().get("who").unwrap_or_default();
    let candidates =
        Resource::new(move || (action.version().get(), who()), move |(_, who)| team_candidates(case_id, who));
    let pending = action.pending();
    view! {
        <h3 id="invite-h">{t!(i18n, team.invite)}</h3>
        <p class="hint">{t!(i18n, team.invite_intro)}</p>
        <Form method="GET" action=format!("/cases/{case_id}") noscroll=true attr:class="form candidate-search" attr:role="search">
            <label for="invite-who">{t!(i18n, team.search)}</label>
            <div class="search-row">
                <input type="search" id="invite-who" name="who" value=who maxlength=MAX_SEARCH autocomplete="off"/>
                <button type="submit" class="button-quiet">{t!(i18n, team.find)}</button>
            </div>
        </Form>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let searched = who();
                match candidates.await {
                    Ok(found) if found.people.is_empty() => {
                        if searched.trim().is_empty() {
                            view! { <p class="hint">{t!(i18n, team.search_hint)}</p> }.into_any()
                        } else {
                            view! { <p role="status">{t!(i18n, team.none_found, who = move || searched.clone())}</p> }.into_any()
                        }
                    }
                    Ok(found) => view! {
                        {searched.trim().is_empty().then(|| view! { <p class="hint">{t!(i18n, team.search_hint)}</p> })}
                        {found.more.then(|| view! { <p role="status">{t!(i18n, team.more, count = move || CANDIDATES_SHOWN)}</p> })}
                        <ActionForm action attr:class="form invite-form">
                            <input type="hidden" name="case_id" value=case_id/>
                            <label for="invite-person">{t!(i18n, team.person)}</label>
                            <select id="invite-person" name="user_id" required>
                                {found
                                    .people
                                    .into_iter()
                                    .map(|c| {
                                        let about = [c.profession.clone(), c.organisation.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                                        view! { <option value=c.user_id>{format!("{} – {}", c.name, about)}</option> }
                                    })
                                    .collect_view()}
                            </select>
                            <label for="invite-seat">{t!(i18n, team.seat)}</label>
                            <select id="invite-seat" name="team_role">
                                {[TeamRole::Member, TeamRole::OwnWorker, TeamRole::Relative, TeamRole::SocialCoordinator, TeamRole::HealthCoordinator]
                                    .into_iter()
                                    .map(|r| view! { <option value=r.as_str()>{move || labels::team_role(i18n, r)}</option> })
                                    .collect_view()}
                            </select>
                            <button type="submit" class="button-primary" disabled=move || pending.get()>{t!(i18n, team.propose)}</button>
                        </ActionForm>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The people proposed for the client's team, each with the client's yes or no.
#[component]
pub fn Proposals(team: Vec<TeamMember>, action: ServerAction<AnswerMember>) -> impl IntoView {
    let i18n = use_i18n();
    let proposed: Vec<TeamMember> = team.into_iter().filter(|m| m.status == SeatStatus::Proposed).collect();
    if proposed.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="proposals">
            <h3>{t!(i18n, team.proposals)}</h3>
            <p>{t!(i18n, team.proposals_intro)}</p>
            <ul class="team">
                {proposed
                    .into_iter()
                    .map(|m| {
                        let role = m.team_role;
                        let work = [m.profession.clone(), m.organisation.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                        view! {
                            <li class="person person-proposed">
                                <p class="person-name">{m.name.clone()}</p>
                                <p class="person-role">{move || labels::team_role(i18n, role)}</p>
                                {(!work.is_empty()).then(|| view! { <p class="person-work">{work}</p> })}
                                <ActionForm action attr:class="buttons">
                                    <input type="hidden" name="seat_id" value=m.seat_id/>
                                    <button type="submit" name="answer" value="accept" class="button-primary">{t!(i18n, team.accept)}</button>
                                    <button type="submit" name="answer" value="decline" class="button-quiet">{t!(i18n, team.decline)}</button>
                                </ActionForm>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}
