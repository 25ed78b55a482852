//! Form login: fetches the login page (so its CSRF token and other hidden fields are sent back),
//! fills the given fields, submits, and checks the logged-in marker. The engine calls
//! [`FormLogin::relogin`] again whenever a response shows the session was lost.

use std::future::Future;
use std::pin::Pin;

use regex::Regex;
use url::Url;

use crate::discover::extract_page;
use crate::error::DastError;
use crate::http::{Engine, Request, Response, SessionKeeper};

#[derive(Debug, Clone)]
pub struct LoginConfig {
    pub url: Url,
    /// Values for the login form's fields (`username=alice`); other fields keep their defaults.
    pub fields: Vec<(String, String)>,
    /// Text of a page only a logged-in user sees (e.g. `Sign out|Welcome, alice`).
    pub logged_in: Option<Regex>,
}

pub struct FormLogin {
    pub cfg: LoginConfig,
}

impl FormLogin {
    pub async fn login(&self, engine: &Engine) -> Result<(), DastError> {
        let page = engine.send_raw(Request::get(self.cfg.url.clone())).await?;
        let info = extract_page(&page.url, &page.text());
        let form = info
            .forms
            .iter()
            .find(|f| f.has_password())
            .or_else(|| info.forms.first())
            .ok_or_else(|| DastError::Login(format!("no form on {}", self.cfg.url)))?;
        let mut pairs: Vec<(String, String)> = form
            .fields
            .iter()
            .filter(|f| f.kind != "file")
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect();
        for (k, v) in &self.cfg.fields {
            match pairs.iter_mut().find(|(n, _)| n == k) {
                Some(p) => p.1 = v.clone(),
                None => pairs.push((k.clone(), v.clone())),
            }
        }
        let req = if form.method == "GET" {
            let mut u = form.action.clone();
            u.query_pairs_mut().clear().extend_pairs(&pairs);
            Request::get(u)
        } else {
            Request::new("POST", form.action.clone()).form(&pairs)
        };
        let resp = engine.send_raw(req).await?;
        if self.logged_in(&resp) {
            return Ok(());
        }
        if let Some(re) = &self.cfg.logged_in {
            let mut root = self.cfg.url.clone();
            root.set_path("/");
            root.set_query(None);
            let home = engine.send_raw(Request::get(root)).await?;
            if re.is_match(&home.text()) {
                return Ok(());
            }
        }
        Err(DastError::Login(format!(
            "submitting the form of {} did not produce a logged-in page (status {})",
            self.cfg.url, resp.status
        )))
    }

    fn logged_in(&self, resp: &Response) -> bool {
        match &self.cfg.logged_in {
            Some(re) => re.is_match(&resp.text()),
            None => {
                resp.status < 400
                    && !extract_page(&resp.url, &resp.text())
                        .forms
                        .iter()
                        .any(|f| f.has_password())
            }
        }
    }
}

impl SessionKeeper for FormLogin {
    fn session_lost(&self, req: &Request, resp: &Response) -> bool {
        let login_path = self.cfg.url.path();
        if req.url.path() == login_path {
            return false;
        }
        resp.status == 401
            || (resp.url.path() == login_path)
            || (resp.is_redirect()
                && resp
                    .header("location")
                    .and_then(|l| req.url.join(l).ok())
                    .is_some_and(|u| u.path() == login_path))
    }

    fn relogin<'a>(
        &'a self,
        engine: &'a Engine,
    ) -> Pin<Box<dyn Future<Output = Result<(), DastError>> + Send + 'a>> {
        Box::pin(self.login(engine))
    }
}
