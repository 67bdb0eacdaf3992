//! The console's JSON API and pages without a browser: the router is
//! called directly (no socket). The API must return the CLI's JSON byte
//! for byte, the shortlist the CLI's CSV rows, bad input a 400 or 404
//! (never a 500), and every page must escape the dataset's text.
//!
//! Data: tests/data/console (two firms named "Haesung Electronics", one
//! name full of HTML special characters).

use crate::util::iuinet;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use iuinet::serve::{Console, router};
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

const DATA: &str = "tests/data/console";

fn console() -> Arc<Console> {
    static C: OnceLock<Arc<Console>> = OnceLock::new();
    C.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
        let net = iuinet::ingest::load(&path).expect("the console test dataset loads");
        let c = Console::new(net, DATA.to_string()).expect("its view builds");
        c.precompute();
        Arc::new(c)
    })
    .clone()
}

struct Reply {
    status: StatusCode,
    content_type: String,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }
}

fn get(uri: &str) -> Reply {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let r = router(console())
            .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = r.status();
        let headers = r.headers().clone();
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let body = r.into_body().collect().await.unwrap().to_bytes().to_vec();
        Reply {
            status,
            content_type,
            headers,
            body,
        }
    })
}

fn cli(args: &[&str]) -> Vec<u8> {
    iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

#[test]
fn match_is_the_cli_json_byte_for_byte() {
    for (query, args) in [
        ("actor=f1&explain=true", vec!["--actor", "f1", "--explain"]),
        (
            "actor=f3&kind=university&region=same&method=adamic-adar&top=3&explain=1",
            vec![
                "--actor",
                "f3",
                "--kind",
                "university",
                "--region",
                "same",
                "--method",
                "adamic-adar",
                "--top",
                "3",
                "--explain",
            ],
        ),
        (
            "actor=f4&years=2006..2008&region=other&method=katz",
            vec![
                "--actor",
                "f4",
                "--years",
                "2006..2008",
                "--region",
                "other",
                "--method",
                "katz",
            ],
        ),
    ] {
        let r = get(&format!("/api/match?{query}"));
        assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.text());
        assert_eq!(r.content_type, "application/json");
        let mut want = vec!["match", DATA, "--format", "json"];
        want.extend(args);
        assert_eq!(r.text(), String::from_utf8(cli(&want)).unwrap(), "{query}");
    }
}

#[test]
fn brokers_is_the_cli_json_byte_for_byte() {
    for (by, top) in [("region", "3"), ("kind", "0"), ("mini_cluster", "20")] {
        let r = get(&format!("/api/brokers?by={by}&top={top}"));
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let want = cli(&[
            "brokers", DATA, "--by", by, "--top", top, "--format", "json",
        ]);
        assert_eq!(r.body, want, "by {by} top {top}");
    }
    // defaults: region, 20
    assert_eq!(
        get("/api/brokers").body,
        cli(&["brokers", DATA, "--format", "json"])
    );
}

#[test]
fn centrality_is_the_actors_row_of_the_cli_json() {
    let cli_v: serde_json::Value =
        serde_json::from_slice(&cli(&["centrality", DATA, "--format", "json"])).unwrap();
    for id in ["f5", "g1", "u2"] {
        let r = get(&format!("/api/centrality?actor={id}"));
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let v = r.json();
        assert_eq!(v["schema"], cli_v["schema"]);
        assert_eq!(v["view"], cli_v["view"]);
        let want: Vec<&serde_json::Value> = cli_v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["id"] == id)
            .collect();
        assert_eq!(
            v["nodes"].as_array().unwrap().iter().collect::<Vec<_>>(),
            want
        );
    }
}

#[test]
fn match_eval_is_the_cli_json_with_the_last_split() {
    // the console's links run 2005–2009: split after 2008
    let r = get("/api/match-eval");
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        r.body,
        cli(&[
            "match-eval",
            DATA,
            "--split-year",
            "2008",
            "--format",
            "json"
        ])
    );
}

#[test]
fn search_tells_equal_names_apart() {
    let r = get("/api/search?q=Haesung%20Electronics");
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["schema"], "iuinet.search/1");
    assert_eq!(v["total"], 2);
    let rows: Vec<(String, String, String)> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["id"].as_str().unwrap().to_string(),
                h["region"].as_str().unwrap().to_string(),
                h["mini_clusters"][0].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("f1".into(), "Honam".into(), "mc-optics".into()),
            ("f2".into(), "Dongnam".into(), "mc-machinery".into())
        ]
    );
    // misspelt, lower case: still both, as fuzzy matches
    let v = get("/api/search?q=haesong%20electronic").json();
    assert_eq!(v["results"][0]["how"], "fuzzy");
    assert_eq!(v["total"], 2);
    // by id prefix (equal similarity: by name, Changwon before Chonnam)
    let v = get("/api/search?q=u&limit=5").json();
    let got: Vec<(&str, &str)> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["id"].as_str().unwrap(), h["how"].as_str().unwrap()))
        .collect();
    assert_eq!(got[..2], [("u2", "id-prefix"), ("u1", "id-prefix")]);
    assert!(got[2..].iter().all(|h| h.1 == "substring"), "{got:?}");
}

#[test]
fn bad_requests_are_400_unknown_actors_404() {
    for (uri, status, msg) in [
        ("/api/match?actor=f99", 404, "no actor with id \"f99\""),
        ("/api/match?actor=F1", 404, "did you mean \"f1\""),
        ("/api/centrality?actor=zz", 404, "no actor"),
        ("/api/match", 400, "parameter actor is missing"),
        ("/api/match?actor=f1&kind=robot", 400, "parameter kind"),
        ("/api/match?actor=f1&top=0", 400, "parameter top"),
        (
            "/api/match?actor=f1&top=99999999999999999999999",
            400,
            "parameter top",
        ),
        ("/api/match?actor=f1&method=magic", 400, "parameter method"),
        ("/api/match?actor=f1&region=north", 400, "parameter region"),
        (
            "/api/match?actor=f1&years=2009..2005",
            400,
            "FROM is after TO",
        ),
        (
            "/api/match?actor=f1&actr=f2",
            400,
            "unknown parameter \"actr\"",
        ),
        ("/api/brokers?by=complex", 400, "parameter by"),
        ("/api/brokers?by=nonsense", 400, "parameter by"),
        ("/api/brokers?top=-1", 400, "parameter top"),
        ("/api/search", 400, "parameter q is missing"),
        ("/api/search?q=x&limit=500", 400, "parameter limit"),
        ("/api/match-eval?x=1", 400, "unknown parameter"),
        ("/api/no-such-thing", 404, "no page at /api/no-such-thing"),
    ] {
        let r = get(uri);
        assert_eq!(r.status.as_u16(), status, "{uri}: {}", r.text());
        assert_eq!(r.content_type, "application/json", "{uri}");
        let e = r.json()["error"].as_str().unwrap().to_string();
        assert!(e.contains(msg), "{uri}: {e}");
    }
    // pages answer the same statuses as HTML
    for (uri, status) in [
        ("/actor?id=f99", 404),
        ("/actor", 400),
        ("/candidates?id=f1&top=abc", 400),
        ("/shortlist.csv?id=f1&pick=u1", 400),
        ("/brokers?by=robot", 400),
        ("/nowhere", 404),
    ] {
        let r = get(uri);
        assert_eq!(r.status.as_u16(), status, "{uri}");
        assert!(r.content_type.starts_with("text/html"), "{uri}");
        assert!(r.text().contains(r#"<pre id="error">"#), "{uri}");
    }
}

#[test]
fn no_user_input_gives_a_500() {
    let junk = [
        "%00",
        "%FF%FE",
        "%",
        "a%2",
        "&&&",
        "=",
        "x=%E2%82",
        "actor=%3Cscript%3E",
        "actor=f1&top=1e3",
        "actor=f1&from=-5",
        "actor=f1&from=2007&to=2006",
        "actor=f1&years=..",
        "actor=f1&years=2005..2005&from=2005",
        "actor=f1&explain=perhaps",
        "actor=f1&seed=-1",
        "id=f1&seed=18446744073709551616",
        "id=f1&pick=f5&pick=",
        "q=%20%20",
        "q=%F0%9F%A6%80&limit=0",
        "by=&top=",
    ];
    let paths = [
        "/",
        "/actor",
        "/candidates",
        "/ego.svg",
        "/shortlist.csv",
        "/brokers",
        "/api/search",
        "/api/match",
        "/api/brokers",
        "/api/centrality",
        "/api/match-eval",
    ];
    for p in paths {
        for q in junk {
            let r = get(&format!("{p}?{q}"));
            assert!(
                r.status.as_u16() < 500,
                "{p}?{q}: {} {}",
                r.status,
                String::from_utf8_lossy(&r.body)
            );
        }
    }
}

#[test]
fn pages_escape_the_datasets_text() {
    let raw = r#"Kim & Lee <R&D> "Lab""#;
    let escaped = "Kim &amp; Lee &lt;R&amp;D&gt; &quot;Lab&quot;";
    for uri in [
        "/actor?id=f5",
        "/candidates?id=f1",
        "/?q=kim",
        "/ego.svg?id=f1",
        "/brokers?top=100",
    ] {
        let r = get(uri);
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        let t = r.text();
        assert!(t.contains(escaped), "{uri}: escaped name missing");
        assert!(!t.contains(raw), "{uri}: raw name in the page");
        assert!(!t.contains("<R&D>"), "{uri}");
    }
    // the query comes back escaped in the search box
    let t = get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").text();
    assert!(t.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!t.contains("<script>"));
}

#[test]
fn pages_use_only_their_own_assets() {
    for uri in [
        "/",
        "/?q=haesung",
        "/actor?id=f1",
        "/candidates?id=f1",
        "/brokers",
        "/assets/console.css",
    ] {
        let r = get(uri);
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.starts_with("default-src 'none'"), "{csp}");
        // the only absolute URL is the SVG namespace name, never fetched
        let t = r.text().replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(
            !t.contains("http://") && !t.contains("https://") && !t.contains("//cdn"),
            "{uri}"
        );
        assert!(!t.contains("<script"), "{uri}: the console needs no script");
    }
    let t = get("/").text();
    for asset in ["/assets/console.css", "/favicon.svg"] {
        assert!(t.contains(asset));
        assert_eq!(get(asset).status, StatusCode::OK);
    }
}

#[test]
fn the_candidates_page_shows_the_cli_ranking_and_the_ego_network() {
    let api = get("/api/match?actor=f1&kind=firm&explain=true").json();
    let t = get("/candidates?id=f1&kind=firm").text();
    let ranked: Vec<&str> = api["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["actor"]["id"].as_str().unwrap())
        .collect();
    assert!(!ranked.is_empty());
    // every candidate, in the CLI's order, each with its pick box
    let mut at = 0;
    for id in &ranked {
        let needle = format!(r#"name="pick" value="{id}""#);
        let i = t[at..]
            .find(&needle)
            .unwrap_or_else(|| panic!("{id} missing or out of order"));
        at += i + needle.len();
    }
    assert_eq!(t.matches(r#"class="candidate""#).count(), ranked.len());
    // the inline ego network: the actor, its partners and the candidates
    assert!(t.contains(r#"<svg xmlns="http://www.w3.org/2000/svg" id="ego""#));
    assert_eq!(t.matches(r#"class="node candidate""#).count(), ranked.len());
    assert_eq!(t.matches(r#"class="node ego""#).count(), 1);
    // and the same picture alone, deterministic per seed
    let a = get("/ego.svg?id=f1&kind=firm");
    assert_eq!(a.content_type, "image/svg+xml");
    assert!(t.contains(&a.text()));
    assert_eq!(a.body, get("/ego.svg?id=f1&kind=firm&seed=1").body);
    assert_ne!(a.body, get("/ego.svg?id=f1&kind=firm&seed=2").body);
}

#[test]
fn the_shortlist_is_the_cli_csv_of_the_picked_candidates() {
    let full = cli(&[
        "match",
        DATA,
        "--actor",
        "f1",
        "--format",
        "csv",
        "--explain",
    ]);
    let r = get("/shortlist.csv?id=f1");
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.content_type, "text/csv; charset=utf-8");
    assert_eq!(
        r.headers[header::CONTENT_DISPOSITION],
        r#"attachment; filename="shortlist-f1.csv""#
    );
    assert_eq!(r.body, full, "no pick: every candidate");
    let full = String::from_utf8(full).unwrap();
    let picked = get("/shortlist.csv?id=f1&pick=f6&pick=f5").text();
    let want: Vec<&str> = full
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || ["f5", "f6"].contains(&l.split(',').nth(2).unwrap_or("")))
        .map(|(_, l)| l)
        .collect();
    assert_eq!(picked.lines().collect::<Vec<_>>(), want);
    assert_eq!(want.len(), 3);
}

#[test]
fn the_actor_page_shows_facts_roles_and_partners() {
    let t = get("/actor?id=f1").text();
    for s in [
        "Haesung Electronics",
        "Honam",
        "Gwangju",
        "mc-optics",
        r#"id="roles""#,
        r#"id="partners-by-year""#,
        // f1's partners: f3 (e1, tie 2007), u1 (e1 2005, p1, e5 2009),
        // g1 (e1), r1 (e5)
        "4 partners in all",
        "2005, 2009",
        r#"href="/candidates?id=f1""#,
    ] {
        assert!(t.contains(s), "{s} missing");
    }
    let b = get("/brokers").text();
    assert!(b.contains(r#"id="brokers""#) && b.contains(r#"id="match-eval""#));
}
