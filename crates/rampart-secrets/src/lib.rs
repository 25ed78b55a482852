//! rampart's secrets scanner.
//!
//! Rules are data (`rules/<family>.toml`, embedded; users add more from `rule_dirs`). The engine
//! runs one Aho-Corasick automaton over every rule's keywords, then only the rules whose keywords
//! hit, on byte windows around the hits ([`engine`]). Candidates are filtered for placeholders,
//! hashes, UUIDs and public keys ([`filter`]), checked by entropy and validators
//! ([`validators`]); encoded blobs are decoded and re-scanned ([`decode`]); archives are opened
//! in bounded memory ([`archive`]); git history and staged changes are scanned with gix ([`git`]);
//! `--validate` asks the provider ([`validate`]).

pub mod archive;
pub mod decode;
pub mod engine;
pub mod filter;
pub mod git;
pub mod rules;
pub mod scanner;
pub mod validate;
pub mod validators;

pub use git::{
    GitError, GitScanOptions, GitScanStats, StagedScanStats, scan_git_history,
    scan_git_history_with_stats, scan_staged, scan_staged_with_stats,
};
pub use scanner::{SecretsConfig, SecretsError, SecretsScanner, scan_reader};
pub use validate::{Validation, ValidationEndpoints};
