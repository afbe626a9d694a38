//! A small CSV writer (RFC 4180): fields joined by commas, a field quoted when it holds a
//! comma, a quote, a line break or leading/trailing space, quotes doubled inside; lines end
//! with CRLF, as the RFC and spreadsheets expect.
//!
//! Owns: turning rows of strings into CSV text. It must not: decide what the rows hold (each
//! view does) or change a field's content (a quote that begins with `=` stays as it is: the
//! data is the annotator's words, not ours to rewrite).
//!
//! Hand-written rather than the `csv` crate: writing is twenty lines, and the crate (with
//! `csv-core`) would add its reader and serde glue to the page's wasm for nothing.

/// One field, quoted when needed.
pub fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_field(&mut out, s);
    out
}

/// Appends one field, quoted when needed.
fn push_field(out: &mut String, field: &str) {
    let needs = field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Appends one record (a line ending with CRLF).
pub fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    push_record(out, fields, "\r\n");
}

/// Appends one record ending with `eol` (the registry's and the timeline's tables end their
/// lines with LF, as they always have).
pub fn push_record<S: AsRef<str>>(out: &mut String, fields: &[S], eol: &str) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f.as_ref());
    }
    out.push_str(eol);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_bare_and_records_end_with_crlf() {
        let mut out = String::new();
        push_row(&mut out, &["Mali", "state", "39"]);
        push_row(&mut out, &["", "x"]);
        assert_eq!(out, "Mali,state,39\r\n,x\r\n");
    }

    #[test]
    fn commas_quotes_breaks_and_edge_spaces_are_quoted() {
        let mut out = String::new();
        push_row(&mut out, &["a,b", "say \"no\"", "two\nlines", " pad", "Goïta’s"]);
        assert_eq!(out, "\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\" pad\",Goïta’s\r\n");
    }
}
