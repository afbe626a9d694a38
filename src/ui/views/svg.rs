//! Standalone SVG pictures of the views, as files to download (the page itself shows the same
//! data as tables).
//!
//! Owns: drawing a count matrix as SVG text, every label escaped. It must not: compute what it
//! draws (the views do) or touch the browser.

use std::fmt::Write as _;

/// Text made safe inside an SVG element or attribute.
use crate::formats::common::xml_escape as escape;

/// A label cut to `n` characters with an ellipsis (the full text goes in a `<title>`).
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}

const CELL: usize = 28;
const ROW_LABEL: usize = 230;
const COL_LABEL: usize = 170;

/// A matrix of counts: one row per `rows` label, one column per `cols` label, each cell
/// shaded by its count (darker is more, white is none) with the count written in it.
pub fn matrix(title: &str, rows: &[&str], cols: &[&str], count: impl Fn(usize, usize) -> usize) -> String {
    let max = (0..rows.len()).flat_map(|r| (0..cols.len()).map(move |c| (r, c))).map(|(r, c)| count(r, c)).max();
    let max = max.unwrap_or(0).max(1);
    // The column labels lean right (rotated -60°): room for the last one past the grid.
    let (w, h) = (ROW_LABEL + CELL * cols.len() + 110, COL_LABEL + CELL * rows.len() + 30);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"sans-serif\" font-size=\"12\" role=\"img\"><title>{}</title>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\
         <text x=\"4\" y=\"16\" font-weight=\"bold\">{}</text>",
        escape(title),
        escape(title)
    );
    for (c, label) in cols.iter().enumerate() {
        let x = ROW_LABEL + CELL * c + CELL / 2 + 4;
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{}\" transform=\"rotate(-60 {x} {})\"><title>{}</title>{}</text>",
            COL_LABEL - 4,
            COL_LABEL - 4,
            escape(label),
            escape(&short(label, 26))
        );
    }
    for (r, label) in rows.iter().enumerate() {
        let y = COL_LABEL + CELL * r;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            ROW_LABEL - 6,
            y + CELL / 2 + 4,
            escape(&short(label, 34))
        );
        for (c, col) in cols.iter().enumerate() {
            let n = count(r, c);
            let x = ROW_LABEL + CELL * c;
            // Lightness from 97% (one claim) down to 35% (the most); white for none.
            let fill = if n == 0 { "#fff".to_string() } else { format!("hsl(210,60%,{}%)", 97 - 62 * n / max) };
            let _ = write!(
                s,
                "<rect class=\"cell\" x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{fill}\" stroke=\"#999\"><title>{}: {n} in {}</title></rect>",
                escape(label),
                escape(col)
            );
            if n > 0 {
                let ink = if 97 - 62 * n / max < 60 { "#fff" } else { "#000" };
                let _ = write!(
                    s,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{ink}\">{n}</text>",
                    x + CELL / 2,
                    y + CELL / 2 + 4
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// Grouped horizontal bars: for each row label, one bar per series (`series`: name and fill),
/// with its value written after it; rows in the order given.
pub fn bars(title: &str, series: &[(&str, &str)], rows: &[(&str, Vec<usize>)]) -> String {
    const BAR: usize = 9;
    const PLOT: usize = 420;
    let max = rows.iter().flat_map(|r| r.1.iter().copied()).max().unwrap_or(0).max(1);
    let group = BAR * series.len() + 8;
    let (w, h) = (ROW_LABEL + PLOT + 60, 48 + group * rows.len() + 10);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"sans-serif\" font-size=\"11\" role=\"img\"><title>{t}</title>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\
         <text x=\"4\" y=\"16\" font-weight=\"bold\" font-size=\"12\">{t}</text>",
        t = escape(title)
    );
    for (i, (name, fill)) in series.iter().enumerate() {
        let x = ROW_LABEL + i * 120;
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"26\" width=\"10\" height=\"10\" fill=\"{fill}\"/><text x=\"{}\" y=\"35\">{}</text>",
            x + 14,
            escape(name)
        );
    }
    for (r, (label, values)) in rows.iter().enumerate() {
        let y = 48 + group * r;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            ROW_LABEL - 6,
            y + group / 2,
            escape(&short(label, 34))
        );
        for (i, v) in values.iter().enumerate() {
            let fill = series.get(i).map_or("#999", |x| x.1);
            let (by, len) = (y + BAR * i, PLOT * v / max);
            let _ = write!(
                s,
                "<rect class=\"bar\" x=\"{ROW_LABEL}\" y=\"{by}\" width=\"{len}\" height=\"{}\" fill=\"{fill}\"/><text x=\"{}\" y=\"{}\">{v}</text>",
                BAR - 1,
                ROW_LABEL + len + 3,
                by + BAR - 1
            );
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_cells_carry_their_counts() {
        let svg = matrix("T & U", &["a<b", "c"], &["x\"y"], |r, _| r * 2);
        assert!(svg.contains("<title>T &amp; U</title>"));
        assert!(svg.contains(">a&lt;b</text>"));
        assert!(svg.contains("x&quot;y"));
        assert_eq!(svg.matches("<rect class=\"cell\"").count(), 2);
        // Row 0 has count 0: no number drawn; row 1 has 2.
        assert!(svg.contains("<title>c: 2 in x&quot;y</title>"));
        assert!(svg.contains("fill=\"#fff\">2</text>"));
        assert!(!svg.contains(">0</text>"));
    }

    #[test]
    fn bars_draw_one_bar_per_series_and_row_scaled_to_the_largest() {
        let svg = bars("B", &[("a", "#111"), ("b", "#222")], &[("x<y", vec![10, 5]), ("z", vec![0, 1])]);
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 4);
        assert!(svg.contains("width=\"420\" height=\"8\" fill=\"#111\""), "the largest value spans the plot");
        assert!(svg.contains("width=\"210\" height=\"8\" fill=\"#222\""), "half of it, half the width");
        assert!(svg.contains(">x&lt;y</text>"));
    }

    #[test]
    fn long_labels_are_shortened_with_an_ellipsis() {
        assert_eq!(short("abcdef", 4), "abc…");
        assert_eq!(short("abc", 4), "abc");
    }
}
