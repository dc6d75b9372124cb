//! Writing files so that a crash or a full disk never leaves half a file: a temporary file
//! beside the target, renamed over it.

use std::io::Write;
use std::path::Path;

/// Writes beside the target, then renames over it, so a crash never leaves half a file.
/// A symbolic link is followed (its target is written, the link stays); a read-only file
/// and a file with several hard links (a rename would split them) are left alone.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    write_beside(&target, bytes, Some(&meta))
}

/// Writes a new file, or replaces an earlier output at `path`, atomically. The caller
/// makes sure `path` is not an input.
pub fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_beside(path, bytes, None)
}

/// A temporary file in `target`'s folder, renamed over `target`; `like` gives the owner and
/// permissions to keep.
fn write_beside(
    target: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Not derived from the file's name, which may already be as long as names can be; the
    // counter tells apart the files two threads write at the same moment.
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let count = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(
        ".gwlint-{}-{count}-{nonce}.tmp",
        std::process::id()
    ));
    let result = (|| {
        // create_new: never follow or overwrite something already at that name.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        if let Some(meta) = like {
            keep_owner(&f, meta)?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Some(meta) = like {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}
