#!/usr/bin/env python3
"""Split the independent evaluation sets once, by a fixed seed, into a tuning part (60%) and a
test part (40%). Run once, on 2026-12-03, on the sets as the independent writer delivered them:
  python3 tests/eval/split.py /path/to/queries.toml /path/to/crisis.toml
Never run it again over edited files; the test part is only edited to fix a wrong label, with
the reason in the commit message."""
import json, random, sys, tomllib

SEED = 20261203
HEADER = """# {what}
# Written by someone who had not seen data/synonyms.toml, the stories or tests/eval: briefed only
# with the five themes, the resources' names and the kinds of people who use plein (2026-12-03).
# Split once by tests/eval/split.py (seed {seed}) into a tuning part (60%) and a test part (40%).
# This is the {part} part.{rule}
"""
RULE_TEST = """ Tune nothing on it. Edit it only to fix a wrong label, with the reason in
# the commit message."""

def dump(path, tables, what, part):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER.format(what=what, seed=SEED, part=part,
                              rule=RULE_TEST if part == "test" else ""))
        for name, row in tables:
            f.write(f"\n[[{name}]]\n")
            for k, v in row.items():
                f.write(f"{k} = {json.dumps(v, ensure_ascii=False)}\n")

def split(rows):
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    cut = round(len(rows) * 0.6)
    return rows[:cut], rows[cut:]

queries = tomllib.load(open(sys.argv[1], "rb"))["q"]
crisis = tomllib.load(open(sys.argv[2], "rb"))
q_tune, q_test = split(queries)
c_tune, c_test = split(crisis["crisis"])
o_tune, o_test = split(crisis["ordinary"])
what_q = "Search evaluation: what people type, the theme they mean, the resource that helps."
what_c = "Crisis phrasings ([[crisis]], by kind) and ordinary queries that must never give a card."
dump("tests/eval/users-tune.toml", [("q", r) for r in q_tune], what_q, "tuning")
dump("tests/eval/users-test.toml", [("q", r) for r in q_test], what_q, "test")
dump("tests/eval/crisis-tune.toml",
     [("crisis", r) for r in c_tune] + [("ordinary", r) for r in o_tune], what_c, "tuning")
dump("tests/eval/crisis-test.toml",
     [("crisis", r) for r in c_test] + [("ordinary", r) for r in o_test], what_c, "test")
print(len(q_tune), len(q_test), len(c_tune), len(c_test), len(o_tune), len(o_test))
