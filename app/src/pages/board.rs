//! `/boards` (the actions assigned to me) and `/boards/:board` (a coordinator pair's cases, a
//! client team's actions): live boards. Every change someone makes reaches every open board that
//! shows the card, with a brief highlight saying who did what; the board says who else is viewing
//! it. A card moves by dragging it (mouse, pen or touch) or with its "Move to" control, which is a
//! plain form, so keyboards, screen readers and browsers without JavaScript move cards too. A
//! change made against an older version of a card is refused: the card then shows what it holds
//! now and offers to apply the change again.

use crate::api::{card_comments, comment_card, edit_card, get_board, get_card, move_card, my_boards};
use crate::auth::use_auth;
use crate::components::labels::{self, I18n};
use crate::components::live::{use_board_feed, LiveStatus};
use crate::components::{ErrorMessage, Loading, PageTitle};
use crate::domain::board::{is_newer, Board, BoardError, CardRef, Column, Seen, PAIR_COLUMNS};
use crate::domain::ids::{CaseId, UserId};
use crate::domain::plan::TaskStatus;
use crate::domain::process::Step;
use crate::domain::Stage;
use crate::error::AppError;
use crate::i18n::*;
use crate::model::{
    board::{BoardCard, BoardChange, BoardEvent, BoardFeed, BoardPage, CardCommentView},
    team::ParticipantChoice,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;
use std::time::Duration;

/// How long a change someone else made stays highlighted.
const HIGHLIGHT: Duration = Duration::from_secs(4);

/// A change of the reader's that was refused, and what applying it again would do.
#[derive(Debug, Clone, PartialEq)]
enum Retry {
    Move(Column),
    Edit { what: String, owner: Option<UserId>, due: String },
}

#[derive(Debug, Clone, PartialEq)]
struct Problem {
    error: AppError,
    retry: Option<Retry>,
}

/// What every part of one open board shares.
#[derive(Clone)]
struct Live {
    board: Board,
    reader: UserId,
    cards: RwSignal<Vec<BoardCard>>,
    /// Cards someone else changed a moment ago: who, and what they did.
    changed: RwSignal<HashMap<String, (String, BoardChange)>>,
    problems: RwSignal<HashMap<String, Problem>>,
    /// The comment threads opened on this board, by card.
    threads: RwSignal<HashMap<String, Vec<CardCommentView>>>,
    coordinated: Vec<CaseId>,
    owners: Vec<(CaseId, Vec<ParticipantChoice>)>,
    /// On a pair's board, the pair's two people (`BoardPage::pair`).
    pair: Vec<UserId>,
    /// The card being dragged, and the column under the pointer.
    dragging: RwSignal<Option<CardRef>>,
    hover: RwSignal<Option<Column>>,
}

impl Live {
    fn coordinates(&self, case_id: CaseId) -> bool {
        self.coordinated.contains(&case_id)
    }

    /// Whether the reader may move this card: a case the pair's; an action the pair's or its owner's.
    fn may_move(&self, card: &BoardCard) -> bool {
        match card.card {
            CardRef::Case { case_id } => self.coordinates(case_id),
            CardRef::Action { case_id, .. } => self.coordinates(case_id) || card.owner_user_id == Some(self.reader),
        }
    }

    /// Where the card may be moved: another status; for a case, the first step of each stage the
    /// process allows it to move to (closing is done on the case page, with its summary).
    fn targets(&self, card: &BoardCard) -> Vec<Column> {
        match card.card {
            CardRef::Case { .. } => card
                .stage
                .targets()
                .iter()
                .filter(|stage| **stage != Stage::Closed)
                .filter_map(|stage| Step::of_stage(*stage).find(|step| PAIR_COLUMNS.contains(step)))
                .map(Column::Step)
                .collect(),
            CardRef::Action { .. } => {
                TaskStatus::ALL.into_iter().map(Column::Status).filter(|c| *c != card.column).collect()
            }
        }
    }

    /// Whether a case card's coordinators are the pair whose board this is: the board's title says
    /// so already, and the card does not repeat it.
    fn run_by_pair(&self, card: &BoardCard) -> bool {
        let ids = &card.owner_ids;
        matches!(card.card, CardRef::Case { .. })
            && !self.pair.is_empty()
            && ids.len() == self.pair.len()
            && ids.iter().all(|id| self.pair.contains(id))
    }

    fn owner_choices(&self, case_id: CaseId) -> Vec<ParticipantChoice> {
        self.owners.iter().find(|(id, _)| *id == case_id).map(|(_, list)| list.clone()).unwrap_or_default()
    }

    fn belongs(&self, card: &BoardCard) -> bool {
        match self.board {
            Board::Mine => card.owner_user_id == Some(self.reader),
            Board::Pair { .. } | Board::Team { .. } => true,
        }
    }

    /// Puts a card as it is now on the board, unless the board already shows a newer one.
    fn upsert(&self, fresh: BoardCard, force: bool) {
        let belongs = self.belongs(&fresh);
        self.cards.update(|list| match list.iter().position(|c| c.card == fresh.card) {
            Some(at) if !belongs => {
                list.remove(at);
            }
            Some(at) if force || is_newer(list[at].version, fresh.version) || list[at].comments != fresh.comments => {
                list[at] = fresh
            }
            Some(_) => {}
            None if belongs => list.push(fresh),
            None => {}
        });
    }

    fn card(&self, card: CardRef) -> Option<BoardCard> {
        self.cards.with_untracked(|list| list.iter().find(|c| c.card == card).cloned())
    }

    fn set_problem(&self, card: CardRef, problem: Option<Problem>) {
        self.problems.update(|all| match problem {
            Some(problem) => {
                all.insert(card.key(), problem);
            }
            None => {
                all.remove(&card.key());
            }
        });
    }

    /// A refused change: a stale one brings the card as it is now and offers to apply it again.
    async fn refused(&self, card: CardRef, error: AppError, retry: Retry) {
        let stale = matches!(error, AppError::Board(BoardError::Stale { .. }));
        if stale {
            if let Ok(fresh) = get_card(card.key()).await {
                self.upsert(fresh, true);
            }
        }
        self.set_problem(card, Some(Problem { error, retry: stale.then_some(retry) }));
    }

    fn move_to(&self, card: CardRef, column: Column) {
        let Some(shown) = self.card(card) else { return };
        let live = self.clone();
        spawn_local(async move {
            match move_card(card.key(), column.key(), shown.version.to_string()).await {
                Ok(fresh) => {
                    live.upsert(fresh, false);
                    live.set_problem(card, None);
                }
                Err(error) => live.refused(card, error, Retry::Move(column)).await,
            }
        });
    }

    /// Edits an action as the reader saw it at `version` (when they opened the edit form).
    fn edit(&self, card: CardRef, version: i32, what: String, owner: Option<UserId>, due: String) {
        let live = self.clone();
        spawn_local(async move {
            match edit_card(card.key(), version.to_string(), what.clone(), owner, due.clone()).await {
                Ok(fresh) => {
                    live.upsert(fresh, false);
                    live.set_problem(card, None);
                }
                Err(error) => live.refused(card, error, Retry::Edit { what, owner, due }).await,
            }
        });
    }

    fn retry(&self, card: CardRef, retry: Retry) {
        self.set_problem(card, None);
        match retry {
            Retry::Move(column) => self.move_to(card, column),
            Retry::Edit { what, owner, due } => {
                if let Some(now) = self.card(card) {
                    self.edit(card, now.version, what, owner, due);
                }
            }
        }
    }

    /// A change heard from the board's feed. Someone else's is highlighted on its card and said
    /// to screen readers: who did what, and to which card.
    fn apply(&self, event: BoardEvent, announce: RwSignal<Option<(BoardChange, String, String)>>) {
        let key = event.card.key();
        match event.body.card.clone() {
            Some(card) => self.upsert(card, false),
            None => self.cards.update(|list| list.retain(|c| c.card != event.card)),
        }
        if let Some(comment) = event.body.comment.clone() {
            self.threads.update(|threads| {
                if let Some(thread) = threads.get_mut(&key) {
                    if !thread.iter().any(|c| c.id == comment.id) {
                        thread.push(comment);
                    }
                }
            });
        }
        if event.actor_user_id == self.reader {
            return;
        }
        let title = event.body.card.as_ref().map(card_title).unwrap_or_default();
        announce.set(Some((event.change, event.actor.clone(), title)));
        self.changed.update(|all| {
            all.insert(key.clone(), (event.actor.clone(), event.change));
        });
        let changed = self.changed;
        set_timeout(
            move || {
                changed.update(|all| {
                    all.remove(&key);
                });
            },
            HIGHLIGHT,
        );
    }
}

fn card_title(card: &BoardCard) -> String {
    if card.what.is_empty() {
        card.client_name.clone()
    } else {
        card.what.clone()
    }
}

/// "Sanna Virtanen moved this", in the reader's language.
fn change_text(i18n: I18n, change: BoardChange, actor: &str) -> AnyView {
    let actor = actor.to_string();
    let actor = move || actor.clone();
    match change {
        BoardChange::Added => t!(i18n, board.change.added, actor).into_any(),
        BoardChange::Moved => t!(i18n, board.change.moved, actor).into_any(),
        BoardChange::Edited => t!(i18n, board.change.edited, actor).into_any(),
        BoardChange::Assigned => t!(i18n, board.change.assigned, actor).into_any(),
        BoardChange::Commented => t!(i18n, board.change.commented, actor).into_any(),
        BoardChange::Removed => t!(i18n, board.change.removed, actor).into_any(),
    }
}

#[component]
pub fn BoardsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = Memo::new(move |_| params.read().get("board").unwrap_or_else(|| "mine".to_string()));
    let reloads = RwSignal::new(0u32);
    let page = Resource::new(move || (key.get(), reloads.get()), |(key, _)| get_board(key));
    let pairs = Resource::new(|| (), |_| my_boards());
    view! {
        <section class="boards" aria-labelledby="board-title">
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    let pairs = pairs.await.unwrap_or_default();
                    match page.await {
                        Ok(page) => view! {
                            <BoardTabs current=page.board pairs/>
                            <LiveBoard page reloads/>
                        }
                        .into_any(),
                        Err(error) => view! {
                            <PageTitle text=move || t_string!(i18n, nav.boards)/>
                            <h1 id="board-title">{t!(i18n, nav.boards)}</h1>
                            <ErrorMessage error/>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The boards the reader may open: their own and their pair's.
#[component]
fn BoardTabs(current: Board, pairs: Vec<(i32, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let tab = move |board: Board, href: String, label: AnyView| {
        let here = (board == current).then_some("page");
        view! { <li><a href=href aria-current=here>{label}</a></li> }
    };
    view! {
        <nav class="board-tabs" aria-label=move || t_string!(i18n, board.tabs).to_string()>
            <ul>
                {tab(Board::Mine, "/boards".to_string(), t!(i18n, board.title_mine).into_any())}
                {pairs
                    .into_iter()
                    .map(|(id, name)| {
                        let board = Board::Pair { pair_id: id };
                        tab(board, format!("/boards/{}", board.key()), name.into_any())
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn LiveBoard(page: BoardPage, reloads: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let board = page.board;
    let live = Live {
        board,
        reader: page.reader_user_id,
        cards: RwSignal::new(page.cards.clone()),
        changed: RwSignal::new(HashMap::new()),
        problems: RwSignal::new(HashMap::new()),
        threads: RwSignal::new(HashMap::new()),
        coordinated: page.coordinated.clone(),
        owners: page.owners.clone(),
        pair: page.pair.clone(),
        dragging: RwSignal::new(None),
        hover: RwSignal::new(None),
    };
    provide_context(live.clone());
    let seen = StoredValue::new(Seen::loaded_at(i64::from(page.last_event)));
    let last = StoredValue::new(page.last_event);
    let viewers = RwSignal::new(Vec::<String>::new());
    let announce = RwSignal::new(None::<(BoardChange, String, String)>);
    let feed_live = live.clone();
    let status = use_board_feed(
        Signal::derive(|| true),
        board.key(),
        move || last.get_value(),
        move |feed| match feed {
            BoardFeed::Event { event } => {
                if seen.try_update_value(|seen| seen.accept(i64::from(event.id))).unwrap_or(false) {
                    last.update_value(|last| *last = (*last).max(event.id));
                    feed_live.apply(event, announce);
                }
            }
            BoardFeed::Presence { viewers: now } => viewers.set(now),
            BoardFeed::CaughtUp { last_event } => last.update_value(|last| *last = (*last).max(last_event)),
            BoardFeed::Resync => reloads.update(|n| *n += 1),
        },
    );
    let name = page.title.clone();
    let page_title = match board {
        Board::Mine => view! { <PageTitle text=move || t_string!(i18n, board.title_mine)/> },
        Board::Pair { .. } => view! { <PageTitle text=move || t_string!(i18n, nav.boards) about=name.clone()/> },
        Board::Team { .. } => view! { <PageTitle text=move || t_string!(i18n, case.board_link) about=name.clone()/> },
    };
    let title = match board {
        Board::Mine => t!(i18n, board.title_mine).into_any(),
        Board::Pair { .. } => name.into_any(),
        Board::Team { .. } => t!(i18n, board.title_team, name = move || name.clone()).into_any(),
    };
    let intro = move || match board {
        Board::Mine => t_string!(i18n, board.intro_mine).to_string(),
        Board::Pair { .. } => t_string!(i18n, board.intro_pair).to_string(),
        Board::Team { .. } => t_string!(i18n, board.intro_team).to_string(),
    };
    let others = move || {
        let me = auth.user.get().and_then(Result::ok).flatten().map(|u| u.display_name);
        let names: Vec<String> = viewers.get().into_iter().filter(|n| Some(n) != me.as_ref()).collect();
        (!names.is_empty()).then(|| {
            let names = names.join(", ");
            view! { <p class="viewers" data-testid="viewers">{t!(i18n, board.viewers, names = move || names.clone())}</p> }
        })
    };
    view! {
        <header class="board-head">
            {page_title}
            <h1 id="board-title">{title}</h1>
            <p class="lead">{intro}</p>
            <LiveStatus live=status board=true/>
            {others}
        </header>
        <p class="sr-only" role="status" aria-live="polite" data-testid="announce">
            {move || announce.get().map(|(change, actor, title)| view! { {change_text(i18n, change, &actor)} ": " {title} })}
        </p>
        <div class="board-columns" data-board=board.key() class:dragging=move || live.dragging.get().is_some()>
            {board.columns().into_iter().map(|column| view! { <BoardColumn column/> }).collect_view()}
        </div>
    }
}

#[component]
fn BoardColumn(column: Column) -> impl IntoView {
    let i18n = use_i18n();
    let live = expect_context::<Live>();
    let cards = live.cards;
    let in_column = Memo::new(move |_| {
        let mut here: Vec<BoardCard> = cards.read().iter().filter(|c| c.column == column).cloned().collect();
        here.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.due.cmp(&b.due)).then(card_title(a).cmp(&card_title(b))));
        here
    });
    let heading = format!("column-{}", column.key().replace([':', '_'], "-"));
    let hover = live.hover;
    view! {
        <section class="board-column" data-column=column.key() aria-labelledby=heading.clone() class:drop-target=move || hover.get() == Some(column)>
            <h2 id=heading.clone()>
                {move || labels::column(i18n, column)}
                " "
                <span class="column-count">{move || in_column.read().len()}</span>
            </h2>
            <Show when=move || !in_column.read().is_empty() fallback=move || view! { <p class="column-empty">{t!(i18n, board.empty_column)}</p> }>
                <ul class="cards">
                    <For each=move || in_column.get() key=|c| c.card let:card>
                        <CardView initial=card/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// The column under a point of the screen, while a card is dragged.
fn column_at(x: i32, y: i32) -> Option<Column> {
    let element = document().element_from_point(x as f32, y as f32)?;
    let column = element.closest("[data-column]").ok()??;
    column.get_attribute("data-column")?.parse().ok()
}

/// One card. It stays the same element while the card changes (an open edit form keeps what is
/// typed in it); what it shows follows the card.
#[component]
fn CardView(initial: BoardCard) -> impl IntoView {
    let i18n = use_i18n();
    let live = expect_context::<Live>();
    let me = initial.card;
    let key = me.key();
    let cards = live.cards;
    let card =
        Memo::new(move |_| cards.read().iter().find(|c| c.card == me).cloned().unwrap_or_else(|| initial.clone()));
    let may_move = {
        let live = live.clone();
        Memo::new(move |_| live.may_move(&card.read()))
    };
    let may_edit = matches!(me, CardRef::Action { .. }) && live.coordinates(me.case_id());
    let link = match me {
        CardRef::Case { case_id } => format!("/cases/{case_id}"),
        CardRef::Action { case_id, .. } => format!("/cases/{case_id}/plan"),
    };
    let changed = {
        let (all, key) = (live.changed, key.clone());
        Memo::new(move |_| all.read().get(&key).cloned())
    };
    let problem = {
        let (all, key) = (live.problems, key.clone());
        move || all.read().get(&key).cloned()
    };
    let dragging = live.dragging;
    let handle = {
        let (down, moving, up) = (live.clone(), live.clone(), live.clone());
        move || {
            let (down, moving, up) = (down.clone(), moving.clone(), up.clone());
            may_move.get().then(|| {
                view! {
                    <button
                        type="button"
                        class="drag-handle"
                        tabindex="-1"
                        aria-hidden="true"
                        title=move || t_string!(i18n, board.drag).to_string()
                        on:pointerdown=move |ev| {
                            ev.prevent_default();
                            if let Some(target) = ev.target() {
                                use leptos::wasm_bindgen::JsCast;
                                if let Ok(element) = target.dyn_into::<leptos::web_sys::Element>() {
                                    let _ = element.set_pointer_capture(ev.pointer_id());
                                }
                            }
                            down.dragging.set(Some(me));
                        }
                        on:pointermove=move |ev| {
                            if moving.dragging.get_untracked() == Some(me) {
                                moving.hover.set(column_at(ev.client_x(), ev.client_y()));
                            }
                        }
                        on:pointerup=move |ev| {
                            if up.dragging.get_untracked() != Some(me) {
                                return;
                            }
                            up.dragging.set(None);
                            up.hover.set(None);
                            let from = card.get_untracked().column;
                            if let Some(to) = column_at(ev.client_x(), ev.client_y()).filter(|to| *to != from) {
                                up.move_to(me, to);
                            }
                        }
                        on:pointercancel=move |_| {
                            dragging.set(None);
                        }
                    >
                        "⠿"
                    </button>
                }
            })
        }
    };
    // What the board does not say already: a case card's column is its step (so its stage), and
    // on the pair's own board the pair is in the title; an action's column is its status.
    let facts = {
        let live = live.clone();
        move || {
            let c = card.get();
            let step = c.step;
            let place = matches!(me, CardRef::Action { .. }).then(|| {
                view! { <div><dt>{t!(i18n, board.step)}</dt><dd>{move || labels::step(i18n, step)}</dd></div> }
            });
            let due = c.due.map(
                |due| view! { <div><dt>{t!(i18n, board.due)}</dt><dd>{move || labels::date(i18n, due)}</dd></div> },
            );
            let owners = (!live.run_by_pair(&c)).then(|| {
                let owners = c.owners.join(", ");
                view! { <div><dt>{t!(i18n, board.owners)}</dt><dd>{owners}</dd></div> }
            });
            let any = place.is_some() || due.is_some() || owners.is_some();
            any.then(|| view! { <dl class="card-facts">{place}{due}{owners}</dl> })
        }
    };
    view! {
        <li
            class="board-card"
            id=key.clone()
            data-card=key.clone()
            data-version=move || card.read().version
            class:card-overdue=move || card.read().overdue
            class:card-changed=move || changed.read().is_some()
            class:card-dragged=move || dragging.get() == Some(me)
        >
            <div class="card-top">
                {handle}
                <h3 class="card-title"><a href=link>{move || card_title(&card.read())}</a></h3>
            </div>
            {move || (!card.read().what.is_empty()).then(|| view! { <p class="card-client">{card.read().client_name.clone()}</p> })}
            {move || card.read().overdue.then(|| view! { <p class="badge-late">{t!(i18n, board.overdue)}</p> })}
            {facts}
            {move || changed.get().map(|(actor, change)| view! { <p class="card-change">{change_text(i18n, change, &actor)}</p> })}
            {move || problem().map(|problem| view! { <CardProblem card=me problem/> })}
            <Show when=move || may_move.get()>
                <MoveForm card/>
            </Show>
            {may_edit.then(|| view! { <EditForm card/> })}
            <Comments card=me count=Signal::derive(move || card.read().comments)/>
        </li>
    }
}

#[component]
fn CardProblem(card: CardRef, problem: Problem) -> impl IntoView {
    let i18n = use_i18n();
    let live = expect_context::<Live>();
    let retry = problem.retry.clone().map(|retry| {
        view! {
            <button type="button" class="button-quiet" on:click=move |_| live.retry(card, retry.clone())>
                {t!(i18n, board.reapply)}
            </button>
        }
    });
    view! {
        <div class="card-problem">
            <ErrorMessage error=problem.error/>
            {retry}
        </div>
    }
}

/// "Move to…": a plain form, so it works by keyboard and without JavaScript too.
#[component]
fn MoveForm(card: Memo<BoardCard>) -> impl IntoView {
    let i18n = use_i18n();
    let live = expect_context::<Live>();
    let select = NodeRef::<leptos::html::Select>::new();
    let me = card.get_untracked().card;
    let key = me.key();
    let id = format!("move-{key}");
    let options = {
        let live = live.clone();
        move || {
            live.targets(&card.read())
                .into_iter()
                .map(|column| view! { <option value=column.key()>{move || labels::column(i18n, column)}</option> })
                .collect_view()
        }
    };
    view! {
        <form
            class="move-form"
            method="post"
            action="/api/move_card"
            on:submit=move |ev| {
                ev.prevent_default();
                if let Some(column) = select.get().and_then(|s| s.value().parse::<Column>().ok()) {
                    live.move_to(me, column);
                }
            }
        >
            <input type="hidden" name="card" value=key/>
            <input type="hidden" name="version" value=move || card.read().version/>
            <label for=id.clone()>{t!(i18n, board.move_to)}</label>
            <select id=id name="column" node_ref=select>{options}</select>
            <button type="submit">{t!(i18n, board.move_button)}</button>
        </form>
    }
}

/// The pair edits an action on its card: what, who, by when. The form is filled in from the card
/// as it is when opened, and the change is made against that version: if someone changes the
/// card meanwhile, saving is refused and the card shows what it holds now.
#[component]
fn EditForm(card: Memo<BoardCard>) -> impl IntoView {
    let i18n = use_i18n();
    let live = expect_context::<Live>();
    let me = card.get_untracked().card;
    let key = me.key();
    let (what_ref, owner_ref, due_ref) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Select>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    let opened_at = StoredValue::new(card.get_untracked().version);
    let choices = live.owner_choices(me.case_id());
    let owner = card.get_untracked().owner_user_id;
    let options = choices
        .into_iter()
        .map(|p| view! { <option value=p.user_id selected=Some(p.user_id) == owner>{p.name}</option> })
        .collect_view();
    let fill = move |ev: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        let open = ev
            .target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        if !open {
            return;
        }
        let now = card.get_untracked();
        opened_at.set_value(now.version);
        if let Some(input) = what_ref.get_untracked() {
            input.set_value(&now.what);
        }
        if let (Some(select), Some(owner)) = (owner_ref.get_untracked(), now.owner_user_id) {
            select.set_value(&owner.to_string());
        }
        if let (Some(input), Some(due)) = (due_ref.get_untracked(), now.due) {
            input.set_value(&due.to_string());
        }
    };
    let initial = card.get_untracked();
    view! {
        <details class="card-edit" on:toggle=fill>
            <summary>{t!(i18n, board.edit)}</summary>
            <form
                method="post"
                action="/api/edit_card"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let what = what_ref.get().map(|i| i.value()).unwrap_or_default();
                    let owner = owner_ref.get().and_then(|s| s.value().parse().ok());
                    let due = due_ref.get().map(|i| i.value()).unwrap_or_default();
                    live.edit(me, opened_at.get_value(), what, owner, due);
                }
            >
                <input type="hidden" name="card" value=key.clone()/>
                <input type="hidden" name="version" value=move || card.read().version/>
                <label for=format!("what-{key}")>{t!(i18n, board.what)}</label>
                <input id=format!("what-{key}") name="what" value=initial.what.clone() node_ref=what_ref required/>
                <label for=format!("owner-{key}")>{t!(i18n, board.owner)}</label>
                <select id=format!("owner-{key}") name="owner" node_ref=owner_ref>{options}</select>
                <label for=format!("due-{key}")>{t!(i18n, board.due)}</label>
                <input id=format!("due-{key}") name="due" type="date" value=initial.due.map(|d| d.to_string()).unwrap_or_default() node_ref=due_ref required/>
                <button type="submit">{t!(i18n, board.save)}</button>
            </form>
        </details>
    }
}

/// A card's comments, read when opened; new ones arrive live while it is open.
#[component]
fn Comments(card: CardRef, count: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let live = expect_context::<Live>();
    let key = card.key();
    let threads = live.threads;
    let error = RwSignal::new(None::<AppError>);
    let body = NodeRef::<leptos::html::Textarea>::new();
    let open = {
        let key = key.clone();
        move |_| {
            if threads.with_untracked(|t| t.contains_key(&key)) {
                return;
            }
            let key = key.clone();
            spawn_local(async move {
                match card_comments(key.clone()).await {
                    Ok(list) => threads.update(|t| {
                        t.insert(key, list);
                    }),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let thread = {
        let key = key.clone();
        move || threads.read().get(&key).cloned()
    };
    let send = {
        let key = key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(area) = body.get() else { return };
            let text = area.value();
            let key = key.clone();
            spawn_local(async move {
                match comment_card(key.clone(), text).await {
                    Ok(comment) => {
                        area.set_value("");
                        error.set(None);
                        threads.update(|t| {
                            let thread = t.entry(key).or_default();
                            if !thread.iter().any(|c| c.id == comment.id) {
                                thread.push(comment);
                            }
                        });
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let field = format!("comment-{key}");
    view! {
        <details class="card-comments" on:toggle=open>
            <summary>{t!(i18n, board.comments, count = move || count.get())}</summary>
            {move || match thread() {
                Some(list) if list.is_empty() => view! { <p>{t!(i18n, board.no_comments)}</p> }.into_any(),
                Some(list) => view! {
                    <ol class="comment-list">
                        {list
                            .into_iter()
                            .map(|c| {
                                let at = c.at;
                                view! {
                                    <li>
                                        <p class="comment-meta"><strong>{c.author}</strong>" · "{move || labels::time(i18n, at)}</p>
                                        <p class="comment-body">{c.body}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any(),
                None => ().into_any(),
            }}
            <form method="post" action="/api/comment_card" on:submit=send>
                <input type="hidden" name="card" value=key.clone()/>
                <label for=field.clone()>{t!(i18n, board.comment_label)}</label>
                <textarea id=field name="body" rows="2" node_ref=body required></textarea>
                <button type="submit">{t!(i18n, board.send)}</button>
            </form>
            {move || error.get().map(|error| view! { <ErrorMessage error/> })}
        </details>
    }
}
