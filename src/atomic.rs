//! Writing files so that a crash or a full disk never leaves half a file: a temporary file
//! beside the target, renamed over it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files being written: a run stopped by a signal removes them
/// (`remove_unfinished`), so no hidden copy of a report is left beside it.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn track(path: &Path) {
    if let Ok(mut live) = UNFINISHED.lock() {
        live.push(path.to_path_buf());
    }
}

fn untrack(path: &Path) {
    if let Ok(mut live) = UNFINISHED.lock() {
        live.retain(|p| p != path);
    }
}

/// Removes the temporary files of writes not finished. The originals are never touched: a
/// file is only replaced by renaming a finished temporary file over it.
pub fn remove_unfinished() {
    remove_all(&UNFINISHED);
}

fn remove_all(live: &Mutex<Vec<PathBuf>>) {
    if let Ok(mut live) = live.lock() {
        for p in live.drain(..) {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Writes beside the target, then renames over it, so a crash never leaves half a file.
/// A symbolic link is followed (its target is written, the link stays); a read-only file
/// and a file with several hard links (a rename would split them) are left alone. `read`
/// is what the file held when it was read: a file changed since (an editor saved it while
/// it was checked) is left alone too, or that change would be lost.
pub fn replace_file(path: &Path, read: &[u8], bytes: &[u8]) -> std::io::Result<()> {
    let target = if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        std::fs::canonicalize(path)?
    } else {
        path.to_path_buf()
    };
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(std::io::Error::other("文件是只读的"));
    }
    if hard_links(&meta) > 1 {
        return Err(std::io::Error::other("文件有多个硬链接，写回会断开链接"));
    }
    let unchanged = || match std::fs::read(&target) {
        Ok(now) if now == read => Ok(()),
        Ok(_) => Err(std::io::Error::other(
            "文件在检查期间被修改过（可能是编辑器保存了新版本），为免覆盖新内容没有写回；请重新运行",
        )),
        Err(e) => Err(e),
    };
    write_beside(&target, bytes, Some(&meta), &unchanged)
}

/// Writes a new file, or replaces an earlier output at `path`, atomically. The caller
/// makes sure `path` is not an input.
pub fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_beside(path, bytes, None, &|| Ok(()))
}

/// An output file written beside its name and renamed into place by `commit`: a report
/// hard-linked at that name keeps its content, and a run that fails leaves no half file.
pub struct OutputFile {
    tmp: std::path::PathBuf,
    target: std::path::PathBuf,
    file: std::io::BufWriter<std::fs::File>,
}

impl OutputFile {
    pub fn create(target: &Path) -> std::io::Result<OutputFile> {
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = temp_beside(target);
        let file = new_file(&tmp, false)?;
        track(&tmp);
        Ok(OutputFile {
            tmp,
            target: target.to_path_buf(),
            file: std::io::BufWriter::new(file),
        })
    }

    /// Flushes and renames the file into place.
    pub fn commit(mut self) -> std::io::Result<()> {
        let result = (|| {
            self.file.flush()?;
            self.file.get_ref().sync_all()?;
            std::fs::rename(&self.tmp, &self.target)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        untrack(&self.tmp);
        result
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Drop for OutputFile {
    /// Not committed: the temporary file goes (after a commit it is gone already).
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
        untrack(&self.tmp);
    }
}

/// A temporary name in `target`'s folder. Not derived from the file's name, which may
/// already be as long as names can be; the counter tells apart the files two threads
/// write at the same moment.
fn temp_beside(target: &Path) -> std::path::PathBuf {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let count = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    dir.join(format!(
        ".gwlint-{}-{count}-{nonce}.tmp",
        std::process::id()
    ))
}

/// A new file; `private`: only its owner can read it until it gets the permissions of the
/// file it replaces, so the text of a report kept private is never readable by others
/// while it is written. `create_new` never follows or overwrites something already at
/// that name.
fn new_file(path: &Path, private: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)
}

/// `before_rename` is the last check that the target may still be replaced.
fn write_beside(
    target: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
    before_rename: &dyn Fn() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = temp_beside(target);
    track(&tmp);
    let result = (|| {
        let mut f = new_file(&tmp, like.is_some()).map_err(folder_not_writable)?;
        if let Some(meta) = like {
            keep_owner(&f, meta)?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Some(meta) = like {
            std::fs::set_permissions(&tmp, meta.permissions())?;
            keep_attributes(target, &f)?;
        }
        before_rename()?;
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    untrack(&tmp);
    result
}

/// The temporary file goes beside the target: when its folder refuses it, say so, since
/// the target itself may well be writable.
fn folder_not_writable(e: std::io::Error) -> std::io::Error {
    use std::io::ErrorKind::{PermissionDenied, ReadOnlyFilesystem};
    match e.kind() {
        PermissionDenied => std::io::Error::other("所在目录不可写：写回要先在同一目录中建临时文件"),
        ReadOnlyFilesystem => std::io::Error::other("所在目录在只读的文件系统上"),
        _ => e,
    }
}

/// The new file gets the old one's owner and group; when that is not allowed (another
/// user's file in a shared folder), the file is not replaced.
#[cfg(unix)]
fn keep_owner(f: &std::fs::File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = f.metadata()?;
    if (new.uid(), new.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(f, Some(meta.uid()), Some(meta.gid()))
        .map_err(|_| std::io::Error::other("无法保留文件原有的所有者和用户组"))
}

/// Extended attributes go with the file, an access control list (ACL) among them: a
/// colleague's access to a report on a shared drive must survive its fixing. One that
/// cannot be set, and that the new file does not have already (a security label given
/// by its folder), keeps the file from being replaced.
#[cfg(unix)]
fn keep_attributes(from: &Path, to: &std::fs::File) -> std::io::Result<()> {
    use xattr::FileExt;
    // A file system without extended attributes has none to keep.
    let Ok(names) = xattr::list(from) else {
        return Ok(());
    };
    let lost =
        || std::io::Error::other("文件带有扩展属性或访问控制列表（ACL），无法原样保留，未写回");
    for name in names {
        let Some(value) = xattr::get(from, &name).map_err(|_| lost())? else {
            continue;
        };
        if to.set_xattr(&name, &value).is_err()
            && to.get_xattr(&name).ok().flatten().as_deref() != Some(value.as_slice())
        {
            return Err(lost());
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_attributes(_: &Path, _: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// `a` and `b` are one file: the same device and inode (hard links, or one path twice).
#[cfg(unix)]
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_refuses_the_temporary_file_is_named_as_the_cause() {
        let e = folder_not_writable(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert!(e.to_string().starts_with("所在目录不可写"), "{e}");
        let other = folder_not_writable(std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(other.kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        std::fs::write(&path, "编辑器保存的新版本").unwrap();
        let err = replace_file(&path, "检查时读到的旧版本".as_bytes(), b"fixed").unwrap_err();
        assert!(err.to_string().contains("检查期间被修改"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "编辑器保存的新版本"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        replace_file(&path, "编辑器保存的新版本".as_bytes(), b"fixed").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"fixed");
    }

    #[test]
    fn a_stopped_run_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let mut out = OutputFile::create(&path).unwrap();
        out.write_all(b"{").unwrap();
        // The global list is other tests' too: the file is looked up there, removed here.
        let tracked = UNFINISHED.lock().unwrap().contains(&out.tmp);
        assert!(tracked);
        remove_all(&Mutex::new(vec![out.tmp.clone()]));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(out.commit().is_err(), "nothing is left to put in place");
        assert!(!path.exists());
    }

    #[test]
    fn an_output_is_put_in_place_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let mut out = OutputFile::create(&path).unwrap();
        out.write_all(b"{}").unwrap();
        assert!(!path.exists());
        out.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{}");
        let mut dropped = OutputFile::create(&path).unwrap();
        dropped.write_all(b"half").unwrap();
        drop(dropped);
        assert_eq!(std::fs::read(&path).unwrap(), b"{}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
