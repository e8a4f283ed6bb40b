//! A QR code of a link as SVG path data: the `qrcodegen` crate encodes, this
//! turns the dark modules into one path, so the component draws a single
//! element and no markup is ever injected.

use std::fmt::Write as _;

use qrcodegen::{QrCode, QrCodeEcc};

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

/// Encodes `text` with at least medium error correction (a link read off a
/// projector or a creased printout; the crate raises it when the higher
/// level fits the same size); `None` if it is too long for any QR version.
pub fn symbol(text: &str) -> Option<QrSymbol> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let width = code.size();
    let mut path = String::new();
    for y in 0..width {
        for x in (0..width).filter(|&x| code.get_module(x, y)) {
            let (x, y) = (x + QUIET, y + QUIET);
            // Writing into a String cannot fail.
            let _ = write!(path, "M{x} {y}h1v1h-1z");
        }
    }
    Some(QrSymbol {
        side: usize::try_from(width).ok()? + 2 * QUIET_ZONE,
        path,
    })
}

/// [`QUIET_ZONE`] in the crate's module coordinates.
const QUIET: i32 = QUIET_ZONE as i32;

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
    fn a_typical_link_fits_version_5() {
        // 70 characters, as docs/links.md and BENCHMARKS say a typical
        // compact link is: 37 × 37 modules.
        let link = "https://invest.yzjkq.gov.cn/calc/#v1.yz-2026.1~CwESCAkSDx0NkAAP._6g7zg";
        assert_eq!(link.len(), 70);
        assert_eq!(symbol(link).unwrap().side, 37 + 2 * QUIET_ZONE);
    }

    #[test]
    fn absurdly_long_text_is_refused_not_a_panic() {
        assert!(symbol(&"x".repeat(10_000)).is_none());
    }
}
