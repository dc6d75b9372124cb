//! The command line: parse arguments, call the library, pick the reporter, set the exit code.

use clap::{Parser, Subcommand};
use gwlint::annotate::{self, Annotation};
use gwlint::batch::{self, Action, Input};
use gwlint::diagnostic::RuleMeta;
use gwlint::diagnostic::Severity;
use gwlint::document::Format;
use gwlint::fix::FixMode;
use gwlint::report::{self, LeftOut, OutputFormat, Totals, Unchecked, display_name, finding_text};
use gwlint::workspace::{ConfigProblem, Overrides, Workspace};
use gwlint::{rules, source};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// Help pages are laid out in Chinese: clap's own headings ("Usage", "Options") and its
/// help flag and subcommand are replaced.
#[derive(Parser)]
#[command(
    name = "gwlint",
    version,
    about = "检查法治政府建设年度报告的结构、落款、序号、数字、标点等",
    help_template = HELP_TEMPLATE,
    after_help = EXAMPLES,
    subcommand_help_heading = "命令",
    subcommand_value_name = "命令",
    next_help_heading = "选项",
    disable_help_flag = true,
    disable_help_subcommand = true,
    disable_version_flag = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 显示帮助（gwlint <命令> --help 显示该命令的帮助）
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true, display_order = 1000)]
    help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
}

/// What a newcomer types first, shown under both help pages.
const EXAMPLES: &str = "示例:
  gwlint check 报告.docx                  检查一份报告
  gwlint check --fix 报告.txt             自动修复 .txt 中能安全修复的问题（只改动 .txt、.md）
  gwlint check --annotate 批注 报告.docx  生成带 Word 批注的副本，原文件不变
  gwlint check 各单位报告/ --summary      检查整个目录，按单位汇总
  gwlint explain GW0203                   查看一条规则的说明和示例";

// clap writes its headings with ":" ("选项:"); the usage line matches them.
const HELP_TEMPLATE: &str = "{about-with-newline}\n用法: {usage}\n\n{all-args}{after-help}";

/// The command line with every subcommand's help page laid out like the top one.
fn command_line() -> clap::Command {
    use clap::CommandFactory;
    // Unwrapped: `print_help` wraps it, Chinese and all.
    Cli::command().term_width(0).mut_subcommands(|c| {
        c.help_template(HELP_TEMPLATE).mut_args(|a| {
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            a.help_heading(heading)
        })
    })
}

#[derive(Subcommand)]
enum Command {
    /// 检查报告（.docx、.txt、.md；目录会递归检查）
    // An option given twice takes its last value, so that a pre-commit hook's `args`
    // can change what its `entry` sets (`--format`).
    #[command(
        override_usage = "gwlint check [选项] [文件或目录]...",
        args_override_self = true,
        after_help = EXAMPLES
    )]
    Check(Box<CheckArgs>),
    /// 输出规则所检查的规范化文本（检查结果中的行号、列号都指向这段文本）
    #[command(override_usage = "gwlint extract <文件>")]
    Extract {
        /// 报告文件；“-”表示从标准输入读取
        #[arg(value_name = "文件")]
        file: PathBuf,
    },
    /// 列出所有规则：代码、名称、类别、默认级别（含 gwlint.toml 中的自定义规则）
    #[command(override_usage = "gwlint rules [选项]")]
    Rules {
        /// 运行自定义规则中的 valid/invalid 示例
        #[arg(long)]
        test: bool,
        /// 输出格式：text（默认）或 json（含每条规则的说明，供其他工具使用）
        #[arg(
            long,
            default_value = "text",
            hide_default_value = true,
            value_name = "格式"
        )]
        format: String,
        /// 配置文件（默认在当前目录向上查找 gwlint.toml）
        #[arg(long, value_name = "文件")]
        config: Option<PathBuf>,
        /// 与 --test 同用：逐个检查这些配置文件（可写多个，供 pre-commit 使用）
        #[arg(value_name = "配置文件", requires = "test", conflicts_with = "config")]
        configs: Vec<PathBuf>,
        /// 输出内置的数据文件（规则说明中提到的 rules/*.toml）；不写文件名时列出全部
        #[arg(
            long,
            value_name = "文件",
            num_args = 0..=1,
            default_missing_value = "",
            conflicts_with = "test"
        )]
        data: Option<String>,
    },
    /// 显示一条规则的说明和示例
    #[command(override_usage = "gwlint explain [选项] <规则>")]
    Explain {
        /// 规则代码或名称，如 GW0203 或 date-format
        #[arg(value_name = "规则")]
        code: String,
        /// 配置文件（查找其中的自定义规则）
        #[arg(long, value_name = "文件")]
        config: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// 文件或目录；“-”表示从标准输入读取；不给出时检查当前目录
    #[arg(value_name = "文件或目录")]
    paths: Vec<PathBuf>,
    /// 输出格式：pretty、concise、json、sarif、github、csv、html、baseline（默认 pretty，或按 --output 的扩展名）
    #[arg(long, value_name = "格式")]
    format: Option<String>,
    /// 汇总表：每个文件的发文机关、年度、各类问题数，以及出现最多的问题（与 --format csv 同用时输出每个文件一行的 CSV）
    #[arg(long)]
    summary: bool,
    /// 把结果写入文件而不是标准输出
    #[arg(long, value_name = "文件")]
    output: Option<PathBuf>,
    /// 报告类型配置：内置名称（默认 fazhi-report）或 .toml 文件路径；优先于 gwlint.toml 中的 profile（gwlint.toml 的其他设置照常生效；不使用任何 gwlint.toml 时，用 --isolated）
    #[arg(long, value_name = "名称或文件")]
    profile: Option<String>,
    /// 使用这个配置文件，而不是在各文件所在目录向上查找 gwlint.toml
    #[arg(long, value_name = "文件")]
    config: Option<PathBuf>,
    /// 不读取任何 gwlint.toml，全部按默认设置和命令行选项检查，下级单位目录中的配置不能停用规则
    #[arg(long, conflicts_with = "config")]
    isolated: bool,
    /// 明确列出的文件也像遍历目录时一样筛选：按配置的 exclude 排除，不是 .docx、.txt、.md 的跳过（供 pre-commit 使用）
    #[arg(long)]
    force_exclude: bool,
    /// 遍历目录时不理会 .gitignore 和 .ignore，也检查以“.”开头的隐藏文件（默认都跳过）
    #[arg(long)]
    no_ignore: bool,
    // Given again, these add to each other rather than the later replacing the earlier.
    /// 只启用这些规则（代码、名称或类别，如 GW0203、date-format、落款，逗号分隔）
    #[arg(long, value_name = "规则", action = clap::ArgAction::Append)]
    select: Vec<String>,
    /// 不启用这些规则（代码、名称或类别，如 GW0804、wording、用词，逗号分隔）
    #[arg(long, value_name = "规则", action = clap::ArgAction::Append)]
    ignore: Vec<String>,
    /// 达到该级别的问题使退出码为 1：error、warning（默认）、info
    #[arg(
        long,
        default_value = "warning",
        hide_default_value = true,
        value_name = "级别"
    )]
    fail_on: String,
    /// 只列出达到该级别的问题：error（只看错误）、warning、info（默认，全部列出）；--fix、--annotate 也只处理这些问题
    #[arg(
        long,
        default_value = "info",
        hide_default_value = true,
        value_name = "级别"
    )]
    min_severity: String,
    /// 有问题也以 0 退出（无法读取的文件仍以 2 退出）
    #[arg(long)]
    exit_zero: bool,
    /// 并行线程数（默认：全部核心）
    #[arg(long, value_name = "线程数")]
    jobs: Option<usize>,
    /// 从标准输入读取时使用的文件名（决定格式，也用于报告）；不写路径时即从标准输入读取
    #[arg(long, value_name = "文件名")]
    stdin_filename: Option<String>,
    /// 自动修复可安全修复的问题，写回 .txt/.md 文件（保持原编码和换行符）
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// 只显示自动修复会做的改动，不写文件
    #[arg(long)]
    diff: bool,
    /// 不再报告已接受的问题：文件为以前用 --format baseline（或 json）写出的结果（按文件、规则和原文匹配）
    #[arg(long, value_name = "文件", conflicts_with = "no_baseline")]
    baseline: Option<PathBuf>,
    /// 不使用 gwlint.toml 中的基线，报告全部问题
    #[arg(long)]
    no_baseline: bool,
    /// 应报送的报告年度：汇总中列出年度不同或看不出年度的文件（用于 --summary 和 html）
    #[arg(long, value_name = "年份")]
    year: Option<i32>,
    /// 应报送单位名单（文本或 CSV，每行一个单位）：汇总中列出未报送的单位和不在名单中的文件（用于 --summary 和 html）
    #[arg(long, value_name = "文件")]
    roster: Option<PathBuf>,
    /// 为每个有问题的 .docx 生成带批注的副本，写入这个目录（原文件不改动）
    #[arg(long, value_name = "目录", conflicts_with_all = ["fix", "diff"])]
    annotate: Option<PathBuf>,
    /// 彩色输出：auto（默认，终端中且未设 NO_COLOR、TERM 不是 dumb 时）、always、never
    #[arg(
        long,
        default_value = "auto",
        hide_default_value = true,
        value_name = "方式"
    )]
    color: String,
}

/// The year and the units a supervisor expects; they shape the summaries only.
fn expected(args: &CheckArgs, format: OutputFormat) -> Result<report::Expected, String> {
    const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;
    if let Some(y) = args.year
        && !YEARS.contains(&y)
    {
        return usage(format!(
            "--year {y} 不是一个报告年度（写四位年份，如 2024）"
        ));
    }
    let roster = match &args.roster {
        Some(p) => Some(report::Roster::load(p)?),
        None => None,
    };
    let expected = report::Expected {
        year: args.year,
        roster,
    };
    let summarized = matches!(
        format,
        OutputFormat::Summary | OutputFormat::SummaryCsv | OutputFormat::Html
    );
    if !expected.is_empty() && !summarized {
        eprintln!(
            "gwlint: 注意：--year 和 --roster 只用于汇总（--summary，或 --format html），本次输出不受影响"
        );
    }
    Ok(expected)
}

/// A miette report without its leading "×": after "gwlint: " the mark only adds noise.
fn unmarked(message: &str) -> &str {
    let start = message.trim_start_matches(' ');
    match start.strip_prefix('×') {
        Some(rest) => rest.trim_start_matches(' '),
        None => message,
    }
}

fn main() -> ExitCode {
    use clap::FromArgMatches;
    let cli = match command_line()
        .try_get_matches_from(help_subcommand_as_flag(std::env::args_os()))
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let result = match cli.command {
        Command::Check(args) => check(*args),
        Command::Extract { file } => extract(&file),
        Command::Rules {
            data: Some(name), ..
        } => print_data(&name),
        Command::Rules {
            test: true,
            format,
            configs,
            data: None,
            ..
        } if !configs.is_empty() => Ok(test_each(&format, &configs)),
        Command::Rules {
            test,
            format,
            config,
            data: None,
            ..
        } => list_rules(test, &format, config.as_deref()),
        Command::Explain { code, config } => explain(&code, config.as_deref()),
    };
    match result {
        Ok(code) => code,
        // "gwlint check | head": the reader has all it wanted, but not every file may have
        // been checked, so no success: 141, as a process that SIGPIPE ended (a script under
        // `set -o pipefail` must not take the reports for clean).
        Err(message) if message == BROKEN_PIPE => ExitCode::from(141),
        Err(message) => {
            eprintln!("gwlint: {}", unmarked(&message));
            ExitCode::from(2)
        }
    }
}

/// "gwlint help check" as "gwlint check --help": clap's help subcommand speaks English.
fn help_subcommand_as_flag(
    args: impl Iterator<Item = std::ffi::OsString>,
) -> Vec<std::ffi::OsString> {
    let mut args: Vec<_> = args.collect();
    if args.get(1).is_some_and(|a| a == "help") {
        // "gwlint help help" is the top page too.
        while args.get(1).is_some_and(|a| a == "help") {
            args.remove(1);
        }
        args.push("--help".into());
    }
    args
}

/// clap's own errors said in Chinese where they are about what the user typed; help and
/// version output are printed as clap writes them.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let arg = || {
        e.get(ContextKind::InvalidArg)
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let message = match e.kind() {
        ErrorKind::DisplayHelp => {
            print_help(&e.render(), false);
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::UnknownArgument => match e.get(ContextKind::SuggestedArg) {
            Some(s) => format!("未知的参数“{}”（是否想用“{s}”？）", arg()),
            None => format!("未知的参数“{}”", arg()),
        },
        ErrorKind::InvalidSubcommand => {
            let word = e
                .get(ContextKind::InvalidSubcommand)
                .map(|v| v.to_string())
                .unwrap_or_default();
            // "gwlint 报告.docx": a file where the subcommand goes.
            if Path::new(&word).extension().is_some() || Path::new(&word).exists() {
                format!("“{word}”不是子命令；检查文件请用 gwlint check {word}")
            } else if let Some(s) = e.get(ContextKind::SuggestedSubcommand) {
                format!("未知的子命令“{word}”（是否想用“{s}”？）")
            } else {
                format!("未知的子命令“{word}”（可用：check、extract、rules、explain）")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数：{}", arg()),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            match e.get(ContextKind::InvalidValue) {
                Some(v) => format!("参数“{}”的取值“{v}”无效", arg()),
                None => format!("参数“{}”的取值无效", arg()),
            }
        }
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            format!("参数“{}”的取值个数不对", arg())
        }
        ErrorKind::ArgumentConflict => match e.get(ContextKind::PriorArg) {
            Some(prior) => format!("参数“{}”不能与“{prior}”同时使用", arg()),
            None => format!("参数“{}”不能与其他参数同时使用", arg()),
        },
        // Bare "gwlint": the help says more than an error would.
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            print_help(&command_line().render_help(), true);
            return ExitCode::from(2);
        }
        _ => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    eprintln!(
        "gwlint: {message}；用 gwlint {}--help 查看用法",
        subcommand_typed()
    );
    ExitCode::from(2)
}

/// "check " when the command line names that subcommand, for the help it points to.
fn subcommand_typed() -> String {
    std::env::args()
        .skip(1)
        .find(|a| ["check", "extract", "rules", "explain"].contains(&a.as_str()))
        .map_or_else(String::new, |s| format!("{s} "))
}

/// Where the results go: standard output, or a file put in place when they are complete.
enum Output<'a> {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'a>>),
    File(gwlint::atomic::OutputFile),
    /// A symbolic link, a pipe or a device, written as it is.
    Through(std::io::BufWriter<std::fs::File>),
}

impl Output<'_> {
    fn finish(self) -> std::io::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush(),
            Output::File(f) => f.commit(),
            Output::Through(mut w) => w.flush(),
        }
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File(f) => f,
            Output::Through(w) => w,
        }
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer().flush()
    }
}

fn usage<T>(message: impl Into<String>) -> Result<T, String> {
    Err(message.into())
}

/// Said instead of an error when stdout was closed by its reader: nothing to report.
const BROKEN_PIPE: &str = "\u{0}broken pipe";

/// An error writing the results, as the message `main` prints.
fn output_error(what: &str) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            BROKEN_PIPE.to_string()
        } else {
            format!("{what}：{}", gwlint::source::io_cause(&e))
        }
    }
}

/// Ctrl+C, SIGTERM, SIGHUP while files are written (`--fix`, `--output`): the half-written
/// temporary files go with the run, which exits with 130 as a shell reports an interrupted
/// command. Set only then: the handler's thread costs a one-file check a millisecond.
fn remove_temporary_files_on_signal() {
    let _ = ctrlc::set_handler(|| {
        gwlint::atomic::remove_unfinished();
        eprintln!("\ngwlint: 已中断：写到一半的临时文件已删除，已写完的文件保持完整");
        std::process::exit(130);
    });
}

fn check(args: CheckArgs) -> Result<ExitCode, String> {
    if args.fix || args.output.is_some() {
        remove_temporary_files_on_signal();
    }
    // Said before the findings when the text is already there; else asked again at the end.
    let mut stdin_unread = StdinUnread::new(&args);
    stdin_unread.say_if_waiting();
    let format = match (&args.format, &args.output) {
        (Some(name), _) => OutputFormat::parse(name)
            .ok_or_else(|| format!("未知的输出格式“{name}”（可用：{}）", OutputFormat::NAMES))?,
        (None, Some(out)) => match OutputFormat::for_output(out) {
            Some(f) => f,
            None if out.extension().is_none() => OutputFormat::Pretty,
            None => {
                return usage(format!(
                    "无法从扩展名判断 {} 的输出格式（可用：.html、.csv、.json、.sarif、.txt）；请用 --format 指定",
                    out.display()
                ));
            }
        },
        (None, None) => OutputFormat::Pretty,
    };
    let format = match format {
        OutputFormat::Pretty | OutputFormat::Concise if args.summary => OutputFormat::Summary,
        OutputFormat::Csv if args.summary => OutputFormat::SummaryCsv,
        OutputFormat::Json | OutputFormat::Sarif | OutputFormat::Github if args.summary => {
            return usage(
                "--summary 输出汇总表（终端或 csv），不能与 json、sarif、github 同用（这些格式已逐条列出结果）；汇总网页请用 --format html",
            );
        }
        f => f,
    };
    let Some(fail_on) = Severity::parse(&args.fail_on) else {
        return usage(format!(
            "未知的级别“{}”（可用：error、warning、info，或 错误、警告、提示）",
            args.fail_on
        ));
    };
    let Some(min_severity) = Severity::parse(&args.min_severity) else {
        return usage(format!(
            "未知的级别“{}”（可用：error、warning、info，或 错误、警告、提示）",
            args.min_severity
        ));
    };
    let expected = expected(&args, format)?;
    let baseline = match &args.baseline {
        Some(b) => {
            // Writing this run's results over it would drop what it accepted.
            if args
                .output
                .as_ref()
                .is_some_and(|o| gwlint::workspace::same_file(o, b))
            {
                return usage(format!(
                    "--output 与 --baseline 是同一个文件 {}：本次结果不含已接受的问题，写入会丢掉基线；要重写基线请去掉 --baseline，否则请写到另一个文件",
                    b.display()
                ));
            }
            Some(std::sync::Arc::new(gwlint::baseline::Baseline::load(b)?))
        }
        None => None,
    };
    let ws = Workspace::new(
        args.config.as_deref(),
        Overrides {
            profile: args.profile.clone(),
            select: (!args.select.is_empty()).then(|| args.select.join(",")),
            ignore: (!args.ignore.is_empty()).then(|| args.ignore.join(",")),
            min_severity,
            baseline,
            no_baseline: args.no_baseline,
            output: args.output.clone(),
            isolated: args.isolated,
        },
    )?;
    if let Some(name) = excluded_stdin(&args, &ws) {
        // An editor names the buffer's file: with --force-exclude, it is filtered as a file
        // named on the command line is, and a buffer to fix comes back as it was.
        let mut stdin = std::io::stdin().lock();
        if args.fix {
            let mut stdout = std::io::stdout().lock();
            std::io::copy(&mut stdin, &mut stdout)
                .and_then(|_| stdout.flush())
                .map_err(output_error("写出结果失败"))?;
        } else {
            std::io::copy(&mut stdin, &mut std::io::sink())
                .map_err(|e| format!("无法读取标准输入：{e}"))?;
        }
        eprintln!(
            "gwlint: 跳过标准输入：{name} 按 exclude 的设置或扩展名不检查（--force-exclude）"
        );
        return Ok(ExitCode::SUCCESS);
    }
    // The supervisor's outputs name the reports the folders' ignore files hide.
    let list_left_out = matches!(
        format,
        OutputFormat::Summary | OutputFormat::SummaryCsv | OutputFormat::Html
    );
    let Found {
        mut inputs,
        unchecked,
        left_out,
    } = inputs(&args, &ws, list_left_out)?;
    // An editor's buffer to fix: whatever happens, its text comes back on stdout.
    if (args.fix || args.diff)
        && let [Input::Bytes { name, bytes }] = inputs.as_slice()
    {
        if args.output.is_some() {
            return usage("修复标准输入时，修复后的文本写到标准输出，不能同时用 --output");
        }
        let mode = if args.fix {
            FixMode::Write
        } else {
            FixMode::Diff
        };
        let options = report::Options {
            color: false,
            width: output_width(false),
            min_severity,
            expected: report::Expected::default(),
            custom_rules: Vec::new(),
        };
        let stdin = StdinFix {
            name,
            bytes,
            mode,
            fail_on,
            exit_zero: args.exit_zero,
        };
        return fix_stdin(&ws, &stdin, report::reporter(format, &options));
    }
    // Load every configuration before the run: the command line's settings that cannot be
    // used stop it; a unit's broken gwlint.toml costs only the files under it, which are
    // reported unreadable (the error itself is shown once, pointing into the TOML).
    let mut told_no_rule = false;
    let mut told_broken = std::collections::BTreeSet::new();
    let mut custom_rules = Vec::new();
    for input in &mut inputs {
        let found = match input {
            Input::Path(p) => ws.linter_for(p),
            Input::Bytes { name, .. } => ws.linter_for(Path::new(name)),
            Input::Missing(_) | Input::Unreadable(..) | Input::Misconfigured(..) => continue,
        };
        let linter = match found {
            Ok(l) => l,
            Err(ConfigProblem::Run(e)) => return Err(e),
            Err(ConfigProblem::File {
                path,
                rendered,
                summary,
            }) => {
                // A unit's own file, sent with its report: the supervisor can read past it.
                let unit = !gwlint::workspace::unit_configs(
                    std::slice::from_ref(&path),
                    &checked_paths(&args),
                )
                .is_empty();
                let summary = if unit {
                    format!(
                        "{summary}（这是目录中下级单位自带的配置文件；要按默认规则检查，请加 --isolated，不读取任何 gwlint.toml）"
                    )
                } else {
                    summary
                };
                if told_broken.insert(path) {
                    eprintln!("gwlint: {}", unmarked(&rendered));
                }
                let name = batch::path_of(input).to_path_buf();
                *input = Input::Misconfigured(name, summary);
                continue;
            }
        };
        for rule in &linter.config.custom {
            if !custom_rules
                .iter()
                .any(|m: &&RuleMeta| m.code == rule.meta.code)
            {
                custom_rules.push(rule.meta);
            }
        }
        if linter.runs_no_rule() && !told_no_rule {
            told_no_rule = true;
            eprintln!(
                "gwlint: 注意：按 select 和 ignore 的设置，没有规则会运行（检查 --select、--ignore 和 gwlint.toml 中的 select、ignore）"
            );
        }
    }
    for note in ws.notes() {
        eprintln!("gwlint: {note}");
    }
    if args.jobs == Some(0) {
        return usage("--jobs 至少为 1");
    }
    // More threads than this only cost memory: files are the unit of work.
    const MAX_JOBS: usize = 256;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, MAX_JOBS);

    // Written beside its name and renamed into place at the end: a report hard-linked at
    // that name keeps its text, and a failed run leaves no half file.
    // A name that is no regular file (a link, a pipe, /dev/null) is written through.
    let cannot_write = |p: &Path, e: std::io::Error| {
        // The folder to make is a file already: say which, not "文件已存在".
        let cause = match p.ancestors().skip(1).find(|a| a.is_file()) {
            Some(file) => format!("{} 是一个文件，不是目录", file.display()),
            None => source::io_cause(&e),
        };
        format!("无法写入 {}：{cause}", p.display())
    };
    let mut out = match &args.output {
        Some(p) if std::fs::symlink_metadata(p).is_ok_and(|m| !m.file_type().is_file()) => {
            Output::Through(std::io::BufWriter::new(
                std::fs::File::create(p).map_err(|e| cannot_write(p, e))?,
            ))
        }
        Some(p) => {
            Output::File(gwlint::atomic::OutputFile::create(p).map_err(|e| cannot_write(p, e))?)
        }
        None => Output::Stdout(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let on_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match color_wanted(&args.color, on_terminal, |k| std::env::var_os(k)) {
        Ok(c) => c,
        Err(message) => return usage(message),
    };
    let options = report::Options {
        color,
        width: output_width(args.output.is_none()),
        min_severity,
        expected,
        custom_rules,
    };
    let destination = args.annotate.as_ref().map(|dir| {
        annotate::Destination::new(
            dir,
            inputs.iter().filter_map(|i| match i {
                Input::Path(p) => Some(p.clone()),
                _ => None,
            }),
        )
    });
    if destination.is_some() && inputs.iter().any(|i| matches!(i, Input::Bytes { .. })) {
        eprintln!("gwlint: 标准输入的内容只检查，不生成批注版（批注版需要 .docx 文件）");
    }
    let action = match (args.fix, args.diff, &destination) {
        (true, _, _) => Action::Fix(FixMode::Write),
        (_, true, _) => Action::Fix(FixMode::Diff),
        (_, _, Some(to)) => Action::Annotate(to),
        _ => Action::Check,
    };
    if matches!(action, Action::Fix(_)) {
        refuse_unfixable(&inputs)?;
    }
    // Findings printed to the same terminal would fight with the bar.
    let streams_to_terminal = args.output.is_none()
        && std::io::stdout().is_terminal()
        && !matches!(format, OutputFormat::Summary | OutputFormat::SummaryCsv);
    let progress = progress_bar(if streams_to_terminal { 0 } else { inputs.len() });
    let mut reporter = report::reporter(format, &options);
    reporter.unchecked(&unchecked);
    reporter.left_out(&left_out);
    // The terminal summary lists them itself.
    let summary_on_terminal = format == OutputFormat::Summary && args.output.is_none();
    if !unchecked.is_empty() && !summary_on_terminal {
        eprintln!("gwlint: 跳过 {} 个不能检查的文件：", unchecked.len());
        for u in &unchecked {
            eprintln!("  {}：{}", display_name(&u.path), u.reason);
        }
    }
    let mut totals = Totals {
        unchecked: unchecked.len(),
        ..Totals::default()
    };
    let mut failing = false;
    let mut fixed = 0usize;
    // Each file --fix changed, with its count: the drafter sees what moved.
    let mut changed: Vec<String> = Vec::new();
    // What could not be read, said on stderr when the report goes elsewhere.
    let mut unreadable: Vec<String> = Vec::new();
    // Files `--fix` left unchanged because they could not be written, and copies
    // `--annotate` could not make.
    let mut not_written: Vec<String> = Vec::new();
    // UTF-16 files whose diff went to a pipe or file: it cannot be applied.
    let mut read_only_diffs: Vec<String> = Vec::new();
    let mut annotated = AnnotateTally::default();
    let diff_on_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let mut suppressed = 0usize;
    // The gwlint.toml files the reports were checked with.
    let mut configs: std::collections::BTreeSet<PathBuf> = Default::default();
    batch::run(&ws, &inputs, jobs, action, |o| {
        progress.inc(1);
        configs.extend(o.report.config.clone());
        totals.add(&o.report, o.from_stdin);
        suppressed += o.report.suppressed;
        fixed += o.fixed;
        if o.fixed > 0 {
            changed.push(format!(
                "  {}：{} 处",
                display_name(&o.report.path),
                o.fixed
            ));
        }
        if let Some(e) = &o.report.error {
            let path = display_name(&o.report.path);
            unreadable.push(format!("  × {path}：{}", report::sanitize(&e.message)));
        }
        if let Some(why) = &o.not_written {
            not_written.push(format!(
                "  × {}：未修复，文件保持原样（{why}）",
                display_name(&o.report.path)
            ));
        }
        match &o.annotation {
            Annotation::Written {
                comments, standing, ..
            } => annotated.add(*comments, *standing),
            Annotation::Refused(why) => {
                let path = display_name(&o.report.path);
                not_written.push(format!("  × {path}：未生成批注版（{why}）"));
            }
            Annotation::Skipped => {}
        }
        if matches!(action, Action::Fix(FixMode::Diff)) {
            return match (&o.diff, &o.report.document) {
                // On a terminal the diff is read, not applied: in UTF-8 whatever the file's.
                (Some(d), Some(doc)) if diff_on_terminal => {
                    let text = gwlint::fix::readable_diff(d, doc.encoding);
                    let text = report::terminal_diff(&String::from_utf8_lossy(&text));
                    out.write_all(text.as_bytes())
                }
                // patch cannot read UTF-16: the diff is in UTF-8, for reading only.
                (Some(d), Some(doc)) if doc.encoding.starts_with("utf-16") => {
                    read_only_diffs.push(display_name(&o.report.path).into_owned());
                    out.write_all(d)
                }
                (Some(d), _) => out.write_all(d),
                (None, _) => Ok(()),
            };
        }
        failing |= o.report.diagnostics.iter().any(|d| d.severity >= fail_on);
        reporter.file(&mut out, &o.report)
    })
    // Cleared before the summary table, or the table is drawn on the bar's line.
    .inspect(|_| progress.finish_and_clear())
    .inspect(|_| reporter.loosened(&loosened(&ws, &configs)))
    .and_then(|_| match action {
        // stderr, so that stdout is a patch and nothing else.
        Action::Fix(FixMode::Diff) => {
            if fixed == 0 {
                eprintln!("没有可以写回文件的自动修复");
            } else {
                eprintln!("可自动修复 {fixed} 处；使用 --fix 写回文件");
            }
            for path in &read_only_diffs {
                eprintln!(
                    "注意：{path} 是 UTF-16 编码，patch 无法读取，它的改动按 UTF-8 列出，仅供阅读；要写回请用 --fix"
                );
            }
            Ok(())
        }
        Action::Fix(FixMode::Write) => {
            // What --fix did is said below; "可用 --fix 自动修复" would contradict it.
            totals.fixable = 0;
            reporter.finish(&mut out, &totals)?;
            // stderr, so that json, sarif, csv and html stay well-formed.
            if fixed == 0 {
                eprintln!("已自动修复 0 处");
            } else {
                eprintln!(
                    "已自动修复 {fixed} 处，改动的文件：\n{}",
                    changed.join("\n")
                );
            }
            Ok(())
        }
        Action::Check | Action::Annotate(_) => reporter.finish(&mut out, &totals),
    })
    .and_then(|_| out.finish())
    .map_err(output_error("写出结果失败"))?;
    progress.finish_and_clear();
    for line in &not_written {
        eprintln!("{line}");
    }
    // The summary and the HTML page list the configurations; a CSV has no place for it.
    if matches!(format, OutputFormat::Csv | OutputFormat::SummaryCsv)
        && args.config.is_none()
        && !args.isolated
    {
        let used: Vec<PathBuf> = configs.into_iter().collect();
        let units = gwlint::workspace::unit_configs(&used, &checked_paths(&args));
        if !units.is_empty() {
            let names: Vec<String> = units.iter().map(|p| p.display().to_string()).collect();
            eprintln!(
                "注意：有的文件按其所在目录中的 gwlint.toml 检查（{}），这些配置可能停用了部分检查；要让所有文件按同一标准检查，用 --isolated 或 --config",
                names.join("、")
            );
        }
    }
    for b in ws.rewritten_baselines() {
        eprintln!(
            "--output 写的是 gwlint.toml 中的基线 {}：本次没有按它略去问题，结果就是新的基线",
            b.display()
        );
    }
    for b in ws.baselines().iter().filter(|b| !b.gone.is_empty()) {
        const SHOWN: usize = 3;
        let mut names = b.gone[..b.gone.len().min(SHOWN)].join("、");
        if b.gone.len() > SHOWN {
            names += "等";
        }
        eprintln!(
            "注意：基线 {} 中有 {} 个文件已不存在（{names}）；文件改名或移动后，按原名接受的问题会重新报告，请重新生成基线（--format baseline --output {}）",
            b.path.display(),
            b.gone.len(),
            b.path.display()
        );
    }
    match &args.baseline {
        Some(b) => eprintln!("已按基线 {} 略去 {suppressed} 处已接受的问题", b.display()),
        None if suppressed > 0 => {
            eprintln!("已按 gwlint.toml 中的基线略去 {suppressed} 处已接受的问题");
        }
        None => {}
    }
    if let Action::Annotate(to) = action {
        let standing = match annotated.standing {
            0 => String::new(),
            n => format!("；另有 {n} 条与文件中已有的 gwlint 批注相同，未重复添加"),
        };
        // A copy refused is said with its reason, below.
        if annotated.files == 0 && not_written.is_empty() {
            eprintln!(
                "未生成批注版：没有需要批注的 .docx 文件（批注版只为有问题的 .docx 生成，.txt、.md 的问题见上方结果）"
            );
        } else if annotated.files > 0 {
            eprintln!(
                "已生成批注版 {} 份（共 {} 条批注{standing}），写入 {}",
                annotated.files,
                annotated.comments,
                to.dir().display()
            );
        }
    }
    if args.output.is_some() || matches!(action, Action::Fix(FixMode::Diff)) {
        for line in &unreadable {
            eprintln!("{line}");
        }
        if let Some(p) = &args.output {
            eprintln!(
                "{}；结果已写入 {}",
                report::summary_line(&totals),
                p.display()
            );
        }
    }

    // By the end a pipe's writer has long had its turn.
    stdin_unread.say_if_waiting();

    // Nothing checked (an empty folder, a folder of .doc files): no pass, or a script takes
    // a mistyped inbox for a clean one. Reports the user's own ignore settings hide, and a
    // hook's commit of a scanned PDF alone (--force-exclude), are no such folder.
    let nothing_checked =
        totals.files == 0 && !args.force_exclude && (!unchecked.is_empty() || left_out.is_empty());
    Ok(
        if totals.failed > 0 || !not_written.is_empty() || nothing_checked {
            ExitCode::from(2)
        } else if matches!(action, Action::Fix(FixMode::Diff)) {
            ExitCode::from(u8::from(fixed > 0))
        // A baseline written accepts what it lists: nothing fails.
        } else if failing && !args.exit_zero && format != OutputFormat::Baseline {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}

/// The copies `--annotate` wrote, and the comments in them.
#[derive(Default)]
struct AnnotateTally {
    files: usize,
    comments: usize,
    standing: usize,
}

impl AnnotateTally {
    fn add(&mut self, comments: usize, standing: usize) {
        self.files += 1;
        self.comments += comments;
        self.standing += standing;
    }
}

/// Whether to colour: `--color`'s choice, and for "auto" the terminal and the environment.
fn color_wanted(
    choice: &str,
    on_terminal: bool,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Result<bool, String> {
    // NO_COLOR: any value but empty; CLICOLOR_FORCE: any value but empty or "0".
    // TERM=dumb: an Emacs shell buffer or a CI log, which show escape codes raw.
    let no_color =
        env("NO_COLOR").is_some_and(|v| !v.is_empty()) || env("TERM").is_some_and(|t| t == "dumb");
    let force = env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        "always" => Ok(true),
        "never" => Ok(false),
        "auto" => Ok(force || on_terminal && !no_color),
        other => Err(format!(
            "未知的 --color 取值“{other}”（可用：auto、always、never）"
        )),
    }
}

/// Help pages wrap at the terminal's width, at most this (clap's own limit).
const HELP_WIDTH: usize = 100;

/// A help page wrapped to the terminal, styled when the terminal takes colours.
fn print_help(help: &clap::builder::StyledStr, to_stderr: bool) {
    let on_terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let styled = color_wanted("auto", on_terminal, |k| std::env::var_os(k)).unwrap_or(false);
    let text = if styled {
        help.ansi().to_string()
    } else {
        help.to_string()
    };
    let width = output_width(!to_stderr).map_or(HELP_WIDTH, |w| w.min(HELP_WIDTH));
    let page = gwlint::help_text::wrap(&text, width);
    if to_stderr {
        eprint!("{page}");
    } else {
        print!("{page}");
    }
}

/// Columns for the readable output: the terminal's (stderr's or stdin's when stdout is
/// piped into a pager), else `COLUMNS`; `None` with neither; never fewer than 40.
fn output_width(to_stdout: bool) -> Option<usize> {
    to_stdout
        .then(terminal_size::terminal_size)
        .flatten()
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|&w| w > 0)
        .map(|w| w.max(40))
}

/// A path a walk found, as the terminal may show it (`display_name`).
fn shown_path(p: &Path) -> String {
    display_name(&gwlint::path_text::path_text(p)).into_owned()
}

/// Files from which a batch is long enough to show progress.
const PROGRESS_FROM: usize = 20;

/// A bar on stderr for long batches at a terminal; hidden when piped or under CI.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !interactive || len < PROGRESS_FROM {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} 个文件 {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

/// An editor's buffer given on stdin to fix.
struct StdinFix<'a> {
    name: &'a str,
    bytes: &'a [u8],
    mode: FixMode,
    fail_on: Severity,
    exit_zero: bool,
}

/// `--fix` on stdin, as an editor calls a fixer on an unsaved buffer: the fixed text goes
/// to stdout, the findings left to stderr; with `--diff`, the diff to stdout. A buffer
/// that cannot be fixed (its gwlint.toml is broken, it cannot be decoded) comes back as
/// it was, since an editor may replace the buffer with whatever stdout holds.
fn fix_stdin(
    ws: &Workspace,
    input: &StdinFix,
    mut reporter: Box<dyn report::Reporter>,
) -> Result<ExitCode, String> {
    let StdinFix {
        name, bytes, mode, ..
    } = *input;
    let format = source::sniff(name, bytes);
    let fixed = match ws.linter_for(Path::new(name)) {
        Err(problem) => Err(String::from(problem)),
        Ok(_) if format == Format::Docx => {
            Err("标准输入中的 .docx 不能自动修复，请按提示在 Word 中修改".to_string())
        }
        // A name with another extension ("a.csv") is a file of another kind; without
        // one, an editor's unsaved buffer.
        Ok(_)
            if Path::new(name).extension().is_some() && !gwlint::fix::writable(Path::new(name)) =>
        {
            Err(format!("{name}：{}", gwlint::fix::NOT_A_TEXT_REPORT))
        }
        Ok(linter) => gwlint::fix::fix_bytes(&linter, name, format, bytes)
            .map_err(|e| format!("{name}：{}", e.message)),
    };
    // Encoded again, the text's own bytes would change beyond the fixes.
    let fixed = fixed.and_then(|f| {
        if f.unrepresentable && mode == FixMode::Write {
            Err(format!(
                "{name}：未修复（{}）",
                gwlint::fix::UNREPRESENTABLE
            ))
        } else {
            Ok(f)
        }
    });
    let mut stdout = std::io::stdout().lock();
    let io = output_error("写出结果失败");
    let fixed = match fixed {
        Ok(done) => done,
        Err(why) => {
            if mode == FixMode::Write {
                stdout
                    .write_all(bytes)
                    .and_then(|_| stdout.flush())
                    .map_err(&io)?;
            }
            eprintln!("gwlint: {why}");
            return Ok(ExitCode::from(2));
        }
    };
    let on_terminal = std::io::stdout().is_terminal();
    match (mode, &fixed.bytes) {
        // Read, not applied, on a terminal: in UTF-8 whatever the text's encoding.
        (FixMode::Diff, _) if on_terminal => {
            let encoding = fixed
                .report
                .document
                .as_ref()
                .map_or("utf-8", |d| d.encoding);
            stdout.write_all(&gwlint::fix::readable_diff(&fixed.diff, encoding))
        }
        (FixMode::Diff, _) => stdout.write_all(&fixed.diff),
        (FixMode::Write, Some(new)) => stdout.write_all(new),
        (FixMode::Write, None) => stdout.write_all(bytes),
    }
    .and_then(|_| stdout.flush())
    .map_err(&io)?;
    let mut totals = Totals::default();
    totals.add(&fixed.report, true);
    let mut stderr = std::io::stderr().lock();
    reporter
        .file(&mut stderr, &fixed.report)
        .and_then(|_| reporter.finish(&mut stderr, &totals))
        .map_err(&io)?;
    match mode {
        FixMode::Write => eprintln!("已自动修复 {} 处", fixed.applied),
        FixMode::Diff => eprintln!("可自动修复 {} 处；使用 --fix 写回", fixed.applied),
    }
    let failing = match mode {
        FixMode::Diff => fixed.applied > 0,
        FixMode::Write => fixed
            .report
            .diagnostics
            .iter()
            .any(|d| d.severity >= input.fail_on),
    };
    Ok(ExitCode::from(u8::from(failing && !input.exit_zero)))
}

/// Fixes are written to text files only: a .docx is never rewritten. Said once, naming
/// the file when there is one, counting them in a batch.
fn refuse_unfixable(inputs: &[Input]) -> Result<(), String> {
    let mut docx = Vec::new();
    for input in inputs {
        match input {
            Input::Bytes { .. } => {
                return usage("标准输入只能单独修复：--fix/--diff 不能同时用于标准输入和文件");
            }
            Input::Path(p) if source::format_for_path(p) == Some(Format::Docx) => docx.push(p),
            _ => {}
        }
    }
    let which = match docx.as_slice() {
        [] => return Ok(()),
        [one] => format!(" {}", one.display()),
        many => format!("其中的 {} 个 .docx 文件", many.len()),
    };
    eprintln!(
        "gwlint: 不会修改{which}：自动修复只写回 .txt/.md 文件，.docx 请按提示在 Word 中修改"
    );
    Ok(())
}

/// The paths a run checks: those named, else the current folder; "--stdin-filename 报告.txt"
/// alone reads stdin, as editors call linters.
fn checked_paths(args: &CheckArgs) -> Vec<PathBuf> {
    if !args.paths.is_empty() {
        return args.paths.clone();
    }
    vec![PathBuf::from(if args.stdin_filename.is_some() {
        "-"
    } else {
        "."
    })]
}

/// Text piped to a run that checks the current folder, not stdin: said once.
struct StdinUnread {
    pending: bool,
}

impl StdinUnread {
    fn new(args: &CheckArgs) -> StdinUnread {
        StdinUnread {
            pending: args.paths.is_empty() && args.stdin_filename.is_none(),
        }
    }

    fn say_if_waiting(&mut self) {
        if self.pending && stdin_holds_input() {
            self.pending = false;
            eprintln!(
                "gwlint: 注意：没有写路径，检查的是当前文件夹；标准输入的内容没有读取。要检查标准输入，请写 gwlint check -"
            );
        }
    }
}

/// Stdin holds text ("cat 报告.txt | gwlint check", "< 报告.txt"): a file with bytes, or a
/// pipe with bytes waiting. Not a terminal, /dev/null, or an empty pipe a caller left open.
#[cfg(unix)]
fn stdin_holds_input() -> bool {
    use std::os::unix::fs::FileTypeExt;
    let Ok(meta) = std::fs::metadata("/dev/stdin") else {
        return false;
    };
    if meta.is_file() {
        return meta.len() > 0;
    }
    if !meta.file_type().is_fifo() {
        return false;
    }
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout; nothing is read.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & libc::POLLIN != 0
}

#[cfg(not(unix))]
fn stdin_holds_input() -> bool {
    false
}

/// The name of stdin, the only input, when --force-exclude filters it out.
fn excluded_stdin(args: &CheckArgs, ws: &Workspace) -> Option<String> {
    let name = args.stdin_filename.as_ref()?;
    let only_stdin = matches!(checked_paths(args).as_slice(), [p] if p.as_os_str() == "-");
    let path = Path::new(name);
    (args.force_exclude
        && only_stdin
        && (ws.excluded_by(path).is_some() || source::format_for_path(path).is_none()))
    .then(|| name.clone())
}

/// What the paths named hold.
struct Found {
    inputs: Vec<Input>,
    /// Reports found in folders that gwlint cannot read.
    unchecked: Vec<Unchecked>,
    /// Reports left out on purpose: by a configuration's `exclude`, and with
    /// `list_left_out` by ignore files.
    left_out: Vec<LeftOut>,
}

/// The inputs to lint, and the reports found that are not checked.
fn inputs(args: &CheckArgs, ws: &Workspace, list_left_out: bool) -> Result<Found, String> {
    let stdin_named = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_named > 1 {
        return usage("标准输入（-）只能读取一次，请只写一个 -");
    }
    if args.stdin_filename.is_some() && stdin_named == 0 && !args.paths.is_empty() {
        return usage(
            "--stdin-filename 只用于从标准输入读取：请把路径写作 -，或去掉 --stdin-filename",
        );
    }
    let paths = checked_paths(args);
    let mut inputs = Vec::new();
    let mut unsupported = Vec::new();
    let mut left_out: Vec<LeftOut> = Vec::new();
    let paths_given = paths.clone();
    let excluder = |f: &Path| ws.excluded_by(f);
    let how = batch::WalkOptions {
        force_exclude: args.force_exclude,
        ignore_files: !args.no_ignore,
        list_left_out,
    };
    for p in paths {
        if p.as_os_str() == "-" {
            // An editor's buffer to fix comes back on stdout, whatever happens.
            let bytes = read_stdin(args.fix && paths_given.len() == 1)?;
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".into());
            // "gwlint check --stdin-filename 报告.txt" typed for the file itself; an
            // editor's emptied buffer is still checked, as it is.
            if bytes.is_empty() && args.paths.is_empty() && Path::new(&name).is_file() {
                eprintln!(
                    "gwlint: 注意：标准输入没有内容。--stdin-filename 只给出名称；要检查 {} 本身，请去掉 --stdin-filename",
                    shown_path(Path::new(&name))
                );
            }
            inputs.push(Input::Bytes { name, bytes });
        } else {
            // A name in GB18030 on disk, typed as the outputs show it.
            let p = match p.to_str().filter(|_| !p.exists()) {
                Some(text) => gwlint::path_text::on_disk(text).unwrap_or(p),
                None => p,
            };
            let found = batch::collect(&[p], &excluder, how);
            inputs.extend(found.inputs);
            unsupported.extend(found.unsupported);
            left_out.extend(found.left_out);
            for p in found.owner_files {
                eprintln!(
                    "gwlint: 跳过 {}：这是 Word 打开文档时生成的临时锁文件（~$ 开头），不是报告",
                    shown_path(&p)
                );
            }
            for p in found.linked_folders {
                eprintln!(
                    "gwlint: 跳过 {}：这是指向目录的符号链接，遍历时不跟随（要检查其中的文件，请直接写出这个路径）",
                    shown_path(&p)
                );
            }
            for (link, report) in found.aliases {
                eprintln!(
                    "gwlint: 跳过 {}：这是指向 {} 的符号链接，该文件已按自己的名称检查（不重复检查、不重复修复）",
                    shown_path(&link),
                    shown_path(&report)
                );
            }
            for p in found.linked_out {
                eprintln!(
                    "gwlint: 跳过 {}：这是指向所检查文件夹之外的文件的符号链接，遍历时不跟随（要检查那个文件，请直接写出它的路径）",
                    shown_path(&p)
                );
            }
            for p in found.annotated_folders {
                eprintln!(
                    "gwlint: 跳过 {}：这是 gwlint --annotate 生成的批注版目录，其中的文件不是报告（直接检查该目录仍会检查）",
                    shown_path(&p)
                );
            }
        }
    }
    if inputs.is_empty() {
        // Nothing to check: say which reports the ignore files hid, too.
        if !list_left_out && !args.no_ignore {
            let how = batch::WalkOptions {
                list_left_out: true,
                ..how
            };
            left_out = batch::collect(&paths_given, &excluder, how).left_out;
        }
        nothing_found(&left_out);
    }
    // "gwlint check . a.txt ./a.txt": one file, one report. One folder walked has each file
    // once, so the paths are resolved only when several were named.
    if paths_given.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        inputs.retain(|i| match i {
            Input::Path(p) | Input::Unreadable(p, _) | Input::Misconfigured(p, _) => {
                seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
            }
            _ => true,
        });
    }
    // The report and the annotated copies a previous run wrote into the folder are not
    // among the reports.
    if let Some(out) = args
        .output
        .as_ref()
        .and_then(|o| std::fs::canonicalize(o).ok())
    {
        // The same file under another name too: a hard link.
        let is_out = |p: &Path| {
            std::fs::canonicalize(p).is_ok_and(|c| c == out) || gwlint::atomic::same_file(p, &out)
        };
        let shown = out.display();
        // Writing the results would destroy a report: never.
        if paths_given.iter().any(|p| is_out(p)) {
            return usage(format!(
                "输出文件 {shown} 也是要检查的文件，写入结果会覆盖它；请换一个输出文件名"
            ));
        }
        // Nor a file the run reads besides the reports.
        let read = [
            ("单位名单（--roster）", args.roster.as_deref()),
            ("配置文件（--config）", args.config.as_deref()),
            (
                "报告类型配置（--profile）",
                args.profile.as_deref().map(Path::new),
            ),
        ];
        if let Some((what, _)) = read.iter().find(|(_, p)| p.is_some_and(&is_out)) {
            return usage(format!(
                "输出文件 {shown} 是本次读取的{what}，写入结果会覆盖它；请换一个输出文件名"
            ));
        }
        if inputs
            .iter()
            .any(|i| matches!(i, Input::Path(p) if is_out(p)))
        {
            if !is_previous_results(&out) {
                return usage(format!(
                    "输出文件 {shown} 是要检查的目录中的一份报告，写入结果会覆盖它；请换一个输出文件名"
                ));
            }
            inputs.retain(|i| !matches!(i, Input::Path(p) if is_out(p)));
        }
        // A document of the user's at that name: results never replace it.
        let document = source::format_for_path(&out).is_some()
            || out.extension().is_some_and(|e| e == "doc" || e == "wps");
        if document && !is_previous_results(&out) {
            return usage(format!(
                "输出文件 {shown} 已存在，且不是 gwlint 以前写出的结果，不予覆盖；请换一个输出文件名，或先删除它"
            ));
        }
    }
    // The list of units, kept among the reports, is not one of them.
    if let Some(roster) = args
        .roster
        .as_ref()
        .and_then(|r| std::fs::canonicalize(r).ok())
    {
        let is_roster = |p: &Path| std::fs::canonicalize(p).is_ok_and(|c| c == roster);
        if !paths_given.iter().any(|p| is_roster(p)) {
            inputs.retain(|i| !matches!(i, Input::Path(p) if is_roster(p)));
        }
    }
    // Only an output folder inside a folder being checked; one around it holds the reports.
    let roots: Vec<PathBuf> = paths_given
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    if let Some(dir) = args
        .annotate
        .as_ref()
        .and_then(|d| std::fs::canonicalize(d).ok())
        .filter(|d| roots.iter().any(|r| d.starts_with(r) && d != r))
    {
        // Only the copies an earlier run wrote; a report kept there is still checked.
        inputs.retain(|i| {
            !matches!(i, Input::Path(p) if std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&dir))
                && annotate::is_gwlint_copy(p))
        });
    }
    let unchecked = unsupported
        .iter()
        .map(|p| Unchecked {
            path: p.display().to_string(),
            kind: batch::unsupported_kind(p).as_str(),
            reason: batch::unsupported_reason(p),
        })
        .collect();
    Ok(Found {
        inputs,
        unchecked,
        left_out,
    })
}

/// The configurations used that check less than the defaults, and how.
fn loosened(
    ws: &Workspace,
    configs: &std::collections::BTreeSet<PathBuf>,
) -> Vec<report::Loosened> {
    configs
        .iter()
        .filter_map(|c| {
            let how = ws.leniency_of(c)?;
            Some(report::Loosened {
                config: gwlint::workspace::from_here(c).display().to_string(),
                how,
            })
        })
        .collect()
}

/// "没有找到…", or which reports were found and left out, and by what.
fn nothing_found(left_out: &[LeftOut]) {
    const SHOWN: usize = 5;
    if left_out.is_empty() {
        eprintln!("gwlint: 没有找到可检查的文件（.docx、.txt、.md）");
        return;
    }
    eprintln!(
        "gwlint: 没有检查任何文件：找到的 {} 个报告都按忽略设置排除了：",
        left_out.len()
    );
    let clean = |s: &str| display_name(s).into_owned();
    for l in left_out.iter().take(SHOWN).map(|l| l.cleaned(&clean)) {
        eprintln!("  {}：{}", l.path.display(), l.reason(&|p| p.to_string()));
    }
    if left_out.len() > SHOWN {
        eprintln!("  ……另有 {} 个", left_out.len() - SHOWN);
    }
    eprintln!(
        "要检查，请直接写出文件路径，或加 --no-ignore（不按 .gitignore、.ignore 排除，也检查隐藏文件）、--isolated（不读取 gwlint.toml）"
    );
}

/// A file an earlier run wrote with `--output`: its readable results end with the count.
fn is_previous_results(path: &Path) -> bool {
    const PART: u64 = 4096;
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let len = f.metadata().map_or(0, |m| m.len());
    // The first and the last few KB, from one open file.
    let (mut head, mut tail) = (Vec::new(), Vec::new());
    let read = std::io::Read::by_ref(&mut f)
        .take(PART)
        .read_to_end(&mut head)
        .and_then(|_| {
            std::io::Seek::seek(&mut f, std::io::SeekFrom::Start(len.saturating_sub(PART)))
        })
        .and_then(|_| f.take(PART).read_to_end(&mut tail));
    let ends_with_count = || {
        let tail = String::from_utf8_lossy(&tail);
        // The count, then perhaps the summary's count by status or the fixes made.
        let last: Vec<&str> = tail.trim_end().lines().rev().take(2).collect();
        let count = regex::Regex::new(r"^共检查 \d+ 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示");
        last.iter()
            .any(|l| count.as_ref().is_ok_and(|r| r.is_match(l)))
    };
    // JSON and SARIF results, or a --diff, written to a .txt.
    let machine_results = || {
        let head = String::from_utf8_lossy(&head);
        (head.starts_with('{') && (head.contains("\"files\"") || head.contains("\"$schema\"")))
            || head.starts_with("--- ")
    };
    len == 0 || read.is_ok() && (ends_with_count() || machine_results())
}

/// Standard input, up to the size a file may have (one byte over tells the reader it was
/// too big). `echo`: an editor's buffer to fix, which must
/// come back on stdout whatever happens, also when it is too large to check.
fn read_stdin(echo: bool) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut stdin = std::io::stdin().lock();
    (&mut stdin)
        .take(source::MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("无法读取标准输入：{e}"))?;
    if bytes.len() as u64 > source::MAX_INPUT_BYTES {
        let mut note = "";
        if echo {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&bytes)
                .and_then(|_| std::io::copy(&mut stdin, &mut stdout))
                .and_then(|_| stdout.flush())
                .map_err(output_error("写出结果失败"))?;
            note = "（原文已照原样输出）";
        }
        return Err(format!(
            "标准输入：{}{note}",
            source::too_large(bytes.len() as u64).message
        ));
    }
    Ok(bytes)
}

fn extract(file: &Path) -> Result<ExitCode, String> {
    let name = gwlint::path_text::path_text(file);
    let bytes = if file.as_os_str() == "-" {
        read_stdin(false)?
    } else {
        source::read_file(file).map_err(|e| format!("{}：{}", file.display(), e.message))?
    };
    let doc = source::load(&name, source::sniff(&name, &bytes), &bytes)
        .map_err(|e| format!("{}：{}", file.display(), e.message))?;
    let mut out = std::io::stdout().lock();
    out.write_all(doc.text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(output_error("写出失败"))?;
    Ok(ExitCode::SUCCESS)
}

/// Built-in rules, then the custom rules of the configuration that applies here.
fn known_rules(config: Option<&Path>) -> Result<(Vec<&'static RuleMeta>, Workspace), String> {
    // Listing and testing rules applies no baseline: one damaged or not written yet is no
    // reason to refuse.
    let overrides = Overrides {
        no_baseline: true,
        ..Overrides::default()
    };
    let ws = Workspace::new(config, overrides)?;
    let linter = ws.linter_for(Path::new("."))?;
    let mut all: Vec<&'static RuleMeta> = rules::all().collect();
    all.extend(linter.config.custom.iter().map(|r| r.meta));
    Ok((all, ws))
}

/// `gwlint rules --test a/gwlint.toml b/gwlint.toml`: each file loaded and its rules' examples
/// run, as a hook checks the configurations a commit changes; the worst exit code.
fn test_each(format: &str, configs: &[PathBuf]) -> ExitCode {
    let mut worst = 0u8;
    for config in configs {
        if configs.len() > 1 {
            println!("{}：", config.display());
        }
        let code = match list_rules(true, format, Some(config)) {
            Ok(code) if code == ExitCode::SUCCESS => 0,
            Ok(_) => 1,
            Err(message) if message == BROKEN_PIPE => return ExitCode::from(141),
            Err(message) => {
                eprintln!("gwlint: {}", unmarked(&message));
                2
            }
        };
        worst = worst.max(code);
    }
    ExitCode::from(worst)
}

fn list_rules(test: bool, format: &str, config: Option<&Path>) -> Result<ExitCode, String> {
    let (all, ws) = known_rules(config)?;
    let mut out = std::io::stdout().lock();
    let io = output_error("写出失败");
    // What the configuration here makes of each rule: off, or the level it reports at.
    let linter = ws.linter_for(Path::new("."))?;
    let effective = |r: &RuleMeta| {
        let selection = &linter.selection;
        selection
            .enabled(r)
            .then(|| selection.severity_override(r).unwrap_or(r.severity))
    };
    if format == "json" && !test {
        let rules: Vec<serde_json::Value> = all
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code,
                    "name": r.name,
                    "category": r.category.as_str(),
                    "severity": r.severity.as_str(),
                    "effective_severity": effective(r).map(Severity::as_str),
                    "summary": r.summary,
                    "doc": r.doc,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rules).map_err(|e| e.to_string())?;
        writeln!(out).map_err(&io)?;
        return Ok(ExitCode::SUCCESS);
    }
    if format != "text" && format != "json" {
        return usage(format!("未知的格式“{format}”（可用：text、json）"));
    }
    if !test {
        let code_width = all.iter().map(|r| r.code.len()).max().unwrap_or(6);
        let name_width = all.iter().map(|r| r.name.len()).max().unwrap_or(20);
        let width = output_width(true);
        let mut changed = 0;
        // Chinese labels only, to fit a terminal: --select and gwlint.toml take them as
        // they take the English ones, which `--format json` and `explain` give.
        let column = |text: &str, width: usize| {
            let pad = width.saturating_sub(text.width());
            format!("{text}{}", " ".repeat(pad))
        };
        writeln!(
            out,
            "{}  {}  {}  {}  说明",
            column("代码", code_width),
            column("名称", name_width),
            column("类别", 10),
            column("级别", 4),
        )
        .map_err(&io)?;
        for r in all {
            let now = effective(r);
            let level = now.map_or("关闭", Severity::label_zh);
            let note = if now == Some(r.severity) {
                String::new()
            } else {
                changed += 1;
                format!("（默认{}）", r.severity.label_zh())
            };
            let head = format!(
                "{}  {}  {}  {}  ",
                column(r.code, code_width),
                column(r.name, name_width),
                column(r.category.label_zh(), 10),
                column(level, 4),
            );
            let said = format!("{}{note}", r.summary);
            // On a narrow terminal the description wraps under itself; piped, a rule is
            // one line, for grep.
            let said = match width {
                Some(width) => {
                    let indent = " ".repeat(head.width());
                    finding_text::wrapped(&said, width, &indent)
                }
                None => said,
            };
            writeln!(out, "{head}{said}").map_err(&io)?;
        }
        if let (true, Some(path)) = (changed > 0, &linter.config.path) {
            eprintln!(
                "注意：级别按 {} 的 select、ignore 和 [severity] 列出，{changed} 条规则与默认不同；报告类型配置（profile）还可能调整个别部分的级别",
                path.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if linter.config.custom.is_empty() {
        writeln!(out, "没有自定义规则（在 gwlint.toml 中用 [[rule]] 定义）").map_err(&io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (mut failures, mut examples, mut untested) = (0, 0, 0);
    for rule in &linter.config.custom {
        let results = rule.self_test();
        // A rule never shown to fire, or never shown to keep quiet, would pass a CI step
        // that tested nothing.
        let missing = match (rule.valid.is_empty(), rule.invalid.is_empty()) {
            (true, true) => Some("没有示例"),
            (false, true) => Some("没有 invalid 示例，不能证明规则会报告"),
            (true, false) => Some("没有 valid 示例，不能证明规则不会误报"),
            (false, false) => None,
        };
        if let Some(missing) = missing {
            untested += 1;
            writeln!(
                out,
                "失败  {} {missing}：请用 valid、invalid 各写至少一个",
                rule.meta.code
            )
            .map_err(&io)?;
        }
        for (example, want, got) in results {
            let ok = want == got;
            examples += 1;
            failures += usize::from(!ok);
            let expect = if want { "应报告" } else { "不应报告" };
            let verdict = if ok { "通过" } else { "失败" };
            writeln!(out, "{verdict}  {} {expect}：{example}", rule.meta.code).map_err(&io)?;
        }
    }
    let rules = linter.config.custom.len();
    write!(
        out,
        "共 {rules} 条规则、{examples} 个示例，{failures} 个示例未通过"
    )
    .map_err(&io)?;
    if untested > 0 {
        write!(out, "，{untested} 条规则缺少示例").map_err(&io)?;
    }
    writeln!(out).map_err(&io)?;
    Ok(if failures + untested > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `gwlint rules --data`: the built-in data files, listed or printed.
fn print_data(name: &str) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    let io = output_error("写出失败");
    if name.is_empty() {
        for (file, about, _) in gwlint::embedded::FILES {
            writeln!(out, "rules/{file:<20} {about}").map_err(&io)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    match gwlint::embedded::file(name) {
        Some(text) => {
            out.write_all(text.as_bytes()).map_err(&io)?;
            Ok(ExitCode::SUCCESS)
        }
        None => usage(format!(
            "没有名为“{name}”的内置数据文件；用 gwlint rules --data 查看全部"
        )),
    }
}

/// A rule as a user may ask for it: typed with a Chinese input method in full-width
/// ("ＧＷ０２０３"), with a space, or copied as the output prints it ("GW0613(header-footer)
/// 错误"). Gives what was asked, made plain, and the code or name it leads with.
fn asked_rule(asked: &str) -> (String, String) {
    let plain: String = asked
        .trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    let plain = plain.trim();
    // A code or a name leads what was copied ("GW0613(header-footer) 错误"); a Chinese
    // name is taken whole.
    let code_len = plain
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(plain.len());
    (plain.into(), plain[..code_len].into())
}

/// Rules to choose from, under a heading, one a line.
fn list_some_rules<'r>(
    heading: &str,
    found: impl Iterator<Item = &'r RuleMeta>,
) -> Result<ExitCode, String> {
    let found: Vec<&RuleMeta> = found.collect();
    let code_width = found.iter().map(|r| r.code.len()).max().unwrap_or(0);
    let name_width = found.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{heading}").map_err(output_error("写出失败"))?;
    for r in found {
        writeln!(
            out,
            "  {:code_width$}  {:name_width$}  {}",
            r.code, r.name, r.summary
        )
        .map_err(output_error("写出失败"))?;
    }
    writeln!(out, "\n用 gwlint explain 代码 查看其中一条规则的说明")
        .map_err(output_error("写出失败"))?;
    Ok(ExitCode::SUCCESS)
}

fn explain(code: &str, config: Option<&Path>) -> Result<ExitCode, String> {
    let (whole, code) = asked_rule(code);
    let (whole, code) = (whole.as_str(), code.as_str());
    // A category: its rules, to choose from.
    if let Some(category) = gwlint::diagnostic::Category::parse(whole) {
        return list_some_rules(
            &format!(
                "“{}”类（{}）的规则：",
                category.label_zh(),
                category.as_str()
            ),
            rules::all().filter(|r| r.category == category),
        );
    }
    // A code's first digits, as --select takes them ("GW02").
    let selector = gwlint::selection::Selector::parse(code);
    if let Ok(prefix) = &selector
        && let gwlint::selection::Selector::Prefix(start) = prefix
    {
        return list_some_rules(
            &format!("代码以“{start}”开头的规则："),
            rules::all().filter(|r| prefix.matches(r)),
        );
    }
    // ("Word 转换残留" is a name in Chinese that starts in ASCII.)
    let wanted = |r: &&RuleMeta| {
        r.summary == whole
            || !code.is_empty() && (r.code.eq_ignore_ascii_case(code) || r.name == code)
    };
    // A built-in rule needs no configuration (which may be the thing that is broken).
    let found = match rules::all().find(wanted) {
        Some(r) => Some(r),
        None => known_rules(config)?.0.into_iter().find(wanted),
    };
    let Some(r) = found else {
        // A word of the trade ("抄送", "成文日期"): the rules that speak of it.
        let speak_of = |r: &&RuleMeta| r.summary.contains(whole) || r.doc.contains(whole);
        if whole.chars().filter(|&c| gwlint::text::is_han(c)).count() >= 2
            && rules::all().any(|r| speak_of(&r))
        {
            return list_some_rules(
                &format!("说明中讲到“{whole}”的规则："),
                rules::all().filter(speak_of),
            );
        }
        return usage(format!(
            "没有代码或名称为“{whole}”的规则，也没有规则讲到它；用 gwlint rules 查看全部规则"
        ));
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} {}\n类别：{}（{}）  默认级别：{}（{}）\n\n{}\n\n{}",
        r.code,
        r.name,
        r.category.label_zh(),
        r.category.as_str(),
        r.severity.label_zh(),
        r.severity.as_str(),
        r.summary,
        r.doc
    )
    .map_err(output_error("写出失败"))?;
    if r.doc.contains("rules/") {
        writeln!(
            out,
            "\n（文中提到的 rules 目录下的 .toml 文件是 gwlint 内置的数据文件，可用“gwlint rules --data 文件名”查看。）"
        )
        .map_err(output_error("写出失败"))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::color_wanted;
    use std::ffi::OsString;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn colour_on_a_terminal_unless_the_environment_says_no() {
        assert_eq!(color_wanted("auto", true, with(&[])), Ok(true));
        assert_eq!(color_wanted("auto", false, with(&[])), Ok(false));
        assert_eq!(
            color_wanted("auto", true, with(&[("TERM", "dumb")])),
            Ok(false)
        );
        assert_eq!(
            color_wanted("auto", true, with(&[("NO_COLOR", "1")])),
            Ok(false)
        );
        assert_eq!(
            color_wanted("auto", true, with(&[("NO_COLOR", "")])),
            Ok(true)
        );
        assert_eq!(
            color_wanted("auto", false, with(&[("CLICOLOR_FORCE", "1")])),
            Ok(true)
        );
        assert_eq!(
            color_wanted("always", false, with(&[("TERM", "dumb")])),
            Ok(true)
        );
        assert!(color_wanted("sometimes", true, with(&[])).is_err());
    }
}
