//! *Deel je ervaring*: a guided form for writing one's own story. The five questions of the
//! story shape, then title, themes, perspective, name and age; a privacy check that explains
//! what could identify someone and offers placeholders; an explicit consent. The draft is saved
//! as the person goes (never in guest or kiosk sessions).

use super::{Action, App, Effect, View, textarea::TextArea};
use crate::drafts::{Draft, QUESTIONS};

/// The steps of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One of the five questions (0–4).
    Question(usize),
    /// The title.
    Title,
    /// The themes (one or more).
    Themes,
    /// Told by the writer or by someone close.
    Perspective,
    /// A first name, or nothing for *anoniem*.
    Name,
    /// The age, if given.
    Age,
    /// What could identify someone.
    Privacy,
    /// May it be shared?
    Consent,
    /// Thanks, and what happens next.
    Done,
}

/// All steps in order.
pub const STEPS: [Step; 13] = [
    Step::Question(0),
    Step::Question(1),
    Step::Question(2),
    Step::Question(3),
    Step::Question(4),
    Step::Title,
    Step::Themes,
    Step::Perspective,
    Step::Name,
    Step::Age,
    Step::Privacy,
    Step::Consent,
    Step::Done,
];

impl Step {
    /// True for steps where the person types.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Step::Question(_) | Step::Title | Step::Name | Step::Age
        )
    }

    /// True where Enter starts a new line rather than going on.
    pub fn is_multiline(self) -> bool {
        matches!(self, Step::Question(_))
    }
}

/// The form's state; it persists while the app runs, so leaving and coming back finds it.
#[derive(Debug, Clone, Default)]
pub struct ShareState {
    /// What has been written so far.
    pub draft: Draft,
    /// The draft's number in the store, once saved.
    pub id: Option<i64>,
    /// The text being edited in the current step.
    pub editor: TextArea,
    /// The highlighted option in a choice step.
    pub choice: usize,
    /// Drafts are kept (false in guest and kiosk sessions).
    pub keep: bool,
    /// Characters typed since the last save.
    pub unsaved: usize,
    /// A session that keeps nothing may still hand a finished story (with consent) to the
    /// place the configuration allows.
    pub export: bool,
    /// The finished story was handed over.
    pub exported: bool,
    /// Which story of the session this is (0, 1, 2…): saves and hand-overs carry it, and
    /// their answers count only for the story they were for.
    pub story: u64,
}

/// The store saved a draft: the number counts only if it is for the story being written.
pub(super) fn saved(app: &mut App, story: u64, id: i64) {
    if story == app.share.story {
        app.share.id = Some(id);
    }
}

/// Saves what the form holds now, if it is open with unsaved text (before quitting).
pub(super) fn flush(app: &mut App) -> Vec<Effect> {
    match step_of(app.view()) {
        Some(step) if step.is_text() && app.share.unsaved > 0 => {
            store_editor(app, step);
            save(app)
        }
        _ => Vec::new(),
    }
}

/// A story was handed over: it counts only for the story it was.
pub(super) fn exported(app: &mut App, story: u64) {
    if story == app.share.story {
        app.share.exported = true;
    }
}

/// Save after this many typed characters, as well as at every step and new line.
const SAVE_EVERY: usize = 40;

/// The step the view is on.
pub fn step_of(view: &View) -> Option<Step> {
    match view {
        View::Share { step } => STEPS.get(*step).copied(),
        _ => None,
    }
}

/// Opens the form (continuing a draft in progress).
pub(super) fn open(app: &mut App) {
    if app.share.draft.answers.len() < QUESTIONS.len() {
        app.share
            .draft
            .answers
            .resize(QUESTIONS.len(), String::new());
    }
    app.stack.push(View::Share { step: 0 });
    load_editor(app, 0);
}

fn text_of(draft: &Draft, step: Step) -> String {
    match step {
        Step::Question(i) => draft.answer(i).to_owned(),
        Step::Title => draft.title.clone(),
        Step::Name => draft.name.clone(),
        Step::Age => draft.age.map(|a| a.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

fn load_editor(app: &mut App, index: usize) {
    let step = STEPS[index];
    app.share.editor = TextArea::new(&text_of(&app.share.draft, step));
    app.share.choice = 0;
}

/// Puts the editor's text back into the draft.
fn store_editor(app: &mut App, step: Step) {
    let text = app.share.editor.text().to_owned();
    let d = &mut app.share.draft;
    match step {
        Step::Question(i) => {
            if d.answers.len() <= i {
                d.answers.resize(i + 1, String::new());
            }
            d.answers[i] = text;
        }
        Step::Title => d.title = one_line(&text),
        Step::Name => d.name = one_line(&text),
        Step::Age => d.age = text.trim().parse().ok().filter(|a| (1..=120).contains(a)),
        _ => {}
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn save(app: &mut App) -> Vec<Effect> {
    app.share.unsaved = 0;
    if app.share.keep {
        vec![Effect::SaveDraft(
            app.share.story,
            app.share.id,
            Box::new(app.share.draft.clone()),
        )]
    } else {
        Vec::new()
    }
}

fn go(app: &mut App, from: usize, to: usize) -> Vec<Effect> {
    store_editor(app, STEPS[from]);
    let to = to.min(STEPS.len() - 1);
    if let Some(View::Share { step }) = app.stack.last_mut() {
        *step = to;
    }
    load_editor(app, to);
    save(app)
}

/// The theme slugs the form offers, in display order.
pub fn theme_options(app: &App) -> Vec<String> {
    app.corpus.themes.iter().map(|t| t.slug.clone()).collect()
}

/// Keys in the form.
pub(super) fn update(app: &mut App, index: usize, action: Action) -> Vec<Effect> {
    let step = STEPS[index];
    let last = STEPS.len() - 1;
    match action {
        Action::NextStep if step == Step::Done => {
            return update(app, index, Action::LeaveShare);
        }
        Action::NextStep => return go(app, index, index + 1),
        Action::PrevStep => return go(app, index, index.saturating_sub(1)),
        Action::Back | Action::LeaveShare => {
            store_editor(app, step);
            let effects = save(app);
            if step == Step::Done {
                // Finished: the next story starts empty.
                app.share = super::share::ShareState {
                    keep: app.share.keep,
                    export: app.share.export,
                    story: app.share.story + 1,
                    ..Default::default()
                };
            }
            app.stack.pop();
            return effects;
        }
        _ => {}
    }
    if step.is_text() {
        if matches!(action, Action::Pause) {
            if app.share.unsaved == 0 {
                return Vec::new();
            }
            store_editor(app, step);
            return save(app);
        }
        let e = &mut app.share.editor;
        match action {
            Action::Type(s) => {
                app.share.unsaved += s.chars().count();
                e.insert(&s);
            }
            Action::Newline if step.is_multiline() => {
                e.newline();
                store_editor(app, step);
                return save(app);
            }
            Action::Newline => return go(app, index, index + 1),
            Action::DeleteBack => e.delete_back(),
            Action::DeleteForward => e.delete_forward(),
            Action::CursorLeft => e.left(),
            Action::CursorRight => e.right(),
            Action::CursorHome => e.home(),
            Action::CursorEnd => e.end(),
            Action::Up => e.up(),
            Action::Down => e.down(),
            _ => {}
        }
        if app.share.unsaved >= SAVE_EVERY {
            store_editor(app, step);
            return save(app);
        }
        return Vec::new();
    }
    match (step, &action) {
        (Step::Themes, Action::Up) => {
            app.share.choice = app.share.choice.saturating_sub(1);
        }
        (Step::Perspective, Action::Up | Action::Down) => {
            app.share.choice = usize::from(matches!(action, Action::Down));
            app.share.draft.perspective = if app.share.choice == 1 {
                "naaste"
            } else {
                "zelf"
            }
            .into();
        }
        (Step::Themes, Action::Down) => {
            app.share.choice = (app.share.choice + 1).min(theme_options(app).len() - 1);
        }
        (Step::Themes, Action::Toggle) => {
            let options = theme_options(app);
            if let Some(slug) = options.get(app.share.choice) {
                let themes = &mut app.share.draft.themes;
                match themes.iter().position(|t| t == slug) {
                    Some(i) => {
                        themes.remove(i);
                    }
                    None => themes.push(slug.clone()),
                }
            }
        }
        (Step::Perspective, Action::Toggle | Action::Newline) => {
            app.share.draft.perspective = if app.share.choice == 1 {
                "naaste"
            } else {
                "zelf"
            }
            .into();
            if matches!(action, Action::Newline) {
                return go(app, index, index + 1);
            }
        }
        (Step::Privacy, Action::ReplaceAll) => {
            let d = &mut app.share.draft;
            let known = std::collections::HashSet::new();
            let fix = |s: &mut String| {
                let found = crate::privacy::scan(s, &known);
                *s = crate::privacy::replace(s, &found);
            };
            d.answers.iter_mut().for_each(fix);
            fix(&mut d.title);
            return save(app);
        }
        (Step::Consent, Action::ConsentYes) => {
            app.share.draft.consent = Some(crate::paths::now());
            let mut effects = go(app, index, index + 1);
            if !app.share.keep && app.share.export {
                effects.push(Effect::ExportStory(
                    app.share.story,
                    Box::new(app.share.draft.clone()),
                ));
            }
            return effects;
        }
        (Step::Consent, Action::ConsentNo) => {
            app.share.draft.consent = None;
            return go(app, index, index + 1);
        }
        (_, Action::Newline) if index < last => return go(app, index, index + 1),
        _ => {}
    }
    Vec::new()
}

/// Everything written so far, for the privacy step.
pub fn findings(app: &App) -> Vec<crate::privacy::Finding> {
    let text = app.share.draft.all_text();
    crate::privacy::scan(&text, &std::collections::HashSet::new())
}
