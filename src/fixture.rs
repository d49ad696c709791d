//! The fixture site (`crates/sendai_content/tests/fixtures/content`: made-up text, a few pages),
//! compiled into data files by the build of `sendai_fixture`, for unit tests that render the
//! app from content of their own and never from the live site's.

use crate::content::SiteData;
use crate::page_data;

thread_local! {
    /// Read once per test thread: each test thread has page texts of its own (`page_data`).
    static SITE: SiteData = read();
}

/// The fixture's shell, with every page's text read as the app reads its data files.
pub fn site() -> SiteData {
    SITE.with(|site| *site)
}

fn read() -> SiteData {
    let site = SiteData::read(sendai_fixture::SITE_BIN, None).expect("the fixture's shell");
    for (slug, lang, file) in sendai_fixture::PAGE_BINS {
        let page = site
            .page_at(slug)
            .expect("a data file for each page of the shell, and each of a section's");
        page_data::insert(site, *lang, page, file).expect("the fixture's own data");
    }
    site
}
