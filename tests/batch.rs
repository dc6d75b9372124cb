//! The supervisor's run: many files, broken ones among them, every output format.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn gwlint() -> Command {
    let mut c = Command::cargo_bin("gwlint").unwrap();
    c.env("NO_COLOR", "1").env_remove("COLUMNS");
    c
}

/// `gwlint check --summary` on `dir`: what it prints.
fn summary(dir: &Path) -> String {
    let out = gwlint()
        .args(["check", "--summary"])
        .arg(dir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

const SAMPLES: [&str; 6] = [
    "qinghe-2024-clean.txt",
    "baishi-2024-missing-parts.txt",
    "donghu-2024-signature.txt",
    "xiling-2024-unsigned.txt",
    "nanping-2024-utf16.txt",
    "fenglin-2024-tracked.docx",
];

/// `n` reports copied from the samples, with a few broken files mixed in.
fn corpus(dir: &Path, n: usize) -> usize {
    let mut broken = 0;
    for i in 0..n {
        let sample = SAMPLES[i % SAMPLES.len()];
        let ext = Path::new(sample).extension().unwrap().to_str().unwrap();
        let sub = dir.join(format!("unit{:02}", i % 17));
        std::fs::create_dir_all(&sub).unwrap();
        let target = sub.join(format!("report{i:04}.{ext}"));
        if i % 97 == 13 {
            std::fs::write(
                sub.join(format!("broken{i:04}.docx")),
                b"PK\x03\x04 not a zip",
            )
            .unwrap();
            broken += 1;
        }
        std::fs::copy(PathBuf::from("samples").join(sample), target).unwrap();
    }
    broken
}

fn json_run(dir: &Path, jobs: &str) -> (Option<i32>, Value, String) {
    let out = gwlint()
        .args(["check", "--format", "json", "--jobs", jobs])
        .arg(dir)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code(),
        serde_json::from_str(&text).unwrap(),
        text,
    )
}

#[test]
fn a_thousand_reports_with_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    let broken = corpus(dir.path(), 1000);
    let (code, v, one) = json_run(dir.path(), "1");
    let (code2, _, two) = json_run(dir.path(), "2");
    assert_eq!(code, Some(2));
    assert_eq!(code2, Some(2));
    assert_eq!(one, two, "output must not depend on the number of threads");

    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 1000 + broken);
    let failed = files.iter().filter(|f| !f["error"].is_null()).count();
    assert_eq!(failed, broken);
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "files are reported in path order");

    let count = |sev: &str| -> u64 {
        files
            .iter()
            .flat_map(|f| f["diagnostics"].as_array().unwrap())
            .filter(|d| d["severity"] == sev)
            .count() as u64
    };
    let s = &v["summary"];
    assert_eq!(s["files"].as_u64(), Some(files.len() as u64));
    assert_eq!(s["failed"].as_u64(), Some(broken as u64));
    assert_eq!(s["errors"].as_u64(), Some(count("error")));
    assert_eq!(s["warnings"].as_u64(), Some(count("warning")));
    assert_eq!(s["infos"].as_u64(), Some(count("info")));
}

/// With lower severities left out, a file with nothing listed is not called clean.
#[test]
fn summary_says_what_min_severity_left_out() {
    for (min, label) in [("info", "无问题 1 个"), ("error", "无错误 1 个")] {
        let out = gwlint()
            .args(["check", "--summary", "--min-severity", min])
            .arg("samples/qinghe-2024-clean.txt")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(&format!("按文件：{label}")), "{text}");
    }
}

#[test]
fn summary_table_totals_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 14);
    let out = gwlint()
        .args(["check", "--summary"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    // Paths are shown below the folder that holds them all.
    let root = format!("（文件路径相对于 {}）\n文件", dir.path().display());
    assert!(text.starts_with(&root), "{text}");
    assert!(text.contains("\nunit00/report0000.txt "), "{text}");
    assert!(
        text.contains("发文机关") && text.contains("东湖区医疗保障局"),
        "{text}"
    );
    assert!(
        text.contains("合计（15 个文件，含相同副本 8 个）"),
        "{text}"
    );
    assert!(
        text.contains("无法读取的文件：") && text.contains("broken0013.docx"),
        "{text}"
    );
    assert!(
        text.contains("出现最多的问题（按涉及的文件数，不含提示）："),
        "{text}"
    );
    assert!(text.contains(" 个文件，"), "{text}");
    assert!(text.contains("按文件：有错误 "), "{text}");
    assert!(text.contains("无法读取 1 个"), "{text}");
}

/// At a terminal narrower than the table, each file is a block: its name, then its
/// non-zero counts under their headings, wrapped to the width like the lists below.
#[test]
fn summary_fits_a_narrow_terminal() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 14);
    let out = gwlint()
        .env("COLUMNS", "80")
        .args(["check", "--summary"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let root = format!("（文件路径相对于 {}）\n", dir.path().display());
    for line in text
        .lines()
        .filter(|l| !l.starts_with(&root[..root.len() - 1]))
    {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= 80, "{width} columns: {line}\n{text}");
    }
    assert!(!text.contains("数字与日期  标点"), "{text}");
    assert!(
        text.contains("\nunit02/report0002.txt  东湖区卫生健康局（落款：东湖区医疗保障局）  2024\n    错误 1，警告 1；落款 2\n"),
        "{text}"
    );
    assert!(text.contains("\n    无问题\n"), "{text}");
    assert!(text.contains("/broken0013.docx\n    无法读取\n"), "{text}");
    assert!(
        text.contains("合计（15 个文件，含相同副本 8 个）\n    错误 "),
        "{text}"
    );
}

#[test]
fn summary_names_the_reports_whose_sign_off_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read_to_string("samples/qinghe-2024-clean.txt").unwrap();
    let date = clean.rfind("2025年").unwrap();
    let line_end = date + clean[date..].find('\n').unwrap();
    let undated = format!("{}{}", &clean[..date], &clean[line_end + 1..]);
    std::fs::write(dir.path().join("undated.txt"), undated).unwrap();
    std::fs::write(dir.path().join("clean.txt"), &clean).unwrap();
    let text = summary(dir.path());
    assert!(
        text.contains("落款或成文日期有问题的文件：\n  undated.txt：缺少成文日期\n"),
        "{text}"
    );
    assert!(!text.contains("clean.txt："), "{text}");
}

#[test]
fn summary_names_the_parts_a_report_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read_to_string("samples/qinghe-2024-clean.txt").unwrap();
    let start = clean.find("四、").unwrap();
    let end = clean[start..].find("\n青禾市卫生健康委员会\n").unwrap() + start;
    let lacking = format!("{}{}", &clean[..start], &clean[end + 1..]);
    std::fs::write(dir.path().join("a.txt"), lacking).unwrap();
    let text = summary(dir.path());
    assert!(
        text.contains("缺少法定报告内容的文件：") && text.contains("a.txt：缺少下一年度主要安排"),
        "{text}"
    );
    assert!(!text.contains("落款或成文日期有问题的文件："), "{text}");
    let page = gwlint()
        .args(["check", "--format", "html"])
        .arg(dir.path())
        .output()
        .unwrap();
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(page.contains("<div class=\"missing\">缺少：下一年度主要安排</div>"));
}

/// A report of last year's sent again, and a draft beside the final version.
#[test]
fn summary_says_what_only_the_batch_shows() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let clean = std::fs::read_to_string("samples/qinghe-2024-clean.txt").unwrap();
    let units = ["甲县卫生健康局", "乙县卫生健康局", "丙县卫生健康局"];
    for (i, unit) in units.iter().enumerate() {
        let text = clean.replace("青禾市卫生健康委员会", unit);
        std::fs::write(d.join(format!("{i}.txt")), &text).unwrap();
    }
    let old = clean
        .replace("青禾市卫生健康委员会", "丁县卫生健康局")
        .replace("2024年", "2023年");
    std::fs::write(d.join("3.txt"), old).unwrap();
    std::fs::copy(d.join("2.txt"), d.join("2-修改稿.txt")).unwrap();
    let text = summary(d);
    assert!(
        text.contains("年度与多数报告（2024年）不同的文件：\n  3.txt：2023年\n"),
        "{text}"
    );
    assert!(
        text.contains("同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  丙县卫生健康局：2-修改稿.txt、2.txt 内容完全相同（保留一份即可）\n"),
        "{text}"
    );
}

/// A report sent as .docx and again as the text saved from it is one report sent twice,
/// whatever its indentation and blank lines.
#[test]
fn a_docx_and_its_text_are_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let docx = "samples/fenglin-2024-tracked.docx";
    std::fs::copy(docx, d.join("报告.docx")).unwrap();
    let text = gwlint().arg("extract").arg(docx).output().unwrap().stdout;
    let text = String::from_utf8(text).unwrap().replace('\n', "\n\n　　");
    std::fs::write(d.join("报告.txt"), text + "\n").unwrap();
    let said = summary(d);
    assert!(
        said.contains("报告.docx、报告.txt 内容完全相同（保留一份即可）"),
        "{said}"
    );
    // Both are counted, and the totals say one is a copy.
    assert!(said.contains("合计（2 个文件，含相同副本 1 个）"), "{said}");
}

/// A roster saved from Excel, with a column of cities, and an inbox as it arrives: one
/// 城关区 in each city, a joint report, a hospital not on the list in a city's folder, a
/// report its folder hides and one that cannot be read. Each unit is credited with what it
/// sent, and only with that.
#[test]
fn roster_credits_each_unit_with_what_it_sent() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let clean = std::fs::read_to_string("samples/qinghe-2024-clean.txt").unwrap();
    let of = |unit: &str| clean.replace("青禾市卫生健康委员会", unit);
    for folder in ["甲市/城关区", "乙市/东湖县", "乙市/西湖县"] {
        std::fs::create_dir_all(d.join(folder)).unwrap();
    }
    std::fs::write(d.join("甲市/城关区/报告.txt"), of("城关区卫生健康局")).unwrap();
    std::fs::write(d.join("甲市/医院报告.txt"), of("甲市人民医院")).unwrap();
    let joint = of("丙省妇幼保健院").replace(
        "\n丙省妇幼保健院\n2025年",
        "\n丙省妇幼保健院　　丙省儿童医院\n2025年",
    );
    std::fs::write(d.join("联合报告.txt"), joint).unwrap();
    std::fs::write(d.join("乙市/东湖县/报告.txt"), of("东湖县卫生健康局")).unwrap();
    std::fs::write(d.join("乙市/东湖县/.ignore"), "*.txt\n").unwrap();
    std::fs::write(d.join("乙市/西湖县/报告.docx"), b"not a zip").unwrap();
    let roster = d.join("名单.csv");
    std::fs::write(
        &roster,
        "\u{feff}序号,设区市,单位名称,联系人\r\n1,甲市,甲市卫生健康委员会,张三\r\n2,甲市,城关区卫生健康局,李四\r\n3,乙市,城关区卫生健康局,王五\r\n4,省直,丙省妇幼保健院,赵六\r\n5,省直,丙省儿童医院,钱七\r\n6,乙市,东湖县卫生健康局,孙八\r\n7,乙市,西湖县卫生健康局,周九\r\n",
    )
    .unwrap();
    let run = |roster: &Path| {
        let out = gwlint()
            .args(["check", "--summary", "--year", "2024", "--roster"])
            .arg(roster)
            .arg(d)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(&roster);
    for said in [
        "名单中未报送或需重新报送的单位（4 个，名单共 7 个）：\n  甲市卫生健康委员会\n  乙市城关区卫生健康局\n  乙市东湖县卫生健康局（报告按忽略设置未检查）\n  乙市西湖县卫生健康局（报送的文件无法读取）\n",
        "不在单位名单中的文件（核对是否报错了单位，或名单中的名称写法不同）：\n  甲市/医院报告.txt：发文机关“甲市人民医院”\n",
    ] {
        assert!(text.contains(said), "{said}\n{text}");
    }
    // Said also when every unit on the list sent: a list misread would look the same.
    let one = d.join("一个.txt");
    std::fs::write(&one, "甲市城关区卫生健康局\n").unwrap();
    assert!(
        run(&one).contains("名单核对（名单共 1 个单位）：\n  名单中的单位均已报送\n"),
        "{}",
        run(&one)
    );
}

/// The supervisor's list of units and the year asked for: who sent nothing, who is not on
/// the list, which report is of another year; in the summary, its CSV and the page.
#[test]
fn roster_and_year_say_who_sent_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let clean = std::fs::read_to_string("samples/qinghe-2024-clean.txt").unwrap();
    std::fs::write(
        d.join("a.txt"),
        clean.replace("青禾市卫生健康委员会", "甲县卫生健康局"),
    )
    .unwrap();
    let old = clean
        .replace("青禾市卫生健康委员会", "乙县卫健局")
        .replace("2024年", "2023年");
    std::fs::write(d.join("b.txt"), old).unwrap();
    std::fs::write(
        d.join("c.txt"),
        clean.replace("青禾市卫生健康委员会", "戊县卫生健康局"),
    )
    .unwrap();
    std::fs::create_dir(d.join("丙县")).unwrap();
    std::fs::write(d.join("丙县/报告.pdf"), b"%PDF-1.4").unwrap();
    // Pasted from a notice, and kept among the reports: not checked as one.
    let roster = d.join("名单.txt");
    std::fs::write(
        &roster,
        "应报送单位名单\n1．甲县卫生健康局\n2．乙县卫生健康局\n3．丙县卫生健康局\n4．丁县卫生健康局（含县疾控中心）\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = gwlint()
            .args(["check", "--roster"])
            .arg(&roster)
            .args(["--year", "2024"])
            .args(extra)
            .arg(d)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(&["--summary"]);
    for said in [
        "年度不是2024年的文件：\n  b.txt：2023年\n",
        // 乙县卫健局 is 乙县卫生健康局. A report of another year does not count as sent,
        // nor does the PDF in 丙县's folder: each is said beside its unit.
        "名单中未报送或需重新报送的单位（3 个，名单共 4 个）：\n  乙县卫生健康局（只报送了2023年的报告）\n  丙县卫生健康局（报送的 PDF 文件无法检查）\n  丁县卫生健康局\n",
        "不在单位名单中的文件（核对是否报错了单位，或名单中的名称写法不同）：\n  c.txt：发文机关“戊县卫生健康局”\n",
    ] {
        assert!(text.contains(said), "{said}\n{text}");
    }
    assert!(!text.contains("年度与多数报告"), "{text}");
    assert!(!text.contains("名单.txt"), "{text}");
    let csv = run(&["--summary", "--format", "csv"]);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",目录,名单序号,名单单位"),
        "{csv}"
    );
    // In the list's order, each row with its unit; a unit's files before what it lacks,
    // and the files of units not on the list last.
    let by_unit: Vec<(String, &str, &str)> = csv
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            let name = Path::new(cells[0])
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            (name, cells[3], cells[cells.len() - 2])
        })
        .collect();
    assert_eq!(
        by_unit,
        [
            ("a.txt".to_string(), "有警告", "1"),
            ("b.txt".to_string(), "有警告", "2"),
            (String::new(), "年度不符", "2"),
            ("报告.pdf".to_string(), "未检查", "3"),
            (String::new(), "需重新报送", "3"),
            (String::new(), "未报送", "4"),
            ("c.txt".to_string(), "有警告", ""),
        ]
    );
    assert!(
        csv.contains(",丁县卫生健康局,,未报送,,,,,,,,,,,,,,,,4,丁县卫生健康局\r\n"),
        "{csv}"
    );
    // What the batch says of a file stands in its row, in the 批次核对 column.
    let batch_note = |name: &str| {
        let line = csv.lines().find(|l| l.contains(name)).unwrap();
        line.split(',').nth(16).unwrap().to_string()
    };
    assert_eq!(batch_note("b.txt"), "年度为2023年（应为2024年）");
    assert_eq!(batch_note("c.txt"), "不在单位名单中");
    assert_eq!(batch_note("a.txt"), "");
    let page = run(&["--format", "html"]);
    assert!(
        page.contains("<summary>名单中未报送或需重新报送的单位（3 个，名单共 4 个）</summary>"),
        "{page}"
    );
    // The list or the year cannot be used: nothing is checked.
    for bad in [["--roster", "没有这个文件.txt"], ["--year", "24"]] {
        gwlint()
            .arg("check")
            .args(bad)
            .arg(d)
            .assert()
            .code(2)
            .stdout("");
    }
}

/// One folder per city: the supervisor sees which sent the worst reports, in the text
/// summary and on the HTML page, with the lists the summary gives.
#[test]
fn summary_totals_each_folder_worst_first() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for city in ["东城市", "西河市"] {
        std::fs::create_dir(d.join(city)).unwrap();
    }
    let copy = |sample: &str, to: &str| {
        std::fs::copy(Path::new("samples").join(sample), d.join(to)).unwrap();
    };
    // Named by number: a county's name over another's report is a finding of its own.
    copy("qinghe-2024-clean.txt", "东城市/1.txt");
    copy("xiling-2024-unsigned.txt", "西河市/2.txt");
    copy("baishi-2024-missing-parts.txt", "西河市/3.txt");
    std::fs::write(d.join("西河市/4.docx"), b"not a zip").unwrap();
    let text = summary(d);
    let table = text
        .split("按目录汇总（有错误的文件多的在前）：\n")
        .nth(1)
        .expect(&text);
    let rows: Vec<Vec<&str>> = table
        .lines()
        .take(3)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec![
                "目录",
                "文件",
                "有错误",
                "有警告",
                "无法读取",
                "未检查",
                "错误",
                "警告",
                "提示"
            ],
            vec!["西河市", "3", "2", "0", "1", "0", "4", "4", "0"],
            vec!["东城市", "1", "0", "0", "0", "0", "0", "0", "0"],
        ],
        "{text}"
    );
    let page = gwlint()
        .args(["check", "--format", "html"])
        .arg(d)
        .output()
        .unwrap();
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(page.contains("<table class=\"folders\">"), "{page}");
    assert!(page.contains("<td>西河市</td><td class=\"n\">3</td>"));
    assert!(page.contains("<summary>无法读取的文件：1 项</summary>"));
    assert!(page.contains("<summary>落款或成文日期有问题的文件：2 项</summary>"));
}

#[test]
fn summary_as_csv_has_one_row_per_file() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 14);
    let out = gwlint()
        .args(["check", "--summary", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    let rows: Vec<Vec<&str>> = text
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 1 + 15, "{text}");
    assert_eq!(
        rows[0][..7],
        ["文件", "发文机关", "年度", "状态", "错误", "警告", "提示"]
    );
    assert_eq!(rows[0].len(), 19);
    assert_eq!(
        rows[0][16..],
        ["批次核对", "无法读取或未检查的原因", "目录"]
    );
    let broken = rows
        .iter()
        .find(|r| r[0].ends_with("broken0013.docx"))
        .unwrap();
    assert_eq!(broken[3], "无法读取");
    assert!(!broken[17].is_empty());
    // The per-file counts add up to the whole: each category column sums to the findings.
    for r in rows.iter().skip(1).filter(|r| r[3] != "无法读取") {
        let n = |k: usize| r[k].parse::<usize>().unwrap();
        assert_eq!(n(4) + n(5) + n(6), (7..15).map(n).sum::<usize>(), "{r:?}");
    }
    let baishi = rows
        .iter()
        .find(|r| r[3] == "有警告" || r[3] == "有错误")
        .unwrap();
    assert!(!baishi[1].is_empty());
}

/// A unit that sent a .doc or a .pdf must show up in what the supervisor reads, not only on
/// stderr; the run itself is not failed by them.
/// A report saved as a macro-enabled document or from a template is the same package:
/// found in a folder and checked like a .docx.
#[test]
fn macro_enabled_documents_and_templates_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for ext in ["docx", "docm", "dotx", "dotm"] {
        std::fs::copy(
            "samples/fenglin-2024-tracked.docx",
            d.join(format!("r.{ext}")),
        )
        .unwrap();
    }
    let out = gwlint()
        .args(["check", "--format", "json", "--exit-zero"])
        .arg(d)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 4, "{v}");
    let findings = |f: &Value| f["diagnostics"].as_array().unwrap().len();
    assert!(files.iter().all(|f| f["error"].is_null()), "{v}");
    assert!(files.iter().all(|f| findings(f) == findings(&files[0])));
}

#[test]
fn reports_in_unread_formats_are_listed_in_the_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy("samples/qinghe-2024-clean.txt", d.join("a.txt")).unwrap();
    std::fs::write(d.join("b.doc"), b"\xD0\xCF\x11\xE0").unwrap();
    std::fs::write(d.join("c.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(d.join("d.zip"), b"PK\x05\x06").unwrap();
    std::fs::write(d.join("e.jpg"), b"\xFF\xD8\xFF").unwrap();
    let run = |args: &[&str]| {
        let out = gwlint().args(args).arg(d).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (table, err) = run(&["check", "--summary"]);
    assert!(table.contains("未检查的文件（格式不支持）："), "{table}");
    assert!(table.contains("b.doc：Word 97-2003 或 WPS 格式无法检查，请另存为 .docx"));
    assert!(table.contains("c.pdf：PDF 文件无法检查"));
    assert!(table.contains("d.zip：压缩包不会自动展开，请解压后再检查其中的报告"));
    assert!(table.contains("e.jpg：图片（扫描件）无法检查"));
    assert!(table.contains("未检查（格式不支持）4 个"));
    // Counted once there, not again in the closing line.
    assert!(!table.contains("另有 4 个"), "{table}");
    // Said once: the table lists them, so stderr does not.
    assert!(!err.contains("跳过"), "{err}");

    let (csv, _) = run(&["check", "--summary", "--format", "csv"]);
    let rows: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 6, "{csv}");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    assert!(rows[3][0].ends_with("c.pdf"));
    assert_eq!(rows[3][3], "未检查");
    assert!(rows[3][rows[0].len() - 2].starts_with("PDF 文件无法检查"));

    // The list of findings a supervisor sends back names them too, last.
    let (csv, _) = run(&["check", "--format", "csv"]);
    let pdf = csv.split("\r\n").find(|l| l.contains("c.pdf")).expect(&csv);
    assert!(
        pdf.contains(",,,未检查,unsupported-format,未检查,,未检查：PDF 文件无法检查"),
        "{pdf}"
    );

    let (page, err) = run(&["check", "--format", "html"]);
    assert!(page.contains("<ul class=\"unchecked\">"));
    assert!(page.contains("b.doc：Word 97-2003"));
    assert!(page.contains("；另有 4 个文件格式不支持，未检查"));
    assert!(err.contains("跳过 4 个不能检查的文件：\n"));
    assert!(err.contains("c.pdf：PDF 文件无法检查"), "{err}");

    // A script reading JSON or SARIF must not take them for clean.
    let (json, _) = run(&["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let unchecked = v["unchecked"].as_array().unwrap();
    assert_eq!(unchecked.len(), 4, "{v}");
    assert!(unchecked[0]["path"].as_str().unwrap().ends_with("b.doc"));
    assert!(unchecked[0]["reason"].as_str().unwrap().contains(".docx"));
    // The same stable kinds as an unreadable file's: a .doc is legacy, a PDF is not a
    // report's format at all.
    assert_eq!(unchecked[0]["kind"], "legacy-format");
    let pdf = unchecked
        .iter()
        .find(|u| u["path"].as_str().unwrap().ends_with("c.pdf"));
    assert_eq!(pdf.unwrap()["kind"], "unsupported-format");
    let (sarif, _) = run(&["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&sarif).unwrap();
    let invocation = &v["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 4);
    assert_eq!(notes[0]["level"], "warning");
    assert_eq!(notes[0]["properties"]["kind"], "legacy-format");
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("未检查 ")
    );
}

#[test]
fn csv_has_a_bom_and_the_columns() {
    let out = gwlint()
        .args([
            "check",
            "--format",
            "csv",
            "samples/donghu-2024-signature.txt",
            "missing.txt",
        ])
        .output()
        .unwrap();
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "文件,行,列,级别,代码,规则,类别,问题,修改建议,原文,发文机关,年度,目录"
    );
    assert!(lines[1].ends_with(",2024,samples"), "{}", lines[1]);
    assert!(lines[1].starts_with(
        "samples/donghu-2024-signature.txt,61,1,警告,GW0208,发文机关署名与标题中的发文机关不一致,落款,"
    ));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("missing.txt,,,无法读取,not-found,无法读取"))
    );
}

#[test]
fn sarif_lists_rules_results_and_unreadable_files() {
    let out = gwlint()
        .args([
            "check",
            "--format",
            "sarif",
            "samples/donghu-2024-signature.txt",
            "missing.txt",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "GW0208" && r["name"] == "issuer-mismatch")
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "GW0208");
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "GW0208"
    );
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(61), Some(1))
    );
    let date = &run["results"][1];
    assert_eq!(
        date["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "2025年1月10日"
    );
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn sarif_offers_no_text_fix_for_a_docx_and_gives_uris_with_their_base() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("各区.docx");
    std::fs::copy("samples/fenglin-2024-tracked.docx", &docx).unwrap();
    let out = gwlint()
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "各区.docx"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(r.get("fixes").is_none(), "{r}");
        let at = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(at["uri"], "%E5%90%84%E5%8C%BA.docx");
        assert_eq!(at["uriBaseId"], "%SRCROOT%");
    }
    // The base is the folder gwlint ran in; an absolute path needs none.
    let base = v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let out = gwlint()
        .args(["check", "--format", "sarif"])
        .arg(&docx)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let at = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = at["uri"].as_str().unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/%E5%90%84%E5%8C%BA.docx"),
        "{uri}"
    );
    assert!(at.get("uriBaseId").is_none());
}

#[test]
fn github_annotations() {
    let out = gwlint()
        .args([
            "check",
            "--format",
            "github",
            "samples/donghu-2024-signature.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("::warning file=samples/donghu-2024-signature.txt,line=61,col=1,endLine=61,endColumn=9,title=GW0208 issuer-mismatch::发文机关署名"),
        "{first}"
    );
    // A report's control characters never reach the CI log, nor a spreadsheet.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "报告\n依法\u{1b}[31m\u{202e}行政。\n").unwrap();
    for format in ["github", "csv"] {
        let out = gwlint()
            .args(["check", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("GW0611"), "{format}: {text}");
        assert!(!text.contains(['\u{1b}', '\u{202e}']), "{format}: {text:?}");
    }
    // A report in a format not read is a notice in the log, not only a line on stderr.
    std::fs::write(dir.path().join("b.pdf"), b"%PDF-1.4").unwrap();
    let out = gwlint()
        .args(["check", "--format", "github"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let notice = text
        .lines()
        .find(|l| l.starts_with("::notice"))
        .unwrap_or("");
    assert!(
        notice.ends_with("b.pdf,title=gwlint 未检查::PDF 文件无法检查，请提供 .docx 或 .txt 原文"),
        "{text}"
    );
}

/// `gwlint check --output PAGE FILES…`: the format follows from the .html extension.
fn html_report(page: &Path, files: &[&str]) -> assert_cmd::assert::Assert {
    gwlint()
        .args(["check", "--output"])
        .arg(page)
        .args(files)
        .assert()
}

#[test]
fn html_by_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    html_report(
        &page,
        &[
            "samples/donghu-2024-signature.txt",
            "samples/qinghe-2024-clean.txt",
            "missing.txt",
        ],
    )
    .code(2);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<tbody ").count(), 3);
    assert!(html.contains("<mark>东湖区医疗保障局</mark>"));
    assert!(html.contains("无法读取：文件或目录不存在"));
}

/// Renders the page in a real browser and lets its own script sort the table.
#[test]
fn html_sorts_in_headless_chromium() {
    let Some(chromium) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        eprintln!("chromium not installed; skipping the browser check");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    html_report(
        &page,
        &[
            "samples/qinghe-2024-clean.txt",
            "samples/xiling-2024-unsigned.txt",
            "samples/donghu-2024-signature.txt",
        ],
    )
    .code(1);
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg("--dump-dom")
        .arg(format!("file://{}#sort=errors,open", page.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let order: Vec<&str> = dom
        .match_indices("<tbody data-path=\"")
        .map(|(i, m)| {
            let rest = &dom[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(
        order,
        [
            "samples/xiling-2024-unsigned.txt",
            "samples/donghu-2024-signature.txt",
            "samples/qinghe-2024-clean.txt"
        ],
        "sorted by errors, descending"
    );
    assert!(dom.contains("data-dir=\"desc\""));
    // "#open" expanded every file's findings, as the 全部展开 button does.
    assert!(dom.contains("id=\"expand\""));
    // The rule filter lists the rules that occur, with what each checks.
    assert!(
        dom.contains(
            "<option value=\"GW0208\">GW0208 发文机关署名与标题中的发文机关不一致</option>"
        ),
        "{dom}"
    );
    assert!(!dom.contains("class=\"details\" hidden"), "all expanded");
    // The overview, written last, is shown above the table.
    let overview = dom.find("id=\"overview\"").expect("an overview");
    assert!(
        overview < dom.find("id=\"files\"").unwrap(),
        "above the table"
    );
    assert!(dom.contains("个文件，"));
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let out = gwlint()
        .args(["check", "--format", "json"])
        .args([
            "samples/hexi-2024-defects.txt",
            "./samples/hexi-2024-defects.txt",
            "samples",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .filter(|p| p.ends_with("hexi-2024-defects.txt"))
        .collect();
    assert_eq!(names, ["samples/hexi-2024-defects.txt"]);
}

#[test]
fn gitignored_reports_are_skipped_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "内部/\n").unwrap();
    std::fs::create_dir(dir.path().join("内部")).unwrap();
    std::fs::copy(
        "samples/qinghe-2024-clean.txt",
        dir.path().join("内部/a.txt"),
    )
    .unwrap();
    std::fs::copy("samples/qinghe-2024-clean.txt", dir.path().join("b.txt")).unwrap();
    // A report named with a dot is hidden the same way; a hidden folder and macOS's "._"
    // companions are never walked.
    std::fs::copy("samples/qinghe-2024-clean.txt", dir.path().join(".c.txt")).unwrap();
    std::fs::write(dir.path().join("._b.txt"), b"\x00\x05\x16\x07").unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::copy(
        "samples/qinghe-2024-clean.txt",
        dir.path().join(".git/d.txt"),
    )
    .unwrap();
    let files = |extra: &[&str]| -> usize {
        let out = gwlint()
            .args(["check", "--format", "json"])
            .args(extra)
            .arg(dir.path())
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["files"].as_array().unwrap().len()
    };
    assert_eq!(files(&[]), 1);
    assert_eq!(files(&["--no-ignore"]), 3);
    // The summary names the hidden report and why it was not checked.
    let out = gwlint()
        .args(["check", "--summary"])
        .arg(dir.path())
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains(".c.txt：文件名以“.”开头，是隐藏文件"),
        "{table}"
    );
    assert!(
        !table.contains("d.txt") && !table.contains("._b.txt"),
        "{table}"
    );
}

/// A .gitignore above the folder walked counts only in a git work tree, as git reads it.
#[test]
fn an_ignore_file_above_the_walk_counts_only_in_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join(".gitignore"), "*.txt\n").unwrap();
    std::fs::create_dir(d.join("报告")).unwrap();
    std::fs::copy("samples/qinghe-2024-clean.txt", d.join("报告/a.txt")).unwrap();
    let files = || -> usize {
        let out = gwlint()
            .args(["check", "--isolated", "--format", "json", "."])
            .current_dir(d.join("报告"))
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["files"].as_array().unwrap().len()
    };
    assert_eq!(files(), 1);
    std::fs::create_dir(d.join(".git")).unwrap();
    assert_eq!(files(), 0);
}

/// A unit's gwlint.toml inside the folder a supervisor checks may turn checks off; the
/// CSVs have no place to say it, so stderr does. The team's own at the top does not count.
#[test]
fn a_units_own_configuration_is_said_with_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("平安市")).unwrap();
    std::fs::copy("samples/xiling-2024-unsigned.txt", d.join("平安市/1.txt")).unwrap();
    std::fs::write(d.join("gwlint.toml"), "").unwrap();
    let note = |d: &Path| {
        let out = gwlint()
            .args(["check", "--format", "csv"])
            .arg(d)
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(!note(d).contains("注意"), "{}", note(d));
    std::fs::write(d.join("平安市/gwlint.toml"), "ignore = [\"落款\"]\n").unwrap();
    let err = note(d);
    assert!(
        err.contains("注意：有的文件按其所在目录中的 gwlint.toml 检查（")
            && err.contains("平安市/gwlint.toml），"),
        "{err}"
    );
}

/// A unit's own .gitignore, .ignore or `exclude` can hide its report from a supervisor's
/// batch: the summaries name each report left out and the line or file that hid it, and a
/// unit's gwlint.toml that turns rules down is said beside it.
#[test]
fn summaries_name_the_reports_a_units_settings_hide() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for unit in ["甲县", "乙县", "丙县", "丁县"] {
        std::fs::create_dir(d.join(unit)).unwrap();
        std::fs::copy(
            "samples/qinghe-2024-clean.txt",
            d.join(unit).join("报告.txt"),
        )
        .unwrap();
    }
    std::fs::write(d.join("甲县/.gitignore"), "# 本单位\n*\n").unwrap();
    std::fs::write(d.join("乙县/.gwlint.toml"), "exclude = [\"**\"]\n").unwrap();
    std::fs::write(
        d.join("丙县/gwlint.toml"),
        "ignore = [\"GW0101\"]\n[severity]\nGW0401 = \"info\"\n",
    )
    .unwrap();
    let text = summary(d);
    assert!(
        text.contains(
            "按忽略设置未检查的报告（.gitignore、.ignore、gwlint.toml 的 exclude，或以“.”开头的隐藏文件）：\n  乙县/报告.txt：被 乙县/.gwlint.toml 的 exclude 排除\n  甲县/报告.txt：被 甲县/.gitignore 中的“*”排除\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "丙县/gwlint.toml：1 个文件；关闭了 1 条规则（GW0101）；降低了 1 条规则的级别（GW0401 错误→提示）"
        ),
        "{text}"
    );
    assert!(
        text.contains("按文件：无问题 2 个，未检查（按忽略设置排除）2 个"),
        "{text}"
    );
    // The folder table counts them as not checked.
    let row = text.lines().find(|l| l.starts_with("甲县")).unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells, ["甲县", "1", "0", "0", "0", "1", "0", "0", "0"]);

    let out = gwlint()
        .args(["check", "--summary", "--format", "csv"])
        .arg(d)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = csv.lines().find(|l| l.contains("甲县/报告.txt")).unwrap();
    assert!(row.contains(",已排除,") && row.contains("“*”排除"), "{row}");
    // A row checked under a unit's lenient settings says so in its 批次核对 cell.
    let row_of = |name: &str| {
        csv.lines()
            .find(|l| l.split(',').next().unwrap().ends_with(name))
            .unwrap()
    };
    let row = row_of("丙县/报告.txt");
    assert!(
        row.contains("丙县/gwlint.toml 检查，关闭了 1 条规则（GW0101）；"),
        "{row}"
    );
    assert!(!row_of("丁县/报告.txt").contains("检查，"));

    // The other outputs leave the folders' ignore files alone, as git and ruff do.
    let out = gwlint()
        .args(["check", "--format", "json"])
        .arg(d)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("排除"));
    // --no-ignore and --isolated check them all.
    let text = String::from_utf8(
        gwlint()
            .args(["check", "--summary", "--no-ignore", "--isolated"])
            .arg(d)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        !text.contains("按忽略设置") && text.contains("共检查 4 个文件"),
        "{text}"
    );
}

/// A folder whose every report is hidden says so, and by what, whatever the format.
#[test]
fn nothing_checked_names_what_hid_the_reports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("草稿")).unwrap();
    std::fs::copy("samples/qinghe-2024-clean.txt", d.join("草稿/报告.txt")).unwrap();
    std::fs::write(d.join(".ignore"), "草稿/\n").unwrap();
    let out = gwlint().arg("check").arg(d).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("没有检查任何文件：找到的 1 个报告都按忽略设置排除了：\n  ")
            && err.contains("草稿/报告.txt：被 ")
            && err.contains(".ignore 中的“草稿/”排除"),
        "{err}"
    );
}

/// A report saved as a web page is named among the files not checked; the folder's other
/// pages (a summary gwlint wrote) are not reports. Named, a page is not read as text.
#[test]
fn reports_saved_as_web_pages_are_named_not_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("甲县报告.html"), "<html><p>报告</p></html>").unwrap();
    std::fs::write(d.join("乙县.mht"), "MIME-Version: 1.0\n").unwrap();
    std::fs::write(d.join("汇总.html"), "<html></html>").unwrap();
    let out = gwlint()
        .args(["check", "--summary"])
        .arg(d)
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("未检查（格式不支持）2 个"), "{table}");
    assert!(
        table.contains("甲县报告.html：网页文件（.html、.mht）无法检查"),
        "{table}"
    );
    assert!(table.contains("乙县.mht：网页文件"), "{table}");
    assert!(!table.contains("汇总.html"), "{table}");
    let out = gwlint()
        .args(["check", "--format", "concise"])
        .arg(d.join("汇总.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stdout).unwrap().contains("网页文件"));
}

/// A .docx exported under a .doc name is read in a walk, as when named, and told to be
/// renamed: "save it again as .docx" would send a unit after the wrong fix.
#[test]
fn a_docx_named_doc_is_told_to_be_renamed_in_a_walk() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy("samples/qinghe-2024-clean.docx", d.join("a.doc")).unwrap();
    std::fs::write(d.join("b.doc"), b"\xD0\xCF\x11\xE0").unwrap();
    let out = gwlint()
        .args(["check", "--format", "json"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{v}");
    assert!(files[0]["path"].as_str().unwrap().ends_with("a.doc"));
    let error = files[0]["error"]["message"].as_str().unwrap_or_default();
    assert!(error.contains("请把扩展名改为 .docx"), "{v}");
    let unchecked = v["unchecked"].as_array().unwrap();
    assert_eq!(unchecked.len(), 1, "{v}");
    assert!(unchecked[0]["path"].as_str().unwrap().ends_with("b.doc"));
}

/// Names in GBK, as unzipping an archive made on Windows leaves them, are shown in
/// Chinese, each file under its own name, and may be typed so.
#[cfg(unix)]
#[test]
fn names_in_gbk_are_shown_in_chinese() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    for (unit, sample) in [
        ("东湖区", "samples/qinghe-2024-clean.txt"),
        ("西湖区", "samples/hexi-2024-defects.txt"),
    ] {
        let (gbk, _, _) = encoding_rs::GBK.encode(unit);
        let folder = dir.path().join(OsStr::from_bytes(&gbk));
        std::fs::create_dir(&folder).unwrap();
        std::fs::copy(sample, folder.join("a.txt")).unwrap();
    }
    let paths = |target: &str| -> Vec<String> {
        let out = gwlint()
            .current_dir(dir.path())
            .args(["check", "--isolated", "--format", "json", target])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(paths("."), ["东湖区/a.txt", "西湖区/a.txt"]);
    assert_eq!(paths("西湖区"), ["西湖区/a.txt"]);
}
