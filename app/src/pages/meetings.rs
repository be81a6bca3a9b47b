//! `/cases/:id/meetings` and `/cases/:id/meetings/:meeting`: dialogic network meetings. The pair
//! schedules one with the client and the team; each invitation downloads as an iCalendar file;
//! in the meeting everyone is heard in turn (hopes, worries, the support they think is needed);
//! the agreed next steps go into the client plan as tasks in one step.

use super::plan::OwnerSelect;
use crate::api::{
    get_meeting, get_meetings, meeting_invite_path, meeting_path, meetings_path, plan_path, AgreeSteps, RecordVoice,
    ScheduleMeeting,
};
use crate::components::labels::{self, I18n};
use crate::components::{succeeded, ErrorMessage, Loading, PageTitle, Pager};
use crate::domain::ids::CaseId;
use crate::error::AppError;
use crate::i18n::*;
use crate::model::meetings::{MeetingPage, MeetingSummary, MeetingsPage, VoiceView};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Where, when and with whom, and the invitation to download.
#[component]
pub fn MeetingFacts(meeting: MeetingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let MeetingSummary { id, starts_at, minutes, place, video_link, participants, held, .. } = meeting;
    view! {
        <dl class="meeting-facts">
            <dt>{t!(i18n, meetings.when)}</dt>
            <dd>
                <time datetime=starts_at.to_rfc3339()>{labels::time(i18n, starts_at)}</time>
                " ("{t!(i18n, meetings.minutes, minutes = move || minutes)}")"
            </dd>
            {place.map(|p| view! { <dt>{t!(i18n, meetings.place)}</dt><dd>{p}</dd> })}
            {video_link.map(|l| view! { <dt>{t!(i18n, meetings.video)}</dt><dd><a href=l.clone() rel="noopener">{l.clone()}</a></dd> })}
            <dt>{if held { t!(i18n, meetings.who_held).into_any() } else { t!(i18n, meetings.who).into_any() }}</dt>
            <dd>{participants.join(", ")}</dd>
        </dl>
        {(!held).then(|| view! {
            <p><a class="button-link" href=meeting_invite_path(id) download>{t!(i18n, meetings.download)}</a></p>
        })}
    }
}

fn case_id_param() -> impl Fn() -> Option<CaseId> + Copy {
    let params = use_params_map();
    move || params.read().get("id").and_then(|raw| raw.parse::<CaseId>().ok())
}

#[component]
pub fn MeetingsListPage() -> impl IntoView {
    let i18n = use_i18n();
    let case_id = case_id_param();
    let schedule = ServerAction::<ScheduleMeeting>::new();
    let query = use_query_map();
    let past_page = move || query.read().get("past").unwrap_or_default();
    let page = Resource::new(
        move || (case_id(), past_page()),
        |(id, past)| async move {
            match id {
                Some(id) => get_meetings(id, past).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <p class="back">{move || case_id().map(|id| view! { <a href=format!("/cases/{id}")>{t!(i18n, meetings.back)}</a> })}</p>
        {move || schedule.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorMessage error/> })}
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <MeetingsView page schedule/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MeetingsView(page: MeetingsPage, schedule: ServerAction<ScheduleMeeting>) -> impl IntoView {
    let i18n = use_i18n();
    let past_pages = page.past_pages();
    let MeetingsPage { case_id, client_name, upcoming, past, past_page, past_total, invitable, can_schedule, .. } =
        page;
    let list = move |meetings: Vec<MeetingSummary>| {
        meetings
            .into_iter()
            .map(|m| {
                let href = meeting_path(case_id, m.id);
                let title = m.title.clone();
                view! {
                    <li class="card meeting">
                        <h3><a href=href>{title}</a></h3>
                        <MeetingFacts meeting=m/>
                    </li>
                }
            })
            .collect_view()
    };
    let none = (upcoming.is_empty() && past_total == 0).then(|| view! { <p>{t!(i18n, meetings.none)}</p> });
    let form = can_schedule.then(|| {
        let people = invitable
            .into_iter()
            .map(|p| {
                let role = match p.team_role {
                    Some(role) => labels::team_role(i18n, role),
                    None => t_string!(i18n, meetings.the_client).to_string(),
                };
                view! {
                    <label class="choice">
                        <input type="checkbox" name="participants[]" value=p.user_id checked/>
                        {format!("{} ({role})", p.name)}
                    </label>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="schedule-h">
                <h2 id="schedule-h">{t!(i18n, meetings.schedule)}</h2>
                <p class="hint">{t!(i18n, meetings.schedule_hint)}</p>
                <ActionForm action=schedule>
                    <input type="hidden" name="case_id" value=case_id/>
                    <label for="m-title">{t!(i18n, meetings.title_label)}</label>
                    <input id="m-title" name="title" required value=move || t_string!(i18n, meetings.default_title).to_string()/>
                    <label for="m-starts">{t!(i18n, meetings.starts)}</label>
                    <input id="m-starts" type="datetime-local" name="starts" required/>
                    <label for="m-minutes">{t!(i18n, meetings.length)}</label>
                    <input id="m-minutes" type="number" name="minutes" min="15" max="480" step="15" value="60" required/>
                    <label for="m-place">{t!(i18n, meetings.place)}</label>
                    <input id="m-place" name="place"/>
                    <label for="m-video">{t!(i18n, meetings.video)}</label>
                    <input id="m-video" type="url" name="video_link" placeholder="https://"/>
                    <fieldset class="choices">
                        <legend>{t!(i18n, meetings.who)}</legend>
                        {people}
                    </fieldset>
                    <button type="submit" class="button-primary">{t!(i18n, meetings.schedule_button)}</button>
                </ActionForm>
            </section>
        }
    });
    view! {
        <article class="meetings">
            <PageTitle text=move || t_string!(i18n, case.meetings_link) about=client_name.clone()/>
            <h1>{t!(i18n, meetings.title, name = move || client_name.clone())}</h1>
            <p class="lead">{t!(i18n, meetings.intro)}</p>
            {none}
            {(!upcoming.is_empty()).then(|| view! {
                <h2>{t!(i18n, meetings.upcoming)}</h2>
                <ul class="meeting-list">{list(upcoming)}</ul>
            })}
            {form}
            {(past_total > 0).then(|| view! {
                <h2 id="past-h">{t!(i18n, meetings.past)}</h2>
                <ul class="meeting-list">{list(past)}</ul>
                {(past_pages > 1).then(|| view! {
                    <Pager
                        page=past_page
                        pages=past_pages
                        href=|number: u32| format!("?past={number}#past-h")
                        label=move || t_string!(i18n, meetings.past_pages).to_string()
                    >
                        {t!(i18n, meetings.past_total, total = move || past_total)}
                    </Pager>
                })}
            })}
        </article>
    }
}

#[component]
pub fn MeetingDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let case_id = case_id_param();
    let meeting_id = move || params.read().get("meeting").and_then(|raw| raw.parse::<i32>().ok());
    let voice = ServerAction::<RecordVoice>::new();
    let steps = ServerAction::<AgreeSteps>::new();
    let heard = succeeded(voice);
    let page = Resource::new(
        move || (case_id(), meeting_id(), heard.get()),
        |(case_id, meeting_id, _)| async move {
            match (case_id, meeting_id) {
                (Some(c), Some(m)) => get_meeting(c, m).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    let errors = move || {
        [voice.value().get().and_then(|r| r.err()), steps.value().get().and_then(|r| r.err())]
            .into_iter()
            .flatten()
            .map(|error| view! { <ErrorMessage error/> })
            .collect_view()
    };
    view! {
        <p class="back">{move || case_id().map(|id| view! { <a href=meetings_path(id)>{t!(i18n, meetings.all)}</a> })}</p>
        {errors}
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <MeetingView page voice steps/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn voice_item(i18n: I18n, v: VoiceView) -> impl IntoView {
    let VoiceView { speaker, recorded_by, hopes, worries, support, at } = v;
    let part =
        move |label: AnyView, text: String| (!text.is_empty()).then(|| view! { <dt>{label}</dt><dd>{text}</dd> });
    view! {
        <li class="voice">
            <p class="view-by">
                <strong>{speaker}</strong>
                " · "
                {labels::time(i18n, at)}
                {recorded_by.map(|r| view! { " · " {t!(i18n, meetings.recorded_by, name = move || r.clone())} })}
            </p>
            <dl>
                {part(t!(i18n, meetings.hopes).into_any(), hopes)}
                {part(t!(i18n, meetings.worries).into_any(), worries)}
                {part(t!(i18n, meetings.support).into_any(), support)}
            </dl>
        </li>
    }
}

#[component]
fn MeetingView(page: MeetingPage, voice: ServerAction<RecordVoice>, steps: ServerAction<AgreeSteps>) -> impl IntoView {
    let i18n = use_i18n();
    let MeetingPage { case_id, client_name, meeting, voices, speakers, owners, plan_version, can_agree_steps, today } =
        page;
    let meeting_id = meeting.id;
    let title = meeting.title.clone();
    let agreed = meeting.steps_plan_version;
    let heard = voices.into_iter().map(|v| voice_item(i18n, v)).collect_view();
    let voice_form = (!speakers.is_empty()).then(|| {
        let choose = if speakers.len() == 1 {
            let (id, _) = speakers[0].clone();
            view! { <input type="hidden" name="speaker" value=id/> }.into_any()
        } else {
            view! {
                <label for="speaker">{t!(i18n, meetings.speaker)}</label>
                <select id="speaker" name="speaker">
                    {speakers.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            }
            .into_any()
        };
        view! {
            <ActionForm action=voice attr:class="voice-form">
                <h3>{t!(i18n, meetings.add_voice)}</h3>
                <input type="hidden" name="case_id" value=case_id/>
                <input type="hidden" name="meeting_id" value=meeting_id/>
                {choose}
                <label for="hopes">{t!(i18n, meetings.hopes)}</label>
                <textarea id="hopes" name="hopes" rows="2"></textarea>
                <label for="worries">{t!(i18n, meetings.worries)}</label>
                <textarea id="worries" name="worries" rows="2"></textarea>
                <label for="support">{t!(i18n, meetings.support)}</label>
                <textarea id="support" name="support" rows="2"></textarea>
                <button type="submit" class="button-primary">{t!(i18n, meetings.save_voice)}</button>
            </ActionForm>
        }
    });
    let steps_part = match agreed {
        Some(version) => Some(
            view! {
                <p class="notice notice-ok">
                    {t!(i18n, meetings.steps_in_plan, version = move || version)}
                    " "
                    <a href=plan_path(case_id)>{t!(i18n, meetings.open_plan)}</a>
                </p>
            }
            .into_any(),
        ),
        None if can_agree_steps => {
            let rows = (0..3)
                .map(|row| {
                    let owners = owners.clone();
                    view! {
                        <fieldset class="step">
                            <legend>{t!(i18n, meetings.step, number = move || row + 1)}</legend>
                            <label for=format!("step-what-{row}")>{t!(i18n, plan.what)}</label>
                            <input id=format!("step-what-{row}") name="what[]"/>
                            <label for=format!("step-owner-{row}")>{t!(i18n, plan.owner)}</label>
                            <OwnerSelect id=format!("step-owner-{row}") owners current=None name="owner[]" required=false/>
                            <label for=format!("step-due-{row}")>{t!(i18n, plan.due)}</label>
                            <input id=format!("step-due-{row}") type="date" name="due[]" min=today.to_string()/>
                        </fieldset>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <ActionForm action=steps>
                        <p class="hint">{t!(i18n, meetings.steps_hint)}</p>
                        <input type="hidden" name="case_id" value=case_id/>
                        <input type="hidden" name="meeting_id" value=meeting_id/>
                        <input type="hidden" name="seen" value=plan_version/>
                        {rows}
                        <button type="submit" class="button-primary">{t!(i18n, meetings.agree)}</button>
                    </ActionForm>
                }
                .into_any(),
            )
        }
        None => None,
    };
    view! {
        <article class="meeting-page">
            <PageTitle text=title.clone() about=client_name.clone()/>
            <h1>{title}</h1>
            <p class="meta">{client_name}</p>
            <MeetingFacts meeting/>
            <section class="card" aria-labelledby="voices">
                <h2 id="voices">{t!(i18n, meetings.heard)}</h2>
                <p class="hint">{t!(i18n, meetings.heard_hint)}</p>
                <ul class="views">{heard}</ul>
                {voice_form}
            </section>
            {steps_part.map(|part| view! {
                <section class="card" aria-labelledby="steps-h">
                    <h2 id="steps-h">{t!(i18n, meetings.steps)}</h2>
                    {part}
                </section>
            })}
        </article>
    }
}
