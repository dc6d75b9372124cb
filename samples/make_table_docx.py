#!/usr/bin/env python3
"""Builds samples/linshui-2024-tables.docx with python-docx: an invented report whose
tables exercise the table checks of the `consistency` rules (GW0412, GW0413).

Tables, in order:
  1. correct: 小计 rows, a 合计 row, and a 占比 column whose rounded shares add up to 100%;
  2. wrong 合计 row: 26 + 19 + 9 = 54, but the row says 55            -> GW0412;
  3. 占比 column with no totals row that adds up to 96.5%              -> GW0413;
  4. correct 合计 column (each row's 一般程序 + 简易程序).
Everything else in the report is clean. Expected findings are listed in tests/consistency.rs.

Usage, from the crate root:  pip install python-docx && python3 samples/make_table_docx.py
"""

import datetime
import os

from docx import Document

HERE = os.path.dirname(os.path.abspath(__file__))

TABLES = {
    "correct-subtotals": [
        ["类别", "件数", "占比"],
        ["医疗机构执业登记", "212", "41.6%"],
        ["诊所备案", "96", "18.8%"],
        ["小计", "308", "60.4%"],
        ["公共场所卫生许可", "157", "30.8%"],
        ["放射诊疗许可", "45", "8.8%"],
        ["小计", "202", "39.6%"],
        ["合计", "510", "100%"],
    ],
    "wrong-total": [
        ["执法领域", "立案件数"],
        ["医疗服务", "26"],
        ["公共卫生", "19"],
        ["职业卫生", "9"],
        ["合计", "55"],
    ],
    "shares": [
        ["投诉类别", "件数", "占比"],
        ["医疗服务", "38", "45.2%"],
        ["公共卫生", "26", "31.0%"],
        ["其他", "20", "20.3%"],
    ],
    "correct-column": [
        ["执法领域", "一般程序", "简易程序", "合计"],
        ["医疗服务", "20", "6", "26"],
        ["公共卫生", "11", "8", "19"],
        ["职业卫生", "7", "2", "9"],
    ],
}

BODY = [
    ("p", "临水县卫生健康局2024年法治政府建设年度报告"),
    ("p", "县委、县政府："),
    ("p", "2024年，县卫生健康局坚持以习近平法治思想为指导，认真落实《法治政府建设实施纲要（2021—2025年）》，扎实推进卫生健康领域依法行政。现将有关情况报告如下："),
    ("p", "一、2024年推进法治政府建设的主要举措和成效"),
    ("p", "（一）深化“放管服”改革。全年办理行政审批事项510件，分类情况见下表。"),
    ("t", "correct-subtotals"),
    ("p", "（二）加大执法办案力度。全年立案查处违法案件54件，各领域立案情况见下表。"),
    ("t", "wrong-total"),
    ("p", "（三）办理投诉举报。全年受理投诉举报84件，均在规定时限内办结，分类情况见下表。"),
    ("t", "shares"),
    ("p", "（四）规范执法程序。各领域案件的程序类别见下表。"),
    ("t", "correct-column"),
    ("p", "二、2024年推进法治政府建设存在的不足和原因"),
    ("p", "一是基层执法力量不足，二是信息化监管手段有待加强。主要原因是执法人员编制紧张，监管平台建设投入有限。"),
    ("p", "三、党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("p", "局党组书记、局长认真履行推进法治建设第一责任人职责，全年主持召开专题会议研究法治建设工作3次。"),
    ("p", "四、2025年推进法治政府建设的主要安排"),
    ("p", "继续完善依法决策机制，加强执法队伍建设，创新普法宣传方式，不断提升依法行政水平。"),
    ("p", "临水县卫生健康局"),
    ("p", "2025年1月16日"),
]


def add_table(doc, rows):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def main():
    doc = Document()
    for kind, value in BODY:
        if kind == "t":
            add_table(doc, TABLES[value])
        else:
            doc.add_paragraph(value)
    # Fixed metadata, so that rebuilding does not change the document properties.
    doc.core_properties.author = "gwlint"
    doc.core_properties.created = datetime.datetime(2025, 1, 16)
    doc.core_properties.modified = datetime.datetime(2025, 1, 16)
    path = os.path.join(HERE, "linshui-2024-tables.docx")
    doc.save(path)
    print("wrote", path)


if __name__ == "__main__":
    main()
