//! The drawing of a timeline: where each placed date goes in a picture (one row per document,
//! a shared axis of days, overlapping marks stacked in lanes), its ticks, and the same picture
//! written as a standalone SVG file.
//!
//! Owns: geometry in SVG user units and the SVG text for download. The page draws the same
//! [`Layout`] with Yew (so both show the same). It must not: decide what is placed (that is
//! `super::build`), touch yew or the browser.

use super::when::{day_number, Grain};
use super::Timeline;
use jiff::civil::Date;

/// Width of the column of document titles.
pub const LEFT: f64 = 190.0;
/// Height of the band of tick labels at the top.
pub const TOP: f64 = 24.0;
const LANE: f64 = 12.0;
const PAD: f64 = 6.0;
/// The narrowest mark (a single day at a wide window).
pub const MIN_MARK: f64 = 5.0;

/// A window of the axis: first and last day shown, with a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    pub name: String,
    pub first: Date,
    pub last: Date,
}

/// One mark: a placed date (index into [`Timeline::points`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub point: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    /// A bar (longer than a day, or a duration) rather than a dot.
    pub bar: bool,
}

/// A document's band.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub y: f64,
    pub h: f64,
}

/// The picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<Row>,
    pub marks: Vec<Mark>,
    pub ticks: Vec<(f64, String)>,
    /// Placed dates outside the window.
    pub outside: usize,
}

/// The windows worth offering: every date, each year that has a date (latest first), then each
/// month holding at least two different days (latest first), where days crowd a year's axis.
pub fn windows(t: &Timeline) -> Vec<Window> {
    let (Some(first), Some(last)) =
        (t.points.iter().map(|p| p.days.first).min(), t.points.iter().map(|p| p.days.last).max())
    else {
        return Vec::new();
    };
    let mut out = vec![Window { name: "All".into(), first, last }];
    let mut years: Vec<i16> = t.points.iter().map(|p| p.days.first.year()).collect();
    years.sort_unstable();
    years.dedup();
    for y in years.into_iter().rev() {
        if let (Ok(a), Ok(b)) = (Date::new(y, 1, 1), Date::new(y, 12, 31)) {
            out.push(Window { name: y.to_string(), first: a, last: b });
        }
    }
    let mut days: Vec<Date> = t.points.iter().filter(|p| p.days.grain == Grain::Day).map(|p| p.days.first).collect();
    days.sort_unstable();
    days.dedup();
    let mut months: Vec<(i16, i8)> = days.iter().map(|d| (d.year(), d.month())).collect();
    months.dedup();
    for (y, m) in months.into_iter().rev() {
        if days.iter().filter(|d| (d.year(), d.month()) == (y, m)).count() < 2 {
            continue;
        }
        if let Ok(a) = Date::new(y, m, 1) {
            out.push(Window { name: format!("{} {y}", MONTHS[(m - 1) as usize]), first: a, last: a.last_of_month() });
        }
    }
    out
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n - 1).collect();
    t.push('…');
    t
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Tick days and labels for a window of `days` days: years, months or weeks, at most ~12.
fn ticks(w: &Window) -> Vec<(Date, String)> {
    let days = day_number(w.last) - day_number(w.first) + 1;
    let mut out = Vec::new();
    if days > 3 * 366 {
        let step = ((days / 365) / 10 + 1) as i16;
        let mut y = w.first.year() + 1;
        while y <= w.last.year() {
            if let Ok(d) = Date::new(y, 1, 1) {
                out.push((d, y.to_string()));
            }
            y += step;
        }
    } else if days > 62 {
        let step = ((days / 30) / 12 + 1) as i32;
        let mut m = i32::from(w.first.year()) * 12 + i32::from(w.first.month()) - 1;
        let end = i32::from(w.last.year()) * 12 + i32::from(w.last.month()) - 1;
        while m <= end {
            let (y, mo) = ((m / 12) as i16, (m % 12 + 1) as i8);
            if let Ok(d) = Date::new(y, mo, 1) {
                let label = if mo == 1 { format!("{} {y}", MONTHS[0]) } else { MONTHS[(mo - 1) as usize].to_string() };
                out.push((d, label));
            }
            m += step;
        }
    } else {
        let mut d = w.first;
        while d <= w.last {
            out.push((d, format!("{} {}", d.day(), MONTHS[(d.month() - 1) as usize])));
            match d.checked_add(jiff::Span::new().days(7)) {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
    }
    out
}

/// Lays out `t`'s points in `window` over `width` units.
pub fn layout(t: &Timeline, window: &Window, width: f64) -> Layout {
    let (w0, w1) = (day_number(window.first), day_number(window.last) + 1);
    let plot = (width - LEFT - PAD).max(50.0);
    let scale = plot / (w1 - w0).max(1) as f64;
    let x_of = |d: i64| LEFT + (d.clamp(w0, w1) - w0) as f64 * scale;
    let mut lanes: Vec<Vec<(usize, f64, f64, bool)>> = vec![Vec::new(); t.docs.len()];
    let mut outside = 0;
    for (i, p) in t.points.iter().enumerate() {
        let (a, b) = (day_number(p.days.first), day_number(p.days.last) + 1);
        if b <= w0 || a >= w1 {
            outside += 1;
            continue;
        }
        let (x, x2) = (x_of(a), x_of(b));
        let bar = p.days.grain == Grain::Duration || p.days.first != p.days.last;
        let w = (x2 - x).max(MIN_MARK);
        let x = if w > x2 - x { x - (w - (x2 - x)) / 2.0 } else { x };
        lanes[p.date.doc].push((i, x, w, bar));
    }
    let mut rows = Vec::new();
    let mut marks = Vec::new();
    let mut y = TOP;
    for (doc, mut list) in lanes.into_iter().enumerate() {
        // Wider marks first so that a day sits in a lane above the month around it.
        list.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.2.total_cmp(&a.2)));
        let mut ends: Vec<f64> = Vec::new();
        for (point, x, w, bar) in list {
            let lane = ends.iter().position(|&e| e + 1.0 < x).unwrap_or(ends.len());
            if lane == ends.len() {
                ends.push(x + w);
            } else {
                ends[lane] = x + w;
            }
            marks.push(Mark { point, x, y: y + PAD + lane as f64 * LANE, w, bar });
        }
        let h = PAD * 2.0 + ends.len().max(1) as f64 * LANE;
        rows.push(Row { label: short(&t.docs[doc].title, 30), y, h });
        y += h;
    }
    let ticks = ticks(window).into_iter().map(|(d, l)| (x_of(day_number(d)), l)).collect();
    Layout { width, height: y + PAD, rows, marks, ticks, outside }
}

use crate::formats::common::xml_escape as esc;

/// The tooltip of a point: value, words, document and sentence.
pub fn tip(t: &Timeline, point: usize) -> String {
    let p = &t.points[point];
    let m = p.date.modifier.as_deref().map(|m| format!(" ({m})")).unwrap_or_default();
    format!("{}{m} \u{201c}{}\u{201d} in {}: {}", p.date.value, p.date.quote, t.docs[p.date.doc].title, p.date.sentence)
}

/// The layout as a standalone SVG file (the same marks, titles as tooltips, no script).
pub fn to_svg(t: &Timeline, l: &Layout) -> String {
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n",
        w = l.width,
        h = l.height
    );
    for (i, r) in l.rows.iter().enumerate() {
        let fill = if i % 2 == 0 { "#f3f3f3" } else { "#fff" };
        s += &format!("<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n", r.y, l.width, r.h);
        s += &format!("<text x=\"4\" y=\"{:.1}\" fill=\"#222\">{}</text>\n", r.y + r.h / 2.0 + 4.0, esc(&r.label));
    }
    for (x, label) in &l.ticks {
        s += &format!("<line x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#bbb\"/>\n", TOP - 4.0, l.height);
        s += &format!("<text x=\"{:.1}\" y=\"{}\" fill=\"#444\">{}</text>\n", x + 2.0, TOP - 8.0, esc(label));
    }
    for m in &l.marks {
        let (fill, ry) = if m.bar { ("#8a5a00", 2.0) } else { ("#1f4e9c", 5.0) };
        s += &format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{}\" rx=\"{ry}\" fill=\"{fill}\" ><title>{}</title></rect>\n",
            m.x,
            m.y,
            m.w,
            LANE - 3.0,
            esc(&tip(t, m.point))
        );
    }
    s += "</svg>\n";
    s
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::sample;
    use super::*;

    #[test]
    fn marks_follow_the_calendar_and_overlaps_take_lanes() {
        let t = sample();
        let ws = windows(&t);
        assert_eq!(ws[0].name, "All");
        assert_eq!(ws[1].name, "2025");
        // September 2025 has two different days (14 and 20); August only one (the 15th).
        assert_eq!(ws.last().unwrap().name, "Sep 2025");
        assert!(ws.iter().all(|w| w.name != "Aug 2025"));
        let sep = layout(&t, ws.last().unwrap(), 800.0);
        assert_eq!(sep.ticks.first().map(|t| t.1.as_str()), Some("1 Sep"));
        let l = layout(&t, &ws[1], 800.0);
        assert_eq!(l.rows.len(), t.docs.len());
        let mark = |v: &str| {
            let i = t.points.iter().position(|p| p.date.value == v).unwrap();
            l.marks.iter().find(|m| m.point == i).unwrap().clone()
        };
        // Later days lie further right; a month is a bar, a day a dot.
        assert!(mark("2025-09-20").x > mark("2025-09-14").x);
        assert!(mark("2025-08").bar && !mark("2025-08-15").bar);
        // The day inside the month it overlaps goes to another lane of the same row.
        assert!(mark("2025-08-15").y != mark("2025-08").y);
        // Dates outside the window are counted, not drawn.
        assert_eq!(l.outside, t.points.iter().filter(|p| p.days.first.year() != 2025).count());
        assert_eq!(l.marks.len() + l.outside, t.points.len());
    }

    #[test]
    fn the_svg_file_holds_every_mark_and_escapes_text() {
        let t = sample();
        let ws = windows(&t);
        let l = layout(&t, &ws[0], 900.0);
        let svg = to_svg(&t, &l);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(svg.matches("<title>").count(), l.marks.len());
        assert_eq!(l.marks.len(), t.points.len());
        assert!(!svg.contains("<script"));
        assert!(svg.contains("A &amp; B"));
    }
}
