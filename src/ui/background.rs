//! What colour the terminal's background is, from what the terminal tells: the `COLORFGBG`
//! variable (rxvt, Konsole and others set it), or the terminal's answer to an OSC 11 query
//! (`ESC ] 11 ; ? ST`, answered with `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` and BEL or ST). Pure
//! functions: the query itself is sent and read at the edge (`tui`), once, at start-up.

use super::ThemeName;

/// A terminal background, as far as it could be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// Dark: light text reads on it.
    Dark,
    /// Light (white, cream): dark text reads on it.
    Light,
}

/// The theme `auto` becomes: `dark` or `light` for a known background, else itself (the
/// terminal's own colours).
pub fn theme_for(theme: ThemeName, background: Option<Background>) -> ThemeName {
    match (theme, background) {
        (ThemeName::Default, Some(Background::Dark)) => ThemeName::Dark,
        (ThemeName::Default, Some(Background::Light)) => ThemeName::Light,
        (t, _) => t,
    }
}

/// The background `COLORFGBG` names ("15;0", "0;default;15"): its last field is the
/// background's colour number; 0–6 and 8 are dark, 7 and 9–15 light (rxvt's convention).
/// `None` for "default" or anything else.
pub fn from_colorfgbg(value: &str) -> Option<Background> {
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    match bg {
        0..=6 | 8 => Some(Background::Dark),
        7 | 9..=15 => Some(Background::Light),
        _ => None,
    }
}

/// WCAG's relative luminance of an sRGB colour with channels in 0.0–1.0.
pub fn luminance(r: f64, g: f64, b: f64) -> f64 {
    let lin = |c: f64| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The background in a terminal's answer to OSC 11, if the bytes hold one. Light means black
/// text has more contrast on it than white text.
pub fn from_osc11(answer: &[u8]) -> Option<Background> {
    let text = std::str::from_utf8(answer).ok()?;
    let start = text.find("\u{1b}]11;")? + 5;
    let rest = &text[start..];
    let end = rest.find(['\u{7}', '\u{1b}'])?;
    let spec = rest[..end].strip_prefix("rgb:")?;
    let mut channels = spec.split('/').map(|h| {
        let v = u32::from_str_radix(h, 16).ok()?;
        let max = (1u32 << (4 * h.len().clamp(1, 4))) - 1;
        (1..=4)
            .contains(&h.len())
            .then(|| f64::from(v) / f64::from(max))
    });
    let (r, g, b) = (channels.next()??, channels.next()??, channels.next()??);
    if channels.next().is_some() {
        return None;
    }
    let l = luminance(r, g, b);
    // Contrast with black text (l + 0.05) / 0.05 against white text 1.05 / (l + 0.05).
    Some(if (l + 0.05) * (l + 0.05) > 0.05 * 1.05 {
        Background::Light
    } else {
        Background::Dark
    })
}

/// True once `bytes` hold a complete answer to the primary device attributes query
/// (`ESC [ ? … c`), which every terminal answers: sent after OSC 11, it tells that no OSC 11
/// answer is coming, so plein waits no longer.
pub fn has_device_attributes(bytes: &[u8]) -> bool {
    bytes.windows(3).enumerate().any(|(i, w)| {
        w == b"\x1b[?"
            && bytes[i + 3..]
                .iter()
                .find(|b| !(b.is_ascii_digit() || **b == b';'))
                == Some(&b'c')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_names_the_background_by_its_last_field() {
        assert_eq!(from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(from_colorfgbg("0;default;7"), Some(Background::Light));
        assert_eq!(from_colorfgbg("7;8"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("15;default"), None);
        assert_eq!(from_colorfgbg(""), None);
        assert_eq!(from_colorfgbg("0;99"), None);
    }

    #[test]
    fn an_osc_11_answer_tells_light_from_dark() {
        let white = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\";
        assert_eq!(from_osc11(white), Some(Background::Light));
        let black = b"\x1b]11;rgb:0000/0000/0000\x07";
        assert_eq!(from_osc11(black), Some(Background::Dark));
        // Solarized light and dark, with two-digit channels.
        assert_eq!(
            from_osc11(b"\x1b]11;rgb:fd/f6/e3\x07"),
            Some(Background::Light)
        );
        assert_eq!(
            from_osc11(b"\x1b]11;rgb:00/2b/36\x07"),
            Some(Background::Dark)
        );
        // The answer may come after other bytes, and with the DA1 answer after it.
        assert_eq!(
            from_osc11(b"x\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\\x1b[?62;22c"),
            Some(Background::Dark)
        );
        for bad in [
            &b"\x1b]11;rgb:ffff/ffff\x07"[..],
            b"\x1b]11;rgb:ffff/ffff/ffff",
            b"\x1b]11;rgb:zz/00/00\x07",
            b"\x1b]11;rgba:ff/ff/ff/ff\x07",
            b"\x1b]11;rgb:fffff/0/0\x07",
            b"\x1b[?62;22c",
            b"",
        ] {
            assert_eq!(from_osc11(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_device_attributes_answer_ends_the_wait() {
        assert!(has_device_attributes(b"\x1b[?62;22c"));
        assert!(has_device_attributes(b"\x1b]11;rgb:0/0/0\x07\x1b[?1;2c"));
        assert!(!has_device_attributes(b"\x1b[?62;2"));
        assert!(!has_device_attributes(b"\x1b]11;rgb:0/0/0\x07"));
    }

    #[test]
    fn auto_becomes_dark_or_light_and_a_chosen_theme_stays() {
        let light = Some(Background::Light);
        assert_eq!(theme_for(ThemeName::Default, light), ThemeName::Light);
        assert_eq!(
            theme_for(ThemeName::Default, Some(Background::Dark)),
            ThemeName::Dark
        );
        assert_eq!(theme_for(ThemeName::Default, None), ThemeName::Default);
        assert_eq!(
            theme_for(ThemeName::HighContrast, light),
            ThemeName::HighContrast
        );
        assert_eq!(theme_for(ThemeName::Dark, light), ThemeName::Dark);
    }
}
