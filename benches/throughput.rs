//! Throughput of the library on the bundled samples (no external corpus needed):
//! `cargo bench`. Prints MB/s; targets are checked by reading the numbers, never by a
//! timed unit test.

use gwlint::Linter;
use gwlint::document::{Document, Format};
use gwlint::report::{self, Totals};
use std::time::{Duration, Instant};

fn samples() -> Vec<Document> {
    let mut paths: Vec<_> = std::fs::read_dir("samples")
        .expect("run from the crate root")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            gwlint::source::load(&p.to_string_lossy(), Format::Text, &bytes).unwrap()
        })
        .collect()
}

/// Best of `runs` timings of `f`.
fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// The k-th repeat of a shape of text.
type Repeat = fn(usize) -> String;

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1_048_576.0 / d.as_secs_f64()
}

fn main() {
    let linter = Linter::with_defaults();
    let docs = samples();
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = best(20, || {
        for d in &docs {
            std::hint::black_box(linter.lint_document(d));
        }
    });
    println!(
        "samples: {} reports, {} KB: {:.2} ms per pass ({:.1} MB/s, {:.0} µs per report)",
        docs.len(),
        total / 1024,
        t.as_secs_f64() * 1e3,
        mb_per_s(total, t),
        t.as_secs_f64() * 1e6 / docs.len() as f64
    );

    // One 10 MB text made of the samples end to end (a worst case for per-document work).
    let mut big = String::new();
    while big.len() < 10 * 1_048_576 {
        for d in &docs {
            big.push_str(&d.text);
            big.push('\n');
        }
    }
    let doc = Document::from_text("big.txt", Format::Text, "utf-8", big);
    let t = best(3, || {
        std::hint::black_box(linter.lint_document(&doc));
    });
    println!(
        "one 10 MB text ({} lines): {:.0} ms ({:.1} MB/s)",
        doc.line_count(),
        t.as_secs_f64() * 1e3,
        mb_per_s(doc.text.len(), t)
    );

    // Work must grow linearly with a report's length, also for the shapes that once did
    // not: one part holding thousands of sibling items (a report pasted into itself), a
    // text table of thousands of rows, a paragraph of thousands of unmatched closing or
    // opening marks, or of thousands of figures without a full stop, a report without line
    // breaks (misspellings and gaps all on one line), a file of blank lines, of lines with
    // only a space, or of lone numbers, an outline repeated (a group of sub-headings under
    // each part), a whole report with its sign-off pasted again and again, thousands of
    // items of one kind each one sentence. 4× the repeats
    // should take about 4× the time.
    let head = "某市卫生健康委员会2024年法治政府建设年度报告\n一、主要举措和成效\n";
    let shapes: [(&str, usize, Repeat); 21] = [
        ("sibling items", 5_000, |k| {
            let marker = ["(一)", "(二)", "1.", "(1)", "一是"][k % 5];
            format!("{marker}加强第{k}项工作。全年办理案件{k}件，办结率100%。\n")
        }),
        ("table rows", 5_000, |k| {
            let row = format!("执法{k}\t{}\t{}\t1%\n", k % 50 + 1, k % 40 + 1);
            if k == 0 {
                format!("主要指标如下：\n项目\t立案\t办结\t占比\n{row}")
            } else {
                row
            }
        }),
        ("closing marks in one paragraph", 5_000, |_| {
            "贯彻条例》）”，".to_string()
        }),
        ("opening marks in one paragraph", 5_000, |_| {
            "开展“执法活动，".to_string()
        }),
        ("figures in one paragraph", 1_000, |k| {
            format!("开展联合执法{k}次，召开培训会一次，")
        }),
        ("a report on one line", 2_000, |k| {
            format!("截止目前办结案件{k}件。　青禾市卫生健康局　二〇二五 年 一 月 ")
        }),
        ("titles and misspellings on one line", 2_000, |k| {
            format!("《办法{k}》“甲”行驶职权、中华人民共和国医师法释义、恳请批准，获得批复，")
        }),
        ("一是 lists in one paragraph", 2_000, |_| {
            "我局一是加强培训，".to_string()
        }),
        // Found by a review that looked for them (round 32): each once read the paragraph
        // from its start for every match.
        ("blank dates in one paragraph", 5_000, |_| {
            "××月××日".to_string()
        }),
        ("clauses in one paragraph", 5_000, |_| "开展，".to_string()),
        ("grouped figures in one paragraph", 2_000, |_| {
            "罚款12，500元，".to_string()
        }),
        ("ASCII quotes in one paragraph", 5_000, |_| {
            "\"开展".to_string()
        }),
        ("closing quotes in one paragraph", 5_000, |_| {
            "开展”".to_string()
        }),
        ("a list of titles", 2_000, |k| format!("《规定{k}》、")),
        ("addresses spaced in one paragraph", 2_000, |k| {
            format!("网址 https://a{k}.gov.cn 和 ")
        }),
        // Round 71: each item's siblings were counted again for every item.
        ("items of one kind written as sentences", 5_000, |k| {
            format!("{}.开展普法,宣传活动,发放资料{k}份。\n", k % 9 + 1)
        }),
        ("blank lines", 50_000, |_| "\n".to_string()),
        ("lines of a space", 50_000, |_| " \n".to_string()),
        ("lone numbers", 20_000, |k| format!("{}\n\n", k % 3 + 1)),
        ("an outline repeated", 5_000, |_| {
            "一、加强组织领导\n（一）完善制度\n".to_string()
        }),
        ("a report pasted into itself", 500, |_| {
            let parts = ["主要举措和成效", "存在的不足和原因", "下一年度工作安排"];
            let mut report = "某市卫生健康委员会关于2024年法治政府建设情况的报告\n".to_string();
            for (n, part) in ["一", "二", "三"].iter().zip(parts) {
                report += &format!("{n}、{part}\n（一）推进工作。全年办结案件12件。\n");
            }
            report + "某市卫生健康委员会\n2025年1月20日\n"
        }),
    ];
    for (name, n, repeat) in shapes {
        let doc = |n: usize| {
            let body: String = (0..n).map(repeat).collect();
            Document::from_text(
                "shape.txt",
                Format::Text,
                "utf-8",
                format!("{head}{body}\n"),
            )
        };
        let (small, large) = (doc(n), doc(4 * n));
        let ts = best(3, || {
            std::hint::black_box(linter.lint_document(&small));
        });
        let tl = best(3, || {
            std::hint::black_box(linter.lint_document(&large));
        });
        println!(
            "{name}: {n} in {:.0} ms, {} in {:.0} ms ({:.1}× for 4×)",
            ts.as_secs_f64() * 1e3,
            4 * n,
            tl.as_secs_f64() * 1e3,
            tl.as_secs_f64() / ts.as_secs_f64()
        );
    }

    // Rendering many findings of one file must stay linear, also when they are all on
    // one long line (columns are counted from the previous finding, not the line start).
    let report = linter.lint_bytes("big.txt", Format::Text, doc.text.as_bytes());
    let one_line = format!("标题\n{}\n", "依法行政,".repeat(50_000));
    let long = linter.lint_bytes("long.txt", Format::Text, one_line.as_bytes());
    for (what, report) in [("the 10 MB text", &report), ("one 600 KB line", &long)] {
        render(what, report);
    }
}

fn render(what: &str, report: &gwlint::FileReport) {
    let n = report.diagnostics.len();
    for (name, format) in [
        ("pretty", report::OutputFormat::Pretty),
        ("json", report::OutputFormat::Json),
    ] {
        let opts = report::Options {
            color: false,
            width: None,
            min_severity: Default::default(),
            expected: Default::default(),
            custom_rules: Vec::new(),
        };
        let t = best(3, || {
            let mut sink = std::io::sink();
            let mut r = report::reporter(format, &opts);
            r.file(&mut sink, report).unwrap();
            r.finish(&mut sink, &Totals::default()).unwrap();
        });
        println!(
            "{name} output of {n} findings in {what}: {:.0} ms",
            t.as_secs_f64() * 1e3
        );
    }
}
