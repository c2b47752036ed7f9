//! Shell conventions: exit codes like grep, `-o -`, no silent overwrite, read-only commands
//! write nothing, `--data-dir` keeps everything inside it, Ctrl-C quits outside kiosk.

use crate::util::{plein, run, stderr, stdout};
use std::path::Path;

#[test]
fn search_exits_0_with_hits_1_without_and_2_on_usage_errors() {
    assert_eq!(run(&["search", "schulden"]).status.code(), Some(0));
    let none = run(&["search", "qqqzzzxxx"]);
    assert_eq!(none.status.code(), Some(1), "{}", stdout(&none));
    assert_eq!(
        run(&["search", "--json", "qqqzzzxxx"]).status.code(),
        Some(1)
    );
    for args in [
        &["search"][..],
        &["--bestaat-niet"],
        &["search", "--limit", "0", "x"],
        &["show"],
        &["config", "wat"],
    ] {
        assert_eq!(run(args).status.code(), Some(2), "{args:?}");
    }
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            out.push(p.display().to_string());
            if p.is_dir() {
                out.extend(files_under(&p));
            }
        }
    }
    out
}

#[test]
fn exports_write_to_stdout_with_dash_and_never_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let with_data = |args: &[&str]| {
        plein()
            .arg("--data-dir")
            .arg(&data)
            .arg("--corpus")
            .arg(crate::util::fixture("corpus"))
            .args(args)
            .output()
            .expect("run")
    };
    assert!(
        with_data(&["bookmarks", "add", "stille-zondagen"])
            .status
            .success()
    );
    let o = with_data(&["bookmarks", "export", "--format", "json", "-o", "-"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("\"stille-zondagen\""), "{}", stdout(&o));
    assert!(!Path::new("-").exists(), "no file named -");
    let file = dir.path().join("mijn.md");
    std::fs::write(&file, "van mij").expect("write");
    let target = file.to_str().expect("utf-8");
    let o = with_data(&["bookmarks", "export", "-o", target]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("bestaat al") && stderr(&o).contains("--force"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "van mij");
    let o = with_data(&["bookmarks", "export", "--force", "-o", target]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 bladwijzer geschreven"),
        "{}",
        stderr(&o)
    );
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("Stille zondagen")
    );
}

#[test]
fn read_only_commands_create_no_file_or_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("nog-niet");
    for args in [
        &["bookmarks", "list"][..],
        &["bookmarks", "export"],
        &["drafts", "list"],
        &["drafts", "show", "1"],
        &["config", "show"],
        &["config", "check"],
    ] {
        let o = plein()
            .env("PLEIN_DATA_DIR", &data)
            .env("HOME", dir.path())
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .args(args)
            .output()
            .expect("run");
        assert!(
            o.status.code().is_some_and(|c| c < 2),
            "{args:?}: {}",
            stderr(&o)
        );
        assert_eq!(files_under(dir.path()), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn with_a_data_dir_nothing_is_written_outside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path().join("home");
    std::fs::create_dir(&home).expect("mkdir");
    let data = dir.path().join("stick");
    let corpus = crate::util::fixture("corpus");
    let o = plein()
        .env("HOME", &home)
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("PLEIN_CACHE_DIR")
        .arg("--data-dir")
        .arg(&data)
        .arg("--corpus")
        .arg(&corpus)
        .args(["search", "zondag"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        files_under(&home),
        Vec::<String>::new(),
        "nothing in the home directory"
    );
    assert!(
        data.join("cache").is_dir(),
        "the index is cached on the stick"
    );
}

#[test]
fn ctrl_c_quits_outside_kiosk_and_does_nothing_in_kiosk() {
    use plein::app::{self, Action, Effect};
    let mut h = crate::app::harness(plein::i18n::Lang::Nl);
    crate::app::press(&mut h, "/schuld");
    assert!(matches!(
        app::update(&mut h.app, Action::Interrupt).as_slice(),
        [Effect::Quit]
    ));
    h.app.kiosk = Some(app::Kiosk {
        idle: std::time::Duration::from_secs(60),
        allow_quit: false,
    });
    assert!(app::update(&mut h.app, Action::Interrupt).is_empty());
    // The key is Ctrl-C on every screen.
    let key = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('c'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    assert!(matches!(
        app::key_action(&h.app, &key),
        Some(Action::Interrupt)
    ));
}

/// A backend that counts cursor-position queries (CSI 6n on a real terminal).
struct Spy {
    inner: ratatui::backend::TestBackend,
    queries: usize,
}

impl ratatui::backend::Backend for Spy {
    type Error = <ratatui::backend::TestBackend as ratatui::backend::Backend>::Error;
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<ratatui::layout::Position, Self::Error> {
        self.queries += 1;
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        position: P,
    ) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, t: ratatui::backend::ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(t)
    }
    fn size(&self) -> Result<ratatui::layout::Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<ratatui::backend::WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[test]
fn clearing_the_screen_on_the_way_out_sends_no_terminal_query() {
    let spy = Spy {
        inner: ratatui::backend::TestBackend::new(40, 10),
        queries: 0,
    };
    let mut terminal = ratatui::Terminal::new(spy).expect("terminal");
    terminal
        .draw(|f| f.render_widget(ratatui::widgets::Paragraph::new("geheim"), f.area()))
        .expect("draw");
    let before = terminal.backend().queries;
    plein::tui::wipe_screen(&mut terminal).expect("wipe");
    assert_eq!(terminal.backend().queries, before, "no CSI 6n");
    assert!(
        !format!("{}", terminal.backend().inner).contains("geheim"),
        "the screen is empty"
    );
    // The spy sees queries: ratatui's own clear() makes one.
    terminal.clear().expect("clear");
    assert_eq!(terminal.backend().queries, before + 1);
}

#[test]
fn in_kiosk_mode_an_export_may_go_to_stdout_but_never_to_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("uit.md");
    let o = run(&["--kiosk", "bookmarks", "export", "-o", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&[
        "--kiosk",
        "bookmarks",
        "export",
        "-o",
        file.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!file.exists());
}
