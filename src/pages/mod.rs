//! One component per page; each takes its words from `content` in the language it is given.

mod about;
mod concept;
mod not_found;
mod secretariat;

pub use about::AboutPage;
pub use concept::ConceptPage;
pub use not_found::NotFoundPage;
pub use secretariat::SecretariatPage;
