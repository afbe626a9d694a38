//! PLACEHOLDER while the real extractor is written (replaced before the first commit).
use super::{Context, Extractor};
use crate::model::{Annotation, Label};

pub struct DateExtractor;
impl DateExtractor {
    pub fn new() -> DateExtractor { DateExtractor }
}
impl Extractor for DateExtractor {
    fn label(&self) -> Label { Label::Date }
    fn extract(&self, _cx: &Context<'_>, _out: &mut Vec<Annotation>) {}
}
