//! Safe atomic writes.
//!
//! A file is written to a temporary file beside the target, flushed and
//! synced, then renamed over it, so a reader never sees half a file and a
//! failed or killed run leaves the target as it was:
//!
//! * the temporary file is created exclusively (`O_CREAT | O_EXCL`, which
//!   never follows a symbolic link) under an unpredictable name
//!   (`.iuinet-XXXXXX.tmp`, from the `tempfile` crate), in the target's
//!   directory, so a planted file or link cannot redirect the write, and a
//!   target name of any length allowed by the file system works;
//! * a target that exists but is not a regular file (a symbolic link, a
//!   directory, a device such as `/dev/null`, a FIFO) is refused with an I/O
//!   error (exit 3): write to `-` for standard output instead;
//! * an existing target keeps its permission bits; a new one gets the
//!   usual `0666` less the umask;
//! * the temporary file is removed on any error, and on SIGINT, SIGTERM or
//!   SIGHUP once [`remove_temporaries_on_signal`] is installed.
//!
//! A directory of files ([`write_dir`]) is written into a fresh temporary
//! sibling directory that is then renamed into place, so the target holds
//! either the old files or the new ones, never a mix; a signal that arrives
//! while the old directory is set aside moves it back.

use crate::error::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A temporary file or directory being written, which the signal handler
/// removes; or, with `restore`, the place an existing dataset directory is
/// set aside in while its replacement moves in, which the handler moves
/// back if the target is then missing.
#[derive(Debug)]
struct Temp {
    path: PathBuf,
    restore: Option<PathBuf>,
}

/// The temporaries of writes in progress.
static PENDING: Mutex<Vec<Temp>> = Mutex::new(Vec::new());

/// The registry, also after a panic while it was held (a list of paths
/// cannot be left inconsistent).
fn pending() -> std::sync::MutexGuard<'static, Vec<Temp>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// A registered temporary path, unregistered when dropped.
struct Pending(PathBuf);

impl Pending {
    /// Create a temporary file or directory with `create` and register it
    /// (with `restore`, see [`Temp`]), holding the registry's lock
    /// throughout: a signal that arrives between the creation and the
    /// registration finds the path registered once the handler gets the
    /// lock, so it is never left behind.
    fn create<T>(
        create: impl FnOnce() -> std::io::Result<T>,
        path: impl Fn(&T) -> &Path,
        restore: Option<&Path>,
    ) -> std::io::Result<(T, Pending)> {
        let mut v = pending();
        let t = create()?;
        let p = path(&t).to_path_buf();
        v.push(Temp {
            path: p.clone(),
            restore: restore.map(Path::to_path_buf),
        });
        Ok((t, Pending(p)))
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut v = pending();
        if let Some(i) = v.iter().rposition(|t| t.path == self.0) {
            v.swap_remove(i);
        }
    }
}

/// Remove every temporary file or directory still being written: for a
/// process about to end abnormally (a signal, or a lost peer in a
/// distributed run), so that no partial output is left behind.
pub fn remove_pending() {
    remove_all(&pending());
}

/// Remove the temporaries `temps`, first moving a set-aside dataset back to
/// its target when the target is missing (a signal between the two renames
/// of [`write_dir`]), so the old files are never lost. A directory that
/// another thread is still writing into may gain a file while it is
/// removed; the removal is retried (at most 100 times) until it is gone.
fn remove_all(temps: &[Temp]) {
    for t in temps {
        let p = &t.path;
        if let Some(target) = &t.restore
            && std::fs::symlink_metadata(target).is_err()
            && std::fs::rename(p, target).is_ok()
        {
            continue;
        }
        if p.is_dir() {
            for _ in 0..100 {
                if std::fs::remove_dir_all(p).is_ok() || !p.exists() {
                    break;
                }
            }
        } else {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Install a handler (once per process; the CLI does it at start) that on
/// SIGINT, SIGTERM or SIGHUP removes the temporary files of writes in
/// progress, then ends the process with the signal's default action.
/// Library users that handle signals themselves need not call it.
pub fn remove_temporaries_on_signal() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    // The registry stays locked until the process ends, so
                    // no temporary created meanwhile is left unregistered.
                    let v = pending();
                    remove_all(&v);
                    let _ = signal_hook::low_level::emulate_default_handler(sig);
                    std::process::exit(128 + sig);
                }
            });
        });
    }
}

/// Whether `path` names standard output.
pub fn is_stdout(path: &Path) -> bool {
    path == Path::new("-")
}

/// The directory a target lives in (`.` for a bare name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The error for a target that exists but may not be replaced.
fn refuse(path: &Path, what: &str) -> Error {
    Error::io(
        path,
        std::io::Error::other(format!(
            "{what}: refusing to replace it (give the path of a regular file, or - for standard output)"
        )),
    )
}

/// Write `path` atomically with the bytes that `fill` writes (see the
/// module docs); `-` writes to standard output.
///
/// On any error the temporary file is removed and `path` is untouched.
pub fn write_file<F>(path: &Path, fill: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> std::io::Result<()>,
{
    if is_stdout(path) {
        let mut w = BufWriter::new(std::io::stdout().lock());
        return fill(&mut w)
            .and_then(|_| w.flush())
            .map_err(|e| Error::io("<stdout>", e));
    }
    let keep = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Some(m.permissions()),
        Ok(m) if m.file_type().is_symlink() => return Err(refuse(path, "a symbolic link")),
        Ok(m) if m.is_dir() => return Err(refuse(path, "a directory")),
        Ok(_) => return Err(refuse(path, "not a regular file")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut b = tempfile::Builder::new();
    b.prefix(".iuinet-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // applied at creation, so the umask applies as for a new file
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let parent = parent_of(path);
    let (tmp, _pending) = Pending::create(|| b.tempfile_in(&parent), |t| t.path(), None)
        .map_err(|e| Error::io(path, e))?;
    let res = (|| -> std::io::Result<()> {
        if let Some(p) = keep {
            tmp.as_file().set_permissions(p)?;
        }
        let mut w = BufWriter::new(tmp.as_file());
        fill(&mut w)?;
        w.flush()?;
        drop(w);
        tmp.as_file().sync_all()
    })();
    if let Err(e) = res {
        return Err(Error::io(path, e)); // dropping `tmp` removes it
    }
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Write bytes atomically.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    write_file(path, |w| w.write_all(bytes))
}

/// Write the directory `dir` atomically: `fill` writes the files into a
/// fresh temporary directory beside it, which then takes `dir`'s place.
///
/// A new `dir` (and its missing parents) is created. An existing `dir` is
/// replaced only if it holds nothing but regular `.csv` files (an earlier
/// dataset): the old directory is renamed aside, the new one renamed into
/// place, and the old one removed. Any other existing `dir` is refused with
/// an I/O error (exit 3). On error the temporary directory is removed and
/// `dir` is untouched.
pub fn write_dir<F>(dir: &Path, fill: F) -> Result<()>
where
    F: FnOnce(&Path) -> Result<()>,
{
    let exists = match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => true,
        Ok(m) if m.file_type().is_symlink() => return Err(refuse(dir, "a symbolic link")),
        Ok(_) => return Err(refuse(dir, "not a directory")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error::io(dir, e)),
    };
    if exists {
        for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let ft = entry.file_type().map_err(|e| Error::io(dir, e))?;
            let name = entry.file_name();
            let csv = Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            if !(ft.is_file() && csv) {
                return Err(Error::io(
                    dir,
                    std::io::Error::other(format!(
                        "the directory holds {:?}, which is not a dataset file: refusing to replace it (give a new or empty directory, or one holding only .csv files)",
                        name
                    )),
                ));
            }
        }
    }
    let parent = parent_of(dir);
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let mut b = tempfile::Builder::new();
    b.prefix(".iuinet-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let (tmp, _pending) = Pending::create(|| b.tempdir_in(&parent), |t| t.path(), None)
        .map_err(|e| Error::io(dir, e))?;
    if exists && let Ok(m) = std::fs::metadata(dir) {
        std::fs::set_permissions(tmp.path(), m.permissions()).map_err(|e| Error::io(dir, e))?;
    }
    fill(tmp.path())?; // on error, dropping `tmp` removes it
    if !exists {
        std::fs::rename(tmp.path(), dir).map_err(|e| Error::io(dir, e))?;
        let _ = tmp.keep();
        return Ok(());
    }
    // set the old directory aside (renamed onto an empty placeholder), put
    // the new one in its place, then remove the old one
    let (old, _pending_old) = Pending::create(
        || {
            tempfile::Builder::new()
                .prefix(".iuinet-old-")
                .tempdir_in(&parent)
        },
        |t| t.path(),
        Some(dir),
    )
    .map_err(|e| Error::io(dir, e))?;
    std::fs::rename(dir, old.path()).map_err(|e| Error::io(dir, e))?;
    if let Err(e) = std::fs::rename(tmp.path(), dir) {
        let _ = std::fs::rename(old.path(), dir);
        return Err(Error::io(dir, e));
    }
    let _ = tmp.keep();
    drop(old); // removes the old files
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dataset directory `dir` holding `actors.csv` with `text`.
    fn dataset(dir: &Path, text: &str) {
        std::fs::create_dir(dir).expect("dataset directory");
        std::fs::write(dir.join("actors.csv"), text).expect("dataset file");
    }

    fn actors(dir: &Path) -> String {
        std::fs::read_to_string(dir.join("actors.csv")).expect("actors.csv")
    }

    /// A signal between the two renames of `write_dir` (the old dataset set
    /// aside, the new one not yet in place) brings the old dataset back and
    /// removes the new one's temporary directory.
    #[test]
    fn a_signal_between_the_renames_restores_the_old_dataset() {
        let d = tempfile::tempdir().expect("tmp");
        let (target, aside, fresh) = (
            d.path().join("data"),
            d.path().join(".iuinet-old-x"),
            d.path().join(".iuinet-y"),
        );
        dataset(&aside, "old");
        dataset(&fresh, "new");
        remove_all(&[
            Temp {
                path: fresh.clone(),
                restore: None,
            },
            Temp {
                path: aside.clone(),
                restore: Some(target.clone()),
            },
        ]);
        assert_eq!(actors(&target), "old");
        assert!(!aside.exists() && !fresh.exists());
    }

    /// Once the new dataset is in place, the set-aside old one is removed.
    #[test]
    fn a_signal_after_the_renames_removes_the_old_dataset() {
        let d = tempfile::tempdir().expect("tmp");
        let (target, aside) = (d.path().join("data"), d.path().join(".iuinet-old-x"));
        dataset(&target, "new");
        dataset(&aside, "old");
        remove_all(&[Temp {
            path: aside.clone(),
            restore: Some(target.clone()),
        }]);
        assert_eq!(actors(&target), "new");
        assert!(!aside.exists());
    }
}
