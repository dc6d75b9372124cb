#!/usr/bin/env python3
"""Builds the .docx samples with python-docx (a real OOXML writer).

- qinghe-2024-clean.docx: the clean text sample as Word would hold it — the heading
  numbers 一、（一）1.（1） come from one multi-level automatic list (numbering.xml),
  not from the text, a table sits inside part 一, and every page is headed with the
  title. Expected: no finding.
- fenglin-2024-tracked.docx: an invented report with tracked changes (an insertion that
  must be read, deletions that must not), a table with a 合计 row, a numbered list that
  Word restarted by mistake, a zero-padded date, and last year's running header.

Usage, from the crate root:  pip install python-docx && python3 samples/make_docx_samples.py
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "fixtures"))

from make_docx import (  # noqa: E402  (shared OOXML helpers of the fixtures)
    DATE,
    GONGWEN_LEVELS,
    add_abstract_num,
    add_num,
    append_xml,
    new_document,
    para,
    run,
    set_num_pr,
)

LIST = 60
MARKERS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 0),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 1),
    (re.compile(r"^[0-9]+\."), 2),
    (re.compile(r"^（[0-9]+）"), 3),
]


def numbered_document():
    doc = new_document()
    add_abstract_num(doc, 30, GONGWEN_LEVELS)
    add_num(doc, LIST, 30)
    return doc


def add_line(doc, text, num_id=LIST):
    """A text line whose typed marker becomes Word automatic numbering."""
    for pattern, level in MARKERS:
        m = pattern.match(text)
        if m:
            p = para(doc, text[m.end():])
            set_num_pr(p._p, num_id, level)
            return p
    return para(doc, text)


def add_table(doc, rows):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def clean_sample():
    doc = numbered_document()
    lines = open(os.path.join(HERE, "qinghe-2024-clean.txt"), encoding="utf-8").read().split("\n")
    table_after = next(i for i, l in enumerate(lines) if l.startswith("（二）"))
    for i, line in enumerate(lines):
        if not line:
            continue
        if i == table_after:
            add_table(doc, [["类别", "件数"], ["行政许可", "1526"], ["行政确认", "318"], ["合计", "1844"]])
        add_line(doc, line)
    doc.sections[0].header.paragraphs[0].text = lines[0]
    path = os.path.join(HERE, "qinghe-2024-clean.docx")
    doc.save(path)
    print("wrote", path)


def ins(rid, text):
    return f'<w:ins w:id="{rid}" w:author="审校" w:date="{DATE}">{run(text)}</w:ins>'


def dele(rid, text):
    return (f'<w:del w:id="{rid}" w:author="审校" w:date="{DATE}"><w:r>'
            f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def tracked_sample():
    doc = numbered_document()
    # "Restart numbering" by mistake: a second num on the same list, level 2 from 1.
    add_num(doc, LIST + 1, 30, {1: 1})
    for line in [
        "枫林县卫生健康局2024年法治政府建设年度报告",
        "县委、县政府：",
        "2024年，我局坚持以习近平法治思想为指导，围绕卫生健康中心工作，扎实推进依法行政。现将有关情况报告如下。",
        "一、2024年推进法治政府建设的主要举措和成效",
        "（一）健全依法决策机制。制定重大行政决策事项目录，全年作出重大行政决策2件，均履行公众参与、专家论证、合法性审查和集体讨论决定程序。",
        "（二）深化“放管服”改革。推行政务服务事项清单化管理，全年办理行政许可事项，均在承诺时限内办结。",
        "（三）规范行政执法行为。全面落实行政执法“三项制度”，开展卫生监督检查，依法查处违法违规行为。",
        "（四）加强普法宣传教育。落实“谁执法谁普法”普法责任制，组织干部职工集中学法4次。",
    ]:
        add_line(doc, line)
    add_table(doc, [["执法类别", "立案件数"], ["医疗卫生", "23"], ["公共卫生", "17"], ["合计", "40"]])
    # Word restarted the list here: these show （一）（二） again.
    for text in ["强化行政复议应诉工作。全年办理行政复议案件1件，行政诉讼案件无败诉。",
                 "推进法治机关建设。开展法治机关创建活动，完善内部管理制度。"]:
        p = para(doc, text)
        set_num_pr(p._p, LIST + 1, 1)
    add_line(doc, "二、2024年推进法治政府建设存在的不足和原因")
    p = para(doc)
    # The inserted sentence gives the causes; the deleted one must not count.
    append_xml(p, run("一是基层执法力量不足，二是法治宣传形式较为单一。")
               + ins(1, "主要原因是执法人员编制紧张，宣传投入有限。")
               + dele(2, "以上问题请县政府协调解决，妥否，请批示。"))
    for line in [
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "局党组书记、局长认真履行推进法治建设第一责任人职责，亲自部署、亲自推动重要法治工作，全年主持召开专题会议3次。",
        "四、2025年推进法治政府建设的主要安排",
        "继续完善依法决策机制，加强执法队伍建设，创新普法宣传方式，不断提升依法行政水平。",
        "枫林县卫生健康局",
    ]:
        add_line(doc, line)
    p = para(doc)
    append_xml(p, run("2025年02月10日") + dele(3, "（草稿）"))
    # The running header of last year's report, kept when it was copied.
    doc.sections[0].header.paragraphs[0].text = "枫林县卫生健康局2023年法治政府建设年度报告"
    path = os.path.join(HERE, "fenglin-2024-tracked.docx")
    doc.save(path)
    print("wrote", path)


if __name__ == "__main__":
    clean_sample()
    tracked_sample()
