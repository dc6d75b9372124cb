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
    String::from_utf8(out.stdout).unwrap()
}

fn round_trip(name: &str, encode: impl Fn(&str) -> Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, encode(REPORT)).unwrap();
    assert_eq!(codes(&path), ["GW0304", "GW0203"]);
    let stdout = fix(&path);
    assert!(stdout.contains("已自动修复 2 处"), "{stdout}");
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
    assert!(
        text.ends_with("可自动修复 2 处；使用 --fix 写回文件\n"),
        "{text}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), REPORT);
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
}

#[test]
fn fix_refuses_stdin() {
    gwlint()
        .args(["check", "--fix", "-"])
        .write_stdin(REPORT)
        .assert()
        .code(2);
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
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("只读"), "{said}");
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), REPORT);
}
