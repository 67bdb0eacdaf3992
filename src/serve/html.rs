//! HTML building blocks: escaping, URL encoding, the page frame and the
//! stylesheet. Every value from the dataset or the request goes through
//! [`esc`] (text and double-quoted attributes) or [`pct`] (URL parts).

use std::fmt::Write;

/// Escape text for HTML element content and double- or single-quoted
/// attribute values.
pub use crate::output::report::html_escape as esc;

/// Percent-encode a URL query value or path part (RFC 3986: everything but
/// the unreserved characters).
pub fn pct(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            o.push(b as char);
        } else {
            let _ = write!(o, "%{b:02X}");
        }
    }
    o
}

/// A query string from pairs, skipping empty values: `?a=1&b=x%20y`.
pub fn query(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", pct(k), pct(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The link to an actor's page.
pub fn actor_href(id: &str) -> String {
    format!("/actor?id={}", pct(id))
}

/// The navigation entries: (path, label).
const NAV: [(&str, &str); 2] = [("/", "Search"), ("/brokers", "Brokers")];

/// A whole page: `title` (text, escaped here), `body` (HTML, already escaped).
pub fn page(title: &str, data: &str, body: &str) -> String {
    let mut nav = String::new();
    for (href, label) in NAV {
        let _ = write!(nav, r#"<a href="{href}">{label}</a>"#);
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} · iuinet console</title>
<link rel="stylesheet" href="/assets/console.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<header><span class="brand">iuinet console</span><nav>{nav}</nav><span class="data" title="dataset">{}</span></header>
<main>
{body}
</main>
<footer>Read-only view of the dataset, computed by iuinet. Every figure can be reproduced with the iuinet command line; the JSON API is under <code>/api/</code>.</footer>
</body>
</html>
"#,
        esc(title),
        esc(data),
    )
}

/// The stylesheet, served at `/assets/console.css`.
pub const CSS: &str = r#"
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d2733; background: #f6f7f9; }
header { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.2em; background: #16324f; color: #fff; }
header a { color: #dce8f5; text-decoration: none; margin-right: 1em; }
header a:hover { text-decoration: underline; }
header .brand { font-weight: 700; letter-spacing: .02em; }
header .data { margin-left: auto; font-size: .85em; color: #b8cbe0; }
main { max-width: 1180px; margin: 0 auto; padding: 1em 1.2em 2em; }
footer { max-width: 1180px; margin: 0 auto; padding: 0 1.2em 2em; font-size: .8em; color: #66707a; }
h1 { font-size: 1.5em; margin: .4em 0 .2em; }
h2 { font-size: 1.15em; margin: 1.4em 0 .4em; border-bottom: 1px solid #d5dbe1; padding-bottom: .2em; }
a { color: #0b5cad; }
.muted { color: #66707a; }
.card { background: #fff; border: 1px solid #d5dbe1; border-radius: 6px; padding: .8em 1em; margin: .8em 0; }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { border-bottom: 1px solid #e3e7eb; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
dl.facts dt { color: #66707a; }
dl.facts dd { margin: 0; }
form.filters { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: end; }
form.filters label { display: flex; flex-direction: column; font-size: .85em; color: #44505c; }
input, select, button { font: inherit; padding: .25em .4em; }
input[type=search] { width: 28em; max-width: 100%; }
input[type=number] { width: 6em; }
button { background: #0b5cad; color: #fff; border: 0; border-radius: 4px; padding: .35em .9em; cursor: pointer; }
button:hover { background: #094a8c; }
.kind { display: inline-block; padding: 0 .45em; border-radius: 3px; font-size: .8em; color: #fff; }
.kind-firm { background: #0072B2; } .kind-university { background: #D55E00; }
.kind-institute { background: #009E73; } .kind-agency { background: #CC79A7; } .kind-other { background: #777; }
.tag { display: inline-block; padding: 0 .4em; margin: 0 .2em .1em 0; border-radius: 3px; font-size: .8em; background: #e8edf2; }
.explain { font-size: .85em; color: #44505c; }
.explain ul { margin: .2em 0 .2em 1.2em; padding: 0; }
.grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1em; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
.ego { overflow-x: auto; }
.ego svg { max-width: 100%; height: auto; border: 1px solid #d5dbe1; border-radius: 6px; }
.ego svg a:hover circle { stroke: #000; stroke-width: 2.5; }
.error { border-left: 4px solid #c0392b; }
.notice { border-left: 4px solid #e6a100; }
"#;

/// The favicon, served at `/favicon.svg`.
pub const FAVICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><line x1="4" y1="4" x2="12" y2="12" stroke="#16324f" stroke-width="2"/><line x1="12" y1="4" x2="4" y2="12" stroke="#16324f" stroke-width="2"/><circle cx="4" cy="4" r="3" fill="#0072B2"/><circle cx="12" cy="12" r="3" fill="#D55E00"/><circle cx="12" cy="4" r="3" fill="#009E73"/><circle cx="4" cy="12" r="3" fill="#0072B2"/></svg>"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            esc(r#"<a href='x'>"R&D"</a>"#),
            "&lt;a href=&#39;x&#39;&gt;&quot;R&amp;D&quot;&lt;/a&gt;"
        );
        assert_eq!(esc("Daeil 대일"), "Daeil 대일");
    }

    #[test]
    fn percent_encodes_all_but_unreserved() {
        assert_eq!(pct("f0 1&x=2/é"), "f0%201%26x%3D2%2F%C3%A9");
        assert_eq!(pct("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(
            query(&[("id", "a b".into()), ("kind", String::new())]),
            "?id=a%20b"
        );
        assert_eq!(query(&[("kind", String::new())]), "");
    }

    #[test]
    fn page_escapes_title_and_dataset() {
        let p = page("<x>", "d&d", "<p>ok</p>");
        assert!(p.contains("<title>&lt;x&gt; · iuinet console</title>"));
        assert!(p.contains("d&amp;d"));
        assert!(p.contains("<p>ok</p>"));
        // nothing from outside the binary
        assert!(!p.contains("http://") && !p.contains("https://"));
        assert!(!CSS.contains("url("));
    }
}
