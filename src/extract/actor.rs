//! PLACEHOLDER while the real extractor is written (replaced before the first commit).
use super::{Context, Extractor};
use crate::model::{Annotation, Label};

pub struct ActorExtractor;
impl ActorExtractor {
    pub fn new() -> ActorExtractor { ActorExtractor }
}
impl Extractor for ActorExtractor {
    fn label(&self) -> Label { Label::Actor }
    fn extract(&self, _cx: &Context<'_>, _out: &mut Vec<Annotation>) {}
}
