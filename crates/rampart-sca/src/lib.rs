//! rampart's dependency scanner (SCA).
//!
//! `inventory` turns lockfiles, manifests, installed environments and SBOMs into [`Package`]s;
//! `advisory` stores OSV records in a local index and matches packages against them with each
//! ecosystem's own version semantics; `sbom` writes CycloneDX and SPDX.

pub mod advisory;
pub mod artifacts;
pub mod db;
pub mod dockerfile;
pub mod inventory;
pub mod matching;
pub mod os;
pub mod package;
pub mod sbom;
pub mod scanner;
pub mod version;

pub use package::{Ecosystem, Package, Scope};
pub use scanner::{IgnoreVuln, ScaConfig, ScaScanner};
