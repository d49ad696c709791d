//! The two kinds of page: a page of the site's content, and Not Found.

mod content_page;
mod not_found;

pub use content_page::ContentPage;
pub use not_found::NotFoundPage;
