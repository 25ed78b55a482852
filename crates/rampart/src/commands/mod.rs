//! One module per subcommand. Commands that scan share [`common::CommonArgs`] and
//! [`common::finish`], so every scanner's command has the same formats, gate and suppressions.

pub mod ci;
pub mod common;
pub mod dast;
pub mod db;
pub mod deps;
pub mod iac;
pub mod image;
pub mod init;
pub mod models;
pub mod rules;
pub mod sast;
pub mod sbom;
pub mod scan;
pub mod secrets;
pub mod ssdf;
