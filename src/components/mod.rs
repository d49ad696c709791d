//! The shell every page shares, and the building blocks the pages use.

mod breadcrumbs;
mod concept_diagram;
mod conformance_table;
mod contact_details;
mod page_links;
mod primary_nav;
mod site_footer;
mod site_header;
mod site_map;
mod skip_link;
mod timeline;

pub use breadcrumbs::Breadcrumbs;
pub use concept_diagram::ConceptDiagram;
pub use conformance_table::ConformanceTable;
pub use contact_details::ContactDetails;
pub use page_links::PageLinks;
pub use primary_nav::PrimaryNav;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use site_map::SiteMap;
pub use skip_link::SkipLink;
pub use timeline::Timeline;
