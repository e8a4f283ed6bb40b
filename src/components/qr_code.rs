//! A QR code as inline SVG: one path of dark modules on a white square.

use yew::prelude::*;

use crate::qr::symbol;

/// Props of [`QrCode`].
#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code carries (the link).
    pub text: AttrValue,
}

/// The QR symbol of `text`, scaled to its box (crisp at any size).
#[function_component(QrCode)]
pub fn qr_code(props: &QrCodeProps) -> Html {
    let Some(symbol) = symbol(&props.text) else {
        return html! {};
    };
    let view_box = format!("0 0 {side} {side}", side = symbol.side);
    html! {
        <svg class="qr-code" viewBox={view_box} role="img" aria-label={props.text.clone()}
            shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={symbol.path} fill="#000" />
        </svg>
    }
}
