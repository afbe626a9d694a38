//! `gloss learn` (a project lexicon from reviewed documents) and `gloss simulate-learning`
//! (what the lexicon buys on the next documents of a corpus, `gloss::learn::simulate`).
//!
//! Owns: those two commands' arguments and output. It must not: hold learning rules (they are
//! in the library) or read formats itself (it uses the CLI's readers).

use super::{kind_arg, label_arg, load_annotated, mention_arg, read_text, Fail, Limit, Out};
use clap::Args;
use gloss::eval::Options;
use gloss::extract::learned::Compiled;
use gloss::extract::Pipeline;
use gloss::learn::simulate::{simulate, Point, Reviewed};
use gloss::learn::ProjectLexicon;
use gloss::model::{ActorKind, Label, Mention, Status};

#[derive(Args)]
pub struct LearnArgs {
    /// Reviewed documents, in the order they were reviewed: gold JSON files, Gloss JSON Lines,
    /// directories of *.gold.json or development-corpus JSON Lines.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// A lexicon to start from (its file, as this command writes it).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<String>,
}

#[derive(Args)]
pub struct SimulateArgs {
    /// Reviewed documents in order (as for `gloss learn`).
    pub corpus: String,
    /// After how many documents to score, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [5, 20, 50])]
    pub at: Vec<usize>,
    /// How many of the following documents to score at each point.
    #[arg(long, default_value_t = 20)]
    pub next: usize,
    /// Labels to score, comma-separated (default: all that the gold annotates).
    #[arg(long, value_delimiter = ',', value_parser = label_arg)]
    pub labels: Vec<Label>,
    /// Actor kinds to score on both sides, comma-separated: person, organization, state, group.
    #[arg(long, value_delimiter = ',', value_parser = kind_arg)]
    pub kinds: Vec<ActorKind>,
    /// Score only actor mentions of this type, on both sides.
    #[arg(long, value_parser = mention_arg)]
    pub mention: Option<Mention>,
    /// Also score claim cues as attributions (overlap, one to one): what learned cue words buy.
    #[arg(long)]
    pub attributions: bool,
    /// Print the points as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Reads a lexicon file, refused in words when it is not one.
pub fn read_lexicon(path: &str) -> Result<ProjectLexicon, Fail> {
    let text = read_text(path, Limit::Annotated)?;
    ProjectLexicon::from_json(&text).map_err(|e| Fail::input(format!("{path}: {e}")))
}

fn reviewed(path: &str) -> Result<Vec<Reviewed>, Fail> {
    Ok(load_annotated(path)?
        .into_iter()
        .map(|l| Reviewed { doc: l.file.doc, gold: l.file.annotations, coverage: l.coverage, places: l.places })
        .collect())
}

pub fn learn(a: LearnArgs, out: &mut Out) -> Result<(), Fail> {
    let mut lex = match &a.lexicon {
        Some(p) => read_lexicon(p)?,
        None => ProjectLexicon::new(),
    };
    let pipeline = Pipeline::default();
    let (mut docs, mut decisions, mut by_status) = (0, 0, 0);
    for path in &a.files {
        for r in reviewed(path)? {
            // A file the page saved records each decision in its statuses (accepted, edited,
            // rejected, or still predicted): learned as the page learns them. A gold file of
            // made annotations only (all `manual`) is compared with the predictions instead.
            if r.gold.iter().any(|x| x.status != Status::Manual) {
                decisions += lex.learn_decisions(&r.doc, &r.gold);
                by_status += 1;
            } else {
                let predicted = pipeline.run_learned(&r.doc, &lex, &Compiled::new(&lex));
                decisions += lex.learn_document(&r.doc, &r.gold, &predicted, &r.coverage, &r.places);
            }
            docs += 1;
        }
    }
    eprintln!(
        "gloss: learned {decisions} decisions from {docs} documents ({by_status} by their review statuses, {} by comparison with the predictions)",
        docs - by_status
    );
    out.put(&lex.to_json())
}

fn f1(p: &gloss::eval::figures::Prf) -> String {
    p.f1().map_or_else(|| "-".to_string(), |f| format!("{f:.3}"))
}

fn table(points: &[Point]) -> String {
    let mut s = String::from("after  scored  names  rejected  dates  cues  label  strict F1 without  with    gain\n");
    for p in points {
        let cue = p.cue.as_ref().map(|(without, with)| ("CUE", without, with));
        let rows = p.labels.iter().map(|c| (c.label.as_str(), &c.without, &c.with)).chain(cue);
        for (label, without, with) in rows {
            let gain = with.f1().unwrap_or(0.0) - without.f1().unwrap_or(0.0);
            s.push_str(&format!(
                "{:>5}  {:>6}  {:>5}  {:>8}  {:>5}  {:>4}  {:<5}  {:>17}  {:>5}  {:+.3}\n",
                p.learned_from,
                p.scored,
                p.names,
                p.rejected,
                p.dates,
                p.cues,
                label,
                f1(without),
                f1(with),
                gain
            ));
        }
    }
    s
}

pub fn simulate_learning(a: SimulateArgs, out: &mut Out) -> Result<(), Fail> {
    let docs = reviewed(&a.corpus)?;
    let opts = Options { labels: a.labels, kinds: a.kinds, mention: a.mention, attributions: a.attributions };
    let points = simulate(&docs, &a.at, a.next, &opts).map_err(|e| Fail::input(format!("{}: {e}", a.corpus)))?;
    if points.is_empty() {
        return Err(Fail::input(format!(
            "{}: {} documents: too few to learn from {:?} and score what follows",
            a.corpus,
            docs.len(),
            a.at
        )));
    }
    if a.json {
        let text = serde_json::to_string_pretty(&points).map_err(|e| Fail::input(format!("cannot write JSON: {e}")))?;
        out.line(&text)
    } else {
        out.put(&table(&points))
    }
}
