//! The one definition of what the site asks of a browser: its Content-Security-Policy, the other
//! security headers and the cache rules. Every host's form of them (`_headers`, the `<meta>`
//! policy in each page, the nginx and Caddy snippets) is written from here.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Directives a `<meta>` policy cannot hold: browsers ignore them there, so only headers carry
/// them (CSP Level 3, "Delivery via `<meta>`").
const HEADER_ONLY_DIRECTIVES: [&str; 3] = ["frame-ancestors", "report-uri", "sandbox"];

/// The Content-Security-Policy, directive by directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    directives: Vec<(&'static str, String)>,
}

impl Policy {
    /// The policy for pages built from `template`: scripts and styles from the site itself, and
    /// inline ones only by the hashes of those Trunk and the prerenderer wrote into the template
    /// (the JSON-LD block is data, which CSP does not govern).
    pub fn for_template(template: &str) -> Self {
        let hashes = |tag: &str| -> String {
            inline_blocks(template, tag)
                .into_iter()
                .filter(|(attrs, _)| !attrs.contains("application/ld+json"))
                .map(|(_, body)| {
                    let digest = Sha256::digest(body.as_bytes());
                    format!(
                        " 'sha256-{}'",
                        base64::engine::general_purpose::STANDARD.encode(digest)
                    )
                })
                .collect()
        };
        let directives = vec![
            ("default-src", "'self'".to_owned()),
            (
                "script-src",
                format!("'self' 'wasm-unsafe-eval'{}", hashes("script")),
            ),
            ("style-src", format!("'self'{}", hashes("style"))),
            ("img-src", "'self' data:".to_owned()),
            ("connect-src", "'self'".to_owned()),
            ("font-src", "'self'".to_owned()),
            ("object-src", "'none'".to_owned()),
            ("base-uri", "'self'".to_owned()),
            ("form-action", "'self'".to_owned()),
            ("frame-ancestors", "'none'".to_owned()),
        ];
        Self { directives }
    }

    /// The editing interface's policy (`/admin/`): the CMS and its fonts from the site, its
    /// styles inline (it injects them), and requests to the site and GitHub's API alone. Pictures
    /// it shows before they are saved are `blob:` and `data:` addresses.
    pub fn admin() -> Self {
        let directives = vec![
            ("default-src", "'self'".to_owned()),
            ("script-src", "'self'".to_owned()),
            ("style-src", "'self' 'unsafe-inline'".to_owned()),
            ("img-src", "'self' blob: data:".to_owned()),
            ("media-src", "'self' blob:".to_owned()),
            (
                "connect-src",
                "'self' data: https://api.github.com".to_owned(),
            ),
            ("font-src", "'self'".to_owned()),
            ("worker-src", "'self' blob:".to_owned()),
            ("frame-src", "'self' blob:".to_owned()),
            ("object-src", "'none'".to_owned()),
            ("base-uri", "'self'".to_owned()),
            ("form-action", "'none'".to_owned()),
            ("frame-ancestors", "'none'".to_owned()),
        ];
        Self { directives }
    }

    /// The whole policy, as the `Content-Security-Policy` header carries it.
    pub fn header_value(&self) -> String {
        self.join(|_| true)
    }

    /// What a `<meta http-equiv="Content-Security-Policy">` can carry: all but the directives
    /// that only work in a header.
    pub fn meta_value(&self) -> String {
        self.join(|name| !HEADER_ONLY_DIRECTIVES.contains(&name))
    }

    fn join(&self, keep: impl Fn(&str) -> bool) -> String {
        self.directives
            .iter()
            .filter(|(name, _)| keep(name))
            .map(|(name, sources)| format!("{name} {sources}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The attributes and contents of each `<tag ...>...</tag>` in `html`.
fn inline_blocks<'a>(html: &'a str, tag: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(attrs_end) = after.find('>') else {
            break;
        };
        let body_and_rest = &after[attrs_end + 1..];
        let Some(end) = body_and_rest.find(&close) else {
            break;
        };
        blocks.push((&after[..attrs_end], &body_and_rest[..end]));
        rest = &body_and_rest[end + close.len()..];
    }
    blocks
}

/// Headers every response gets besides the policy.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
];

/// The policy header followed by [`SECURITY_HEADERS`]: everything but the cache rule.
pub fn response_headers(policy: &Policy) -> Vec<(&'static str, String)> {
    std::iter::once(("Content-Security-Policy", policy.header_value()))
        .chain(
            SECURITY_HEADERS
                .iter()
                .map(|(name, value)| (*name, (*value).to_owned())),
        )
        .collect()
}

/// `Cache-Control` for files whose names carry a hash of their content (Trunk's assets, the
/// processed pictures): they never change.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` for everything else, HTML first: revalidated on every visit, since Trunk's
/// hash is taken before wasm-opt and a page names the assets of its own build.
pub const REVALIDATE: &str = "no-cache";

/// The names [`is_hashed`] accepts, as the regular expression the server configurations in
/// `deploy/` match request paths with (a test checks they use this one).
pub const HASHED_NAME_PATTERN: &str = r"-[0-9a-f]{16}(_bg)?\.(js|wasm|webp|jpg|png)$";

/// Trunk names built assets `<stem>-<16 hex digits>` (plus `_bg` for the wasm); the build names
/// processed pictures so too (`pictures/meeting-2010-960w-<16 hex digits>.webp`).
pub fn is_hashed(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    matches!(ext, "js" | "wasm" | "webp" | "jpg" | "png")
        && stem.rsplit_once('-').is_some_and(|(_, hash)| {
            hash.len() == 16 && hash.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f'))
        })
}

/// The `Cache-Control` value for the file at `name` (a path under the site).
pub fn cache_control(name: &str) -> &'static str {
    if is_hashed(name) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<head><style>body{color:red}</style>\
        <script type=\"module\">start()</script>\
        <script type=\"application/ld+json\">{}</script></head>";

    fn hash(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
    }

    #[test]
    fn the_policy_allows_exactly_the_inline_blocks_of_the_template() {
        let csp = Policy::for_template(TEMPLATE).header_value();
        assert!(csp.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{}';",
            hash("start()")
        )));
        assert!(csp.contains(&format!(
            "style-src 'self' 'sha256-{}';",
            hash("body{color:red}")
        )));
        assert!(!csp.contains(&hash("{}")), "JSON-LD is data, not script");
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.ends_with("frame-ancestors 'none'"));
    }

    #[test]
    fn the_meta_policy_is_the_header_policy_without_header_only_directives() {
        let policy = Policy::for_template(TEMPLATE);
        let meta = policy.meta_value();
        assert!(!meta.contains("frame-ancestors"));
        assert_eq!(
            format!("{meta}; frame-ancestors 'none'"),
            policy.header_value()
        );
    }

    #[test]
    fn hashed_asset_names_are_recognised() {
        assert!(is_hashed("sendai_cluster-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("sendai_cluster-1a2b3c4d5e6f7a8b.js"));
        assert!(!is_hashed("sendai_cluster-1a2b3c4d5e6f7a8b.js.br"));
        assert!(!is_hashed("sendai_cluster-1A2B3C4D5E6F7A8B.js"));
        assert!(!is_hashed("concept/index.html"));
        assert!(!is_hashed("sitemap.xml"));
        assert!(is_hashed(
            "pictures/meeting-2010-960w-0123456789abcdef.webp"
        ));
        assert!(!is_hashed("files/annual-report-2010.pdf"));
        assert_eq!(
            cache_control("sendai_cluster-1a2b3c4d5e6f7a8b.js"),
            IMMUTABLE
        );
        assert_eq!(cache_control("index.html"), REVALIDATE);
    }
}
