//! A QR code of a link as SVG path data: the `qrcode` crate encodes, this
//! turns the dark modules into one path, so the component draws a single
//! element and no markup is ever injected.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

/// Quiet zone around the symbol, in modules (the standard asks for 4).
pub const QUIET_ZONE: usize = 4;

/// A QR symbol ready to draw: the side of the view box in modules (quiet
/// zone included) and the path of its dark modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSymbol {
    /// View-box side, in modules.
    pub side: usize,
    /// SVG path data: one `M x y h1 v1 h-1 z` square per dark module.
    pub path: String,
}

/// Encodes `text` with medium error correction (a link read off a projector
/// or a creased printout); `None` if it is too long for any QR version.
pub fn symbol(text: &str) -> Option<QrSymbol> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::with_capacity(width * width * 4);
    for (index, color) in code.into_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let x = index % width + QUIET_ZONE;
            let y = index / width + QUIET_ZONE;
            // Writing into a String cannot fail.
            let _ = write!(path, "M{x} {y}h1v1h-1z");
        }
    }
    Some(QrSymbol {
        side: width + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_symbol_with_a_quiet_zone() {
        let symbol = symbol("https://example.org/calc/#v1.yz-2026.1.abc.def").unwrap();
        assert!(symbol.side >= 21 + 2 * QUIET_ZONE);
        // The top-left finder pattern starts right after the quiet zone.
        assert!(symbol.path.starts_with("M4 4h1v1h-1z"));
    }

    #[test]
    fn absurdly_long_text_is_refused_not_a_panic() {
        assert!(symbol(&"x".repeat(10_000)).is_none());
    }
}
