//! The OSV schema (https://ossf.github.io/osv-schema/), the fields rampart reads. Unknown fields
//! are ignored so that newer schema versions still load; every field has a default so that a
//! record missing an optional part still loads.

use serde::Deserialize;

/// One OSV record as published.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvRecord {
    pub schema_version: Option<String>,
    pub id: String,
    pub modified: Option<String>,
    pub published: Option<String>,
    pub withdrawn: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub aliases: Vec<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub related: Vec<String>,
    /// Alpine/Debian-derived records name the CVE they follow here.
    #[serde(deserialize_with = "null_as_default")]
    pub upstream: Vec<String>,
    pub summary: Option<String>,
    pub details: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub severity: Vec<OsvSeverity>,
    #[serde(deserialize_with = "null_as_default")]
    pub affected: Vec<OsvAffected>,
    #[serde(deserialize_with = "null_as_default")]
    pub references: Vec<OsvReference>,
    pub database_specific: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvSeverity {
    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`.
    #[serde(rename = "type")]
    pub kind: String,
    pub score: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvPackage {
    pub ecosystem: String,
    pub name: String,
    pub purl: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvAffected {
    pub package: Option<OsvPackage>,
    #[serde(deserialize_with = "null_as_default")]
    pub severity: Vec<OsvSeverity>,
    #[serde(deserialize_with = "null_as_default")]
    pub ranges: Vec<OsvRange>,
    #[serde(deserialize_with = "null_as_default")]
    pub versions: Vec<String>,
    pub ecosystem_specific: Option<serde_json::Value>,
    pub database_specific: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvRange {
    /// `SEMVER`, `ECOSYSTEM` or `GIT`.
    #[serde(rename = "type")]
    pub kind: String,
    pub repo: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub events: Vec<OsvEvent>,
}

/// One event; exactly one field is set in a valid record.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvEvent {
    pub introduced: Option<String>,
    pub fixed: Option<String>,
    pub last_affected: Option<String>,
    pub limit: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvReference {
    #[serde(rename = "type")]
    pub kind: String,
    pub url: String,
}

fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Parses one OSV JSON record.
pub fn parse_record(bytes: &[u8]) -> Result<OsvRecord, serde_json::Error> {
    serde_json::from_slice(bytes)
}
