//! `--annotate`: copies of .docx reports with one Word comment per finding.

use assert_cmd::Command;
use std::io::Read;
use std::path::Path;

fn gwlint() -> Command {
    let mut cmd = Command::cargo_bin("gwlint").unwrap();
    cmd.env("SOURCE_DATE_EPOCH", "1735689600");
    cmd
}

fn entry(docx: &Path, name: &str) -> Option<String> {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut e = zip.by_name(name).ok()?;
    let mut s = String::new();
    e.read_to_string(&mut s).unwrap();
    Some(s)
}

/// Every entry's name and stored (compressed) bytes.
fn stored_entries(docx: &Path) -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index_raw(i).unwrap();
            let mut raw = Vec::new();
            e.read_to_end(&mut raw).unwrap();
            (e.name().unwrap().into_owned(), raw)
        })
        .collect()
}

/// A report a colleague already commented on, with a text box.
const REVIEWED: &str = "tests/fixtures/docx/reviewed.docx";

/// Annotates `input` (which has findings) into `dir`; the copy's path.
fn annotated_copy(dir: &Path, input: &Path) -> std::path::PathBuf {
    gwlint()
        .args(["check", "--annotate"])
        .arg(dir)
        .arg(input)
        .assert()
        .code(1);
    dir.join(input)
}

fn extract(path: &Path) -> Vec<u8> {
    gwlint().arg("extract").arg(path).output().unwrap().stdout
}

fn concise_count(path: &Path) -> usize {
    let out = gwlint()
        .args(["check", "--format", "concise", "--exit-zero"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.contains("[GW"))
        .count()
}

#[test]
fn each_finding_becomes_a_comment_and_the_text_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("批注");
    let input = Path::new("samples/linshui-2024-tables.docx");
    let before = std::fs::read(input).unwrap();
    let assert = gwlint()
        .args(["check", "--format", "concise"])
        .arg(input)
        .arg("samples/qinghe-2024-clean.docx")
        .arg("samples/hexi-2024-defects.txt")
        .arg("--annotate")
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let findings = concise_count(input);
    assert!(
        stderr.contains(&format!("已生成批注版 1 份（共 {findings} 条批注）")),
        "{stderr}"
    );
    // The input is never written; a clean report and a text file get no copy.
    assert_eq!(std::fs::read(input).unwrap(), before);
    let copy = out.join("samples/linshui-2024-tables.docx");
    assert!(!out.join("samples/qinghe-2024-clean.docx").exists());
    assert!(!out.join("samples/hexi-2024-defects.txt").exists());

    assert_eq!(extract(&copy), extract(input));
    let comments = entry(&copy, "word/comments.xml").unwrap();
    assert_eq!(comments.matches("<w:comment ").count(), findings);
    assert!(
        comments.contains("GW0412 表格合计与各项之和不符"),
        "{comments}"
    );
    assert!(comments.contains(r#"w:date="2025-01-01T00:00:00Z""#));
    let body = entry(&copy, "word/document.xml").unwrap();
    for mark in ["commentRangeStart", "commentRangeEnd", "commentReference"] {
        assert_eq!(body.matches(mark).count(), findings, "{mark}");
    }
    // The mark goes after the paragraph properties, where the schema allows it.
    assert!(!body.contains("<w:p><w:commentRangeStart w:id=\"0\"/><w:pPr>"));
    assert!(
        entry(&copy, "[Content_Types].xml")
            .unwrap()
            .contains(r#"<Override PartName="/word/comments.xml""#)
    );
    assert!(
        entry(&copy, "word/_rels/document.xml.rels")
            .unwrap()
            .contains(r#"Target="comments.xml""#)
    );
    // Every other entry is copied as stored.
    let changed = [
        "word/document.xml",
        "word/comments.xml",
        "[Content_Types].xml",
        "word/_rels/document.xml.rels",
    ];
    let keep = |e: &Vec<(String, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
        e.iter()
            .filter(|(n, _)| !changed.contains(&n.as_str()))
            .cloned()
            .collect()
    };
    assert_eq!(keep(&stored_entries(&copy)), keep(&stored_entries(input)));
}

#[test]
fn an_existing_comment_is_kept_and_a_text_box_finding_goes_on_its_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let input = Path::new(REVIEWED);
    let copy = annotated_copy(dir.path(), input);
    let comments = entry(&copy, "word/comments.xml").unwrap();
    assert!(comments.contains("请补充数据来源。"), "{comments}");
    let findings = concise_count(input);
    assert_eq!(comments.matches(":comment ").count(), findings + 1);
    // The colleague's comment has id 0; ours take ids above every id in use.
    assert!(
        !comments.contains(r#"w:id="0" w:author="gwlint""#),
        "{comments}"
    );
    assert!(comments.contains(r#"w:author="gwlint""#), "{comments}");
    let body = entry(&copy, "word/document.xml").unwrap();
    let text_box = body.find("txbxContent").unwrap();
    let box_end = body.rfind("txbxContent").unwrap();
    assert!(!body[text_box..box_end].contains("commentRange"));
    assert_eq!(extract(&copy), extract(input));
}

/// A drafter re-checks the copy they were handed: findings already commented on are not
/// commented on again, new ones are.
#[test]
fn an_annotated_copy_annotated_again_gets_no_second_comment() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy("samples/linshui-2024-tables.docx", d.join("报告.docx")).unwrap();
    let annotate = |input: &str, to: &str, only: &[&str]| -> String {
        let assert = gwlint()
            .current_dir(d)
            .args(["check", "--isolated", input, "--annotate", to])
            .args(only)
            .assert()
            .code(1);
        String::from_utf8(assert.get_output().stderr.clone()).unwrap()
    };
    let comments = |copy: &str| {
        entry(&d.join(copy), "word/comments.xml")
            .unwrap()
            .matches("<w:comment ")
            .count()
    };
    annotate("报告.docx", "一", &["--select", "GW0412"]);
    assert_eq!(comments("一/报告.docx"), 1);
    // GW0413 is new; gwlint's own comment is no drafter's comment left in (GW0612).
    let second = annotate("一/报告.docx", "二", &[]);
    assert!(
        second.contains("共 1 条批注；另有 1 条与文件中已有的 gwlint 批注相同，未重复添加"),
        "{second}"
    );
    assert_eq!(comments("二/一/报告.docx"), 2);
    let third = annotate("二/一/报告.docx", "三", &[]);
    assert!(third.contains("共 0 条批注；另有 2 条"), "{third}");
    assert_eq!(comments("三/二/一/报告.docx"), 2);
    let checked = gwlint()
        .current_dir(d)
        .args([
            "check",
            "--isolated",
            "--format",
            "concise",
            "三/二/一/报告.docx",
        ])
        .assert()
        .code(1);
    let out = String::from_utf8(checked.get_output().stdout.clone()).unwrap();
    assert!(!out.contains("GW0612"), "{out}");
}

/// A finding in a footnote is commented on the paragraph that refers to the note.
#[test]
fn a_note_finding_goes_on_the_paragraph_referring_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = Path::new("tests/fixtures/docx/footnotes.docx");
    gwlint()
        .args(["check", "--isolated", "--select", "GW0701", "--annotate"])
        .arg(dir.path())
        .arg(input)
        .assert()
        .code(1);
    let body = entry(&dir.path().join(input), "word/document.xml").unwrap();
    let start = body.find("commentRangeStart").unwrap();
    let paragraph = &body[body[..start].rfind("<w:p>").unwrap()..];
    let paragraph = &paragraph[..paragraph.find("</w:p>").unwrap()];
    assert!(paragraph.contains("footnoteReference"), "{paragraph}");
    assert_eq!(body.matches("commentRangeStart").count(), 1);
}

/// Text files get no copy: nothing is said to be written into a folder never made.
#[test]
fn text_files_alone_get_no_copy_and_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("批注");
    let assert = gwlint()
        .args(["check", "samples/hexi-2024-defects.txt", "--annotate"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("未生成批注版：没有需要批注的 .docx 文件") && !stderr.contains("写入"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn the_input_is_never_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("报告.docx");
    std::fs::copy("samples/linshui-2024-tables.docx", &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let assert = gwlint()
        .current_dir(dir.path())
        .args(["check", "报告.docx", "--annotate", "."])
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("报告.docx：未生成批注版（批注版会写在要检查的文件"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn a_copy_never_replaces_another_input_or_a_file_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("初稿")).unwrap();
    std::fs::copy("samples/linshui-2024-tables.docx", d.join("报告.docx")).unwrap();
    std::fs::copy(
        "samples/fenglin-2024-tracked.docx",
        d.join("初稿/报告.docx"),
    )
    .unwrap();
    let draft = std::fs::read(d.join("初稿/报告.docx")).unwrap();
    // 报告.docx's copy would be 初稿/报告.docx, itself an input.
    let assert = gwlint()
        .current_dir(d)
        .args(["check", "初稿/报告.docx", "报告.docx", "--annotate", "初稿"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("批注版会写在要检查的文件"), "{stderr}");
    assert_eq!(std::fs::read(d.join("初稿/报告.docx")).unwrap(), draft);
    // A file there that gwlint did not write stays.
    std::fs::create_dir_all(d.join("批注")).unwrap();
    std::fs::write(d.join("批注/报告.docx"), b"not ours").unwrap();
    let assert = gwlint()
        .current_dir(d)
        .args(["check", "报告.docx", "--annotate", "批注"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("不是 gwlint 生成的批注版"), "{stderr}");
    assert_eq!(
        std::fs::read(d.join("批注/报告.docx")).unwrap(),
        b"not ours"
    );
    // Two inputs named to the same place: the second is refused.
    std::fs::create_dir_all(d.join("sub/r")).unwrap();
    std::fs::create_dir_all(d.join("r")).unwrap();
    std::fs::copy("samples/linshui-2024-tables.docx", d.join("sub/r/x.docx")).unwrap();
    std::fs::copy("samples/fenglin-2024-tracked.docx", d.join("r/x.docx")).unwrap();
    let assert = gwlint()
        .current_dir(d.join("sub"))
        .args([
            "check",
            "r/x.docx",
            "../r/x.docx",
            "--annotate",
            "../out",
            "--jobs",
            "1",
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("另一个同名文件的批注版"), "{stderr}");
    assert!(stderr.contains("已生成批注版 1 份"), "{stderr}");
}

#[test]
fn copies_in_a_folder_being_checked_are_not_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "samples/linshui-2024-tables.docx",
        dir.path().join("a.docx"),
    )
    .unwrap();
    let run = || {
        let out = gwlint()
            .current_dir(dir.path())
            .args(["check", ".", "--annotate", "批注", "--format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["files"].as_array().unwrap().len()
    };
    assert_eq!(run(), 1);
    assert!(dir.path().join("批注/a.docx").exists());
    assert_eq!(run(), 1);

    // A later plain check of the folder skips the copies and says so; the copies' folder
    // named itself, or --no-ignore, still checks them.
    let files = |args: &[&str]| {
        let out = gwlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let names: Vec<String> = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect();
        (names, String::from_utf8(out.stderr).unwrap())
    };
    let (names, stderr) = files(&["."]);
    assert_eq!(names, ["a.docx"]);
    assert!(
        stderr.contains("跳过 批注：这是 gwlint --annotate 生成的批注版目录"),
        "{stderr}"
    );
    assert_eq!(files(&["批注"]).0, ["批注/a.docx"]);
    assert_eq!(files(&["--no-ignore", "."]).0, ["a.docx", "批注/a.docx"]);
}

#[test]
fn annotate_does_not_go_with_fix() {
    gwlint()
        .args([
            "check",
            "samples/qinghe-2024-clean.txt",
            "--fix",
            "--annotate",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("不能与"));
}

/// A real word processor reads the comments (runs where LibreOffice is installed).
#[test]
fn libreoffice_reads_the_comments() {
    let Some(soffice) = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        eprintln!("LibreOffice not installed; skipping the word-processor check");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = Path::new(REVIEWED);
    let copy = annotated_copy(dir.path(), input);
    let profile = format!("-env:UserInstallation=file://{}/lo", dir.path().display());
    let status = std::process::Command::new(soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&copy)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let odt = std::fs::File::open(dir.path().join("reviewed.odt")).unwrap();
    let mut content = String::new();
    zip::ZipArchive::new(odt)
        .unwrap()
        .by_name("content.xml")
        .unwrap()
        .read_to_string(&mut content)
        .unwrap();
    let annotations = content.matches("<office:annotation>").count()
        + content.matches("<office:annotation ").count();
    assert_eq!(annotations, concise_count(input) + 1, "{content}");
    assert!(content.contains("GW0203"));
}
