//! The site's content, as the app is given it: the shell every page shares ([`SiteData`], read
//! from `site.bin`), and each page's own text, in its data file (`page_data`). The browser start
//! and the prerenderer's entry point load them; components take their words from the page
//! context and hold none of their own.

pub use sendai_content::*;

/// The `<meta name>` by which a prerendered page names the build of the content it was drawn
/// from: the app starts only with the shell of that same build.
pub const BUILD_META: &str = "sc-build";

/// The shell the app was given: the site's pages, interface strings and contact details, with
/// the build they were compiled in. Copied freely: it refers to data that lives for the visit.
#[derive(Clone, Copy, Debug)]
pub struct SiteData {
    /// The build's name: the app reads only the page data files of this build.
    pub build: &'static str,
    pub shell: &'static Site,
}

impl SiteData {
    /// Reads the shell's data file, which must be of this code's data format and, where the
    /// document names one (`page_build`), of the build the page in the document was drawn from.
    pub fn read(
        bytes: &'static [u8],
        page_build: Option<&str>,
    ) -> Result<SiteData, data::DataError> {
        let build = data::build_of(bytes)?;
        if page_build.is_some_and(|page| page != build) {
            return Err(data::DataError::OtherBuild);
        }
        let shell = Box::leak(Box::new(data::decode(bytes, build)?));
        Ok(SiteData { build, shell })
    }

    /// The interface text of one edition.
    pub fn strings(self, lang: Lang) -> &'static Strings {
        self.shell.strings.of(lang)
    }

    /// The secretariat's details, shown in every footer.
    pub fn contact(self) -> &'static Contact {
        &self.shell.contact
    }
}
