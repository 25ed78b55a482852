//! Types every rampart scanner shares.
//!
//! A scanner crate depends on this crate only. It declares its rules as [`Rule`]s, receives files
//! through [`Scanner::scan_file`] (each file is read once by the [`walk`] and handed to every scanner
//! that wants it) and emits [`Finding`]s. Suppression, baselines and the exit-code gate live here so
//! that every scanner gets them the same way; output formats live in `rampart-report`.

pub mod baseline;
pub mod config;
pub mod finding;
pub mod fingerprint;
pub mod pipeline;
pub mod rule;
pub mod scanner;
pub mod severity;
pub mod suppress;
pub mod walk;

pub use finding::{Evidence, Finding, Location, Suppression, SuppressionKind};
pub use fingerprint::Fingerprint;
pub use rule::{Rule, RuleRegistry};
pub use scanner::{Diagnostic, FileTarget, ScanContext, ScanOutput, Scanner};
pub use severity::{Confidence, Severity};
