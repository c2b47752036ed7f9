//! Focus a screen reader can follow: on every screen the terminal cursor stands at the start of
//! the focused row (list item, hit, link, option, the help box) or at the caret of an input.

use crate::app::{draw, harness, press};
use plein::i18n::Lang;
use plein::ui::ThemeName;

/// The drawn rows, the cursor, and the text of its row from the cursor on.
fn at_cursor(keys: &str, w: u16, h: u16) -> (Vec<String>, (usize, usize), String) {
    let mut hs = harness(Lang::Nl);
    hs.act(plein::app::Action::Resize(w, h));
    press(&mut hs, keys);
    let mut t = draw(&hs.app, w, h, ThemeName::Default);
    let p = t.get_cursor_position().expect("cursor");
    let rows: Vec<String> = t
        .backend()
        .to_string()
        .lines()
        .map(|l| l.trim_matches('"').to_owned())
        .collect();
    let row = rows.get(p.y as usize).cloned().unwrap_or_default();
    let from: String = row.chars().skip(p.x as usize).collect();
    (rows, (p.x as usize, p.y as usize), from)
}

/// Every screen, with what its focused row starts with at the cursor.
const SCREENS: &[(&str, &str, &str)] = &[
    ("home", "", "›1  Armoede en schulden"),
    ("home, moved", "jj", "›3  "),
    ("theme list", "1", "›"),
    ("Hulp nu", "<F1>", "›Testlijn"),
    ("search results", "/schulden<Enter>", "›"),
    ("second result", "/schulden<Enter><Down>", "›"),
    ("below the crisis card", "/schulden zelfmoord<Enter>", "›"),
    ("gate", "2<Enter>", "Wil je het lezen?"),
    ("reader", "1<Enter>", "De brieven bleven dicht"),
    ("reader, a link", "1<Enter><Tab>", "[1] "),
    ("bookmarks", "1b<Esc>b", "›★ "),
    ("help", "?", "Enter →   Openen"),
    ("QR code", "<F1><Enter>c", "Scan met de camera"),
    ("hulpbriefje", "<F1>b<Esc>bp", "HULPBRIEFJE"),
    (
        "share, choosing",
        "dA<Tab>B<Tab>C<Tab>D<Tab>E<Tab>F<Tab>G<Enter>",
        "›(•) zelf",
    ),
];

#[test]
fn the_cursor_stands_at_the_start_of_the_focused_row_on_every_screen() {
    for (w, h) in [(80, 24), (40, 12), (200, 60)] {
        for (name, keys, starts) in SCREENS {
            let (rows, (x, y), from) = at_cursor(keys, w, h);
            let expected = if w < 60 && starts.chars().count() > 12 {
                starts.chars().take(8).collect()
            } else {
                starts.to_string()
            };
            assert!(
                from.starts_with(&expected),
                "{name} at {w}x{h}: cursor ({x}, {y}) on {from:?}, expected {expected:?}\n{}",
                rows.join("\n")
            );
            assert!(
                !name.contains("crisis card") || rows.iter().any(|r| r.contains("Ctrl-O")),
                "{name} at {w}x{h}: the card is on screen\n{}",
                rows.join("\n")
            );
            let before: String = rows[y].chars().take(x).collect();
            assert!(
                before.trim().is_empty() || *name == "help",
                "{name} at {w}x{h}: the cursor is at the row's start, not after {before:?}"
            );
        }
    }
}

#[test]
fn the_cursor_stands_at_the_caret_of_every_input() {
    for (name, keys, typed, next) in [
        ("search box", "/schul", ": schul", ""),
        ("search box, moved", "/schuld<Left>", ": schul", "d"),
        (
            "above the crisis card",
            "/ik wil niet meer leven",
            ": ik wil niet meer leven",
            "",
        ),
        (
            "note",
            "1b<Esc>bnbellen op maandag",
            " bellen op maandag",
            "",
        ),
        ("share", "dHet begon", " Het begon", ""),
    ] {
        let (rows, (x, y), from) = at_cursor(keys, 80, 24);
        let before: String = rows[y].chars().take(x).collect();
        assert!(
            before.ends_with(typed) && from.trim_end() == next,
            "{name}: cursor ({x}, {y}) after {before:?}, before {from:?}"
        );
    }
}

/// Counts the bytes a terminal would receive.
struct Counter(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn following_the_focus_costs_no_more_than_the_cursor_move_per_key() {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};
    let out = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut term = Terminal::with_options(
        CrosstermBackend::new(Counter(std::rc::Rc::clone(&out))),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .expect("terminal");
    let mut h = harness(Lang::Nl);
    let palette = plein::ui::Palette(ThemeName::Default);
    press(&mut h, "/huur");
    term.draw(|f| plein::ui::render(&h.app, palette, f))
        .expect("draw");
    let first = out.borrow().len();
    assert!(
        String::from_utf8_lossy(&out.borrow()).contains("\u{1b}[?25h"),
        "the cursor is shown"
    );
    // A space and moving the caret leave the results as they were: only the query line and
    // the cursor change.
    let mut sent_per_key = Vec::new();
    for keys in [" ", " ", "<Left>", "<Left>"] {
        let before = out.borrow().len();
        press(&mut h, keys);
        term.draw(|f| plein::ui::render(&h.app, palette, f))
            .expect("draw");
        let sent = out.borrow().len() - before;
        assert!(
            sent <= 100,
            "{keys:?} sent {sent} B (first frame {first} B)"
        );
        sent_per_key.push(sent);
    }
    // `cargo test --test integration following_the_focus -- --nocapture` prints the figure.
    println!(
        "bytes per key at 80x24, query line and cursor only: {sent_per_key:?} (first frame {first} B)"
    );
}
