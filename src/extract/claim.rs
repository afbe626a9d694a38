//! PLACEHOLDER while the real extractor is written (replaced before the first commit).
use super::{Context, Extractor};
use crate::model::{Annotation, Label};

pub struct ClaimExtractor;
impl ClaimExtractor {
    pub fn new() -> ClaimExtractor { ClaimExtractor }
}
impl Extractor for ClaimExtractor {
    fn label(&self) -> Label { Label::Claim }
    fn extract(&self, _cx: &Context<'_>, _out: &mut Vec<Annotation>) {}
}
