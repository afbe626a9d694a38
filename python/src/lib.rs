//! The Rust extension of the Python package `gloss` (`gloss._gloss`): thin calls of the
//! `gloss` library, with JSON strings across the boundary.
//!
//! Owns: the module's registration, the one shared extraction pipeline, and turning the
//! library's errors (and, should one ever happen, a panic) into `gloss.GlossError`. It must
//! not: extract, parse, check or score by itself (the library does; `gloss/__init__.py`
//! gives the Python API its types and documents it), or hold the GIL while the library works.

mod docs;
mod eval;
mod extract;

use gloss::model::Error;
use pyo3::prelude::*;

/// The CLI's allocator: the same extraction speed as `gloss extract`.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The extraction pipeline, built once (its patterns compile once) and shared by every
/// thread: it holds no state between calls.
fn pipeline() -> &'static gloss::extract::Pipeline {
    static PIPELINE: std::sync::OnceLock<gloss::extract::Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(gloss::extract::Pipeline::default)
}

/// A failure of the library: its message, the file or document it concerns, its kind.
#[derive(Clone, Debug)]
pub(crate) struct Failure {
    pub reason: String,
    pub source: Option<String>,
    pub kind: &'static str,
}

impl Failure {
    pub(crate) fn new(e: Error, source: Option<&str>) -> Failure {
        Failure { reason: e.message().to_string(), source: source.map(str::to_string), kind: e.kind_name() }
    }

    /// The `gloss.GlossError` for this failure (an instance, for batches that return them).
    pub(crate) fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let class = py.import("gloss._errors")?.getattr("GlossError")?;
        class.call1((self.reason.as_str(), self.source.as_deref(), self.kind))
    }

    /// The same, as an exception to raise.
    pub(crate) fn into_err(self, py: Python<'_>) -> PyErr {
        match self.to_py(py) {
            Ok(v) => PyErr::from_value(v),
            Err(e) => e,
        }
    }
}

/// Runs `f` without the GIL, a panic becoming a failure instead of unwinding into Python
/// (the library does not panic on any input; this is a last guard, not a path).
pub(crate) fn run_free<T: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> Result<T, Failure> + Send + std::panic::UnwindSafe,
) -> PyResult<T> {
    let out = py.detach(|| std::panic::catch_unwind(f));
    match out {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(fail)) => Err(fail.into_err(py)),
        Err(_) => Err(panicked().into_err(py)),
    }
}

pub(crate) fn panicked() -> Failure {
    Failure {
        reason: "internal error in gloss (a panic): please report it with the input".to_string(),
        source: None,
        kind: "internal",
    }
}

#[pymodule]
fn _gloss(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("MAX_TEXT_BYTES", gloss::model::MAX_TEXT_BYTES)?;
    m.add("MAX_ANNOTATED_BYTES", gloss::model::raw::MAX_ANNOTATED_BYTES)?;
    m.add("EXTRACTOR_NAME", gloss::EXTRACTOR_NAME)?;
    m.add("FORMATS", gloss::formats::Format::ALL.iter().map(|f| f.name()).collect::<Vec<_>>())?;
    extract::register(m)?;
    docs::register(m)?;
    eval::register(m)?;
    Ok(())
}
