//! gwlint.toml: discovery, selection, severities, excludes, per-path ignores, custom rules.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn gwlint() -> Command {
    let mut c = Command::cargo_bin("gwlint").unwrap();
    c.env("NO_COLOR", "1");
    c
}

const CONFIG: &str = r#"
ignore = ["signature"]
exclude = ["草稿/**"]

[severity]
GW0102 = "warning"

[per-path-ignores]
"历史/*.txt" = ["structure"]

[[rule]]
code = "ORG001"
name = "no-bare-county"
category = "wording"
severity = "info"
message = "单位简称“本委”请写全称"
pattern = "本委"
valid = ["我委"]
invalid = ["本委坚持"]
"#;

/// gwlint with `args`, then `path`.
fn run(args: &[&str], path: &Path) -> std::process::Output {
    gwlint().args(args).arg(path).output().unwrap()
}

/// gwlint with `args`, run in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    gwlint().current_dir(dir).args(args).output().unwrap()
}

/// The project's gwlint.toml, naming a baseline.
fn name_baseline(dir: &Path) {
    let config = format!("baseline = \"base.json\"\n{CONFIG}");
    std::fs::write(dir.join("gwlint.toml"), config).unwrap();
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("gwlint.toml"), CONFIG).unwrap();
    for sub in ["单位", "草稿", "历史"] {
        std::fs::create_dir_all(d.join(sub)).unwrap();
    }
    // No year in the title (GW0102), no signature (GW0201, GW0202), one 本委 (ORG001).
    let with_custom = "西陵市卫生健康委员会法治政府建设年度报告\n市委、市政府：\n本委坚持依法行政，全面推进法治政府建设。\n一、主要举措和成效\n健全依法决策机制。\n二、存在的不足和原因\n执法力量不足，主要原因是人员流动较快。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n四、下一年度主要安排\n继续完善依法决策机制。\n";
    std::fs::write(d.join("单位/西陵.txt"), with_custom).unwrap();
    std::fs::write(d.join("草稿/西陵.txt"), with_custom).unwrap();
    std::fs::write(d.join("历史/西陵.txt"), with_custom).unwrap();
    dir
}

fn files(out: &[u8]) -> Vec<(String, Vec<(String, String)>)> {
    let v: Value = serde_json::from_slice(out).unwrap();
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = f["path"].as_str().unwrap().replace('\\', "/");
            let short = name
                .rsplit('/')
                .take(2)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join("/");
            let diags = f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["code"].as_str().unwrap().to_string(),
                        d["severity"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (short, diags)
        })
        .collect()
}

#[test]
fn discovered_config_applies_to_the_files_below_it() {
    let dir = project();
    let out = run(&["check", "--format", "json"], dir.path());
    let got = files(&out.stdout);
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["单位/西陵.txt", "历史/西陵.txt"],
        "草稿/ is excluded"
    );
    let s = |c: &str, sev: &str| (c.to_string(), sev.to_string());
    // signature is ignored, GW0102 lowered to a warning, the custom rule reports.
    assert_eq!(got[0].1, [s("GW0102", "warning"), s("ORG001", "info")]);
    // structure is off for 历史/.
    assert_eq!(got[1].1, [s("ORG001", "info")]);
}

/// A supervisor sees which gwlint.toml each file was checked with, and can ignore them all.
#[test]
fn the_config_in_force_is_shown_and_isolated_ignores_it() {
    let dir = project();
    let out = run(&["check", "--format", "json"], dir.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let config = v["files"][0]["config"].as_str().unwrap();
    assert!(config.ends_with("gwlint.toml"), "{v}");
    let summary = stdout(&run(&["check", "--summary"], dir.path()));
    assert!(summary.contains("检查时使用的配置："), "{summary}");
    assert!(summary.contains("gwlint.toml：2 个文件"), "{summary}");

    let out = run(&["check", "--format", "json", "--isolated"], dir.path());
    let got = files(&out.stdout);
    // 草稿/ is no longer excluded, and every rule runs: the signature is missing.
    assert_eq!(got.len(), 3);
    assert!(
        got[0]
            .1
            .iter()
            .any(|(c, sev)| c == "GW0201" && sev == "error")
    );
    assert!(
        got.iter()
            .all(|(_, d)| d.iter().all(|(c, _)| c != "ORG001"))
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["files"][0]["config"].is_null());
    let summary = stdout(&run(&["check", "--summary", "--isolated"], dir.path()));
    assert!(!summary.contains("检查时使用的配置"), "{summary}");
}

#[test]
fn command_line_wins_over_the_file() {
    let dir = project();
    let out = run(
        &["check", "--format", "json", "--select", "signature,ORG001"],
        &dir.path().join("单位/西陵.txt"),
    );
    let got = files(&out.stdout);
    let codes: Vec<&str> = got[0].1.iter().map(|(c, _)| c.as_str()).collect();
    // --select replaces the file's `select` and its `ignore = ["signature"]`, as ruff's
    // does: what is asked for by name runs.
    assert_eq!(codes, ["ORG001", "GW0201", "GW0202"]);
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--select",
            "signature,ORG001",
            "--ignore",
            "GW0202",
        ],
        &dir.path().join("单位/西陵.txt"),
    );
    let got = files(&out.stdout);
    let codes: Vec<&str> = got[0].1.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["ORG001", "GW0201"]);
}

#[test]
fn a_config_named_without_a_folder_is_relative_to_the_current_one() {
    let dir = project();
    let out = gwlint()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--config",
            "gwlint.toml",
            "--force-exclude",
        ])
        .arg("草稿/西陵.txt")
        .arg("历史/西陵.txt")
        .output()
        .unwrap();
    let got = files(&out.stdout);
    // 草稿/ excluded, and structure off for 历史/: the globs matched.
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, [("ORG001".to_string(), "info".to_string())]);
}

/// A configuration kept apart from the reports matches their paths from the current
/// folder, however they are named on the command line.
#[test]
fn a_config_kept_apart_matches_paths_from_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("标准")).unwrap();
    std::fs::write(
        d.join("标准/gwlint.toml"),
        "exclude = [\"市/历史/*.txt\"]\n",
    )
    .unwrap();
    let reports = d.join("收件");
    std::fs::create_dir_all(reports.join("市/历史")).unwrap();
    std::fs::copy("samples/qinghe-2024-clean.txt", reports.join("市/a.txt")).unwrap();
    std::fs::copy(
        "samples/qinghe-2024-clean.txt",
        reports.join("市/历史/b.txt"),
    )
    .unwrap();
    let config = d.join("标准/gwlint.toml");
    let checked = |target: &Path| {
        let out = gwlint()
            .current_dir(&reports)
            .args(["check", "--format", "json", "--config"])
            .arg(&config)
            .arg(target)
            .output()
            .unwrap();
        files(&out.stdout).len()
    };
    for target in [
        Path::new("."),
        Path::new("市"),
        Path::new("./市"),
        &reports.join("市"),
    ] {
        assert_eq!(checked(target), 1, "{}", target.display());
    }
}

#[test]
fn explicit_files_are_excluded_only_with_force_exclude() {
    let dir = project();
    let draft = dir.path().join("草稿/西陵.txt");
    let out = run(&["check", "--format", "json"], &draft);
    assert_eq!(files(&out.stdout).len(), 1);
    let out = run(&["check", "--format", "json", "--force-exclude"], &draft);
    assert_eq!(files(&out.stdout).len(), 0);
    // A hook names every changed file: with --force-exclude, the configuration itself and
    // a script are skipped as a walk skips them.
    let config = dir.path().join("gwlint.toml");
    let out = run(&["check", "--format", "json"], &config);
    assert_eq!(files(&out.stdout).len(), 1);
    let out = run(&["check", "--format", "json", "--force-exclude"], &config);
    assert_eq!(files(&out.stdout).len(), 0);
    assert_eq!(out.status.code(), Some(0));
    // A repository's own notes: left by a walk and a hook, checked when named.
    let readme = dir.path().join("README.md");
    std::fs::write(&readme, "# 报告库\n各单位报告放在“单位”目录下,每年一份.\n").unwrap();
    assert_eq!(
        files(&run(&["check", "--format", "json"], dir.path()).stdout).len(),
        2
    );
    let out = run(&["check", "--format", "json", "--force-exclude"], &readme);
    assert_eq!(files(&out.stdout).len(), 0);
    assert_eq!(
        files(&run(&["check", "--format", "json"], &readme).stdout).len(),
        1
    );
}

/// In SARIF a custom rule is listed with the built-in ones, and its results point at it.
#[test]
fn sarif_lists_custom_rules_and_points_at_them() {
    let dir = project();
    let out = run(
        &["check", "--format", "sarif"],
        &dir.path().join("单位/西陵.txt"),
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let custom: Vec<&Value> = results.iter().filter(|r| r["ruleId"] == "ORG001").collect();
    assert!(!custom.is_empty());
    for r in results {
        let k = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[k]["id"], r["ruleId"]);
    }
    assert_eq!(rules.last().unwrap()["name"], "no-bare-county");
}

/// A hook's commit of a scanned PDF alone passes; an editor's buffer of an excluded draft
/// is not checked, and with --fix comes back on stdout as it was.
#[test]
fn force_exclude_lets_a_commit_and_an_editor_through() {
    let dir = project();
    std::fs::write(dir.path().join("盖章件.pdf"), b"%PDF-1.4").unwrap();
    let out = run(
        &["check", "--force-exclude"],
        &dir.path().join("盖章件.pdf"),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Named without --force-exclude, as a supervisor would, nothing checked is no pass.
    assert_eq!(
        run(&["check"], &dir.path().join("盖章件.pdf"))
            .status
            .code(),
        Some(2)
    );
    let draft = std::fs::read(dir.path().join("草稿/西陵.txt")).unwrap();
    for args in [&["--format", "concise"][..], &["--fix"][..]] {
        let out = gwlint()
            .current_dir(dir.path())
            .args([
                "check",
                "--force-exclude",
                "--stdin-filename",
                "草稿/西陵.txt",
            ])
            .args(args)
            .write_stdin(draft.clone())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let echoed = if args == ["--fix"] {
            draft.clone()
        } else {
            Vec::new()
        };
        assert_eq!(out.stdout, echoed);
    }
}

/// `gwlint rules --test FILE…`, as the gwlint-config hook runs it: each file loaded and its
/// examples run; a broken one fails with 2, and the others are still tested.
#[test]
fn rules_test_checks_each_configuration_named() {
    let dir = project();
    let broken = dir.path().join("草稿/gwlint.toml");
    std::fs::write(&broken, "select = [\n").unwrap();
    let good = dir.path().join("gwlint.toml");
    let out = gwlint()
        .args(["rules", "--test"])
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("通过  ORG001 应报告：本委坚持"),
        "{}",
        stdout(&out)
    );
    let out = gwlint()
        .args(["rules", "--test"])
        .arg(&broken)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("通过  ORG001 应报告：本委坚持"));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("列表没有闭合"), "{err}");
    // Said once, as `check` says it; a file not there is not wrong, only missing.
    assert!(err.starts_with("gwlint: 配置文件 "), "{err}");
    let out = gwlint()
        .args(["rules", "--test"])
        .arg(dir.path().join("没有.toml"))
        .arg(&good)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.starts_with("gwlint: 无法读取配置文件 "), "{err}");
    assert!(!err.contains("有误"), "{err}");
}

/// A supervisor's batch: one unit's broken gwlint.toml costs that unit's files, reported
/// unreadable with the cause; the other units are checked, and the error is shown once.
#[test]
fn a_broken_config_fails_only_the_files_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for unit in ["甲县", "乙县"] {
        std::fs::create_dir(d.join(unit)).unwrap();
        for name in ["a.txt", "b.txt"] {
            std::fs::copy("samples/qinghe-2024-clean.txt", d.join(unit).join(name)).unwrap();
        }
    }
    std::fs::write(d.join("甲县/gwlint.toml"), "ignore = [\"GW0804\"\n").unwrap();
    let out = run(&["check", "--format", "json"], d);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 4, "{v}");
    let failed: Vec<&Value> = files.iter().filter(|f| !f["error"].is_null()).collect();
    assert_eq!(failed.len(), 2, "{v}");
    for f in failed {
        assert!(f["path"].as_str().unwrap().contains("甲县"));
        assert_eq!(f["error"]["kind"], "config");
        let message = f["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("甲县/gwlint.toml 第1行有误：列表没有闭合"),
            "{message}"
        );
        // The unit's own file: the supervisor is told how to read past it.
        assert!(message.contains("请加 --isolated"), "{message}");
    }
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("这里").count(), 1, "{err}");
    // Read, but not checked: said so, and not called unreadable.
    let out = run(&["check", "--format", "concise"], d);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[config] 未检查：配置文件 "), "{text}");
    assert!(
        text.ends_with("；另有 2 个文件因 gwlint.toml 有误未检查\n"),
        "{text}"
    );
    // The summary calls them the same, in its table, its list and its count by status.
    let summary = stdout(&run(&["check", "--summary"], d));
    for said in [
        "因 gwlint.toml 有误未检查的文件：\n",
        "—     未检查     —",
        "未检查（gwlint.toml 有误） 2 个",
    ] {
        assert!(summary.contains(said), "{said}\n{summary}");
    }
    assert!(!summary.contains("无法读取的文件"), "{summary}");
    // A profile the unit's file names and that does not exist: one line, no drawing.
    std::fs::write(d.join("甲县/gwlint.toml"), "profile = \"fazhi\"\n").unwrap();
    let out = run(&["check", "--format", "json"], d);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| !f["error"].is_null())
        .unwrap();
    let message = failed["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("gwlint.toml 第1行有误：未知的报告类型配置“fazhi”")
            && !message.contains('\n'),
        "{message}"
    );
    assert_eq!(message.matches("有误").count(), 1, "{message}");
    // So does a broken profile it names: the other unit is still checked.
    std::fs::write(d.join("甲县/gwlint.toml"), "profile = \"my.toml\"\n").unwrap();
    let profile =
        gwlint::embedded::FAZHI_REPORT.replacen("heading = [", "heading = [\n  '主要(举措',", 1);
    std::fs::write(d.join("甲县/my.toml"), profile).unwrap();
    let out = run(&["check", "--format", "json"], d);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed: Vec<&Value> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["error"].is_null())
        .collect();
    assert_eq!(failed.len(), 2, "{v}");
    assert!(
        failed
            .iter()
            .all(|f| f["path"].as_str().unwrap().contains("甲县"))
    );
    let message = failed[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("my.toml 有误：正则表达式“主要(举措”无效") && !message.contains('\n'),
        "{message}"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("'主要(举措',") && err.contains("这里"),
        "{err}"
    );
    // The command line's own mistake still stops the run.
    let out = run(&["check", "--select", "GW9999"], &d.join("乙县"));
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn broken_config_points_into_the_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "select = [\"structure\", \"GW9999\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "报告").unwrap();
    let out = gwlint().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("GW9999") && err.contains("gwlint.toml"),
        "{err}"
    );
    assert!(
        err.contains("select = [\"structure\", \"GW9999\"]"),
        "the snippet is shown: {err}"
    );
    // The column counts characters, as findings' columns do.
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "select = [\"结构\", \"落款\", \"nope\"]\n",
    )
    .unwrap();
    let out = gwlint().arg("check").arg(dir.path()).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("gwlint.toml:1:23]"), "{err}");
    // A syntax error at the end of the file, and a bad glob key, are shown too.
    for (toml, shown) in [
        ("ignore = [\"GW0804\"\n", "ignore = [\"GW0804\""),
        (
            "[per-path-ignores]\n\"[a.txt\" = [\"signature\"]\n",
            "\"[a.txt\" = [\"signature\"]",
        ),
    ] {
        std::fs::write(dir.path().join("gwlint.toml"), toml).unwrap();
        let out = gwlint().arg("check").arg(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(shown) && err.contains("这里"), "{err}");
    }
    // Explaining a built-in rule does not need the broken file.
    let out = gwlint()
        .current_dir(dir.path())
        .args(["explain", "GW0203"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// A profile that does not exist, or a mistake inside one, is shown at its line.
#[test]
fn profile_errors_point_into_the_toml() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "报告").unwrap();
    let cases = [
        ("profile = \"fazhi\"\n", "未知的报告类型配置“fazhi”"),
        ("profile = \"profiles/my.toml\"\n", "my.toml 不存在"),
    ];
    for (toml, said) in cases {
        std::fs::write(d.join("gwlint.toml"), toml).unwrap();
        let out = gwlint().arg("check").arg(d).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(said) && err.contains(toml.trim()), "{err}");
        assert!(err.contains("这里"), "{err}");
        // --profile wins over the file, so the file's mistake does not stop it.
        let out = gwlint()
            .args(["check", "--profile", "fazhi-report"])
            .arg(d)
            .output()
            .unwrap();
        assert_ne!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::create_dir(d.join("profiles")).unwrap();
    std::fs::write(d.join("profiles/my.toml"), "[title]\nsubject = [\"法治\"\n").unwrap();
    let out = gwlint().arg("check").arg(d).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("列表没有闭合"), "{err}");
    assert!(
        err.contains("subject = [\"法治\"") && !err.contains("TOML parse error"),
        "{err}"
    );
}

/// A baseline named but not written yet reports everything and says how to write it;
/// listing and testing rules do not need it at all.
#[test]
fn a_baseline_not_written_yet_is_said_not_fatal() {
    let dir = project();
    let d = dir.path();
    name_baseline(d);
    let out = run_in(d, &["check", "--format", "concise", "单位"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(stdout(&out).contains("ORG001"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("base.json 还不存在，本次报告所有问题")
            && err.contains("gwlint check --format baseline --output ")
            && err.contains("base.json 生成它"),
        "{err}"
    );
    for args in [&["rules", "--test"][..], &["rules"][..]] {
        let out = run_in(d, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    }
}

/// `gwlint rules` run under a gwlint.toml lists the levels it sets and the rules it turns
/// off, with the default beside them; the codes stay in one column.
#[test]
fn rules_are_listed_as_the_configuration_sets_them() {
    let dir = project();
    let out = gwlint()
        .current_dir(dir.path())
        .arg("rules")
        .output()
        .unwrap();
    let text = stdout(&out);
    let line = |code: &str| {
        text.lines()
            .find(|l| l.starts_with(code))
            .unwrap()
            .to_string()
    };
    assert!(line("GW0102 ").contains(" 警告  标题缺少年度、事由或文种（默认错误）"));
    assert!(line("GW0201 ").contains(" 关闭  "), "{}", line("GW0201"));
    assert!(line("GW0101 ").ends_with("缺少标题"), "{}", line("GW0101"));
    assert_eq!(
        line("ORG001").find("no-bare-county"),
        line("GW0101").find("missing-title")
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("条规则与默认不同"), "{err}");
    let out = gwlint()
        .current_dir(dir.path())
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let gw0201 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "GW0201")
        .unwrap();
    assert_eq!(
        (
            gw0201["severity"].as_str(),
            gw0201["effective_severity"].as_str()
        ),
        (Some("error"), None)
    );
}

/// A second configuration file beside the first, and a folder whose reports are all
/// excluded, are said rather than silently passed over.
#[test]
fn configuration_left_unread_or_excluding_all_is_said() {
    let dir = project();
    let d = dir.path();
    std::fs::write(d.join(".gwlint.toml"), "ignore = [\"GW0102\"]\n").unwrap();
    let out = gwlint()
        .current_dir(d)
        .args(["check", "单位"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("只读取前者，后者的设置不起作用"), "{err}");
    assert!(err.contains(".gwlint.toml"), "{err}");
    let out = gwlint()
        .current_dir(d)
        .args(["check", "草稿"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("找到的 1 个报告都按忽略设置排除了") && err.contains("的 exclude 排除"),
        "{err}"
    );
}

#[test]
fn explicit_config_and_rules_test() {
    let dir = project();
    let cfg = dir.path().join("gwlint.toml");
    let out = run(&["rules", "--test", "--config"], &cfg);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("通过  ORG001 应报告：本委坚持")
            && text.ends_with("共 1 条规则、2 个示例，0 个示例未通过\n"),
        "{text}"
    );
    let out = run(&["rules", "--config"], &cfg);
    assert!(stdout(&out).contains("ORG001  no-bare-county"));
    let out = run(&["explain", "ORG001", "--config"], &cfg);
    assert!(stdout(&out).contains("自定义规则"));

    std::fs::write(
        &cfg,
        CONFIG.replace("valid = [\"我委\"]", "valid = [\"本委\"]"),
    )
    .unwrap();
    let out = run(&["rules", "--test", "--config"], &cfg);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("失败  ORG001 不应报告：本委"));
    assert!(Path::new(&cfg).exists());
    // A rule without examples fails the test that would have tested nothing.
    std::fs::write(
        &cfg,
        CONFIG.replace("valid = [\"我委\"]\ninvalid = [\"本委坚持\"]\n", ""),
    )
    .unwrap();
    let out = run(&["rules", "--test", "--config"], &cfg);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("ORG001 没有示例") && text.ends_with("，1 条规则缺少示例\n"),
        "{text}"
    );
    // Nor does one never shown to fire.
    std::fs::write(&cfg, CONFIG.replace("invalid = [\"本委坚持\"]\n", "")).unwrap();
    let out = run(&["rules", "--test", "--config"], &cfg);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("失败  ORG001 没有 invalid 示例")
            && text.contains("0 个示例未通过，1 条规则缺少示例"),
        "{text}"
    );
}

#[test]
fn extra_typos_and_citations_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        r#"
select = ["wording", "citation"]
[[typo]]
wrong = "青河市"
right = "青禾市"
safe = true
note = "本市名称"
[[citation]]
title = "青禾市卫生健康促进条例"
since = 2023
"#,
    )
    .unwrap();
    let report = "青禾市卫生健康委员会2024年法治政府建设年度报告\n青河市卫生健康委员会认真贯彻《青禾市卫生健康促进办法条例》。\n";
    std::fs::write(dir.path().join("a.txt"), report).unwrap();
    let out = run(&["check", "--format", "json"], dir.path());
    let got = files(&out.stdout);
    let codes: Vec<&str> = got[0].1.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["GW0801", "GW0702"]);
    // The user's entry is safe, so --fix applies it.
    gwlint()
        .args(["check", "--fix", "--select", "GW0801"])
        .arg(dir.path().join("a.txt"))
        .assert()
        .success();
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    assert!(fixed.contains("\n青禾市卫生健康委员会认真"), "{fixed}");
}

/// A note ignored as no report in one folder is checked there as a report, not as nothing.
#[test]
fn a_per_path_ignore_of_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("gwlint.toml"),
        "[per-path-ignores]\n\"片段/*.txt\" = [\"GW0109\"]\n",
    )
    .unwrap();
    std::fs::create_dir_all(d.join("片段")).unwrap();
    let paragraph = "全年受理投诉1526件，部份单位整改不到位。\n";
    std::fs::write(d.join("片段/a.txt"), paragraph).unwrap();
    std::fs::write(d.join("b.txt"), paragraph).unwrap();
    let text = stdout(&run(&["check", "--format", "concise"], d));
    let codes = |file: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains(file))
            .filter_map(|l| l.split_once('[').map(|(_, r)| r[..6].to_string()))
            .collect()
    };
    assert_eq!(codes("b.txt"), ["GW0109", "GW0801"]);
    let a = codes("a.txt");
    assert!(
        a.contains(&"GW0101".to_string()) && a.contains(&"GW0801".to_string()),
        "{a:?}"
    );
}

/// `baseline = "…"` in gwlint.toml, relative to its folder, as a team's hook would have it;
/// one that cannot be read is a configuration error pointing at the key.
#[test]
fn a_baseline_named_in_the_file_is_used() {
    let dir = project();
    let d = dir.path();
    let out = gwlint()
        .current_dir(d)
        .args(["check", "--format", "json", "--output", "base.json", "单位"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    name_baseline(d);
    let out = run_in(d, &["check", "--format", "concise", "单位"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("已按 gwlint.toml 中的基线略去")
    );
    // From the unit's folder the baseline's paths (written from the root) still match.
    let out = gwlint()
        .current_dir(d.join("单位"))
        .args(["check", "--format", "concise", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // --no-baseline shows everything, once.
    let check = |extra: &[&str]| {
        gwlint()
            .current_dir(d)
            .args(["check", "--format", "json", "单位"])
            .args(extra)
            .output()
            .unwrap()
    };
    let all = check(&["--no-baseline"]);
    assert_eq!(all.status.code(), Some(1));
    let count = |bytes: &[u8]| {
        let v: Value = serde_json::from_slice(bytes).unwrap();
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["diagnostics"].as_array().unwrap().len())
            .sum::<usize>()
    };
    let found = count(&all.stdout);
    assert!(found > 0);
    // Writing the baseline anew over itself keeps every finding: it is not applied to
    // the run that writes it.
    let out = check(&["--output", "base.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("本次没有按它略去问题"), "{stderr}");
    assert_eq!(count(&std::fs::read(d.join("base.json")).unwrap()), found);
    // A unit's own gwlint.toml replaces the root's, baseline included: said, not silent.
    std::fs::write(d.join("单位/gwlint.toml"), "ignore = [\"GW0804\"]\n").unwrap();
    let out = check(&[]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("单位/gwlint.toml 检查，它不继承") && stderr.contains("基线不适用"),
        "{stderr}"
    );
    std::fs::write(
        d.join("单位/gwlint.toml"),
        "baseline = \"../base.json\"\nignore = [\"GW0804\"]\n",
    )
    .unwrap();
    let stderr = String::from_utf8(check(&[]).stderr).unwrap();
    assert!(!stderr.contains("不继承"), "{stderr}");
    std::fs::remove_file(d.join("单位/gwlint.toml")).unwrap();
    std::fs::write(
        d.join("gwlint.toml"),
        format!("baseline = \"nope.json\"\n{CONFIG}"),
    )
    .unwrap();
    // A damaged baseline stops the files under it (one not written yet does not).
    std::fs::write(d.join("nope.json"), "<html>").unwrap();
    let out = gwlint()
        .current_dir(d)
        .args(["check", "单位"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("nope.json 不是 JSON（第 1 行第 1 列有误）"),
        "{stderr}"
    );
    // The command that writes it first, or anew, and --no-baseline do not need it.
    let out = gwlint()
        .current_dir(d)
        .args(["check", "单位", "--no-baseline"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = gwlint()
        .current_dir(d)
        .args(["check", "单位", "--format", "json", "--output", "nope.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(count(&std::fs::read(d.join("nope.json")).unwrap()), found);
}
