//! Pipeline stages for rampart: what each stage of delivery runs ([`stage`]), what a change
//! touched according to git ([`git`], [`diff`]) and which findings that change introduced
//! ([`classify`]).
//!
//! The binary decides which scanners to build and how to report; this crate knows nothing of the
//! command line. Git is run as the `git` program (the user's own checkout and configuration,
//! shallow clones and worktrees included) and its output is parsed here.

pub mod classify;
pub mod diff;
pub mod git;
pub mod stage;

pub use classify::{BaseIndex, DiffStatus, classify};
pub use diff::{ChangeSet, FileChange, LineSet};
pub use git::{GitError, Repo};
pub use stage::{Stage, StageConfig, StageError, StageProfile};
