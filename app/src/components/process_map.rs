//! The process map: an SVG drawn from `domain::process` — the five stages, their nine steps, the
//! guiding principles where they act — with, on each step, either the live numbers (staff) or
//! where the client stands. Every step is a link to the same page with that step open, so the map
//! works without JavaScript; once hydrated, the arrow keys move between the steps (the map is one
//! tab stop) and Enter opens the step and moves to what it says. It is drawn twice, across for
//! wide screens and down for phones, and CSS shows the one that fits; a text version in process
//! order sits below both.

use super::labels::{self, I18n};
use crate::domain::process::{Principle, Step, StepCount, StepCounts, StepState};
use crate::domain::Stage;
use crate::i18n::*;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Stages side by side, their steps below each stage.
    Across,
    /// Stages one below the other, for narrow screens.
    Down,
}

impl Orientation {
    fn as_str(self) -> &'static str {
        match self {
            Orientation::Across => "across",
            Orientation::Down => "down",
        }
    }

    /// How many characters of a step's name fit on one line of its box.
    fn line_chars(self) -> usize {
        match self {
            Orientation::Across => 18,
            Orientation::Down => 34,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    fn bottom(self) -> f32 {
        self.y + self.h
    }

    fn right(self) -> f32 {
        self.x + self.w
    }
}

/// Where everything is drawn, in the SVG's own units.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub stages: Vec<(Stage, Rect)>,
    pub steps: Vec<(Step, Rect)>,
}

/// The drawing's geometry: every step inside its stage's band, in process order.
pub fn layout(orientation: Orientation) -> Layout {
    let mut stages = Vec::new();
    let mut steps = Vec::new();
    match orientation {
        Orientation::Across => {
            let (column, gap, header, step_h, step_gap, steps_top) = (184.0, 20.0, 56.0, 96.0, 16.0, 76.0);
            let mut tallest: f32 = 0.0;
            for (i, stage) in Stage::ALL.into_iter().enumerate() {
                let x = i as f32 * (column + gap);
                stages.push((stage, Rect { x, y: 0.0, w: column, h: header }));
                for (j, step) in Step::of_stage(stage).enumerate() {
                    let rect = Rect { x, y: steps_top + j as f32 * (step_h + step_gap), w: column, h: step_h };
                    tallest = tallest.max(rect.bottom());
                    steps.push((step, rect));
                }
            }
            Layout { width: Stage::ALL.len() as f32 * (column + gap) - gap, height: tallest + 4.0, stages, steps }
        }
        Orientation::Down => {
            let (width, header, step_h, gap, stage_gap, indent) = (340.0, 40.0, 64.0, 10.0, 22.0, 14.0);
            let mut y: f32 = 0.0;
            for stage in Stage::ALL {
                stages.push((stage, Rect { x: 0.0, y, w: width, h: header }));
                y += header + gap;
                for step in Step::of_stage(stage) {
                    steps.push((step, Rect { x: indent, y, w: width - indent, h: step_h }));
                    y += step_h + gap;
                }
                y += stage_gap - gap;
            }
            Layout { width, height: y - stage_gap + 4.0, stages, steps }
        }
    }
}

/// Splits a name into at most two lines of about `max` characters at spaces or hyphens; a
/// longer rest stays on the second line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    if text.chars().count() <= max {
        return vec![text.to_string()];
    }
    let mut split = None;
    for (i, c) in text.char_indices() {
        if text[..i].chars().count() > max {
            break;
        }
        if c == ' ' {
            split = Some((i, i + 1));
        } else if c == '-' {
            split = Some((i + 1, i + 1));
        }
    }
    match split {
        Some((end, start)) if end > 0 => vec![text[..end].to_string(), text[start..].to_string()],
        _ => vec![text.to_string()],
    }
}

/// The width of a pill holding `text` (a number or a short phrase).
fn pill_width(text: &str) -> f32 {
    16.0 + 8.6 * text.chars().count() as f32
}

/// The principle's symbol in a 20×20 box at (x, y): speech bubbles for open dialogue, a network
/// for systemic thinking, a person for participation.
fn principle_icon(principle: Principle, x: f32, y: f32) -> impl IntoView {
    let shape = match principle {
        Principle::OpenDialogue => view! {
            <path d="M2 3h11a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2H8l-4 3v-3H2a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/>
            <path d="M17 7h1a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-1v3l-4-3h-3" class="map-icon-line"/>
        }
        .into_any(),
        Principle::SystemicThinking => view! {
            <path d="M10 4L4 15M10 4l6 11M4 15h12" class="map-icon-line"/>
            <circle cx="10" cy="4" r="3"/>
            <circle cx="4" cy="15" r="3"/>
            <circle cx="16" cy="15" r="3"/>
        }
        .into_any(),
        Principle::Participation => view! {
            <circle cx="10" cy="5" r="4"/>
            <path d="M2 20v-2a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v2z"/>
        }
        .into_any(),
    };
    view! {
        <g class=format!("map-icon principle-{}", principle.as_str()) transform=format!("translate({x} {y})")>
            {shape}
        </g>
    }
}

/// What one step says about itself to a screen reader: its number, name and stage, then its
/// numbers or where the client stands.
fn step_label(i18n: I18n, step: Step, count: Option<StepCount>, state: Option<StepState>) -> String {
    let mut label =
        format!("{}. {} ({})", step.position() + 1, labels::step(i18n, step), labels::stage(i18n, step.stage()));
    if let Some(count) = count {
        label.push_str(": ");
        label.push_str(&count_text(i18n, count));
    }
    if let Some(state) = state {
        label.push_str(": ");
        label.push_str(&state_text(i18n, state));
    }
    label
}

/// "4 cases, 1 late" (at the concern step: "2 open concerns, 1 urgent"); the number comes first
/// in every language Polku speaks.
pub fn count_text(i18n: I18n, count: StepCount) -> String {
    let StepCount { step, count, overdue } = count;
    let (what, late) = if step == Step::Concern {
        (t_string!(i18n, process.count.concerns), t_string!(i18n, process.count.urgent))
    } else {
        (t_string!(i18n, process.count.cases), t_string!(i18n, process.count.overdue))
    };
    let mut text = format!("{count} {what}");
    if overdue > 0 {
        text.push_str(&format!(", {overdue} {late}"));
    }
    text
}

pub fn state_text(i18n: I18n, state: StepState) -> String {
    match state {
        StepState::Done => t_string!(i18n, process.state.done).to_string(),
        StepState::Current => t_string!(i18n, process.state.current).to_string(),
        StepState::Upcoming => t_string!(i18n, process.state.upcoming).to_string(),
    }
}

/// Follows a step's link inside the application (SVG links are not the router's), then moves
/// focus to the opened step's text. A click with a modifier key keeps its ordinary meaning.
#[cfg(feature = "hydrate")]
fn open_step(
    ev: &leptos::ev::MouseEvent,
    navigate: impl Fn(&str, leptos_router::NavigateOptions),
    href: &str,
    details_id: &str,
) {
    if ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    ev.prevent_default();
    navigate(href, leptos_router::NavigateOptions { scroll: false, ..Default::default() });
    let details_id = details_id.to_string();
    request_animation_frame(move || {
        if let Some(heading) = document().get_element_by_id(&details_id) {
            use wasm_bindgen::JsCast;
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        }
    });
}

/// Whether the device has a mouse or a touchpad (and so, most likely, a keyboard).
#[cfg(feature = "hydrate")]
fn has_fine_pointer() -> bool {
    window().match_media("(pointer: fine)").ok().flatten().is_some_and(|query| query.matches())
}

/// Effects run only in the browser.
#[cfg(not(feature = "hydrate"))]
fn has_fine_pointer() -> bool {
    false
}

/// Moves focus to `step`'s link in the same drawing as the element the key was pressed on.
#[cfg(feature = "hydrate")]
fn focus_step(ev: &leptos::ev::KeyboardEvent, step: Step) {
    use wasm_bindgen::JsCast;
    let drawing = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("svg").ok().flatten());
    let link = drawing.and_then(|svg| svg.query_selector(&format!("[data-step='{}']", step.as_str())).ok().flatten());
    if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = link.focus();
    }
}

/// The step an arrow key (or Home, End) leads to from `step`.
pub fn step_for_key(step: Step, key: &str) -> Option<Step> {
    match key {
        "ArrowRight" | "ArrowDown" => Some(step.next()),
        "ArrowLeft" | "ArrowUp" => Some(step.previous()),
        "Home" => Some(Step::ALL[0]),
        "End" => Some(Step::ALL[Step::ALL.len() - 1]),
        _ => None,
    }
}

/// What the map shows on each step, and where the steps lead.
#[derive(Clone)]
struct MapData {
    key: String,
    href: Callback<Step, String>,
    open: Signal<Option<Step>>,
    counts: Signal<Option<StepCounts>>,
    changed: Signal<Vec<Step>>,
    position: Option<Step>,
    /// The step holding the map's one tab stop; every step is a tab stop until hydration.
    focused: RwSignal<Step>,
    roving: RwSignal<bool>,
    /// Whether the arrow keys are worth mentioning: the map has hydrated (they do nothing on a
    /// plain page) and the device has a fine pointer, i.e. is not a phone held in the hand.
    keys: RwSignal<bool>,
}

#[component]
pub fn ProcessMap(
    /// Tells apart the ids of several maps on one page.
    #[prop(into)]
    key: String,
    /// The address of the page with a step open.
    href: Callback<Step, String>,
    /// The step whose text is open.
    #[prop(into)]
    open: Signal<Option<Step>>,
    /// Staff: how many cases stand in each step (None until loaded).
    #[prop(optional, into)]
    counts: Option<Signal<Option<StepCounts>>>,
    /// Staff: the steps whose numbers just changed.
    #[prop(optional, into)]
    changed: Option<Signal<Vec<Step>>>,
    /// Client: the step their case is in.
    #[prop(optional)]
    position: Option<Step>,
) -> impl IntoView {
    let i18n = use_i18n();
    let focused = RwSignal::new(open.get_untracked().or(position).unwrap_or(Step::ALL[0]));
    let roving = RwSignal::new(false);
    let keys = RwSignal::new(false);
    Effect::new(move |_| {
        roving.set(true);
        keys.set(has_fine_pointer());
    });
    let data = MapData {
        key: key.clone(),
        href,
        open,
        counts: counts.unwrap_or_else(|| Signal::stored(None)),
        changed: changed.unwrap_or_else(|| Signal::stored(Vec::new())),
        position,
        focused,
        roving,
        keys,
    };
    let title_id = format!("{key}-title");
    view! {
        <div class="process-map" id=key.clone()>
            <p class="map-keys" id=format!("{key}-keys") hidden=move || !keys.get()>{t!(i18n, process.keys)}</p>
            {drawing(data.clone(), Orientation::Across, &title_id)}
            {drawing(data.clone(), Orientation::Down, &title_id)}
            <span id=title_id class="sr-only">{t!(i18n, process.map_label)}</span>
            <Legend/>
            <ProcessText data/>
        </div>
    }
}

fn drawing(data: MapData, orientation: Orientation, title_id: &str) -> impl IntoView {
    let i18n = use_i18n();
    let Layout { width, height, stages, steps } = layout(orientation);
    let class = format!("map map-{}", orientation.as_str());
    let keys_id = format!("{}-keys", data.key);
    let keys = data.keys;
    let headers = stages
        .iter()
        .map(|(stage, rect)| {
            let (stage, rect) = (*stage, *rect);
            let lines = move || {
                let name = labels::stage(i18n, stage);
                let lines = if orientation == Orientation::Across { wrap(&name, 20) } else { vec![name] };
                let first = if lines.len() > 1 { rect.h / 2.0 - 4.0 } else { rect.h / 2.0 + 6.0 };
                lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, line)| view! { <tspan x=rect.x + 12.0 y=rect.y + first + i as f32 * 20.0>{line}</tspan> })
                    .collect_view()
            };
            view! {
                <g class=format!("map-stage stage-{}", stage.as_str()) aria-hidden="true">
                    <rect x=rect.x y=rect.y width=rect.w height=rect.h rx="8"/>
                    <text class="map-stage-name">{lines}</text>
                </g>
            }
        })
        .collect_view();
    let connectors = connectors(orientation, &stages, &steps);
    let nodes = steps.into_iter().map(|(step, rect)| step_node(data.clone(), orientation, step, rect)).collect_view();
    view! {
        <svg
            class=class
            viewBox=format!("0 0 {width} {height}")
            role="group"
            aria-labelledby=title_id.to_string()
            aria-describedby=move || keys.get().then(|| keys_id.clone())
        >
            {headers}
            <g class="map-connectors" aria-hidden="true">{connectors}</g>
            {nodes}
        </svg>
    }
}

/// Arrows between stages and chevrons between the steps of a stage.
fn connectors(orientation: Orientation, stages: &[(Stage, Rect)], steps: &[(Step, Rect)]) -> impl IntoView {
    let mut shapes = Vec::new();
    if orientation == Orientation::Across {
        for pair in stages.windows(2) {
            let (from, to) = (pair[0].1, pair[1].1);
            let (x0, x1, y) = (from.right() + 4.0, to.x - 4.0, from.y + from.h / 2.0);
            shapes.push(format!("{x0},{} {x1},{y} {x0},{}", y - 7.0, y + 7.0));
        }
    }
    for pair in steps.windows(2) {
        let ((a, from), (b, to)) = (pair[0], pair[1]);
        if a.stage() != b.stage() {
            continue;
        }
        let (cx, y0, y1) = (from.x + from.w / 2.0, from.bottom() + 2.0, to.y - 2.0);
        shapes.push(format!("{},{y0} {},{y0} {cx},{y1}", cx - 7.0, cx + 7.0));
    }
    shapes.into_iter().map(|points| view! { <polygon points=points/> }).collect_view()
}

fn step_node(data: MapData, orientation: Orientation, step: Step, rect: Rect) -> impl IntoView {
    let i18n = use_i18n();
    let MapData { key, href, open, counts, changed, position, focused, roving, .. } = data;
    let state = position.map(|current| StepState::of(step, current));
    let link = href.run(step);
    let details_id = format!("{key}-details");
    let count = move || counts.get().map(|c| c.get(step));
    let label = move || step_label(i18n, step, count(), state);
    let class = move || {
        let mut class = format!("map-step stage-{}", step.stage().as_str());
        if let Some(state) = state {
            class.push_str(" state-");
            class.push_str(state.as_str());
        }
        if open.get() == Some(step) {
            class.push_str(" is-open");
        }
        if changed.get().contains(&step) {
            class.push_str(" changed");
        }
        if count().is_some_and(|c| c.overdue > 0) {
            class.push_str(" has-overdue");
        }
        class
    };
    let tabindex = move || if !roving.get() || focused.get() == step { "0" } else { "-1" };
    let name_lines = move || {
        let lines = wrap(&labels::step(i18n, step), orientation.line_chars());
        lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| view! { <tspan x=rect.x + 12.0 y=rect.y + 26.0 + i as f32 * 20.0>{line}</tspan> })
            .collect_view()
    };
    let icons_y = rect.bottom() - 30.0;
    let icons = step
        .principles()
        .iter()
        .enumerate()
        .map(|(k, p)| principle_icon(*p, rect.x + 12.0 + k as f32 * 26.0, icons_y))
        .collect_view();
    let badges = move || badges(i18n, rect, count(), state);
    #[cfg(feature = "hydrate")]
    let on_click = {
        let link = link.clone();
        let navigate = leptos_router::hooks::use_navigate();
        move |ev: leptos::ev::MouseEvent| open_step(&ev, &navigate, &link, &details_id)
    };
    #[cfg(not(feature = "hydrate"))]
    let on_click = {
        let _ = &details_id;
        move |_: leptos::ev::MouseEvent| {}
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(target) = step_for_key(step, &ev.key()) {
            ev.prevent_default();
            focused.set(target);
            #[cfg(feature = "hydrate")]
            focus_step(&ev, target);
        }
    };
    // Inside a `g`, so that the view macro makes an SVG link when the browser draws it.
    view! {
        <g class="map-node">
        <a
            href=link
            class=class
            data-step=step.as_str()
            tabindex=tabindex
            aria-label=label
            aria-current=move || (state == Some(StepState::Current)).then_some("step")
            on:click=on_click
            on:keydown=on_key
            on:focus=move |_| focused.set(step)
        >
            <rect class="map-focus" x=rect.x - 4.0 y=rect.y - 4.0 width=rect.w + 8.0 height=rect.h + 8.0 rx="11"/>
            <rect class="map-box" x=rect.x y=rect.y width=rect.w height=rect.h rx="8"/>
            <text class="map-step-name">{name_lines}</text>
            {icons}
            {badges}
        </a>
        </g>
    }
}

/// The pills at a step's lower right: its numbers (staff), or a check mark or "you are here"
/// (client).
fn badges(i18n: I18n, rect: Rect, count: Option<StepCount>, state: Option<StepState>) -> AnyView {
    let (right, top) = (rect.right() - 12.0, rect.bottom() - 32.0);
    if let Some(StepCount { count, overdue, .. }) = count {
        let number = count.to_string();
        let width = pill_width(&number);
        let x = right - width;
        let late = (overdue > 0).then(|| {
            let number = overdue.to_string();
            let late_width = pill_width(&number) + 16.0;
            let lx = x - 6.0 - late_width;
            view! {
                <g class="map-pill map-late">
                    <rect x=lx y=top width=late_width height="24" rx="12"/>
                    <path d=format!("M{} {}l6 -11l6 11z", lx + 8.0, top + 18.0) class="map-late-sign"/>
                    <text x=lx + 24.0 + (late_width - 24.0) / 2.0 - 4.0 y=top + 17.0 text-anchor="middle">{number}</text>
                </g>
            }
        });
        return view! {
            {late}
            <g class="map-pill map-count">
                <rect x=x y=top width=width height="24" rx="12"/>
                <text x=x + width / 2.0 y=top + 17.0 text-anchor="middle">{number}</text>
            </g>
        }
        .into_any();
    }
    match state {
        Some(StepState::Done) => view! {
            <g class="map-done">
                <circle cx=right - 12.0 cy=top + 12.0 r="12"/>
                <path d=format!("M{} {}l4 4l8 -9", right - 18.0, top + 12.0)/>
            </g>
        }
        .into_any(),
        Some(StepState::Current) => {
            let text = t_string!(i18n, process.here).to_string();
            let width = pill_width(&text);
            view! {
                <g class="map-pill map-here">
                    <rect x=right - width y=top width=width height="24" rx="12"/>
                    <text x=right - width / 2.0 y=top + 17.0 text-anchor="middle">{text}</text>
                </g>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

/// What the three principle symbols mean.
#[component]
fn Legend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="map-legend">
            <h2 class="map-legend-title">{t!(i18n, process.legend)}</h2>
            <ul>
                {Principle::ALL
                    .into_iter()
                    .map(|p| view! {
                        <li>
                            <svg class="map-legend-icon" viewBox="0 0 20 20" aria-hidden="true">{principle_icon(p, 0.0, 0.0)}</svg>
                            <span><strong>{move || labels::principle(i18n, p)}</strong>": "{move || labels::principle_text(i18n, p)}</span>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The map in words, stage by stage and step by step, for screen readers and anyone who prefers
/// text.
#[component]
fn ProcessText(data: MapData) -> impl IntoView {
    let i18n = use_i18n();
    let MapData { href, counts, position, .. } = data;
    let stages = Stage::ALL
        .into_iter()
        .map(|stage| {
            let steps = Step::of_stage(stage)
                .map(|step| {
                    let link = href.run(step);
                    let state = position.map(|current| StepState::of(step, current));
                    let extra = move || {
                        counts
                            .get()
                            .map(|c| count_text(i18n, c.get(step)))
                            .or_else(|| state.map(|s| state_text(i18n, s)))
                            .map(|text| format!(" ({text})"))
                    };
                    let what = move || {
                        if position.is_some() {
                            labels::step_plain(i18n, step)
                        } else {
                            labels::step_what(i18n, step)
                        }
                    };
                    view! {
                        <li>
                            <a href=link>{move || labels::step(i18n, step)}</a>
                            {extra}
                            ": "
                            {what}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li>
                    <strong>{move || labels::stage(i18n, stage)}</strong>
                    <ol>{steps}</ol>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="map-text">
            <summary>{t!(i18n, process.text_version)}</summary>
            <ol>{stages}</ol>
        </details>
    }
}

/// What happens in one step: for staff in the map's words, for the client in plain language with
/// where they stand. `extra` comes right under the heading (staff: the numbers and the list).
#[component]
pub fn StepDetails(
    /// The map's key: the heading's id is `{key}-details`, where opening a step moves focus.
    #[prop(into)]
    key: String,
    step: Step,
    /// Plain language, for the client and their close ones.
    #[prop(optional)]
    plain: bool,
    /// Where the client stands in this step.
    #[prop(optional)]
    state: Option<StepState>,
    #[prop(optional)] extra: Option<AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("{key}-details");
    let back = format!("#{key}");
    let number = step.position() + 1;
    let total = Step::ALL.len();
    let what = move || if plain { labels::step_plain(i18n, step) } else { labels::step_what(i18n, step) };
    let parties = step.parties().iter().map(|p| {
        let p = *p;
        view! { <li>{move || labels::party(i18n, p)}</li> }
    });
    let principles = step.principles().iter().map(|p| {
        let p = *p;
        view! {
            <li>
                <svg class="map-legend-icon" viewBox="0 0 20 20" aria-hidden="true">{principle_icon(p, 0.0, 0.0)}</svg>
                <span><strong>{move || labels::principle(i18n, p)}</strong>": "{move || labels::principle_text(i18n, p)}</span>
            </li>
        }
    });
    view! {
        <section class="card step-details" aria-labelledby=heading_id.clone() data-step=step.as_str()>
            <p class="step-position">
                {t!(i18n, process.details.position, number = move || number, total = move || total, stage = move || labels::stage(i18n, step.stage()))}
            </p>
            <h2 id=heading_id.clone() tabindex="-1">{move || labels::step(i18n, step)}</h2>
            {state.map(|state| view! { <p class=format!("step-state state-{}", state.as_str())>{move || state_text(i18n, state)}</p> })}
            {extra}
            <h3>{t!(i18n, process.details.what)}</h3>
            <p>{what}</p>
            <h3>{t!(i18n, process.details.who)}</h3>
            <ul class="inline-list">{parties.collect_view()}</ul>
            {(!plain).then(|| view! {
                <h3>{t!(i18n, process.details.records)}</h3>
                <p>{move || labels::step_records(i18n, step)}</p>
            })}
            <h3>{t!(i18n, process.details.principles)}</h3>
            <ul class="principles">{principles.collect_view()}</ul>
            {step.deadline().map(|deadline| view! {
                <h3>{t!(i18n, process.details.deadline)}</h3>
                <p>{move || labels::deadline(i18n, deadline)}</p>
            })}
            <p><a href=back>{t!(i18n, process.details.back)}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(inner: Rect, outer_width: f32, outer_height: f32) -> bool {
        inner.x >= 0.0 && inner.y >= 0.0 && inner.right() <= outer_width && inner.bottom() <= outer_height
    }

    fn overlap(a: Rect, b: Rect) -> bool {
        a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
    }

    #[test]
    fn every_step_is_drawn_once_inside_the_drawing_and_its_stage() {
        for orientation in [Orientation::Across, Orientation::Down] {
            let Layout { width, height, stages, steps } = layout(orientation);
            assert_eq!(
                steps.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
                Step::ALL.to_vec(),
                "{orientation:?}: process order"
            );
            assert_eq!(stages.len(), Stage::ALL.len());
            for (step, rect) in &steps {
                assert!(inside(*rect, width, height), "{orientation:?} {step:?} inside the drawing");
                let (_, band) = stages.iter().find(|(stage, _)| *stage == step.stage()).unwrap();
                assert!(
                    rect.x >= band.x && rect.right() <= band.right() + 0.01,
                    "{orientation:?} {step:?} under its stage"
                );
                assert!(
                    !stages.iter().any(|(_, header)| overlap(*header, *rect)),
                    "{orientation:?} {step:?} clear of the headers"
                );
            }
            for (i, (a, ra)) in steps.iter().enumerate() {
                for (b, rb) in &steps[i + 1..] {
                    assert!(!overlap(*ra, *rb), "{orientation:?}: {a:?} and {b:?} overlap");
                }
            }
        }
    }

    #[test]
    fn the_phone_drawing_is_narrow_and_reads_top_to_bottom() {
        let down = layout(Orientation::Down);
        assert!(down.width <= 340.0, "fits a 360 px phone at about one unit per pixel");
        assert!(down.steps.windows(2).all(|w| w[0].1.y < w[1].1.y));
        let across = layout(Orientation::Across);
        assert!(across.stages.windows(2).all(|w| w[0].1.x < w[1].1.x));
    }

    #[test]
    fn names_wrap_at_spaces_or_hyphens_into_two_lines_at_most() {
        assert_eq!(wrap("Seulonta", 18), vec!["Seulonta"]);
        assert_eq!(wrap("Palvelutarpeen arviointi", 18), vec!["Palvelutarpeen", "arviointi"]);
        assert_eq!(wrap("Service-need assessment", 18), vec!["Service-need", "assessment"]);
        assert_eq!(wrap("Bedömning av servicebehov", 18), vec!["Bedömning av", "servicebehov"]);
        assert_eq!(
            wrap("Sosiaalihuoltolakiuudistus", 10),
            vec!["Sosiaalihuoltolakiuudistus"],
            "one long word stays whole"
        );
        assert_eq!(wrap("Service-need", 8), vec!["Service-", "need"]);
    }

    #[test]
    fn arrow_keys_home_and_end_move_along_the_process() {
        assert_eq!(step_for_key(Step::Team, "ArrowRight"), Some(Step::Plan));
        assert_eq!(step_for_key(Step::Team, "ArrowDown"), Some(Step::Plan));
        assert_eq!(step_for_key(Step::Team, "ArrowLeft"), Some(Step::Assessment));
        assert_eq!(step_for_key(Step::Team, "ArrowUp"), Some(Step::Assessment));
        assert_eq!(step_for_key(Step::Team, "Home"), Some(Step::Concern));
        assert_eq!(step_for_key(Step::Team, "End"), Some(Step::Closure));
        assert_eq!(step_for_key(Step::Closure, "ArrowRight"), Some(Step::Closure));
        assert_eq!(step_for_key(Step::Team, "Enter"), None, "Enter follows the link itself");
        assert_eq!(step_for_key(Step::Team, "Tab"), None);
    }
}
