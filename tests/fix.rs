//! `--fix` and `--diff` round trips: fixed findings disappear, everything else — encoding,
//! BOM, line endings, bytes outside the fixes — stays as it was.

use assert_cmd::Command;
use encoding_rs::GB18030;
use std::path::Path;

fn gwlint() -> Command {
    let mut c = Command::cargo_bin("gwlint").unwrap();
    c.env("NO_COLOR", "1");
    c
}

/// A report with two safe fixes: a half-width heading marker and a spaced date.
const REPORT: &str = "青禾市卫生健康委员会2024年法治政府建设年度报告\n市委、市政府：\n2024年，我委坚持依法行政，推进法治政府建设，现将有关情况报告如下。\n一、2024年推进法治政府建设的主要举措和成效\n（一）健全依法决策机制。全年审查重大行政决策3件。\n(二)深化“放管服”改革。全年办结政务服务事项1526件。\n二、存在的不足和原因\n一是执法力量不足，二是培训覆盖不全。主要原因是人员流动较快。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n四、2025年推进法治政府建设的主要安排\n继续完善依法决策机制。\n青禾市卫生健康委员会\n2025 年 1 月 8 日\n";

fn fixed_text() -> String {
    REPORT
        .replace("(二)深化", "（二）深化")
        .replace("2025 年 1 月 8 日", "2025年1月8日")
}

fn codes(path: &Path) -> Vec<String> {
    let out = gwlint()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn fix(path: &Path) -> String {
    let out = gwlint()
        .args(["check", "--fix"])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The results on stdout, what --fix did on stderr.
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

fn round_trip(name: &str, encode: impl Fn(&str) -> Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, encode(REPORT)).unwrap();
    assert_eq!(codes(&path), ["GW0304", "GW0203"]);
    let stdout = fix(&path);
    assert!(stdout.contains("已自动修复 2 处"), "{stdout}");
    // What --fix did, not a hint to run it.
    assert!(!stdout.contains("可用 --fix"), "{stdout}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        encode(&fixed_text()),
        "{name}"
    );
    assert_eq!(codes(&path), Vec::<String>::new());
    // Nothing left to fix: a second run changes nothing.
    assert!(fix(&path).contains("已自动修复 0 处"));
    assert_eq!(std::fs::read(&path).unwrap(), encode(&fixed_text()));
}

#[test]
fn utf8_bom_crlf_keeps_bom_and_line_endings() {
    round_trip("bom-crlf.txt", |t| {
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend(t.replace('\n', "\r\n").into_bytes());
        b
    });
}

#[test]
fn gb18030_stays_gb18030() {
    round_trip("gbk.txt", |t| {
        GB18030.encode(&t.replace('\n', "\r\n")).0.into_owned()
    });
}

#[test]
fn utf16le_with_bom() {
    round_trip("u16.txt", |t| {
        let mut b = vec![0xFF, 0xFE];
        b.extend(t.encode_utf16().flat_map(|u| u.to_le_bytes()));
        b
    });
}

#[test]
fn utf16_without_a_bom_stays_without() {
    round_trip("u16be.txt", |t| {
        t.replace('\n', "\r\n")
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect()
    });
}

#[test]
fn mixed_line_endings_are_left_alone() {
    // Only the first line ends in CRLF; the rest in LF. Both survive the fix.
    round_trip("mixed.md", |t| t.replacen('\n', "\r\n", 1).into_bytes());
}

#[test]
fn diff_shows_the_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, REPORT).unwrap();
    let out = gwlint()
        .args(["check", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("-(二)深化") && text.contains("+（二）深化"),
        "{text}"
    );
    assert!(text.contains("+2025年1月8日"), "{text}");
    // stdout is the patch alone; the count goes to stderr.
    assert!(!text.contains("可自动修复"), "{text}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("可自动修复 2 处；使用 --fix 写回文件"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), REPORT);
    // Nothing to fix: no advice to write the fixes back.
    let out = gwlint()
        .args(["check", "--diff", "samples/qinghe-2024-clean.txt"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("没有可以写回文件的自动修复"), "{err}");
    assert!(!err.contains("UTF-16"), "{err}");
    // A UTF-16 file's diff is for reading: said, since patch would fail on it.
    let utf16 = dir.path().join("b.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(REPORT.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(&utf16, bytes).unwrap();
    let out = gwlint()
        .args(["check", "--diff"])
        .arg(&utf16)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("b.txt 是 UTF-16 编码，patch 无法读取，它的改动按 UTF-8 列出，仅供阅读"),
        "{err}"
    );
}

#[test]
fn docx_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.docx");
    let original = std::fs::read("samples/fenglin-2024-tracked.docx").unwrap();
    std::fs::write(&path, &original).unwrap();
    let out = gwlint()
        .args(["check", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the findings are still reported"
    );
    assert!(String::from_utf8(out.stderr).unwrap().contains("不会修改"));
    assert_eq!(std::fs::read(&path).unwrap(), original);
    // Named .txt, it is said to be a .docx, as a check says, not an unknown encoding.
    let misnamed = dir.path().join("r.txt");
    std::fs::write(&misnamed, &original).unwrap();
    let out = gwlint()
        .args(["check", "--fix", "--format", "concise"])
        .arg(&misnamed)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("这是一个 Word 文档（.docx），但扩展名是"),
        "{said}"
    );
    assert_eq!(std::fs::read(&misnamed).unwrap(), original);
}

/// A file named on the command line is checked whatever its extension; only .txt and .md
/// are written back, and the machine-readable results stay well-formed.
#[test]
fn only_text_reports_are_written_and_results_stay_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("统计表.csv");
    let table = "单位,许可件数,办结率\n市本级,1286,100%\n";
    std::fs::write(&csv, table).unwrap();
    let out = gwlint()
        .args(["check", "--fix", "--exit-zero"])
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), table);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("只写回扩展名为 .txt、.md")
    );
    let txt = dir.path().join("r.txt");
    std::fs::write(&txt, REPORT).unwrap();
    let out = gwlint()
        .args(["check", "--fix", "--format", "sarif"])
        .arg(&txt)
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("已自动修复 2 处")
    );
}

/// `--min-severity` hides findings; `--fix` must not change what it hid.
#[test]
fn fix_leaves_what_min_severity_hides() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let spaced = REPORT.replace("办结政务服务事项1526件", "办结政务服务事项 1526 件");
    std::fs::write(&path, &spaced).unwrap();
    let out = gwlint()
        .args(["check", "--min-severity", "error", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("已自动修复 2 处"), "{stderr}");
    let want = fixed_text().replace("办结政务服务事项1526件", "办结政务服务事项 1526 件");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), want);
    // Without the filter the spaces go too.
    fix(&path);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed_text());
}

/// The count `check` announces is the count `--fix` applies, also when a full-width digit
/// is spaced ("申请 ３ 件": the spaces and the digit are two findings, fixed together).
#[test]
fn fix_applies_as_many_fixes_as_announced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    std::fs::write(
        &path,
        REPORT.replace("审查重大行政决策3件", "审查重大行政决策 ３ 件"),
    )
    .unwrap();
    let out = gwlint()
        .args(["check", "--format", "concise"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("其中 4 处可用 --fix"), "{stdout}");
    assert!(fix(&path).contains("已自动修复 4 处"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed_text());
}

#[cfg(unix)]
#[test]
fn a_symlink_is_followed_and_a_read_only_file_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.txt");
    let link = dir.path().join("link.txt");
    std::fs::write(&target, REPORT).unwrap();
    std::os::unix::fs::symlink("target.txt", &link).unwrap();
    assert!(fix(&link).contains("已自动修复 2 处"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), fixed_text());

    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, REPORT).unwrap();
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&locked, perms).unwrap();
    let out = gwlint()
        .args(["check", "--fix"])
        .arg(&locked)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("只读") && err.contains("未修复"), "{err}");
    // The file was read: its findings are reported as they stand, not as unreadable.
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("GW0304"), "{report}");
    assert!(!report.contains("无法读取"), "{report}");
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), REPORT);
}

/// Fixing a folder writes only inside it: a link there to a report elsewhere is skipped
/// and said; one to a report inside the folder is that report, fixed once.
#[cfg(unix)]
#[test]
fn fixing_a_folder_does_not_write_through_a_link_out_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("reports");
    std::fs::create_dir(&folder).unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, REPORT).unwrap();
    std::fs::write(folder.join("own.txt"), REPORT).unwrap();
    std::os::unix::fs::symlink("../outside.txt", folder.join("out-link.txt")).unwrap();
    std::os::unix::fs::symlink("own.txt", folder.join("in-link.txt")).unwrap();
    let out = gwlint()
        .args(["check", "--fix", "--exit-zero"])
        .arg(&folder)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("out-link.txt：这是指向所检查文件夹之外的文件的符号链接"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), REPORT);
    assert_eq!(
        std::fs::read_to_string(folder.join("own.txt")).unwrap(),
        fixed_text()
    );
    // The link inside is own.txt under another name: fixed once, counted once.
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("已自动修复 2 处"), "{err}");
    assert!(err.contains("in-link.txt：这是指向 "), "{err}");
    // Checked only, the link is not followed either: the folder's files are its own.
    let out = gwlint()
        .args(["check", "--exit-zero", "--format", "concise"])
        .arg(&folder)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("out-link.txt"));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("out-link.txt：这是指向所检查文件夹之外")
    );
}

/// Extended attributes (an ACL is one) survive a fix, where the file system has them.
#[cfg(unix)]
#[test]
fn fixing_keeps_extended_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.txt");
    std::fs::write(&path, REPORT).unwrap();
    if xattr::set(&path, "user.gwlint-test", b"kept").is_err() {
        eprintln!("no user extended attributes here: nothing to test");
        return;
    }
    assert!(fix(&path).contains("已自动修复 2 处"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed_text());
    assert_eq!(
        xattr::get(&path, "user.gwlint-test").unwrap().as_deref(),
        Some(b"kept".as_slice())
    );
}

#[test]
fn a_file_with_the_longest_name_allowed_can_be_fixed() {
    let dir = tempfile::tempdir().unwrap();
    // 83 Chinese characters and ".txt": 253 bytes, under the usual limit of 255.
    let path = dir.path().join(format!("{}.txt", "报".repeat(83)));
    std::fs::write(&path, REPORT).unwrap();
    assert!(fix(&path).contains("已自动修复 2 处"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed_text());
}

#[cfg(unix)]
#[test]
fn fixing_keeps_the_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("owned.txt");
    std::fs::write(&path, REPORT).unwrap();
    // Only root may give a file away; elsewhere the owner is ours and stays ours.
    let nobody = 65534;
    let given = std::os::unix::fs::chown(&path, Some(nobody), Some(nobody)).is_ok();
    let before = std::fs::metadata(&path).unwrap();
    assert!(fix(&path).contains("已自动修复 2 处"));
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if given {
        assert_eq!(after.uid(), nobody);
    }
}

/// Runs `tool args` in `dir` with `input` on stdin; `None` when the tool is not installed.
fn run_tool(dir: &Path, tool: &str, args: &[&str], input: &[u8]) -> Option<bool> {
    use std::io::Write;
    let mut child = std::process::Command::new(tool)
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input).ok()?;
    Some(child.wait().ok()?.success())
}

#[test]
fn the_diff_applies_with_patch_and_git_apply() {
    // CRLF endings and no final newline (the fixed date is the last line), a BOM, GB18030;
    // a name with a space.
    let crlf = |t: &str| t.trim_end().replace('\n', "\r\n");
    let gb = |t: &str| GB18030.encode(t).0.into_owned();
    let cases: [(Vec<u8>, Vec<u8>); 3] = [
        (crlf(REPORT).into_bytes(), crlf(&fixed_text()).into_bytes()),
        (
            [b"\xEF\xBB\xBF".as_slice(), REPORT.as_bytes()].concat(),
            [b"\xEF\xBB\xBF".as_slice(), fixed_text().as_bytes()].concat(),
        ),
        (gb(REPORT), gb(&fixed_text())),
    ];
    for (original, expected) in cases {
        for tool in ["patch", "git"] {
            let dir = tempfile::tempdir().unwrap();
            let name = "青禾 报告.txt";
            std::fs::write(dir.path().join(name), &original).unwrap();
            let out = gwlint()
                .args(["check", "--diff", name])
                .current_dir(dir.path())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1));
            let args: &[&str] = if tool == "patch" {
                &["-p0", "--quiet"]
            } else {
                &["apply", "-p0", "-"]
            };
            let Some(applied) = run_tool(dir.path(), tool, args, &out.stdout) else {
                eprintln!("{tool} not installed; skipped");
                continue;
            };
            assert!(applied, "{tool}: {}", String::from_utf8_lossy(&out.stdout));
            let now = std::fs::read(dir.path().join(name)).unwrap();
            assert_eq!(now, expected, "{tool}");
        }
    }
}

#[test]
fn a_last_line_of_spaces_is_removed_and_line_breaks_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    // Trailing spaces alone on the last line, without a newline.
    let path = dir.path().join("tail.txt");
    std::fs::write(&path, format!("{REPORT}\u{3000}")).unwrap();
    assert!(fix(&path).contains("已自动修复 3 处"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed_text());
    // A lone CR before a line of spaces: removing them would join two line breaks.
    let path = dir.path().join("cr.txt");
    let mixed = REPORT.replacen("报告如下。\n", "报告如下。\r\u{3000}\n", 1);
    std::fs::write(&path, &mixed).unwrap();
    let _ = gwlint()
        .args(["check", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    let now = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        now.matches(['\n', '\r']).count(),
        mixed.matches(['\n', '\r']).count()
    );
    // The other fixes are still made.
    assert!(
        now.contains("（二）深化") && now.contains("2025年1月8日"),
        "{now}"
    );
}

#[test]
fn a_gb18030_file_whose_bytes_would_change_is_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gb.txt");
    // 0x80 decodes to € but encodes back as A2 E3: writing would change a byte no fix touched.
    let mut bytes = GB18030.encode(REPORT).0.into_owned();
    let at = bytes.len() - 1;
    bytes.insert(at, 0x80);
    std::fs::write(&path, &bytes).unwrap();
    let out = gwlint()
        .args(["check", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("未修复"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// A UTF-8 file with a byte lost is checked, the spot told; written back, the lost byte
/// would become "�" for good, so it is left as it is.
#[test]
fn a_utf8_file_with_a_bad_byte_is_checked_and_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.txt");
    let at = REPORT.find("政府建设").unwrap();
    let mut bytes = REPORT.as_bytes().to_vec();
    bytes.insert(at, 0xE8);
    std::fs::write(&path, &bytes).unwrap();
    let out = gwlint()
        .args(["check", "--fix", "--format", "concise"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("cut.txt:1:18: error[GW0617]"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("未修复"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // Checked alone, its fixes are not offered as what --fix would do.
    let out = gwlint()
        .args(["check", "--format", "concise"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error[GW0304]"), "{stdout}");
    assert!(!stdout.contains("可用 --fix"), "{stdout}");
}

/// An editor fixes an unsaved buffer through stdin: the fixed text comes back on stdout,
/// byte for byte the buffer elsewhere; the findings left go to stderr.
#[test]
fn stdin_is_fixed_to_stdout() {
    let text = "青禾市卫生健康委员会2024年法治政府建设年度报告\r\n市委、市政府：\r\n全年受理投诉12件,办结12件。\r\n";
    let fixed = |args: &[&str]| {
        gwlint()
            .args(["check", "--stdin-filename", "a.txt"])
            .args(args)
            .write_stdin(text)
            .output()
            .unwrap()
    };
    let out = fixed(&["--fix", "--format", "concise"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        out.stdout,
        text.replace("12件,办结", "12件，办结").as_bytes()
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("a.txt:3:17: error[GW0202]") && err.contains("已自动修复 1 处"),
        "{err}"
    );
    let out = fixed(&["--diff"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.starts_with("--- a.txt\n+++ a.txt\n") && diff.contains("+全年受理投诉12件，办结"),
        "{diff}"
    );
    // Nothing to fix: the text comes back as it was.
    let clean = std::fs::read("samples/qinghe-2024-clean.txt").unwrap();
    let out = gwlint()
        .args(["check", "--fix", "--stdin-filename", "a.txt"])
        .write_stdin(clean.clone())
        .output()
        .unwrap();
    assert_eq!((out.status.code(), out.stdout), (Some(0), clean));
    // A buffer that cannot be fixed comes back as it was, for an editor that replaces
    // its buffer with stdout whatever the exit code.
    let undecodable: &[u8] = b"\xff\xfe\x00\xd8";
    let out = gwlint()
        .args(["check", "--fix", "--stdin-filename", "a.txt"])
        .write_stdin(undecodable)
        .output()
        .unwrap();
    assert_eq!(
        (out.status.code(), out.stdout.as_slice()),
        (Some(2), undecodable)
    );
    let out = fixed(&["--fix", "--exit-zero"]);
    assert_eq!(out.status.code(), Some(0));
    gwlint()
        .args([
            "check",
            "--fix",
            "--stdin-filename",
            "a.txt",
            "--output",
            "x.json",
        ])
        .write_stdin(text)
        .assert()
        .code(2);
    // A spreadsheet is not written, through stdin either: it comes back as it was.
    let csv = "青禾市卫健委,45,44\n";
    let out = gwlint()
        .args(["check", "--fix", "--stdin-filename", "x.csv"])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert_eq!(
        (out.status.code(), out.stdout.as_slice()),
        (Some(2), csv.as_bytes())
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.csv：自动修复只写回"));
    // Stdin beside a file is no buffer to give back.
    gwlint()
        .args(["check", "--fix", "-", "samples/qinghe-2024-clean.txt"])
        .write_stdin(text)
        .assert()
        .code(2);
}

/// A team's own safe fix that keeps what it replaces ("依法行政" → "坚持依法行政") is
/// applied once: the text it writes does not fire again, in this run or the next.
#[test]
fn a_custom_fix_keeping_its_match_is_applied_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "[[typo]]\nwrong = \"依法行政\"\nright = \"坚持依法行政\"\nsafe = true\nnote = \"统一说法\"\n\n[[rule]]\ncode = \"ORG002\"\nname = \"grow\"\ncategory = \"wording\"\nseverity = \"warning\"\nmessage = \"写“大力推进”\"\npattern = \"推进\"\nreplace = \"大力推进\"\nsafe = true\nvalid = [\"大力推进\"]\ninvalid = [\"推进\"]\n",
    )
    .unwrap();
    let path = dir.path().join("r.txt");
    std::fs::write(
        &path,
        "本委依法行政，推进工作。坚持依法行政，大力推进改革。\n",
    )
    .unwrap();
    for _ in 0..2 {
        gwlint()
            .args([
                "check",
                "--fix",
                "--exit-zero",
                "--select",
                "GW0801,GW0802,ORG002",
            ])
            .arg(&path)
            .assert()
            .success();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "本委坚持依法行政，大力推进工作。坚持依法行政，大力推进改革。\n"
    );
}

/// `gwlint check --fix` in a folder of reports and other notes: only the reports are
/// written, and each file changed is named with its count.
#[test]
fn fix_names_what_it_changed_and_leaves_other_texts_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("报告.txt"), REPORT).unwrap();
    let list = "姓名,科室,电话\n张三,办公室,1234\n";
    std::fs::write(d.join("通讯录.txt"), list).unwrap();
    let out = gwlint().args(["check", "--fix"]).arg(d).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("已自动修复 2 处，改动的文件：\n") && err.contains("报告.txt：2 处"),
        "{err}"
    );
    assert!(
        err.contains("通讯录.txt：未修复，文件保持原样（本文件不像年度报告"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(d.join("通讯录.txt")).unwrap(), list);
    assert_eq!(
        std::fs::read_to_string(d.join("报告.txt")).unwrap(),
        fixed_text()
    );
}

/// A UTF-8 report opened as GBK and saved again: one finding, and --fix leaves every byte,
/// since its full-width "letters" are halves of characters that can still be recovered.
#[test]
fn garbled_text_is_said_once_and_never_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("乱码.txt");
    let garbled = GB18030.decode_without_bom_handling(REPORT.as_bytes()).0;
    let bytes = GB18030.encode(&garbled).0.into_owned();
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(codes(&path), ["GW0614"]);
    let out = gwlint()
        .args(["check", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("按原编码还原是“青禾市卫生健康委员会20…”")
            && said.contains("可能是 UTF-8 文件被按 GBK（ANSI）打开后又保存过"),
        "{said}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// Garbled text whose wrong reading lost bytes on the way, as it mostly does: each shows as
/// "?" or "�", or is gone. Still one finding, and nothing fixed.
#[test]
fn garbled_text_that_lost_bytes_is_said_once_and_never_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let garbled = GB18030.decode_without_bom_handling(REPORT.as_bytes()).0;
    for (name, lost) in [
        ("问号.txt", "?"),
        ("替换符.txt", "\u{FFFD}"),
        ("丢字.txt", ""),
    ] {
        let damaged: String = garbled
            .chars()
            .enumerate()
            .map(|(k, c)| match c {
                c if !c.is_ascii() && k % 9 == 0 => lost.to_string(),
                c => c.to_string(),
            })
            .collect();
        let path = dir.path().join(name);
        std::fs::write(&path, &damaged).unwrap();
        assert_eq!(codes(&path), ["GW0614"], "{name}");
        gwlint()
            .args(["check", "--fix"])
            .arg(&path)
            .assert()
            .code(1);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged, "{name}");
    }
}

/// One garbled paragraph pasted into a good report: the report is checked, and the "?" the
/// wrong reading left in that paragraph is not turned into "？" unasked, since its bytes
/// are what a restore needs.
#[test]
fn a_garbled_paragraph_keeps_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.txt");
    let line = "主要负责人带头学法，亲自部署法治建设工作。";
    let garbled = GB18030.decode_without_bom_handling(line.as_bytes()).0;
    let damaged = garbled.replacen(|c: char| !c.is_ascii(), "?", 1);
    let text = REPORT.replace(line, &damaged);
    std::fs::write(&path, &text).unwrap();
    assert!(
        codes(&path).contains(&"GW0501".to_string()),
        "{:?}",
        codes(&path)
    );
    gwlint()
        .args(["check", "--fix"])
        .arg(&path)
        .assert()
        .code(1);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains(&damaged), "{after}");
    assert!(after.contains("（二）深化"), "{after}");
}

/// Kangxi radicals copied out of a PDF ("卫⽣", "1⽉8⽇"): read as the characters they look
/// like, found, and fixed to them.
#[test]
fn lookalike_radicals_are_fixed_to_the_characters_meant() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.txt");
    let copied = fixed_text()
        .replace("卫生健康", "卫⽣健康")
        .replace("2025年1月8日", "2025年1⽉8⽇");
    std::fs::write(&path, &copied).unwrap();
    // Read as meant, the 落款 and its date are there: the look-alikes are the only finding.
    let found = codes(&path);
    assert!(
        found.len() >= 3 && found.iter().all(|c| c == "GW0615"),
        "{found:?}"
    );
    assert!(fix(&path).contains("已自动修复"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed_text());
    assert_eq!(codes(&path), Vec::<String>::new());
}

/// Letters read for digits by OCR ("152O件" for 1520) and 曰 for 日 in the 成文日期: read as meant,
/// found, and fixed.
#[test]
fn misread_characters_in_figures_and_dates_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.txt");
    let scanned = fixed_text()
        .replace("1526件", "152O件")
        .replace("2025年1月8日", "2025年1月8曰");
    std::fs::write(&path, &scanned).unwrap();
    assert_eq!(codes(&path), ["GW0616", "GW0616"]);
    assert!(fix(&path).contains("已自动修复"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        fixed_text().replace("1526件", "1520件")
    );
}
