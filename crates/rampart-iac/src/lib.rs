//! Infrastructure-as-code scanner. The document model policies read is described in README.md.

pub mod document;

pub use document::{Document, DocumentKind, Resource};
