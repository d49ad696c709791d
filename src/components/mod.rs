//! The shell every page shares, and the building blocks the pages use.
//!
//! How a component gets its data, one rule for all: what every part of a page shares (the site's
//! shell as the app was given it: its pages, interface text and contact details; the language,
//! the route, the site's base and origin) comes from the page context ([`crate::context`]); what
//! a component draws (a timeline, a table, a list of links) comes as props. No component takes
//! the language or the route as a prop, none reads content from anywhere else, and none imports
//! the app root (`app`), which provides the context.

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
pub use timeline::TimelineSection;
