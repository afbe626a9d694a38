//! The crate's one error type.
//!
//! Owns: every failure that user input can cause (bad offsets, a broken file, a hash
//! mismatch). It must not: carry UI or I/O concerns. Messages are short, lowercase and name
//! what is wrong and where, so the page and the CLI can show them as they are.

use std::fmt;

/// An error from reading, validating or editing annotations.
///
/// The kind is private: callers show the message, and match on [`Error::kind_name`] only
/// in tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ErrorKind {
    Span,
    Format,
    Mismatch,
    Edit,
    Input,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }
    /// A span whose offsets are out of order or out of bounds.
    pub fn span(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Span, message)
    }
    /// A file that is not of the expected format (bad JSON, missing field, unknown label).
    pub fn format(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Format, message)
    }
    /// A file whose quotes or hash do not match its text.
    pub fn mismatch(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Mismatch, message)
    }
    /// An edit that cannot be applied to the current annotations.
    pub fn edit(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Edit, message)
    }
    /// Input that is not usable at all (binary data, too large, a bad date).
    pub fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, message)
    }
    /// The message, for people.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// A stable name of the error's kind, for tests and machine-readable output.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            ErrorKind::Span => "span",
            ErrorKind::Format => "format",
            ErrorKind::Mismatch => "mismatch",
            ErrorKind::Edit => "edit",
            ErrorKind::Input => "input",
        }
    }
    /// The same error with `context` put in front of its message ("annotation A3: ...").
    pub fn context(self, context: impl fmt::Display) -> Error {
        Error { kind: self.kind, message: format!("{context}: {}", self.message) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
