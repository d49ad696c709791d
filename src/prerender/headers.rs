//! The response headers of [`policy`](super::policy) in each host's own syntax: `_headers` for
//! Netlify and Cloudflare Pages, `_headers.nginx`, `_headers.admin.nginx` and `_headers.caddy` for
//! the configurations in `deploy/`, which include them. The editing interface's folder,
//! `admin/`, gets its own policy in each.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use sendai_content::compile::{FILES_DIR, PICTURES_DIR};

use super::admin::ADMIN_DIR;
use super::output::Writer;
use super::policy::{cache_control, response_headers, Policy, IMMUTABLE, REVALIDATE};
use super::{files, Settings};
use crate::content::{page_path, SiteData};
use crate::routes::Lang;

/// The files this module writes into the site's folder.
pub const HEADER_FILES: [&str; 4] = [
    "_headers",
    "_headers.nginx",
    "_headers.admin.nginx",
    "_headers.caddy",
];

/// Writes the header files into `dist` (through `out`), with a rule for each file there.
pub fn write_headers(
    dist: &Path,
    out: &mut Writer,
    policy: &Policy,
    settings: &Settings,
    site: SiteData,
) -> std::io::Result<()> {
    let sections: Vec<&str> = site.shell.sections.iter().map(|s| s.slug).collect();
    let netlify = netlify(dist, policy, settings, &sections)?;
    out.write("_headers", netlify.as_bytes())?;
    out.write("_headers.nginx", nginx(policy).as_bytes())?;
    out.write("_headers.admin.nginx", nginx(&Policy::admin()).as_bytes())?;
    out.write("_headers.caddy", caddy(policy, &settings.base).as_bytes())
}

/// A `_headers` file (Netlify and Cloudflare Pages format). Each file gets its own cache rule so
/// that no two rules set the same header; the documents, all revalidated, share one, and so do
/// the pictures, all hashed, and each edition's `sections` (by their addresses), since
/// Cloudflare Pages reads at most 100 rules.
pub fn netlify(
    dist: &Path,
    policy: &Policy,
    settings: &Settings,
    sections: &[&str],
) -> std::io::Result<String> {
    let mut rules = BTreeMap::new();
    for file in files(dist)? {
        let name = file
            .strip_prefix(dist)
            .expect("listed under dist")
            .to_string_lossy()
            .replace('\\', "/");
        if HEADER_FILES.contains(&name.as_str()) || name.starts_with(&format!("{ADMIN_DIR}/")) {
            continue;
        }
        if name.starts_with(&format!("{FILES_DIR}/")) {
            rules.insert(format!("{}/{FILES_DIR}/*", settings.base), REVALIDATE);
            continue;
        }
        if name.starts_with(&format!("{PICTURES_DIR}/")) {
            rules.insert(format!("{}/{PICTURES_DIR}/*", settings.base), IMMUTABLE);
            continue;
        }
        // A section's posts, its list and feed, revalidated like every page: one rule per
        // section and edition, however many posts there are.
        if let Some(folder) = sections.iter().find_map(|section| {
            Lang::ALL.into_iter().find_map(|lang| {
                let folder = page_path(lang, section);
                name.starts_with(folder.trim_start_matches('/'))
                    .then_some(folder)
            })
        }) {
            rules.insert(format!("{}{folder}*", settings.base), REVALIDATE);
            continue;
        }
        let cache = cache_control(&name);
        let url = format!("{}/{name}", settings.base);
        if let Some(dir) = url.strip_suffix("index.html") {
            rules.insert(dir.to_owned(), cache);
        }
        rules.insert(url, cache);
    }
    let mut out = format!("{}/*\n", settings.base);
    for (name, value) in response_headers(policy) {
        let _ = writeln!(out, "  {name}: {value}");
    }
    // The editing interface: its own policy in place of the site's (`!` removes a header another
    // rule set, in Cloudflare Pages' format), every file revalidated.
    let _ = write!(
        out,
        "\n{}/{ADMIN_DIR}/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {}\n  Cache-Control: {REVALIDATE}\n",
        settings.base,
        Policy::admin().header_value()
    );
    for (url, cache) in rules {
        let _ = write!(out, "\n{url}\n  Cache-Control: {cache}\n");
    }
    Ok(out)
}

/// `add_header` lines for an nginx `location`, sent with every status (`always`), error pages
/// included. The cache rule stays in the configuration, which knows the locations.
pub fn nginx(policy: &Policy) -> String {
    let mut out = String::from(
        "# The site's security headers, written by the build (src/prerender/policy.rs).\n",
    );
    for (name, value) in response_headers(policy) {
        let _ = writeln!(out, "add_header {name} \"{}\" always;", plain(&value));
    }
    out
}

/// Caddy `header` blocks, for `import` in a site block: the site's, and the editing interface's
/// for `admin/` under `base`.
pub fn caddy(policy: &Policy, base: &str) -> String {
    let mut out = String::from(
        "# The site's security headers, written by the build (src/prerender/policy.rs).\n",
    );
    let admin = format!("{base}/{ADMIN_DIR}/*");
    for (matcher, condition, policy) in [
        ("site", format!("not path {admin}"), policy),
        ("admin", format!("path {admin}"), &Policy::admin()),
    ] {
        let _ = writeln!(
            out,
            "@{matcher}_headers {condition}\nheader @{matcher}_headers {{"
        );
        for (name, value) in response_headers(policy) {
            let _ = writeln!(out, "\t{name} \"{}\"", plain(&value));
        }
        out.push_str("}\n");
    }
    out
}

/// A header value as it is: nothing in it that nginx or Caddy would read as a variable,
/// placeholder or the end of the string.
fn plain(value: &str) -> &str {
    assert!(
        !value.contains(['"', '$', '{', '}', '\\']),
        "a header value with a character servers interpret: {value}"
    );
    value
}

#[cfg(test)]
mod tests {
    use super::super::policy::HASHED_NAME_PATTERN;
    use super::*;

    const TEMPLATE: &str = "<style>a{}</style><script type=\"module\">go()</script>";

    #[test]
    fn every_host_file_sends_the_same_headers() {
        let policy = Policy::for_template(TEMPLATE);
        let nginx = nginx(&policy);
        let caddy = caddy(&policy, "");
        for (name, value) in response_headers(&policy) {
            assert!(nginx.contains(&format!("add_header {name} \"{value}\" always;")));
            assert!(caddy.contains(&format!("\t{name} \"{value}\"\n")));
        }
        assert!(nginx.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn the_documents_share_one_revalidated_cache_rule_and_the_pictures_one_for_ever() {
        let dist = std::env::temp_dir().join(format!("sendai-headers-{}", std::process::id()));
        std::fs::create_dir_all(dist.join(FILES_DIR)).unwrap();
        std::fs::create_dir_all(dist.join(PICTURES_DIR)).unwrap();
        for name in [
            "index.html",
            "files/a-report.pdf",
            "files/b-table.csv",
            "pictures/a-480w-0123456789abcdef.webp",
            "pictures/a-480w-0123456789abcdef.jpg",
        ] {
            std::fs::write(dist.join(name), "x").unwrap();
        }
        let settings = Settings {
            base: "/sub".into(),
            origin: "https://example.jp".into(),
        };
        let file = netlify(&dist, &Policy::for_template(TEMPLATE), &settings, &[]).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        assert!(
            file.contains("\n/sub/files/*\n  Cache-Control: no-cache\n"),
            "{file}"
        );
        assert!(!file.contains("a-report"), "{file}");
        assert!(
            file.contains(&format!(
                "\n/sub/pictures/*\n  Cache-Control: {IMMUTABLE}\n"
            )),
            "{file}"
        );
        assert!(!file.contains("a-480w"), "{file}");
        assert!(
            file.contains("\n/sub/index.html\n  Cache-Control: no-cache\n"),
            "{file}"
        );
    }

    /// The configurations in `deploy/` hold the cache rules and the pattern of hashed names
    /// themselves: this fails when they drift from the code's.
    #[test]
    fn the_deploy_configurations_use_the_cache_rules_of_the_code() {
        let nginx = include_str!("../../deploy/nginx/sendai-cluster.conf");
        let caddy = include_str!("../../deploy/caddy/Caddyfile");
        for config in [nginx, caddy] {
            assert!(config.contains(&format!("\"{IMMUTABLE}\"")));
            assert!(config.contains(&format!("\"{REVALIDATE}\"")));
            assert!(config.contains(HASHED_NAME_PATTERN));
        }
        assert!(nginx.contains("/_headers.nginx;"));
        assert!(caddy.contains("/_headers.caddy"));
    }
}
