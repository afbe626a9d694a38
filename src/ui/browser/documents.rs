//! The corpus's documents and the browser: opening a seed or a listed document, loading the
//! corpus, gathering every document as a gold file, downloads, re-extraction and the DCT.
//!
//! Owns: the effects that read this browser's storage or the shipped seeds for the corpus, and
//! the downloads of gold JSON. It must not: change the state itself (everything goes through
//! `dispatch`) or render anything.

use super::{extractor, files, storage};
use crate::formats::gold::GoldFile;
use crate::model::parse_dct;
use crate::ui::loading::{Join, Progress, CHUNK};
use crate::ui::seeds::{self, SEEDS};
use crate::ui::state::{Action, Origin, State};
use yew::Callback;

/// Opens seed `i`: the autosaved work on it when there is some, else the extractor's
/// predictions for it, shipped with the page (so a seed opens highlighted without waiting
/// for the extractor's worker; tests/seed_predictions.rs keeps them equal to the pipeline's).
pub fn open_seed(i: usize, dispatch: &Callback<Action>) {
    let Some(seed) = SEEDS.get(i) else { return };
    let mut unreadable = None;
    if let Some(json) = storage::load(seed.id) {
        match crate::ui::session::read_saved(&json) {
            Ok((file, problems)) => {
                dispatch.emit(Action::OpenGold { file, origin: Origin::Seed(seed.id.to_string()) });
                crate::ui::session::notify_problems(seed.id, &problems, dispatch);
                return;
            }
            Err(e) => {
                crate::ui::session::set_aside(seed.id);
                unreadable = Some(e);
            }
        }
    }
    match seed.document().and_then(|doc| Ok((doc, seed.predictions()?))) {
        Ok((doc, predictions)) => {
            // The shipped predictions show at once; with a project lexicon, the extractor's
            // own (with it applied) follow.
            dispatch.emit(Action::Open { doc: doc.clone(), predictions, origin: Origin::Seed(seed.id.to_string()) });
            super::open::predict_with_lexicon(&doc, dispatch);
        }
        Err(e) => dispatch.emit(Action::Fail(e.to_string())),
    }
    if let Some(why) = unreadable {
        dispatch.emit(Action::Unreadable { id: seed.id.to_string(), reason: Some(why) });
    }
}

/// Starts over on seed `i` (on screen) from the extractor's predictions: they replace the
/// work in one undoable step.
pub fn reextract_seed(i: usize, dispatch: &Callback<Action>) {
    let Some(seed) = SEEDS.get(i) else { return };
    // With a project lexicon, the extractor's own predictions with it applied.
    if let (Some(_), Ok(doc)) = (extractor::lexicon(), seed.document()) {
        let (sha, d) = (doc.sha256().to_string(), dispatch.clone());
        return extractor::predict(&doc, move |answer| match answer {
            Ok(predictions) => {
                d.emit(Action::Guarded { sha, pending: None, action: Box::new(Action::Reextract { predictions }) })
            }
            Err(why) => d.emit(Action::Fail(format!("the work is unchanged: the extractor could not run ({why})"))),
        });
    }
    match seed.predictions() {
        Ok(predictions) => dispatch.emit(Action::Reextract { predictions }),
        Err(e) => dispatch.emit(Action::Fail(e.to_string())),
    }
}

/// The seeds as corpus entries not loaded yet.
pub fn seed_stubs() -> Action {
    Action::AddStubs(
        SEEDS
            .iter()
            .map(|s| {
                let mut l = crate::ui::corpus::Listed::new(
                    s.id,
                    crate::ui::corpus::title_of(s.text, s.id),
                    Origin::Seed(s.id.to_string()),
                );
                l.sha = s.document().ok().map(|d| d.sha256().to_string());
                l
            })
            .collect(),
    )
}

/// The gold file of corpus entry `i` when it is not loaded: its saved work, else (a seed)
/// a fresh extraction. Saved date values that break TIMEX3 (work saved before values were
/// checked) are restored with the file and listed beside it, never dropped.
fn unloaded_file(state: &State, i: usize) -> Option<Result<(GoldFile, Vec<String>), String>> {
    saved_or_seed(&state.corpus.get(i)?.id)
}

/// The gold file of document `id` from its saved work, else (a seed) its predictions.
fn saved_or_seed(id: &str) -> Option<Result<(GoldFile, Vec<String>), String>> {
    if let Some(json) = storage::load(id) {
        return Some(crate::ui::session::read_saved(&json));
    }
    let seed = SEEDS.get(seeds::find(id)?)?;
    Some(match seed.document().and_then(|doc| Ok((doc, seed.predictions()?))) {
        Ok((doc, predictions)) => Ok((GoldFile::new(doc, predictions), Vec::new())),
        Err(err) => Err(err.to_string()),
    })
}

/// Puts corpus document `i` on screen, loading it first when needed.
pub fn open_entry(state: &State, i: usize, dispatch: &Callback<Action>) {
    let Some(e) = state.corpus.get(i) else { return };
    if e.parked.is_some() || state.active() == Some(i) {
        return dispatch.emit(Action::Switch(i));
    }
    if let Some(seed) = seeds::find(&e.id) {
        return open_seed(seed, dispatch);
    }
    match unloaded_file(state, i) {
        Some(Ok((file, problems))) => {
            dispatch.emit(Action::OpenGold { file, origin: e.origin.clone() });
            crate::ui::session::notify_problems(&e.id, &problems, dispatch);
        }
        Some(Err(err)) => crate::ui::session::keep_apart(&e.id, err, dispatch),
        None if e.unreadable.is_some() => dispatch.emit(Action::Fail(format!(
            "the saved work on {} could not be read and is kept apart: download or discard it in the corpus list",
            e.id
        ))),
        None => dispatch.emit(Action::Fail(format!("{} is no longer stored in this browser", e.id))),
    }
}

/// Loads every corpus document that is not loaded yet (without leaving the one on screen),
/// a chunk at a time with the page usable in between (see [`in_chunks`]).
pub fn load_corpus(state: &State, dispatch: &Callback<Action>) {
    load_corpus_then(state, dispatch, || {});
}

/// [`load_corpus`], then `then` once every document is loaded (at once when they fit in
/// one chunk). While a load runs, another one only says so.
pub fn load_corpus_then(state: &State, dispatch: &Callback<Action>, then: impl FnOnce() + 'static) {
    if let Some(p) = state.loading {
        return dispatch.emit(Action::Notify(format!("the corpus is {}; try again when it is done", p.words())));
    }
    let todo: Vec<String> = (state.corpus.iter().enumerate())
        .filter(|(i, e)| e.parked.is_none() && state.active() != Some(*i))
        .map(|(_, e)| e.id.clone())
        .collect();
    let d = dispatch.clone();
    in_chunks(todo, move |ids, progress| park_chunk(ids, progress, &d), then);
}

/// Loads the saved work of documents `ids` in one step (problems and unreadable work said
/// after it, as for one document).
fn park_chunk(ids: Vec<String>, progress: Option<Progress>, dispatch: &Callback<Action>) {
    let (mut files, mut problems, mut apart) = (Vec::new(), Vec::new(), Vec::new());
    for id in ids {
        match saved_or_seed(&id) {
            Some(Ok((file, p))) => {
                files.push(file);
                problems.push((id, p));
            }
            Some(Err(err)) => apart.push((id, err)),
            None => {}
        }
    }
    dispatch.emit(Action::LoadChunk { files, origin: Origin::Restored, join: Join::Park, progress });
    for (id, p) in problems {
        crate::ui::session::notify_problems(&id, &p, dispatch);
    }
    for (id, err) in apart {
        crate::ui::session::keep_apart(&id, err, dispatch);
    }
}

/// Runs `step` over `items` a chunk of [`CHUNK`] at a time, with the progress after each
/// chunk (`None` after the last), then `then`. Items that fit in one chunk are done at once;
/// more are done in a task of their own that gives the browser a turn between chunks (to
/// paint the progress and handle keys and clicks).
pub fn in_chunks<T: 'static>(
    items: Vec<T>,
    step: impl Fn(Vec<T>, Option<Progress>) + 'static,
    then: impl FnOnce() + 'static,
) {
    let total = items.len();
    if total <= CHUNK {
        step(items, None);
        return then();
    }
    wasm_bindgen_futures::spawn_local(async move {
        let (mut rest, mut done) = (items.into_iter(), 0);
        while done < total {
            let chunk: Vec<T> = rest.by_ref().take(CHUNK).collect();
            done += chunk.len();
            step(chunk, (done < total).then_some(Progress::loading(done, total)));
            super::yield_now().await;
        }
        then();
    });
}

/// Every document of the corpus as a gold file, in list order (unloaded ones from their
/// saved work or a fresh extraction).
pub fn corpus_files(state: &State) -> Result<Vec<GoldFile>, String> {
    let mut out = Vec::new();
    for (i, e) in state.corpus.iter().enumerate() {
        if e.unreadable.is_some() && e.parked.is_none() && state.active() != Some(i) {
            continue;
        }
        if state.active() == Some(i) {
            out.extend(state.gold());
        } else if let Some(p) = &e.parked {
            let mut f = GoldFile::new((*p.doc).clone(), (*p.anns).clone());
            f.meta = p.meta.clone();
            state.stamp_identities(&mut f);
            out.push(f);
        } else if let Some(f) = unloaded_file(state, i) {
            let (file, problems) = f.map_err(|err| format!("the saved work on {} is unreadable: {err}", e.id))?;
            if let Some(first) = problems.first() {
                return Err(format!("the saved work on {} holds a value to correct first: {first}", e.id));
            }
            out.push(file);
        }
    }
    Ok(out)
}

/// Downloads the whole corpus as Gloss JSON Lines (`corpus.jsonl`).
pub fn download_corpus(state: &State, dispatch: &Callback<Action>) {
    match corpus_files(state) {
        Ok(list) if !list.is_empty() => {
            let text = crate::formats::jsonl::write(&list);
            if let Err(e) = files::download("corpus.jsonl", &text, "application/jsonl") {
                dispatch.emit(Action::Fail(e));
            }
        }
        Ok(_) => dispatch.emit(Action::Fail("the corpus is empty".into())),
        Err(e) => dispatch.emit(Action::Fail(e)),
    }
}

/// Downloads the open document's gold JSON as `<id>.gold.json` (the id made safe as a file name).
pub fn download(state: &State, dispatch: &Callback<Action>) {
    let Some(file) = state.gold() else {
        return dispatch.emit(Action::Fail("open a document first".into()));
    };
    // Values written to a gold file are checked as every reader checks them (work saved
    // before values were checked may hold one that breaks TIMEX3).
    if let Err(e) = crate::model::check_annotations(&file.doc, &file.annotations) {
        return dispatch.emit(Action::Fail(format!(
            "not downloaded: {e}; correct it in the panel (your work is saved in this browser)"
        )));
    }
    let name = format!("{}.gold.json", crate::formats::safe_file_name(&file.doc.id));
    if let Err(e) = files::download(&name, &file.to_json(), "application/json") {
        dispatch.emit(Action::Fail(e));
    }
}

/// Sets the DCT from a date input's value (empty clears it) and re-resolves the dates.
pub fn set_dct(state: &State, value: &str, dispatch: &Callback<Action>) {
    let Some(doc) = state.doc.as_deref() else {
        return;
    };
    let dct = match value.trim() {
        "" => None,
        v => match parse_dct(v) {
            Ok(d) => Some(d),
            Err(e) => return dispatch.emit(Action::Fail(e.to_string())),
        },
    };
    if dct == doc.dct() {
        return;
    }
    // The dates re-resolve when the extractor answers, if the text is still on screen.
    let redated = doc.clone().with_dct(dct);
    let (sha, d) = (doc.sha256().to_string(), dispatch.clone());
    extractor::predict(&redated, move |answer| match answer {
        Ok(predictions) => {
            d.emit(Action::Guarded { sha, pending: None, action: Box::new(Action::SetDct { dct, predictions }) })
        }
        Err(why) => {
            d.emit(Action::Fail(format!("the DCT is unchanged: the extractor could not re-resolve the dates ({why})")))
        }
    });
}
