//! Infrastructure-as-code scanner. The document model policies read is described in README.md.

mod builtin;
pub mod document;
pub mod parse;
pub mod policy;
pub mod terraform;
pub mod yaml;

pub use document::{Document, DocumentKind, Resource};
