//! The command line as users and scripts see it: exit codes, formats, broken inputs.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

const CLEAN: &str = "samples/qinghe-2024-clean.txt";
const UNSIGNED: &str = "samples/xiling-2024-unsigned.txt";

fn gwlint() -> Command {
    let mut c = Command::cargo_bin("gwlint").unwrap();
    c.env("NO_COLOR", "1");
    c
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

fn codes(file: &Value) -> Vec<String> {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn clean_report_exits_zero() {
    gwlint().args(["check", CLEAN]).assert().code(0);
}

#[test]
fn findings_exit_one_unless_exit_zero_or_below_fail_on() {
    gwlint().args(["check", UNSIGNED]).assert().code(1);
    gwlint()
        .args(["check", "--exit-zero", UNSIGNED])
        .assert()
        .code(0);
    // The unsigned sample has errors, so --fail-on error still fails; a warnings-only
    // selection passes with --fail-on error.
    gwlint()
        .args(["check", "--fail-on", "error", UNSIGNED])
        .assert()
        .code(1);
    gwlint()
        .args([
            "check",
            "--fail-on",
            "error",
            "--select",
            "GW0208",
            "samples/donghu-2024-signature.txt",
        ])
        .assert()
        .code(0);
}

#[test]
fn json_follows_the_contract() {
    let out = gwlint()
        .args(["check", "--format", "json", UNSIGNED, CLEAN])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "gwlint");
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["path"], UNSIGNED);
    assert_eq!(files[0]["format"], "text");
    assert_eq!(files[0]["encoding"], "utf-8");
    assert!(files[0]["error"].is_null());
    // What the summary shows per file, for scripts that rank units.
    assert_eq!(files[1]["issuer"], "青禾市卫生健康委员会");
    assert_eq!(files[1]["year"], 2024);
    let d = &files[0]["diagnostics"][0];
    for key in [
        "code",
        "rule",
        "category",
        "severity",
        "message",
        "help",
        "line",
        "column",
        "end_line",
        "end_column",
        "offset",
        "length",
        "excerpt",
        "fix",
    ] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    assert_eq!(d["code"], "GW0102");
    assert_eq!(d["excerpt"], "西陵市卫生健康委员会法治政府建设年度报告");
    assert_eq!(codes(&files[1]), Vec::<String>::new());
    let s = &v["summary"];
    assert_eq!(
        (s["files"].as_u64(), s["failed"].as_u64()),
        (Some(2), Some(0))
    );
    assert_eq!(s["errors"].as_u64(), Some(3));
}

#[test]
fn concise_is_one_line_per_finding() {
    let out = gwlint()
        .args([
            "check",
            "--format",
            "concise",
            "samples/donghu-2024-signature.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "samples/donghu-2024-signature.txt:61:1: warning[GW0208] 发文机关署名“东湖区医疗保障局”与标题中的发文机关“东湖区卫生健康局”不一致"
    );
    assert!(lines[1].starts_with("samples/donghu-2024-signature.txt:62:1: error[GW0203] "));
    assert!(lines[2].starts_with("共检查 1 个文件"));
}

/// A footnote's text is checked where `extract` lists it, after the 落款, which is still
/// found where it is.
#[test]
fn notes_are_checked_after_the_sign_off() {
    let out = gwlint()
        .args(["check", "--isolated", "--format", "concise"])
        .args(["--select", "signature,punctuation,citation"])
        .arg("tests/fixtures/docx/footnotes.docx")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let found: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("tests/fixtures/docx/footnotes.docx:"))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(found, ["7:18:", "8:9:"], "{text}");
    assert!(
        text.contains("error[GW0701]") && text.contains("error[GW0501]"),
        "{text}"
    );
}

#[test]
fn pretty_shows_code_place_and_help_in_chinese() {
    let out = gwlint()
        .args(["check", "samples/nanping-2024-utf16.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("GW0203(date-format)"), "{text}");
    assert!(
        text.contains("[samples/nanping-2024-utf16.txt:35:1]"),
        "{text}"
    );
    assert!(text.contains("应写作“2025年1月8日”"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when NO_COLOR is set");
}

#[test]
fn pretty_shows_ten_findings_of_a_rule_and_lists_the_lines_of_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("青禾市卫生健康委员会2024年法治政府建设年度报告\n\n");
    for k in 1..=14 {
        text.push_str(&format!("第{k}项工作持续推进,成效明显。\n"));
    }
    write(dir.path(), "folded.txt", text.as_bytes());
    let out = gwlint()
        .args(["check", "--select", "GW0501"])
        .arg(dir.path().join("folded.txt"))
        .output()
        .unwrap();
    let pretty = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        pretty.matches("GW0501(halfwidth-punctuation)").count(),
        11,
        "{pretty}"
    );
    // The advice is labelled in Chinese, and findings are blocks apart.
    assert!(
        pretty.contains("  建议：") && !pretty.contains("help:"),
        "{pretty}"
    );
    assert!(pretty.contains("\n\nGW0501("), "{pretty}");
    assert!(
        pretty
            .contains("GW0501(halfwidth-punctuation) 另有 4 处未逐一显示（第 13、14、15、16 行）"),
        "{pretty}"
    );
    let out = gwlint()
        .args(["check", "--select", "GW0501", "--format", "concise"])
        .arg(dir.path().join("folded.txt"))
        .output()
        .unwrap();
    let concise = String::from_utf8(out.stdout).unwrap();
    assert_eq!(concise.matches("[GW0501]").count(), 14, "{concise}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn broken_inputs_get_clear_errors_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a-good.txt", &std::fs::read(CLEAN).unwrap());
    write(
        d,
        "b-truncated.docx",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00truncated",
    );
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    write(d, "c-random.docx", &random);
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    write(d, "d-old-word.docx", &ole);
    write(d, "e-empty.txt", b"");
    write(d, "~$lock.docx", b"owner file");
    write(d, "notes.pdf", b"%PDF-1.4");

    let out = gwlint()
        .args(["check", "--format", "json"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v = json_of(&out.stdout);
    let files = v["files"].as_array().unwrap();
    let names: Vec<&str> = files
        .iter()
        .map(|f| {
            Path::new(f["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        names,
        [
            "a-good.txt",
            "b-truncated.docx",
            "c-random.docx",
            "d-old-word.docx",
            "e-empty.txt"
        ]
    );
    assert!(files[0]["error"].is_null());
    assert_eq!(codes(&files[0]), Vec::<String>::new());
    for f in &files[1..4] {
        let e = &f["error"];
        assert!(!e.is_null(), "{f}");
        assert!(!e["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(files[1]["error"]["kind"], "bad-zip");
    assert_eq!(files[2]["error"]["kind"], "not-docx");
    assert_eq!(files[3]["error"]["kind"], "legacy-format");
    assert!(
        files[3]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("另存为")
    );
    assert!(files[4]["error"].is_null());
    assert_eq!(codes(&files[4]), ["GW0100"]);
    assert_eq!(v["summary"]["failed"], 3);
}

#[test]
fn missing_file_is_exit_two_with_its_name() {
    let out = gwlint()
        .args(["check", "--format", "concise", "no-such-report.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("no-such-report.txt: error[not-found]"),
        "{text}"
    );
    // What could not be read was not checked.
    assert!(
        text.ends_with("没有检查任何文件：1 个文件无法读取\n"),
        "{text}"
    );
}

#[test]
fn stdin_is_named_by_stdin_filename() {
    let bytes = std::fs::read(UNSIGNED).unwrap();
    let out = gwlint()
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "西陵.txt",
            "-",
        ])
        .write_stdin(bytes)
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(v["files"][0]["path"], "西陵.txt");
    assert_eq!(
        codes(&v["files"][0]),
        ["GW0102", "GW0201", "GW0202", "GW0601"]
    );
}

#[test]
fn stdin_filename_alone_reads_stdin_and_is_refused_beside_paths_only() {
    let bytes = std::fs::read(UNSIGNED).unwrap();
    let out = gwlint()
        .args(["check", "--format", "json", "--stdin-filename", "西陵.txt"])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert_eq!(json_of(&out.stdout)["files"][0]["path"], "西陵.txt");
    // With a path and no "-", the name would name nothing: said, not ignored.
    let out = gwlint()
        .args(["check", "--stdin-filename", "西陵.txt", UNSIGNED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--stdin-filename 只用于")
    );
    // An empty stdin named after a file that exists: checked as it is, and the file that
    // may have been meant is named.
    let out = gwlint()
        .args(["check", "--stdin-filename", UNSIGNED])
        .write_stdin(Vec::new())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("要检查 {UNSIGNED} 本身，请去掉 --stdin-filename")),
        "{err}"
    );
    // Stdin is read once: "- -" was a second, empty document.
    let out = gwlint()
        .args(["check", "-", "-"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("只能读取一次")
    );
}

/// Ctrl+C while an output is written: said, with the shell's 130.
#[cfg(unix)]
#[test]
fn an_interrupted_run_says_so() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("结果.json");
    // Stdin left open: the run waits on it until the signal.
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("gwlint"))
        .args(["check", "-", "--format", "json", "--output"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let done = child.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(130));
    let err = String::from_utf8(done.stderr).unwrap();
    assert!(err.contains("gwlint: 已中断"), "{err}");
    assert!(!out.exists());
}

/// Text piped in without "-" is not read: the current folder is, and the note says how.
#[test]
fn piped_text_without_a_dash_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(CLEAN, dir.path().join("报告.txt")).unwrap();
    // A file given as stdin, as the shell's "< 西陵.txt" gives it.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("gwlint"))
        .args(["check", "--format", "concise"])
        .current_dir(dir.path())
        .stdin(std::fs::File::open(UNSIGNED).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("标准输入的内容没有读取。要检查标准输入，请写 gwlint check -"),
        "{err}"
    );
    // Nothing piped: no note.
    let out = gwlint()
        .args(["check", "--format", "concise"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

/// --fix cannot write to stdin, so the summary does not offer it there.
#[test]
fn stdin_findings_are_not_offered_to_fix() {
    let out = gwlint()
        .args(["check", "--format", "concise", "-"])
        .write_stdin(std::fs::read("samples/qingshan-2024-hygiene-bom-crlf.txt").unwrap())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("共检查 1 个文件"), "{text}");
    assert!(!text.contains("--fix"), "{text}");
}

#[test]
fn extract_prints_the_decoded_text() {
    let out = gwlint()
        .args(["extract", "samples/yunling-2023-clean-gb18030.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("云岭县卫生健康局关于2023年度\n法治政府建设情况的报告\n"));
    assert!(!text.contains('\r'));
    gwlint().args(["extract", "no-such.docx"]).assert().code(2);
}

#[test]
fn select_and_ignore_filter_by_code_and_category() {
    // The codes found in UNSIGNED with these options.
    let found = |options: &[&str]| {
        let out = gwlint()
            .args(["check", "--format", "json"])
            .args(options)
            .arg(UNSIGNED)
            .output()
            .unwrap();
        codes(&json_of(&out.stdout)["files"][0])
    };
    assert_eq!(found(&["--ignore", "signature,artifact"]), ["GW0102"]);
    assert_eq!(found(&["--select", "missing-date"]), ["GW0202"]);
    // Categories also by the Chinese names the summary shows.
    assert_eq!(found(&["--ignore", "落款,文档残留"]), ["GW0102"]);
    // And by the names earlier versions showed, still in users' gwlint.toml.
    assert_eq!(found(&["--ignore", "落款,转换残留"]), ["GW0102"]);
    gwlint()
        .args(["check", "--select", "GW9999", UNSIGNED])
        .assert()
        .code(2);
}

#[test]
fn rules_and_explain() {
    let out = gwlint()
        .arg("rules")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("GW0201  missing-signature"))
    );
    let signature = text.lines().find(|l| l.starts_with("GW0201")).unwrap();
    assert!(
        signature.contains(" 落款 ") && signature.contains(" 错误 "),
        "{text}"
    );
    // Piped, a rule is one line and the levels are in Chinese, as --select takes them.
    assert!(!text.contains("error") && text.lines().count() > 100);
    // On an 80-column terminal the descriptions wrap under themselves.
    let out = gwlint().arg("rules").env("COLUMNS", "80").output().unwrap();
    let narrow = String::from_utf8(out.stdout).unwrap();
    let widest = narrow.lines().map(|l| l.width()).max().unwrap();
    assert!(
        widest <= 80 && narrow.lines().count() > text.lines().count(),
        "{narrow}"
    );
    assert!(
        narrow
            .lines()
            .any(|l| l.starts_with("        ") && l.trim_start() == "没有分析原因")
    );
    let out = gwlint().args(["explain", "GW0203"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("date-format") && text.contains("GB/T 9704-2012 7.3.5.4"));
    let out = gwlint()
        .args(["explain", "missing-title"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("GW0101"));
    gwlint().args(["explain", "GW9999"]).assert().code(2);
    // As the output prints it, typed full-width, with a space, or by its Chinese name.
    for asked in [
        "GW0613(header-footer)",
        "ＧＷ０６１３",
        " gw0613 ",
        "页眉或页脚中有往年的年份或未填写的占位符",
    ] {
        let out = gwlint().args(["explain", asked]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with("GW0613 header-footer"), "{asked}: {text}");
    }
    // A Chinese name that starts in ASCII is taken whole.
    let out = gwlint()
        .args(["explain", "Word 转换残留"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("GW0602"));
    // A category lists its rules.
    let out = gwlint().args(["explain", "落款"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("“落款”类（signature）的规则："), "{text}");
    assert!(text.contains("  GW0203  date-format  "), "{text}");
    // In columns, as `gwlint rules` lists them.
    let dated = text.lines().find(|l| l.contains("GW0203")).unwrap();
    let missing = text.lines().find(|l| l.contains("GW0201")).unwrap();
    assert_eq!(
        dated.find("成文日期写法不规范"),
        missing.find("缺少落款"),
        "{text}"
    );
    // A code's first digits, as --select takes them.
    let out = gwlint().args(["explain", "gw02"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("代码以“GW02”开头的规则："), "{text}");
    assert!(text.contains("  GW0214  "), "{text}");
    // A word of the trade lists the rules whose documentation speaks of it.
    let out = gwlint().args(["explain", "抄送"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("说明中讲到“抄送”的规则："), "{text}");
    assert!(
        text.contains("  GW0213  copy-to-above-signature  "),
        "{text}"
    );
    gwlint().args(["explain", "没有这个词"]).assert().code(2);
}

#[test]
fn usage_errors_exit_two() {
    gwlint()
        .args(["check", "--format", "xml", CLEAN])
        .assert()
        .code(2);
    gwlint()
        .args(["check", "--profile", "no-such-profile", CLEAN])
        .assert()
        .code(2);
}

#[test]
fn output_to_a_file_says_what_happened_on_stderr_and_is_not_linted_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", &std::fs::read(CLEAN).unwrap());
    write(d, "b.txt", &[0xff, 0x00, 0x9c, 0x00, 0x01, 0x02]);
    for _ in 0..2 {
        let out = gwlint()
            .current_dir(d)
            .args(["check", ".", "--output", "report.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("b.txt："), "{err}");
        // The second run does not read the first run's report.
        assert!(
            err.contains("共检查 1 个文件：") && err.contains("；另有 1 个文件无法读取"),
            "{err}"
        );
        assert!(err.contains("结果已写入 report.txt"), "{err}");
    }
    let out = gwlint()
        .current_dir(d)
        .args(["check", "a.txt", "--output", "report.xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("--format"));
    assert!(!d.join("report.xlsx").exists());
    // A folder in the output's path that is a file.
    let out = gwlint()
        .current_dir(d)
        .args(["check", "a.txt", "--output", "a.txt/out.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("a.txt 是一个文件，不是目录"), "{err}");
    // Results saved in the folder, checked by a later run of another command: a hint that
    // does not fail the run.
    let out = gwlint()
        .current_dir(d)
        .args(["check", "a.txt", "report.txt", "--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains(": info[GW0109]"), "{listed}");
    // A document at the output's name is never replaced: a draft, or a report under
    // another name (a hard link).
    write(d, "草稿.txt", "2024年度报告草稿".as_bytes());
    let out = gwlint()
        .current_dir(d)
        .args(["check", "a.txt", "--output", "草稿.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("不予覆盖"));
    assert_eq!(
        std::fs::read(d.join("草稿.txt")).unwrap(),
        "2024年度报告草稿".as_bytes()
    );
    #[cfg(unix)]
    {
        std::fs::hard_link(d.join("a.txt"), d.join("link.json")).unwrap();
        let out = gwlint()
            .current_dir(d)
            .args(["check", "a.txt", "--output", "link.json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            std::fs::read(d.join("a.txt")).unwrap(),
            std::fs::read(CLEAN).unwrap()
        );
    }
    // An earlier run's JSON in a .txt is results too; a device is written through.
    for _ in 0..2 {
        let out = gwlint()
            .current_dir(d)
            .args(["check", "a.txt", "--format", "json", "--output", "结果.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
    }
    #[cfg(unix)]
    {
        let out = gwlint()
            .current_dir(d)
            .args(["check", "a.txt", "--output", "/dev/null"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
    }
    // --diff names what it could not read.
    let out = gwlint()
        .current_dir(d)
        .args(["check", "--diff", "a.txt", "b.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("b.txt："));
}

#[test]
fn unreadable_formats_are_named_and_lock_files_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", &std::fs::read(CLEAN).unwrap());
    write(d, "b.doc", b"\xD0\xCF\x11\xE0");
    write(d, "c.pdf", b"%PDF-1.4");
    write(d, "~$a.docx", b"owner");
    let out = gwlint()
        .current_dir(d)
        .args(["check", ".", "~$a.docx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("跳过 2 个不能检查的文件") && err.contains("b.doc"),
        "{err}"
    );
    // A lock file named on the command line is said to be one.
    assert!(
        err.contains("跳过 ~$a.docx：这是 Word 打开文档时生成的临时锁文件"),
        "{err}"
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("共检查 1 个文件")
    );
    // Reports found but none readable: no pass.
    let only_old = tempfile::tempdir().unwrap();
    write(only_old.path(), "b.doc", b"\xD0\xCF\x11\xE0");
    let out = gwlint().arg("check").arg(only_old.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Nothing to check at all is said too, and is no pass: the folder may be the wrong one.
    let empty = tempfile::tempdir().unwrap();
    let out = gwlint().arg("check").arg(empty.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("没有找到可检查的文件")
    );
}

#[test]
fn a_reader_that_stops_early_gets_no_false_success() {
    use std::io::Read;
    let bin = assert_cmd::cargo::cargo_bin("gwlint");
    // Forty files (one file named forty times is checked once).
    let dir = tempfile::tempdir().unwrap();
    for k in 0..40 {
        std::fs::copy(
            "samples/hexi-2024-defects.txt",
            dir.path().join(format!("{k}.txt")),
        )
        .unwrap();
    }
    // Every format: JSON and SARIF are written through serde_json, which wraps the error.
    for format in ["pretty", "json", "sarif"] {
        let mut child = std::process::Command::new(&bin)
            .arg("check")
            .arg(dir.path())
            .args(["--format", format])
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout is closed here, as `| head` does: quiet, and not "all clean".
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(141), "{format}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}

#[test]
fn pretty_fits_the_terminal_width_and_keeps_corrections_whole() {
    let out = gwlint()
        .env("COLUMNS", "60")
        .args([
            "check",
            "samples/hexi-2024-defects.txt",
            "samples/fenglin-2024-tracked.docx",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let width = |l: &str| -> usize {
        l.chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum()
    };
    // The quoted text of each finding fits: lines of the source snippet.
    for line in text.lines().filter(|l| l.contains(" │ ")) {
        assert!(width(line) <= 60, "{} columns: {line}", width(line));
    }
    // A correction is never split across lines.
    assert!(text.contains("应写作“2025年2月10日”"), "{text}");
}

/// A finding wider than the terminal is shown by its start, a cut line is marked "…",
/// and a width under 40 columns is taken as 40, not as no width at all.
#[test]
fn long_findings_are_cut_visibly_and_narrow_terminals_get_narrow_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let long = "全年承办建议提案25件，其中人大代表建议13件、政协委员提案11件，均按期办结答复，满意率100%。".repeat(3);
    let report =
        std::fs::read_to_string(CLEAN)
            .unwrap()
            .replacen("\n一、", &format!("\n{long}\n一、"), 1);
    std::fs::write(&path, report).unwrap();
    let width = |l: &str| -> usize {
        l.chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum()
    };
    for (columns, most) in [("80", 80), ("30", 40)] {
        let out = gwlint()
            .env("COLUMNS", columns)
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let snippets: Vec<&str> = text.lines().filter(|l| l.contains(" │ ")).collect();
        assert!(!snippets.is_empty(), "{text}");
        for line in &snippets {
            assert!(width(line) <= most, "{} columns: {line}", width(line));
        }
        assert!(snippets.iter().any(|l| l.contains('…')), "{text}");
    }
}

/// A point after the last character of a file without a final newline keeps its label.
#[test]
fn a_point_at_the_end_of_a_file_without_a_newline_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let report = std::fs::read_to_string(CLEAN).unwrap();
    let body = report.split("\n青禾市卫生健康委员会\n").next().unwrap();
    std::fs::write(&path, body.trim_end()).unwrap();
    let out = gwlint()
        .args(["check", "--select", "GW0201"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("╰── 缺少落款"), "{text}");
}

#[test]
fn a_docx_on_standard_input_is_read_as_one() {
    let docx = std::fs::read("samples/qinghe-2024-clean.docx").unwrap();
    gwlint()
        .args(["check", "-"])
        .write_stdin(docx.clone())
        .assert()
        .code(0);
    let out = gwlint()
        .args(["extract", "-"])
        .write_stdin(docx)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("青禾市卫生健康委员会2024年法治政府建设年度报告\n")
    );
}

#[test]
fn the_summary_line_says_how_many_findings_fix_would_repair() {
    let out = gwlint()
        .args([
            "check",
            "--format",
            "concise",
            "samples/qingshan-2024-hygiene-bom-crlf.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.trim_end().ends_with("处可用 --fix 自动修复"), "{text}");
    // A .docx is never rewritten: nothing to offer.
    let out = gwlint()
        .args([
            "check",
            "--format",
            "concise",
            "samples/fenglin-2024-tracked.docx",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("--fix"));
}

/// Word shows no line numbers: the readable output says what a .docx's line counts, and
/// only when a .docx had findings.
#[test]
fn docx_line_numbers_are_explained() {
    let note = "（.docx 的行号指 gwlint extract 输出的文本行";
    let out = gwlint()
        .args(["check", "samples/fenglin-2024-tracked.docx"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains(note));
    let out = gwlint().args(["check", CLEAN]).output().unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains(note));
}

#[test]
fn summary_with_a_machine_format_is_refused() {
    let out = gwlint()
        .args(["check", "--summary", "--format", "json", CLEAN])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("--summary"));
}

/// Every readable output honours `--color`: the pretty one, the concise lines and the
/// summary.
#[test]
fn colour_can_be_forced_for_a_pager() {
    let run = |color: &str, extra: &[&str]| -> String {
        let out = gwlint()
            .env("CLICOLOR_FORCE", "1")
            .args(["check", "--color", color])
            .args(extra)
            .arg("samples/nanping-2024-utf16.txt")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    for extra in [&[][..], &["--format", "concise"], &["--summary"]] {
        assert!(run("always", extra).contains('\u{1b}'), "{extra:?}");
        assert!(!run("never", extra).contains('\u{1b}'), "{extra:?}");
    }
    let concise = run("always", &["--format", "concise"]);
    assert!(
        concise.contains("\u{1b}[31;1merror\u{1b}[0m[GW0203]"),
        "{concise}"
    );
}

#[test]
fn the_rule_list_as_json() {
    let out = gwlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out.stdout);
    let rules = v.as_array().unwrap();
    let date = rules.iter().find(|r| r["code"] == "GW0203").unwrap();
    assert_eq!(date["name"], "date-format");
    assert_eq!(date["category"], "signature");
    assert!(date["doc"].as_str().unwrap().contains("GB/T 9704"));
}

#[test]
fn command_line_mistakes_are_explained_in_chinese() {
    for (args, said) in [
        (vec!["check", "--frmat", "json"], "未知的参数“--frmat”"),
        (vec!["check", "--summry"], "（是否想用“--summary”？）"),
        (vec!["check", "--fixx"], "用 gwlint check --help 查看用法"),
        (vec!["chek"], "未知的子命令“chek”（是否想用“check”？）"),
        (
            vec!["xyz"],
            "未知的子命令“xyz”（可用：check、extract、rules、explain）",
        ),
        (vec!["check", "--jobs", "abc"], "的取值“abc”无效"),
        (
            vec![CLEAN],
            "检查文件请用 gwlint check samples/qinghe-2024-clean.txt",
        ),
    ] {
        let out = gwlint().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(said) && err.contains("--help"), "{err}");
    }
    gwlint().arg("--help").assert().code(0);
    // Bare "gwlint": the help on stderr, as a usage error.
    let out = gwlint().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("用法: gwlint")
    );
}

#[test]
fn help_pages_are_in_chinese() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["help", "check"],
        vec!["explain", "-h"],
        vec!["help"],
        vec!["help", "help"],
    ] {
        let out = gwlint().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let page = String::from_utf8(out.stdout).unwrap();
        assert!(
            page.contains("用法: gwlint") && page.contains("选项:"),
            "{page}"
        );
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print help",
            "[OPTIONS]",
        ] {
            assert!(!page.contains(english), "{args:?}: {page}");
        }
    }
    let check = gwlint().args(["help", "check"]).output().unwrap();
    let page = String::from_utf8(check.stdout).unwrap();
    assert!(
        page.contains("--fail-on <级别>") && page.contains("[文件或目录]"),
        "{page}"
    );
    gwlint()
        .arg("-V")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("gwlint "));
}

/// Chinese help has no spaces to break at: it is wrapped where Unicode allows, under its
/// column, to the terminal's width (here `COLUMNS`), and loses no text.
#[test]
fn help_pages_fit_the_terminal() {
    use unicode_width::UnicodeWidthStr;
    for args in [
        vec!["check", "--help"],
        vec!["--help"],
        vec!["rules", "--help"],
    ] {
        let wide = gwlint().args(&args).env("COLUMNS", "300").output().unwrap();
        let narrow = gwlint().args(&args).env("COLUMNS", "70").output().unwrap();
        let narrow = String::from_utf8(narrow.stdout).unwrap();
        for line in narrow.lines() {
            assert!(line.width() <= 70, "{args:?}: {line}");
        }
        let squeezed = |s: &str| s.split_whitespace().collect::<String>();
        let wide = String::from_utf8(wide.stdout).unwrap();
        assert_eq!(squeezed(&narrow), squeezed(&wide), "{args:?}");
        assert!(narrow.lines().count() > wide.lines().count(), "{args:?}");
    }
    let page = gwlint()
        .args(["check", "--help"])
        .env("COLUMNS", "70")
        .output()
        .unwrap();
    let page = String::from_utf8(page.stdout).unwrap();
    let isolated = page
        .lines()
        .find(|l| l.trim_start().starts_with("--isolated"))
        .unwrap();
    assert!(
        isolated.contains("--isolated                 不读取任何"),
        "{page}"
    );
}

/// Pipes, devices, links that lead nowhere or in a circle: each is reported, none blocks.
/// Links to folders are not followed (an alias, a link up): each file is checked once.
#[cfg(unix)]
#[test]
fn special_files_are_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::copy(CLEAN, d.join("sub/a.txt")).unwrap();
    std::os::unix::fs::symlink("sub/a.txt", d.join("link.txt")).unwrap();
    std::os::unix::fs::symlink("missing.txt", d.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("sub", d.join("最新")).unwrap();
    std::os::unix::fs::symlink("loop-b.txt", d.join("loop-a.txt")).unwrap();
    std::os::unix::fs::symlink("loop-a.txt", d.join("loop-b.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
    std::fs::create_dir(d.join(".草稿")).unwrap();
    std::fs::copy(CLEAN, d.join(".草稿/b.txt")).unwrap();
    std::os::unix::fs::symlink(".草稿/b.txt", d.join("b-link.txt")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let secret = elsewhere.path().join("secret.txt");
    std::fs::copy(CLEAN, &secret).unwrap();
    std::os::unix::fs::symlink(&secret, d.join("outside.txt")).unwrap();
    let fifo = d.join("pipe.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = gwlint()
        .args(["check", "--format", "json"])
        .arg(d)
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v = json_of(&out.stdout);
    let error_of = |name: &str| -> String {
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .map(|f| f["error"]["message"].as_str().unwrap_or("").to_string())
            .unwrap_or_else(|| panic!("{name} not reported"))
    };
    assert!(error_of("dangling.txt").contains("符号链接指向的文件不存在"));
    assert!(error_of("loop-a.txt").contains("符号链接形成循环"));
    assert!(error_of("zero.txt").contains("不是普通文件"));
    assert!(error_of("pipe.txt").contains("不是普通文件"));
    // A link to a report the walk does not meet itself is followed.
    assert_eq!(error_of("b-link.txt"), "");
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths.iter().filter(|p| p.ends_with("/a.txt")).count(),
        1,
        "{paths:?}"
    );
    assert!(!paths.iter().any(|p| p.ends_with("up")), "{paths:?}");
    // A link out of the folder is not read: a unit's folder cannot have a file elsewhere
    // on the machine quoted in the results.
    assert!(
        !paths.iter().any(|p| p.ends_with("outside.txt")),
        "{paths:?}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("这是指向目录的符号链接，遍历时不跟随"),
        "{stderr}"
    );
    assert!(
        stderr.contains("outside.txt：这是指向所检查文件夹之外的文件的符号链接，遍历时不跟随"),
        "{stderr}"
    );
    // A link to a report the walk checks under its own name is that report: checked once.
    assert!(!paths.iter().any(|p| p.ends_with("/link.txt")), "{paths:?}");
    assert!(
        stderr.contains("link.txt：这是指向 ")
            && stderr.contains("a.txt 的符号链接，该文件已按自己的名称检查"),
        "{stderr}"
    );
}

#[test]
fn the_results_never_overwrite_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("a.txt");
    std::fs::copy(CLEAN, &report).unwrap();
    let before = std::fs::read(&report).unwrap();
    // Runs `check INPUT --output OUTPUT`.
    let run = |input: &Path, output: &Path| {
        gwlint()
            .arg("check")
            .arg(input)
            .arg("--output")
            .arg(output)
            .output()
            .unwrap()
    };
    for input in [report.as_path(), dir.path()] {
        let out = run(input, &report);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("写入结果会覆盖它"));
        assert_eq!(std::fs::read(&report).unwrap(), before);
    }
    // A report that merely says 共检查 is still a report.
    let says = dir.path().join("b.txt");
    std::fs::write(
        &says,
        "青禾市卫生健康委员会2024年法治政府建设年度报告\n全年共检查 56 家定点医疗机构。\n",
    )
    .unwrap();
    assert_eq!(run(dir.path(), &says).status.code(), Some(2));
    assert!(std::fs::read_to_string(&says).unwrap().contains("56 家"));
    std::fs::remove_file(&says).unwrap();
    // An earlier run's results in the folder are replaced, not checked.
    let results = dir.path().join("结果.txt");
    for _ in 0..2 {
        assert_eq!(run(dir.path(), &results).status.code(), Some(0));
    }
    let text = std::fs::read_to_string(&results).unwrap();
    assert!(text.contains("共检查 1 个文件"), "{text}");
}

/// Nor a file the run reads besides the reports: the list of units, the configuration.
#[test]
fn the_results_never_overwrite_the_roster_or_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("reports")).unwrap();
    std::fs::copy(CLEAN, d.join("reports/a.txt")).unwrap();
    let roster = d.join("单位名单.csv");
    std::fs::write(&roster, "青禾市卫生健康委员会\n").unwrap();
    let config = d.join("team.toml");
    std::fs::write(&config, "ignore = [\"GW0801\"]\n").unwrap();
    for (option, file, what) in [
        ("--roster", &roster, "单位名单（--roster）"),
        ("--config", &config, "配置文件（--config）"),
    ] {
        let before = std::fs::read(file).unwrap();
        let mut cmd = gwlint();
        cmd.args(["check", "--summary", "--format", "csv"])
            .arg(d.join("reports"));
        cmd.arg(option).arg(file).arg("--output").arg(file);
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("是本次读取的{what}")), "{stderr}");
        assert_eq!(std::fs::read(file).unwrap(), before);
    }
}

/// Selecting and ignoring the same rules leaves nothing to check: said, not silent.
#[test]
fn a_selection_that_leaves_no_rule_is_said() {
    let out = gwlint()
        .args(["check", "--select", "落款", "--ignore", "signature", CLEAN])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("没有规则会运行"), "{err}");
    let out = gwlint()
        .args(["check", "--select", "落款", CLEAN])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().is_empty());
}

/// A report of only a title: what is missing is placed on the last line, which exists.
#[test]
fn findings_at_the_end_point_at_a_line_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.txt",
        "青山县卫生健康局2025年法治政府建设年度报告\n".as_bytes(),
    );
    let out = gwlint()
        .args(["check", "--format", "concise"])
        .arg(dir.path().join("t.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("t.txt:1:24: error[GW0202]"), "{text}");
    assert!(!text.contains("t.txt:2:"), "{text}");
}

/// A paragraph drafted on its own is no report (GW0109): its structure is not checked, its
/// wording is. Ignoring GW0109 checks it as a report, not as nothing at all.
#[test]
fn a_file_that_is_no_report() {
    let paragraph = "全年受理投诉1526件，办结1498件，办结率100%，部份单位整改不到位。\n";
    let run = |extra: &[&str]| {
        let out = gwlint()
            .args(["check", "--format", "concise", "--stdin-filename", "p.txt"])
            .args(extra)
            .arg("-")
            .write_stdin(paragraph)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let mut found: Vec<String> = text
            .lines()
            .filter_map(|l| l.split_once('[').map(|(_, r)| r[..6].to_string()))
            .collect();
        found.dedup();
        found
    };
    assert_eq!(run(&[]), ["GW0109", "GW0402", "GW0801"]);
    let as_report = run(&["--ignore", "GW0109"]);
    assert!(as_report.contains(&"GW0101".to_string()), "{as_report:?}");
    assert!(as_report.contains(&"GW0801".to_string()), "{as_report:?}");
}

/// A supervisor who reads the errors first: the rest is neither listed nor counted.
#[test]
fn min_severity_lists_only_what_reaches_it() {
    let out = gwlint()
        .args([
            "check",
            "--format",
            "json",
            "--min-severity",
            "error",
            UNSIGNED,
        ])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let d = v["files"][0]["diagnostics"].as_array().unwrap();
    assert!(!d.is_empty());
    assert!(d.iter().all(|d| d["severity"] == "error"), "{d:?}");
    assert_eq!(v["summary"]["warnings"], 0);
    assert_eq!(v["summary"]["errors"].as_u64(), Some(d.len() as u64));
    let all = json_of(
        &gwlint()
            .args(["check", "--format", "json", UNSIGNED])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(all["summary"]["warnings"].as_u64() > Some(0));
    gwlint()
        .args(["check", "--min-severity", "fatal", UNSIGNED])
        .assert()
        .code(2);
}

/// `gwlint check ARGS` run in `dir`.
fn check_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    gwlint()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .unwrap()
}

/// `--baseline`: an earlier JSON run's findings are accepted; a new one is reported, and
/// so is every finding of a kind that now occurs more often than accepted.
#[test]
fn a_baseline_hides_accepted_findings_only() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("a.txt");
    let original = std::fs::read_to_string(UNSIGNED).unwrap();
    std::fs::write(&report, &original).unwrap();
    let run = |args: &[&str]| check_in(dir.path(), args);
    let out = run(&["--format", "json", "--output", "base.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["--format", "concise", "--baseline", "base.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("已按基线 base.json 略去 4 处"), "{stderr}");
    // A new defect, lines above the accepted ones: only it is reported.
    let mut lines: Vec<&str> = original.lines().collect();
    lines.insert(3, "新增的一段,用了半角逗号。");
    let edited = lines.join("\n") + "\n";
    std::fs::write(&report, edited).unwrap();
    let out = run(&["--format", "concise", "--baseline", "base.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("a.txt:4:6: error[GW0501]"), "{stdout}");
    assert!(stdout.contains("共检查 1 个文件：1 个错误"), "{stdout}");
    // Writing this run's results over the baseline would drop what it accepted.
    let out = run(&["--baseline", "base.json", "--output", "base.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    // A file that is not an earlier run's JSON is said so.
    std::fs::write(dir.path().join("bad.json"), "{}").unwrap();
    let out = run(&["--baseline", "bad.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("不是 gwlint check --format baseline（或 json）的结果")
    );
}

/// `--format baseline` writes a file for git: one finding a line, sorted, without line
/// numbers or local paths; writing it fails nothing, and it hides what it lists. A file
/// it names that is gone (renamed) is said on stderr.
#[test]
fn a_baseline_for_git_and_a_renamed_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("报告")).unwrap();
    std::fs::copy(UNSIGNED, dir.path().join("报告/a.txt")).unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "select = [\"signature\", \"punctuation\"]\n",
    )
    .unwrap();
    let run = |args: &[&str]| check_in(dir.path(), args);
    let out = run(&["报告", "--format", "baseline", "--output", "base.json"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let written = std::fs::read_to_string(dir.path().join("base.json")).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines[1], "{\"path\":\"报告/a.txt\",\"diagnostics\":[");
    let findings: Vec<&str> = lines[2..lines.len() - 2].to_vec();
    assert_eq!(findings.len(), 2, "{written}");
    assert!(
        findings.iter().all(|l| l.starts_with("{\"code\":\"GW0")),
        "{written}"
    );
    let mut sorted = findings.clone();
    sorted.sort();
    assert_eq!(findings, sorted);
    assert!(!written.contains("\"line\"") && !written.contains(dir.path().to_str().unwrap()));
    let out = run(&["报告", "--baseline", "base.json"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Renamed: its findings come back, and stderr says why.
    std::fs::rename(dir.path().join("报告/a.txt"), dir.path().join("报告/b.txt")).unwrap();
    let out = run(&["报告", "--baseline", "base.json", "--format", "concise"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("注意：基线 base.json 中有 1 个文件已不存在（报告/a.txt）"),
        "{stderr}"
    );
}

/// A pre-commit hook's `args` come after its `entry`: an option given again takes the
/// later value instead of failing every commit.
#[test]
fn an_option_given_twice_takes_the_later_value() {
    let out = gwlint()
        .args(["check", "--format", "concise", "--format", "json", UNSIGNED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    json_of(&out.stdout);
    gwlint()
        .args(["check", "--fail-on", "info", "--fail-on", "error", CLEAN])
        .assert()
        .code(0);
    // Lists of rules add up instead.
    let out = gwlint()
        .args([
            "check", "--format", "json", "--select", "GW0201", "--select", "GW0202",
        ])
        .arg(UNSIGNED)
        .output()
        .unwrap();
    assert_eq!(
        codes(&json_of(&out.stdout)["files"][0]),
        ["GW0201", "GW0202"]
    );
}

/// The hooks pre-commit runs take the reports of a repository and leave its own notes.
#[test]
fn the_hooks_take_reports_and_leave_a_repositorys_notes() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    let values = |key: &str| -> Vec<regex::Regex> {
        hooks
            .lines()
            .filter_map(|l| l.trim().strip_prefix(key))
            .map(|v| regex::Regex::new(v.trim().trim_matches('\'')).unwrap())
            .collect()
    };
    let (files, exclude) = (values("files:"), values("exclude:"));
    // Two hooks for reports, two for configurations.
    assert_eq!((files.len(), exclude.len()), (4, 2));
    let taken = |path: &str| files[0].is_match(path) && !exclude[0].is_match(path);
    for config in ["gwlint.toml", "各单位/甲县/gwlint.toml"] {
        assert!(files[2].is_match(config) && !taken(config), "{config}");
    }
    assert!(!files[2].is_match("my-gwlint.toml"));
    for report in [
        "报告/东湖区.docx",
        "报告/带宏.DOCM",
        "a.TXT",
        "2025/readme报告/x.md",
        "各单位/notes.md",
    ] {
        assert!(taken(report), "{report}");
    }
    for note in [
        "README.md",
        "docs/Readme.txt",
        "CHANGELOG.md",
        "LICENSE.txt",
        "a.pdf",
    ] {
        assert!(!taken(note), "{note}");
    }
}

/// The data files the rules' docs name are built in: a user without the sources can
/// list and read them.
#[test]
fn the_built_in_data_files_can_be_read() {
    let out = gwlint().args(["rules", "--data"]).output().unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(list.contains("rules/lexicon.toml") && list.contains("rules/fazhi-report.toml"));
    let out = gwlint()
        .args(["rules", "--data", "units"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("[units]"));
    gwlint().args(["rules", "--data", "nope"]).assert().code(2);
    let out = gwlint().args(["explain", "GW0805"]).output().unwrap();
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(doc.contains("rules/lexicon.toml") && doc.contains("gwlint rules --data"));
}

/// A file's name is the sender's: on the terminal and in CI logs it cannot start a line
/// of its own (a workflow command) or carry escape sequences.
#[cfg(unix)]
#[test]
fn file_names_cannot_inject_lines_or_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(
        "samples/hexi-2024-defects.txt",
        d.join("a\n::error::x\u{1b}]0;t\u{7}.txt"),
    )
    .unwrap();
    std::fs::write(d.join("b\n::stop-commands::z.doc"), "junk").unwrap();
    for args in [
        &["--format", "concise"][..],
        &["--format", "github"],
        &["--summary"],
        &[],
    ] {
        let out = gwlint().arg("check").args(args).arg(d).output().unwrap();
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{args:?}: {text}"
            );
            assert!(
                !text
                    .lines()
                    .any(|l| l.starts_with("::error::x") || l.starts_with("::stop-commands")),
                "{args:?}: {text}"
            );
        }
    }
}

/// A mistyped file name is answered with the file beside it that was meant.
#[test]
fn a_missing_file_names_the_one_meant() {
    let out = gwlint()
        .args(["check", "samples/hexi-2024-defect.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stdout).unwrap();
    assert!(
        err.contains("文件或目录不存在（是否指 samples/hexi-2024-defects.txt？）"),
        "{err}"
    );
    let out = gwlint()
        .args(["check", "samples/通知.pdf"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stdout).unwrap();
    assert!(
        err.contains("文件或目录不存在\n") && !err.contains("是否指"),
        "{err}"
    );
}
