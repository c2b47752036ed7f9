//! Where plein keeps per-user files, and how it creates them: private to the user whatever the
//! umask (directories 0700, files 0600).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Creates a directory (and parents) that only its owner can use: 0700 on Unix.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Sets a file to 0600 (owner read and write only), if it exists.
pub fn make_private(file: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match fs::set_permissions(file, fs::Permissions::from_mode(0o600)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Ok(())
    }
}

/// Writes a file that only its owner can read (0600), replacing any file there.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path)?;
    make_private(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// The directory for personal data (bookmarks): `--data-dir`, else `PLEIN_DATA_DIR` (an empty
/// one counts as unset), else the platform's data directory for plein. `None` when there is no
/// home directory.
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = explicit.filter(|d| !d.as_os_str().is_empty()) {
        return Some(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os("PLEIN_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "plein", "plein").map(|d| d.data_dir().to_owned())
}

/// The system-wide configuration file, which the computer's administrator (a librarian) writes
/// and users cannot change: `/etc/plein/config.toml` on Unix, `%ProgramData%\plein\config.toml`
/// on Windows. `None` when the system has no such place.
pub fn system_config_file() -> Option<PathBuf> {
    #[cfg(unix)]
    {
        Some(PathBuf::from("/etc/plein/config.toml"))
    }
    #[cfg(windows)]
    {
        windows::program_data().map(|d| d.join("plein").join("config.toml"))
    }
    #[cfg(not(any(unix, windows)))]
    {
        None
    }
}

#[cfg(windows)]
mod windows {
    use std::ffi::OsString;
    use std::os::windows::ffi::OsStringExt;
    use std::path::PathBuf;
    use windows_sys::Win32::System::Com::CoTaskMemFree;
    use windows_sys::Win32::UI::Shell::{FOLDERID_ProgramData, SHGetKnownFolderPath};

    /// The ProgramData folder as Windows knows it (not the `ProgramData` variable, which anyone
    /// can point elsewhere to escape a lock).
    pub fn program_data() -> Option<PathBuf> {
        let mut ptr: *mut u16 = std::ptr::null_mut();
        // SAFETY: a known folder id, no flags, the current user's token; Windows allocates the
        // string, which is read up to its terminating zero and freed exactly once below.
        unsafe {
            let ok =
                SHGetKnownFolderPath(&FOLDERID_ProgramData, 0, std::ptr::null_mut(), &mut ptr) == 0;
            let path = (ok && !ptr.is_null()).then(|| {
                let len = (0..).take_while(|&i| *ptr.add(i) != 0).count();
                PathBuf::from(OsString::from_wide(std::slice::from_raw_parts(ptr, len)))
            });
            CoTaskMemFree(ptr.cast());
            path.filter(|p| p.is_absolute())
        }
    }
}

/// Who is using plein, for whose bookmarks to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Profile {
    /// The account's own person (no SSH key information).
    Account,
    /// One person on a shared SSH account, known by the public key they logged in with: a
    /// hash of the key, never the key itself.
    Key(String),
    /// A shared SSH account without a key (a password or keyboard login): a guest session.
    Guest,
}

/// The profile from sshd's `SSH_USER_AUTH` file (`ExposeAuthInfo yes`): its first `publickey`
/// line names the key that logged in. `text` is `None` when the variable is not set.
pub fn profile(text: Option<&str>) -> Profile {
    let Some(text) = text else {
        return Profile::Account;
    };
    let key = text.lines().find_map(|l| {
        let mut parts = l.split_whitespace();
        (parts.next() == Some("publickey"))
            .then(|| parts.take(2).collect::<Vec<_>>().join(" "))
            .filter(|k| !k.is_empty())
    });
    match key {
        Some(k) => {
            let mut h = crate::corpus::Fnv::new();
            h.eat(k.as_bytes());
            Profile::Key(format!("{:016x}", h.0))
        }
        None => Profile::Guest,
    }
}

/// Reads `SSH_USER_AUTH` (at most 64 KiB) for [`profile`].
pub fn ssh_profile() -> Profile {
    let Some(path) = std::env::var_os("SSH_USER_AUTH").filter(|p| !p.is_empty()) else {
        return Profile::Account;
    };
    let text = std::fs::File::open(path).and_then(|f| {
        use std::io::Read;
        let mut s = String::new();
        f.take(64 * 1024).read_to_string(&mut s).map(|_| s)
    });
    // An unreadable file names nobody: keep everyone apart by treating it as a guest.
    profile(Some(text.as_deref().unwrap_or("")))
}

/// A UTC time stamp for file names: `20261122-153045`.
pub fn file_time(unix_secs: i64) -> String {
    let days = unix_secs.div_euclid(86_400);
    let secs = unix_secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Seconds since 1970 now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ssh_key_names_a_profile_and_no_key_is_a_guest() {
        assert_eq!(profile(None), Profile::Account);
        let one = profile(Some("publickey ssh-ed25519 AAAAone\n"));
        let two = profile(Some("password\npublickey ssh-ed25519 AAAAtwo comment\n"));
        assert!(matches!(&one, Profile::Key(h) if h.len() == 16 && !h.contains("AAAA")));
        assert_ne!(one, two);
        assert_eq!(
            one,
            profile(Some("publickey ssh-ed25519 AAAAone other-comment"))
        );
        assert_eq!(profile(Some("password\n")), Profile::Guest);
        assert_eq!(profile(Some("")), Profile::Guest);
    }

    #[test]
    fn the_system_configuration_is_outside_the_users_reach() {
        let file = system_config_file().expect("a system configuration place");
        #[cfg(unix)]
        assert_eq!(file, PathBuf::from("/etc/plein/config.toml"));
        assert!(file.is_absolute());
        assert!(file.ends_with(Path::new("plein").join("config.toml")));
    }

    #[test]
    fn file_times_are_utc_calendar_dates() {
        assert_eq!(file_time(0), "19700101-000000");
        assert_eq!(file_time(951_782_400), "20000229-000000");
        assert_eq!(file_time(1_795_361_445), "20261122-153045");
    }
}
