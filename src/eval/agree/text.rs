//! The agreement report as a text table for people (`gloss agree` without `--json`).
//!
//! Owns: the layout of the table. Undefined figures print as "n/a". It must not: compute
//! figures.

use super::report::{Figures, Report};
use super::Disagreement;
use std::fmt::Write as _;

/// A figure with three decimals, or "n/a".
pub fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_string(), |v| format!("{v:.3}"))
}

impl Report {
    /// The corpus figures as a table; with `disagreements`, every disagreement listed too.
    pub fn to_text(&self, disagreements: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "annotators: {}", self.annotators.join(", "));
        let _ = writeln!(
            s,
            "documents compared: {}; coded by one annotator only: {}; alpha_U over the {} document{} every annotator coded",
            self.documents.len(),
            self.alone.len(),
            self.alpha_u_documents,
            if self.alpha_u_documents == 1 { "" } else { "s" }
        );
        for d in self.documents.iter().filter(|d| !d.missing.is_empty()) {
            let _ = writeln!(s, "  {}: not coded by {}", d.id, d.missing.join(", "));
        }
        for c in &self.different_texts {
            let texts: Vec<String> = c
                .texts
                .iter()
                .map(|t| format!("{} ({})", &t.sha256[..t.sha256.len().min(12)], t.annotators.join(", ")))
                .collect();
            let _ = writeln!(s, "  {}: different texts, not compared: {}", c.id, texts.join(" / "));
        }
        figures_text(&mut s, &self.corpus);
        if disagreements {
            let _ = writeln!(s, "\ndisagreements:");
            for d in self.disagreements() {
                let _ = writeln!(s, "{}", disagreement_line(d));
            }
        }
        s
    }
}

/// One disagreement on one line.
pub fn disagreement_line(d: &Disagreement) -> String {
    let labels: Vec<&str> = d.labels.iter().map(|l| l.as_str()).collect();
    let sides: Vec<String> = d
        .sides
        .iter()
        .map(|x| match (x.start, x.end, x.label) {
            (Some(a), Some(b), Some(l)) => {
                let v = x.value.as_deref().filter(|v| !v.is_empty()).map(|v| format!(" ({v})")).unwrap_or_default();
                format!("{}: {l} {a}..{b}{v}", x.annotators.join(", "))
            }
            _ => format!("{}: nothing", x.annotators.join(", ")),
        })
        .collect();
    format!("{} {}..{} {} [{}] {}", d.doc, d.start, d.end, labels.join("/"), d.what.join(", "), sides.join(" | "))
}

fn figures_text(s: &mut String, f: &Figures) {
    let _ = writeln!(
        s,
        "\n{:<7} {:<28} {:>9} {:>10} {:>7} {:>7} {:>7}",
        "label", "pair", "strict F1", "overlap F1", "kappa", "alpha", "alpha_U"
    );
    for l in &f.labels {
        for p in &l.pairs {
            let pair = format!("{} ~ {}", p.a, p.b);
            let _ = writeln!(
                s,
                "{:<7} {:<28} {:>9} {:>10} {:>7}",
                l.label,
                pair,
                fmt(p.strict.f1()),
                fmt(p.overlap.f1()),
                fmt(p.kappa)
            );
        }
        let _ = writeln!(
            s,
            "{:<7} {:<28} {:>9} {:>10} {:>7} {:>7} {:>7}",
            l.label,
            "mean / all annotators",
            fmt(l.strict_f1),
            fmt(l.overlap_f1),
            fmt(l.kappa),
            fmt(l.alpha),
            fmt(l.alpha_u)
        );
    }
    let _ = writeln!(s, "\nattributes of overlapping spans: agree / compared (rate; kappa)");
    for a in &f.attributes {
        let pairs: Vec<String> = a
            .pairs
            .iter()
            .map(|p| {
                let k = if p.kappa.is_some() { format!("; kappa {}", fmt(p.kappa)) } else { String::new() };
                format!("{} ~ {} {}/{} ({}{k})", p.a, p.b, p.agree, p.total, fmt(p.rate))
            })
            .collect();
        let _ = writeln!(s, "{:<7} {:<10} {}", a.label.as_str(), a.attribute, pairs.join("  "));
    }
    if let [c] = f.confusion.as_slice() {
        let _ = writeln!(s, "\nconfusion: rows {}, columns {}", c.a, c.b);
        let _ = writeln!(s, "{:<7} {}", "", c.labels.iter().map(|l| format!("{l:>7}")).collect::<String>());
        for (l, row) in c.labels.iter().zip(&c.counts) {
            let _ = writeln!(s, "{l:<7} {}", row.iter().map(|n| format!("{n:>7}")).collect::<String>());
        }
    }
    let _ = writeln!(s, "\ndisagreements: {} (--disagreements lists them)", f.disagreements);
}
