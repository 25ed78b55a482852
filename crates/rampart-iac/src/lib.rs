//! Infrastructure-as-code scanner. The document model policies read is described in README.md.

mod builtin;
pub mod document;
pub mod examples;
pub mod parse;
pub mod policy;
pub mod render;
pub mod scanner;
pub mod terraform;
pub mod user;
pub mod yaml;

pub use document::{Document, DocumentKind, Resource};
pub use scanner::{IacConfig, IacError, IacScanner};
