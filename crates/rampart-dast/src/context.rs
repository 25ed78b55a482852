//! Where HTML reflections land, judged on the parsed document — the confirmation step of the
//! XSS and output-handling checks. String matching alone never reports.

use scraper::{Html, Node};

/// Where a reflected canary sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reflection {
    /// In text between tags.
    Text,
    /// In the value of attribute `name`.
    Attribute(String),
    /// In a script element, inside a string opened with this quote (`None`: in code).
    Script(Option<char>),
}

/// Every context in which `token` appears in `html`.
pub fn reflections(html: &str, token: &str) -> Vec<Reflection> {
    let doc = Html::parse_document(html);
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Element(el) => {
                for (name, value) in el.attrs() {
                    if value.contains(token) {
                        let r = Reflection::Attribute(name.to_ascii_lowercase());
                        if !out.contains(&r) {
                            out.push(r);
                        }
                    }
                }
            }
            Node::Text(t) if t.contains(token) => {
                let parent = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name().to_string()));
                let r = match parent.as_deref() {
                    Some("script") => match js_state_at(t, t.find(token).unwrap_or(0)) {
                        JsState::Code => Reflection::Script(None),
                        JsState::Str(q) => Reflection::Script(Some(q)),
                        JsState::Comment => continue,
                    },
                    Some("style" | "textarea" | "title" | "noscript" | "xmp") => continue,
                    _ => Reflection::Text,
                };
                if !out.contains(&r) {
                    out.push(r);
                }
            }
            _ => {}
        }
    }
    out
}

/// True when `html` has markup that would run `token` as code: an event-handler attribute or a
/// `javascript:` URL containing it, or a script element where `token(` is in code, not in a
/// string or comment.
pub fn executes(html: &str, token: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let call = format!("{token}(");
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Element(el) => {
                for (name, value) in el.attrs() {
                    let lname = name.to_ascii_lowercase();
                    if lname.starts_with("on") && value.contains(token) {
                        return Some(format!("<{} {lname}=\"{value}\">", el.name()));
                    }
                    if matches!(
                        lname.as_str(),
                        "href" | "src" | "action" | "formaction" | "data"
                    ) && value
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:")
                        && value.contains(token)
                    {
                        return Some(format!("<{} {lname}=\"{value}\">", el.name()));
                    }
                }
            }
            Node::Text(t) => {
                let in_script = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name() == "script"))
                    .unwrap_or(false);
                if in_script {
                    let mut from = 0;
                    while let Some(pos) = t[from..].find(&call) {
                        let at = from + pos;
                        if js_state_at(t, at) == JsState::Code {
                            return Some(format!(
                                "<script>…{}…</script>",
                                &t[at..(at + call.len() + 3).min(t.len())]
                            ));
                        }
                        from = at + call.len();
                    }
                }
            }
            _ => {}
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsState {
    Code,
    Str(char),
    Comment,
}

/// The lexical state of JavaScript `code` at byte `at`: enough of a lexer to tell strings,
/// template literals and comments from code (regex literals are treated as code).
fn js_state_at(code: &str, at: usize) -> JsState {
    let bytes = code.as_bytes();
    let mut i = 0;
    let mut state = JsState::Code;
    let mut line_comment = false;
    while i < at.min(bytes.len()) {
        let c = bytes[i];
        match state {
            JsState::Code => match c {
                b'\'' | b'"' | b'`' => state = JsState::Str(c as char),
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    state = JsState::Comment;
                    line_comment = true;
                    i += 1;
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    state = JsState::Comment;
                    line_comment = false;
                    i += 1;
                }
                _ => {}
            },
            JsState::Str(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c as char == q || (c == b'\n' && q != '`') {
                    state = JsState::Code;
                }
            }
            JsState::Comment => {
                if line_comment && c == b'\n' {
                    state = JsState::Code;
                } else if !line_comment && c == b'*' && bytes.get(i + 1) == Some(&b'/') {
                    state = JsState::Code;
                    i += 1;
                }
            }
        }
        i += 1;
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_are_told_apart() {
        let t = "rmpabc";
        let html = format!(
            "<p>{t}</p><input value=\"{t}\"><script>var a = '{t}'; var b = {t};</script><textarea>{t}</textarea>"
        );
        let r = reflections(&html, t);
        assert_eq!(
            r,
            vec![
                Reflection::Text,
                Reflection::Attribute("value".into()),
                Reflection::Script(Some('\''))
            ]
        );
    }

    #[test]
    fn only_executable_placements_count() {
        let t = "rmpabc";
        assert!(executes(&format!("<svg onload={t}(1)>"), t).is_some());
        assert!(executes(&format!("<a href=\"javascript:{t}(1)\">x</a>"), t).is_some());
        assert!(executes(&format!("<script>var a=''; {t}(1);//';</script>"), t).is_some());
        assert!(executes(&format!("&lt;svg onload={t}(1)&gt;"), t).is_none());
        assert!(executes(&format!("<script>var a='\\';{t}(1);//';</script>"), t).is_none());
        assert!(executes(&format!("<input value=\"&quot; onfocus=&quot;{t}(1)\">"), t).is_none());
        assert!(executes(&format!("<script>// {t}(1)\n</script>"), t).is_none());
    }
}
