//! Client feedback: the pathway's "My feedback" section, where the client or a writing relative
//! scores each ended meeting and the closure, and `/feedback`, where a coordinator reads the
//! feedback on the cases they lead in aggregate.

use crate::api::{get_feedback_overview, GiveFeedback};
use crate::components::labels;
use crate::components::{succeeded, ErrorMessage, Loading, PageTitle};
use crate::domain::feedback::{Feedback, FeedbackSummary, Occasion, Score};
use crate::domain::ids::CaseId;
use crate::i18n::*;
use crate::model::feedback::{FeedbackComment, FeedbackOverview, FeedbackPrompt};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The pathway's feedback section: one prompt per ended meeting and closure, each with a form
/// until the reader has answered it. `given` counts the answers, for the pathway to reload.
#[component]
pub fn FeedbackSection(case_id: CaseId, prompts: Vec<FeedbackPrompt>, given: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let sent = move || query.read().get("feedback").is_some() || given.get() > 0;
    view! {
        <section class="card feedback" id=format!("feedback-{case_id}") aria-labelledby=format!("feedback-h-{case_id}")>
            <h2 id=format!("feedback-h-{case_id}")>{t!(i18n, feedback.title)}</h2>
            <p>{t!(i18n, feedback.intro)}</p>
            <Show when=sent>
                <p class="notice notice-ok" role="status">{t!(i18n, feedback.thanks)}</p>
            </Show>
            <ul class="feedback-prompts">
                {prompts.into_iter().map(|prompt| view! { <PromptItem case_id prompt given/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn PromptItem(case_id: CaseId, prompt: FeedbackPrompt, given: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let FeedbackPrompt { occasion, target_id, title, at, given: answer } = prompt;
    let heading = match occasion {
        Occasion::Meeting => view! { {title}" · "{move || labels::day(i18n, at)} }.into_any(),
        Occasion::Closure => {
            view! { {t!(i18n, feedback.closure_heading)}" · "{move || labels::day(i18n, at)} }.into_any()
        }
    };
    let body = match answer {
        Some(Feedback { score, text }) => view! {
            <p class="feedback-given">{t!(i18n, feedback.you_gave, score = move || score.get())}</p>
            {(!text.is_empty()).then(|| view! { <blockquote class="client-words">{text}</blockquote> })}
        }
        .into_any(),
        None => view! { <FeedbackForm case_id occasion target_id given/> }.into_any(),
    };
    view! {
        <li class="feedback-prompt" data-occasion=occasion.as_str() data-target=target_id>
            <h3>{heading}</h3>
            {body}
        </li>
    }
}

#[component]
fn FeedbackForm(case_id: CaseId, occasion: Occasion, target_id: i32, given: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<GiveFeedback>::new();
    let done = succeeded(action);
    Effect::new(move |_| {
        if done.get() > 0 {
            given.update(|n| *n += 1);
        }
    });
    let pending = action.pending();
    let error = move || action.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorMessage error/> });
    let id = format!("feedback-{}-{target_id}", occasion.as_str());
    let (form_id, text_id) = (id.clone(), format!("{id}-text"));
    let question = match occasion {
        Occasion::Meeting => t!(i18n, feedback.question_meeting).into_any(),
        Occasion::Closure => t!(i18n, feedback.question_closure).into_any(),
    };
    let scale: Vec<_> = Score::RANGE
        .map(|score| {
            let input = format!("{id}-score-{score}");
            let label = move || match score {
                1 => t_string!(i18n, feedback.scale.one).to_string(),
                2 => t_string!(i18n, feedback.scale.two).to_string(),
                3 => t_string!(i18n, feedback.scale.three).to_string(),
                4 => t_string!(i18n, feedback.scale.four).to_string(),
                _ => t_string!(i18n, feedback.scale.five).to_string(),
            };
            view! {
                <li>
                    <input type="radio" id=input.clone() name="score" value=score/>
                    <label for=input>{score}" – "{label}</label>
                </li>
            }
        })
        .collect();
    view! {
        <ActionForm action attr:class="form feedback-form" attr:id=form_id>
            <input type="hidden" name="case_id" value=case_id/>
            <input type="hidden" name="occasion" value=occasion.as_str()/>
            <input type="hidden" name="target_id" value=target_id/>
            <fieldset>
                <legend>{question}</legend>
                <ul class="scale">{scale}</ul>
            </fieldset>
            <label for=text_id.clone()>{t!(i18n, feedback.text_label)}</label>
            <textarea id=text_id name="text" rows="3"></textarea>
            {error}
            <button type="submit" class="button-primary" disabled=move || pending.get()>{t!(i18n, feedback.submit)}</button>
        </ActionForm>
    }
}

/// `/feedback`: what clients and relatives said of the cases the coordinator leads, without names.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |_| get_feedback_overview());
    view! {
        <section aria-labelledby="feedback-title" class="feedback-overview">
            <PageTitle text=move || t_string!(i18n, feedback.overview_title)/>
            <h1 id="feedback-title">{t!(i18n, feedback.overview_title)}</h1>
            <p class="lead">{t!(i18n, feedback.overview_intro)}</p>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(overview) => view! { <OverviewView overview/> }.into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn OverviewView(overview: FeedbackOverview) -> impl IntoView {
    let i18n = use_i18n();
    let FeedbackOverview { cases, after_meetings, at_closure, comments } = overview;
    if after_meetings.count() + at_closure.count() == 0 {
        return view! { <p data-testid="feedback-none">{t!(i18n, feedback.none)}</p> }.into_any();
    }
    view! {
        <p data-testid="feedback-cases">{t!(i18n, feedback.from_cases, count = move || cases)}</p>
        <div class="feedback-summaries">
            <SummaryCard occasion=Occasion::Meeting summary=after_meetings/>
            <SummaryCard occasion=Occasion::Closure summary=at_closure/>
        </div>
        <section class="card" aria-labelledby="comments-h">
            <h2 id="comments-h">{t!(i18n, feedback.comments)}</h2>
            {if comments.is_empty() {
                view! { <p>{t!(i18n, feedback.no_comments)}</p> }.into_any()
            } else {
                view! { <ul class="comments">{comments.into_iter().map(|c| view! { <CommentItem comment=c/> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn SummaryCard(occasion: Occasion, summary: FeedbackSummary) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("summary-{}", occasion.as_str());
    let labelled_by = heading_id.clone();
    let count = summary.count();
    let average = summary.average_tenths();
    let rows: Vec<_> = Score::RANGE.rev().map(|score| {
        let n = summary.spread[usize::from(score - 1)];
        let share = summary.percent(score);
        view! {
            <tr>
                <th scope="row">{score}</th>
                <td class="count">{n}</td>
                <td class="bar-cell" aria-hidden="true"><span class="bar" style=format!("--share: {share}%")></span></td>
            </tr>
        }
    }).collect();
    view! {
        <section class="card feedback-summary" aria-labelledby=labelled_by data-occasion=occasion.as_str()>
            <h2 id=heading_id>{move || labels::occasion(i18n, occasion)}</h2>
            <dl class="facts">
                <div><dt>{t!(i18n, feedback.count)}</dt><dd data-testid="feedback-count">{count}</dd></div>
                <div>
                    <dt>{t!(i18n, feedback.average)}</dt>
                    <dd data-testid="feedback-average">
                        {move || average.map_or_else(|| "–".to_string(), |tenths| format!("{} / 5", labels::tenths(i18n, tenths)))}
                    </dd>
                </div>
            </dl>
            <table class="spread">
                <caption>{t!(i18n, feedback.spread)}</caption>
                <thead><tr><th scope="col">{t!(i18n, feedback.score)}</th><th scope="col">{t!(i18n, feedback.answers)}</th><th aria-hidden="true"></th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn CommentItem(comment: FeedbackComment) -> impl IntoView {
    let i18n = use_i18n();
    let FeedbackComment { occasion, score, text, at } = comment;
    view! {
        <li class="comment">
            <blockquote class="client-words">{text}</blockquote>
            <p class="hint">
                {move || labels::occasion(i18n, occasion)}" · "{t!(i18n, feedback.score_of, score = move || score.get())}" · "{move || labels::day(i18n, at)}
            </p>
        </li>
    }
}
