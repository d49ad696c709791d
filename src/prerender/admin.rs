//! The editing interface at `/admin/`: Sveltia CMS, from the npm package `.ci/setup-build`
//! installs (pinned in `.ci/build-tools/package.json`), with its configuration written from the
//! content model (`sendai_content::compile::admin`), in Japanese and in English. Nothing of it is
//! in the site's pages or the app, and it has its own, stricter policy
//! ([`Policy::admin`](super::policy::Policy::admin)).
//!
//! Everything it needs is served from the site: its fonts, and its Japanese strings, which the
//! CMS would fetch from unpkg.com; they go where it looks for them first, in `localStorage`,
//! before it starts (`start.js`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sendai_content::compile::admin::{config, Backend};
use sendai_content::compile::Section;
use sendai_content::Lang;

use super::output::Writer;
use super::policy::Policy;
use super::Settings;

/// The folder of the site the interface is served from.
pub const ADMIN_DIR: &str = "admin";

/// The package's files the interface loads, by their path in the package and under `admin/`.
const PACKAGE_FILES: [(&str, &str); 7] = [
    ("dist/sveltia-cms.js", "sveltia-cms.js"),
    ("dist/chunks/react-dom.js", "chunks/react-dom.js"),
    ("LICENSE.txt", "sveltia-cms.LICENSE.txt"),
    (
        "npm/assets/source-sans-3-latin-wght-normal-BqRLTx4X.woff2",
        "fonts/source-sans-3.woff2",
    ),
    (
        "npm/assets/noto-mono-latin-400-normal-DiC8lJru.woff2",
        "fonts/noto-mono.woff2",
    ),
    (
        "npm/assets/material-symbols-outlined-latin-wght-normal-_Z1IJPLg.woff2",
        "fonts/material-symbols-outlined.woff2",
    ),
    (
        "npm/assets/material-symbols-outlined.LICENSE.txt",
        "fonts/material-symbols-outlined.LICENSE.txt",
    ),
];

/// What the interface needs besides the site's own settings.
pub struct Admin {
    /// The CMS package's folder in `node_modules`.
    pub package: PathBuf,
    /// The content folder, whose `strings.toml` gives the order of its form.
    pub content_dir: PathBuf,
    /// `owner/name` on GitHub, and the branch saves go to. Without a repository, the site is
    /// built without the interface.
    pub repository: Option<String>,
    pub branch: String,
}

impl Admin {
    /// From the build's environment: `SITE_REPOSITORY`, else the GitHub repository the content
    /// folder's checkout came from (its `origin`); `SITE_BRANCH`, else `main`.
    pub fn from_env(content_dir: &Path) -> Self {
        let repository = std::env::var("SITE_REPOSITORY")
            .ok()
            .filter(|repo| !repo.is_empty())
            .or_else(|| origin_on_github(content_dir));
        Self {
            package: Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(".ci/build-tools/node_modules/@sveltia/cms"),
            content_dir: content_dir.to_owned(),
            repository,
            branch: std::env::var("SITE_BRANCH").unwrap_or_else(|_| "main".to_owned()),
        }
    }
}

/// `owner/name` of the checkout's `origin`, if it is on GitHub.
fn origin_on_github(dir: &Path) -> Option<String> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["remote", "get-url", "origin"])
        .output()
        .ok()?;
    repository_of(String::from_utf8(output.stdout).ok()?.trim())
}

/// `owner/name` of a GitHub address, over HTTPS or SSH.
fn repository_of(url: &str) -> Option<String> {
    let path = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("git@github.com:"))
        .or_else(|| url.strip_prefix("ssh://git@github.com/"))?;
    let path = path.trim_end_matches('/').trim_end_matches(".git");
    let (owner, name) = path.split_once('/')?;
    (!owner.is_empty() && !name.is_empty() && !name.contains('/'))
        .then(|| format!("{owner}/{name}"))
}

/// Writes `admin/` through `out`, if the site's repository is known.
pub fn write_admin(
    out: &mut Writer,
    admin: &Admin,
    sections: &[Section],
    settings: &Settings,
) -> io::Result<()> {
    let Some(repository) = admin.repository.as_deref() else {
        return Ok(());
    };
    let dir = Path::new(ADMIN_DIR);
    let read = |path: &str| {
        fs::read(admin.package.join(path)).map_err(|err| {
            io::Error::new(
                err.kind(),
                format!(
                    "{} cannot be read ({err}): .ci/setup-build installs the editing interface's package",
                    admin.package.join(path).display()
                ),
            )
        })
    };
    for (from, to) in PACKAGE_FILES {
        out.write(dir.join(to), &read(from)?)?;
    }
    let version = package_version(&read("package.json")?)?;
    let japanese = String::from_utf8(read("locales/ja.json")?)
        .map_err(|_| io::Error::other("the CMS's Japanese strings are not UTF-8"))?;
    out.write(
        dir.join("start.js"),
        start_script(&version, &japanese).as_bytes(),
    )?;
    let site_url = format!("{}{}/", settings.origin, settings.base);
    let backend = Backend {
        repository,
        branch: &admin.branch,
        site_url: &site_url,
    };
    for lang in Lang::ALL {
        let config = config(&admin.content_dir, sections, &backend, lang)?;
        let json = serde_json::to_string_pretty(&config).expect("the configuration serializes");
        out.write(dir.join(config_file(lang)), json.as_bytes())?;
    }
    out.write(dir.join("index.html"), index_html().as_bytes())
}

/// The configuration's file in `lang`.
pub fn config_file(lang: Lang) -> String {
    format!("config.{}.json", lang.code())
}

/// The interface's page: its policy first, then the script that picks the language, then the CMS.
fn index_html() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>編集画面 | Editing</title>\n\
         <script src=\"start.js\"></script>\n\
         <script src=\"sveltia-cms.js\"></script>\n\
         </head>\n<body>\n\
         <noscript>この編集画面には JavaScript が必要です。This editing interface needs JavaScript.</noscript>\n\
         </body>\n</html>\n",
        Policy::admin().meta_value()
    )
}

/// Runs before the CMS: the interface's language (`?lang=en` or `?lang=ja`, else the last one
/// chosen, else Japanese), its configuration in that language, and the Japanese strings where
/// the CMS looks before it fetches them from another origin. The CMS adds a viewport that forbids
/// zooming (`maximum-scale=1`); that part is taken out, as WCAG 1.4.4 asks. Its fonts' rules
/// name cdn.jsdelivr.net: they are pointed at the copies in `fonts/` before the browser asks for
/// any (a font is fetched when text first needs it, after this observer has run). Japanese text
/// is drawn in the system's fonts, as on the site.
fn start_script(version: &str, japanese: &str) -> String {
    format!(
        r#"(() => {{
  const prefsKey = 'sveltia-cms.prefs';
  const prefs = JSON.parse(localStorage.getItem(prefsKey) || '{{}}') || {{}};
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en') prefs.locale = 'en-US';
  else if (asked === 'ja' || !prefs.locale) prefs.locale = 'ja';
  localStorage.setItem(prefsKey, JSON.stringify(prefs));
  const lang = prefs.locale === 'ja' ? 'ja' : 'en';
  document.documentElement.lang = lang;
  localStorage.setItem('sveltia-cms.locale', JSON.stringify({{ _locale: 'ja', _version: '{version}', ...{japanese} }}));
  const config = document.createElement('link');
  config.rel = 'cms-config-url';
  config.type = 'application/json';
  config.href = `config.${{lang}}.json`;
  document.head.append(config);
  new MutationObserver((records) => {{
    for (const node of records.flatMap((record) => [...record.addedNodes])) {{
      if (node.localName === 'meta' && node.name === 'viewport') {{
        node.content = node.content.replace(/,\s*maximum-scale=[^,]*/, '');
      }} else if (node.localName === 'style' && node.textContent.includes('https://cdn.jsdelivr.net/')) {{
        node.textContent = node.textContent.replace(
          /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)[^)]*/g,
          'fonts/$1.woff2',
        );
      }}
    }}
  }}).observe(document.head, {{ childList: true }});
}})();
"#,
        japanese = japanese.trim()
    )
}

/// The `version` of the package's `package.json`.
fn package_version(package_json: &[u8]) -> io::Result<String> {
    let package: serde_json::Value = serde_json::from_slice(package_json)
        .map_err(|err| io::Error::other(format!("the CMS's package.json: {err}")))?;
    package["version"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| io::Error::other("the CMS's package.json has no version"))
}

#[cfg(test)]
mod tests {
    use super::repository_of;

    #[test]
    fn the_repository_is_read_from_a_github_address_and_from_no_other() {
        for url in [
            "https://github.com/sendai/site.git",
            "https://github.com/sendai/site",
            "git@github.com:sendai/site.git",
            "ssh://git@github.com/sendai/site.git",
        ] {
            assert_eq!(repository_of(url).as_deref(), Some("sendai/site"), "{url}");
        }
        for url in [
            "https://gitlab.com/sendai/site.git",
            "/srv/git/site",
            "https://github.com/sendai",
        ] {
            assert_eq!(repository_of(url), None, "{url}");
        }
    }
}
