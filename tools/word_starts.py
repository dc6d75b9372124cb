#!/usr/bin/env python3
"""Regenerate rules/word_starts.toml from jieba's dict.txt (GW0802's word starts).

Usage: python3 tools/word_starts.py path/to/jieba/dict.txt
Reads the [duplicate] words of rules/lexicon.toml for the characters to cover.
"""
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = Path(ROOT / "rules/word_starts.toml").read_text(encoding="utf-8").split("\ncovered = ")[0]


def han(word):
    return all("\u4e00" <= c <= "\u9fff" for c in word)


def block(words, per_line):
    return "\n".join(" ".join(words[i : i + per_line]) for i in range(0, len(words), per_line))


def main(dict_path):
    lexicon = tomllib.loads((ROOT / "rules/lexicon.toml").read_text(encoding="utf-8"))
    covered = sorted({w[-1] for w in lexicon["duplicate"]["words"].split()})
    known = set()
    for line in open(dict_path, encoding="utf-8"):
        known.add(line.split(" ")[0])
    starts = set(covered)
    two = sorted(w for w in known if len(w) == 2 and han(w) and w[0] in starts)
    three = sorted(
        w for w in known if len(w) == 3 and han(w) and w[0] in starts and w[:2] not in known
    )
    out = (
        f'{HEADER}\ncovered = "{"".join(covered)}"\n\n'
        f'two_char = """\n{block(two, 16)}\n"""\n\n'
        f'three_char = """\n{block(three, 12)}\n"""\n'
    )
    (ROOT / "rules/word_starts.toml").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
