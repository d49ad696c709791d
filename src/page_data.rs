//! Each page's own text, read from its data file ([`crate::content::data`]): by the
//! prerenderer from the files the build wrote, by the browser app fetched from beside the page,
//! when the visitor goes there or shows they may.
//!
//! What is read is kept for the visit, and a page's data is requested at most once.

use std::cell::RefCell;

use crate::content::{data, PageText, SiteData};
use crate::routes::{Lang, PageId, Route};

/// Titles: a page of the shell has its own there; an unlisted page's is in its data file.
impl PageId {
    /// The page's heading and navigation label in one language; for an unlisted page, from its
    /// data file, and empty until that is read.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            PageId::Listed(page) => page.title.get(lang),
            PageId::Unlisted(_) => get(lang, self)
                .and_then(|text| text.title)
                .unwrap_or_default(),
        }
    }
}

impl SiteData {
    /// The page's heading and navigation label, or Not Found's.
    pub fn title(self, route: Route) -> &'static str {
        match route.page {
            Some(page) => page.title(route.lang),
            None => self.strings(route.lang).not_found_title,
        }
    }

    /// The full `<title>`: `<page> | <site>`.
    pub fn document_title(self, route: Route) -> String {
        format!("{} | {}", self.title(route), self.strings(route.lang).name)
    }
}

thread_local! {
    /// The pages read so far. A short list: a visit reads a few pages, the site has a few dozen.
    static LOADED: RefCell<Vec<((Lang, PageId), &'static PageText)>> = const { RefCell::new(Vec::new()) };
}

/// The text of a page in one language, if it has been read.
pub fn get(lang: Lang, page: PageId) -> Option<&'static PageText> {
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .iter()
            .find(|(key, _)| *key == (lang, page))
            .map(|(_, text)| *text)
    })
}

/// Reads a page's data file, which must be of the format of this code and of the build of the
/// shell `site`, and keeps its text for the visit.
pub fn insert(
    site: SiteData,
    lang: Lang,
    page: PageId,
    file: &'static [u8],
) -> Result<&'static PageText, data::DataError> {
    if let Some(text) = get(lang, page) {
        return Ok(text);
    }
    let text: &'static PageText = Box::leak(Box::new(data::decode(file, site.build)?));
    LOADED.with(|loaded| loaded.borrow_mut().push(((lang, page), text)));
    Ok(text)
}

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
pub use fetch::{load, request};

/// Fetching the data files in the browser.
#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod fetch {
    use js_sys::{Promise, Uint8Array};
    use leptos::prelude::window;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use wasm_bindgen_futures::{future_to_promise, JsFuture};
    use web_sys::{AbortController, RequestInit, Response};

    use super::{get, insert, Lang, PageId, PageText};
    use crate::content::{data, SiteData};

    /// How long a data file may take, answer and body, before the request is given up and the
    /// page loaded in full instead.
    const TIMEOUT_MS: i32 = 4_000;

    thread_local! {
        /// Each data file requested in this visit, by page: the request's promise, which every
        /// caller awaits, so that no file is requested twice.
        static REQUESTS: std::cell::RefCell<Vec<((Lang, PageId), Promise)>> =
            const { std::cell::RefCell::new(Vec::new()) };
        static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_| {});
    }

    /// Why a page's data could not be had: offline, an error status, no answer in time, or a
    /// file that is damaged or of another build or data format. The page is then loaded in full.
    #[derive(Debug)]
    pub struct Unavailable;

    /// The text of a page, from memory or from its data file on a site served under `base`.
    pub async fn load(
        site: SiteData,
        lang: Lang,
        page: PageId,
        base: &str,
    ) -> Result<&'static PageText, Unavailable> {
        if let Some(text) = get(lang, page) {
            return Ok(text);
        }
        let body = JsFuture::from(request(lang, page, base))
            .await
            .map_err(|_| Unavailable)?;
        let file: &'static [u8] = Uint8Array::new(&body).to_vec().leak();
        insert(site, lang, page, file).map_err(|_| Unavailable)
    }

    /// Starts fetching a page's data file, unless it has been requested already; the promise
    /// gives the file's bytes as an `ArrayBuffer`.
    pub fn request(lang: Lang, page: PageId, base: &str) -> Promise {
        REQUESTS.with(|requests| {
            let mut requests = requests.borrow_mut();
            if let Some((_, promise)) = requests.iter().find(|(key, _)| *key == (lang, page)) {
                return promise.clone();
            }
            let url = format!("{base}{}", data::file_path(lang, page.slug()));
            let promise = future_to_promise(fetch_bytes(url));
            // A failed fetch that nobody awaits yet (one started on intent) is no error to
            // report: whoever needs the page later sees the failure and loads the page in full.
            let _ = IGNORE.with(|ignore| promise.catch(ignore));
            requests.push(((lang, page), promise.clone()));
            promise
        })
    }

    /// The bytes of the file at `url`, as an `ArrayBuffer`; an error for a failed request, an
    /// error status, or no whole answer within [`TIMEOUT_MS`].
    pub async fn fetch_bytes(url: String) -> Result<JsValue, JsValue> {
        let controller = AbortController::new()?;
        let init = RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        let abort = Closure::once_into_js(move || controller.abort());
        window().set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            TIMEOUT_MS,
        )?;
        let response: Response = JsFuture::from(window().fetch_with_str_and_init(&url, &init))
            .await?
            .dyn_into()?;
        if !response.ok() {
            return Err(response.status().into());
        }
        JsFuture::from(response.array_buffer()?).await
    }
}
