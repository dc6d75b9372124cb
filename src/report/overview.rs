//! The lists under a batch's table, said the same way in the text summary and on the HTML
//! page: files that could not be read or checked, missing parts, sign-off problems, and
//! what only a batch shows (another year, a unit's second file, the settings in force).

use super::expected::Received;
use super::file_summary::FileSummary;
use super::layout::Layout;
use super::{Expected, LeftOut, Loosened, Unchecked};
use std::io::{self, Write};

/// One list: a title, its lines, and a closing remark.
pub struct Section {
    /// Names the list on the HTML page (a CSS class).
    pub class: &'static str,
    pub title: String,
    pub items: Vec<Item>,
    pub note: Option<&'static str>,
    /// The title gives its own count ("（3 个，名单共 40 个）"): no count is added to it.
    pub counted: bool,
}

/// A line of a list: the file it is about (as shown), and what is said of it.
pub struct Item {
    pub path: Option<String>,
    pub text: String,
}

impl Item {
    pub fn of_file(path: String, text: String) -> Item {
        Item {
            path: Some(path),
            text,
        }
    }

    pub fn plain(text: String) -> Item {
        Item { path: None, text }
    }
}

/// "路径：说明", or the remark alone.
impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{p}：{}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

impl Section {
    /// A list, when it has anything in it.
    pub fn new(class: &'static str, title: impl Into<String>, items: Vec<Item>) -> Option<Section> {
        (!items.is_empty()).then(|| Section {
            class,
            title: title.into(),
            items,
            note: None,
            counted: false,
        })
    }

    /// The same list, its title counting its items itself.
    pub fn counted(self) -> Section {
        Section {
            counted: true,
            ..self
        }
    }

    /// "\n标题：\n  路径：说明\n…", as the terminal summary shows it; a line wider than
    /// the terminal goes on indented under itself.
    pub fn write_text(&self, w: &mut dyn Write, layout: Layout) -> io::Result<()> {
        writeln!(w, "\n{}", layout.strong(&format!("{}：", self.title)))?;
        let lines = self.items.iter().map(|i| i.to_string());
        for line in lines.chain(self.note.map(str::to_string)) {
            writeln!(w, "  {}", layout.fit(&line, "    "))?;
        }
        Ok(())
    }
}

/// Every list that has something to say, in the order a supervisor reads them; `shown` is
/// a path as the output shows it.
pub fn sections(
    rows: &[FileSummary],
    unchecked: &[Unchecked],
    left_out: &[LeftOut],
    loosened: &[Loosened],
    expected: &Expected,
    shown: &dyn Fn(&str) -> String,
) -> Vec<Section> {
    let of_files = |says: &dyn Fn(&FileSummary) -> Option<String>| -> Vec<Item> {
        rows.iter()
            .filter_map(|r| Some(Item::of_file(shown(&r.path), says(r)?)))
            .collect()
    };
    let mut all = vec![
        Section::new(
            "unreadable",
            "无法读取的文件",
            of_files(&|r| {
                (r.counts.is_none() && !r.config_broken).then(|| r.error.clone().unwrap_or_default())
            }),
        ),
        Section::new(
            "broken-config",
            "因 gwlint.toml 有误未检查的文件",
            of_files(&|r| r.config_broken.then(|| r.error.clone().unwrap_or_default())),
        ),
        Section::new(
            "unchecked",
            "未检查的文件（格式不支持）",
            unchecked
                .iter()
                .map(|u| Item::of_file(shown(&u.path), u.reason.to_string()))
                .collect(),
        ),
        Section::new(
            "left-out",
            "按忽略设置未检查的报告（.gitignore、.ignore、gwlint.toml 的 exclude，或以“.”开头的隐藏文件）",
            left_out
                .iter()
                .map(|l| Item::of_file(shown(&l.path.to_string_lossy()), l.reason(shown)))
                .collect(),
        )
        .map(|s| Section {
            note: Some(
                "下级单位的文件夹中的忽略设置可能藏起报告；要一并检查，请加 --no-ignore（不按 .gitignore、.ignore 排除，也检查隐藏文件）和 --isolated（不读取 gwlint.toml）",
            ),
            ..s
        }),
        Section::new(
            "missing",
            "缺少法定报告内容的文件",
            of_files(&|r| {
                (!r.missing_parts.is_empty()).then(|| format!("缺少{}", r.missing_parts.join("、")))
            }),
        ),
        Section::new(
            "sign-off",
            "落款或成文日期有问题的文件",
            of_files(&|r| (!r.sign_off.is_empty()).then(|| r.sign_off.join("；"))),
        ),
    ];
    all.extend(
        super::batch_notes::sections(rows, expected.year, shown)
            .into_iter()
            .chain(expected.sections(
                &Received {
                    rows,
                    unchecked,
                    left_out,
                },
                shown,
            ))
            .map(Some),
    );
    all.push(configs(rows, loosened, shown));
    all.into_iter().flatten().collect()
}

/// Which gwlint.toml each file was checked with, when any was, and what each checks less
/// than the defaults: a unit's own file in its folder may turn rules off, and the
/// supervisor must see it.
fn configs(
    rows: &[FileSummary],
    loosened: &[Loosened],
    shown: &dyn Fn(&str) -> String,
) -> Option<Section> {
    let mut used: Vec<(Option<&str>, usize)> = Vec::new();
    for r in rows {
        let c = r.config.as_deref();
        match used.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => used.push((c, 1)),
        }
    }
    if used.iter().all(|(c, _)| c.is_none()) {
        return None;
    }
    used.sort();
    let items = used
        .iter()
        .map(|(c, n)| {
            let name = c.map_or_else(|| "默认设置（没有 gwlint.toml）".to_string(), shown);
            let how = loosened.iter().find(|l| Some(l.config.as_str()) == *c);
            match how {
                Some(l) => Item::plain(format!("{name}：{n} 个文件；{}", l.how)),
                None => Item::plain(format!("{name}：{n} 个文件")),
            }
        })
        .collect();
    let mut section = Section::new("configs", "检查时使用的配置", items)?;
    if used.len() > 1 {
        section.note = Some(
            "各文件的设置不同；要让所有文件按同一标准检查，用 --config 指定一个配置文件，或用 --isolated 忽略所有 gwlint.toml",
        );
    }
    Some(section)
}
