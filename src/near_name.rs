//! "是否指 …？" for a path that does not exist: the file beside it whose name is nearest.

use std::path::{Path, PathBuf};

/// Entries of the folder compared at most, so a mistyped name in a huge folder stays quick.
const LOOKED_AT: usize = 5000;

/// The existing path nearest to `missing` in its folder: the same name in another case or
/// width, with another extension (报告.doc for 报告.docx), or a slip of a character or two.
pub fn nearest(missing: &Path) -> Option<PathBuf> {
    let name = missing.file_name()?.to_str()?;
    let folder = match missing.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let wanted = folded(name);
    let wanted_stem = folded(stem(name));
    let allowed = (wanted.chars().count() / 5).max(1);
    std::fs::read_dir(folder)
        .ok()?
        .take(LOOKED_AT)
        .flatten()
        .filter_map(|entry| {
            let candidate = entry.file_name().into_string().ok()?;
            let folded_name = folded(&candidate);
            let distance = if folded_name == wanted {
                0
            } else if folded(stem(&candidate)) == wanted_stem {
                1
            } else {
                strsim::levenshtein(&folded_name, &wanted)
            };
            (distance <= allowed).then_some((distance, candidate))
        })
        .min()
        .map(|(_, candidate)| missing.with_file_name(candidate))
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Lower case, half-width, without spaces: what a user does not see as a difference.
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::text::halfwidth)
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for n in names {
            std::fs::write(dir.path().join(n), "x").unwrap();
        }
        dir
    }

    #[test]
    fn a_near_name_is_offered() {
        let dir = folder_with(&["报告.doc", "2024年度报告.docx", "其他.txt"]);
        let near = |asked: &str| {
            nearest(&dir.path().join(asked)).map(|p| p.file_name().unwrap().to_owned())
        };
        assert_eq!(near("报告.docx").unwrap(), "报告.doc");
        assert_eq!(near("2024年度报吿.docx").unwrap(), "2024年度报告.docx");
        assert_eq!(near("２０２４年度报告.DOCX").unwrap(), "2024年度报告.docx");
        assert_eq!(near("通知.pdf"), None);
        assert_eq!(nearest(Path::new("/no/such/folder/报告.docx")), None);
    }
}
