use thiserror::Error;

#[derive(Debug, Error)]
pub enum DastError {
    #[error("invalid URL `{0}`: {1}")]
    Url(String, String),
    #[error("invalid regular expression `{0}`: {1}")]
    Regex(String, String),
    #[error("refused {method} {url}: {reason}")]
    Refused {
        method: String,
        url: String,
        reason: &'static str,
    },
    #[error("request budget exhausted (--max-requests)")]
    RequestBudget,
    #[error("time budget exhausted (--max-time)")]
    TimeBudget,
    #[error("{method} {url}: {message}")]
    Http {
        method: String,
        url: String,
        message: String,
    },
    #[error("cannot start the HTTP client or runtime: {0}")]
    Setup(String),
    #[error("cannot start the out-of-band listener on 127.0.0.1: {0}")]
    Listener(String),
    #[error("{path}: {message}")]
    Input { path: String, message: String },
    #[error("login failed: {0}")]
    Login(String),
}

impl DastError {
    /// Budget errors end a phase; other errors are per-request problems.
    pub fn is_budget(&self) -> bool {
        matches!(self, DastError::RequestBudget | DastError::TimeBudget)
    }
}
