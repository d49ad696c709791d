//! [`Fresh`]: a view that is built anew, never patched, when the closure that returns it runs again.
//!
//! Leptos updates a view in place (`Render::rebuild`): it walks the old and new trees side by side
//! and changes what differs. That pays off when a small part of a page changes. Here every
//! navigation changes the whole page, and the patching code for the page's tree cost 22 KB of
//! wasm (7.5 KB compressed). Building the new page and swapping it for the old one needs only the
//! building code that drawing a page needs anyway.
//!
//! The view is followed by an empty marker (a comment node, `<!>` in HTML), where the new view
//! is mounted: placing it by the marker rather than by the old view keeps the old view's type
//! out of Leptos's dynamic placement code, which would otherwise hold another copy of its tree.

use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{
    add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
};

/// Wraps a view so that a re-render replaces it instead of patching it.
pub struct Fresh<V>(pub V);

impl<V: Render> Render for Fresh<V> {
    type State = <(V, ()) as Render>::State;

    fn build(self) -> Self::State {
        (self.0, ()).build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let (old, marker) = state;
        let mut new = self.0.build();
        if let Some(parent) = marker.parent_element() {
            new.mount(&parent, Some(marker));
        }
        old.unmount();
        *old = new;
    }
}

impl<V: AddAnyAttr> AddAnyAttr for Fresh<V> {
    type Output<SomeNewAttr: Attribute> = Fresh<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        Fresh(self.0.add_any_attr(attr))
    }
}

// Server rendering and hydration are the wrapped view's, followed by the marker's.
impl<V: RenderHtml> RenderHtml for Fresh<V> {
    type AsyncOutput = Fresh<V::AsyncOutput>;
    type Owned = Fresh<V::Owned>;

    const MIN_LENGTH: usize = <(V, ())>::MIN_LENGTH;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        Fresh(self.0.resolve().await)
    }

    fn html_len(&self) -> usize {
        self.0.html_len() + RenderHtml::html_len(&())
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        (self.0, ()).to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        (self.0, ()).hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Fresh(self.0.into_owned())
    }
}
