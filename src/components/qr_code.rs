//! A QR code as inline SVG: one path of dark modules on a white square.

use yew::prelude::*;

use crate::qr::symbol;

/// The QR symbol of `text` (the link it carries), scaled to its box (crisp
/// at any size); nothing if the text is too long for any QR version.
///
/// A plain function rather than a component: the views that show a code
/// re-render mostly because the link changed, so memoizing it saves little.
pub fn qr_code(text: AttrValue) -> Html {
    let Some(symbol) = symbol(&text) else {
        return Html::default();
    };
    let view_box = format!("0 0 {side} {side}", side = symbol.side);
    html! {
        <svg class="qr-code" viewBox={view_box} role="img" aria-label={text}
            shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={symbol.path} fill="#000" />
        </svg>
    }
}
