#!/usr/bin/env python3
"""Writes data/verbs.toml: every form of the Dutch strong and irregular verbs (and of the weak
verbs the corpus uses) with its lemma, so search finds *geslagen* with *slaan* and *gegokt*
with *gokken*. Run at development time only (plein reads the generated file, never this):

    pip install simplemma==2.0.0      # MIT licence; its Dutch table comes from Wiktionary data
    python3 scripts/gen_verbs.py > data/verbs.toml

Sources: scripts/strong-verbs.txt (the closed list, principal parts as the grammars give them),
simplemma's Dutch form→lemma table (present forms, and which prefixed verbs exist), and the
words of data/ (which weak verbs the corpus uses)."""
import os, re, sys
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Forms that are mostly another word (a noun, an adjective, "ago"): never mapped to a verb.
HOMOGRAPHS = set("""week weken weet geweten reden leden geleden voer voeren rook roken schoot
sloot sloten vocht wilde wezen wees lagen mat bond steeg stal boog bogen bleek zat lag was
gelegen want kon zou zouden had hadden ben bent is zijn waren werd werden geworden heb hebt
heeft gehad moet moest moesten kan kunt mag mocht mochten wil wilt zal zult ga gaat gaan
doe doet deed deden gedaan gaf geven trof rees leed beet sla uitgaven slat""".split())
# Weak verbs people use about these themes, whether or not the corpus uses them yet.
EXTRA = set("""schoppen stompen duwen wurgen mishandelen vernederen bedreigen dreigen stalken
controleren uitschelden verkrachten misbruiken vergokken verspelen wedden gokken spelen lenen
betalen uitzetten dumpen bellen helpen kleineren treiteren pesten opsluiten achtervolgen
vermoorden doden ombrengen knokken meppen rammen trappen aanvallen""".split())
INSEPARABLE = ["be", "ver", "ont", "her", "er", "ge", "mis"]
SEPARABLE = ["uit", "op", "aan", "af", "in", "mee", "weg", "terug", "toe", "na", "bij", "neer",
             "los", "vast", "kwijt", "rond", "binnen", "buiten", "tegen", "samen", "thuis",
             "open", "dicht", "stuk", "vrij", "over", "door", "onder", "om", "achter", "voor"]

d = DefaultDictionaryFactory().get_dictionary("nl")
by_lemma = {}
for form, lemma in d.items():
    by_lemma.setdefault(lemma, set()).add(form)

def base_forms(inf, parts):
    forms = {p for p in parts if p != "-"}
    stem2 = inf[:2]
    for f in by_lemma.get(inf, ()):
        if f.isalpha() and f.startswith(stem2) and len(f) >= 2 and not f.endswith(("tje", "s")):
            forms.add(f)
    return forms

strong = {}
for line in open(os.path.join(ROOT, "scripts/strong-verbs.txt"), encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    inf, *parts = line.split()
    strong[inf] = (base_forms(inf, [inf] + parts), parts[2])

lemmas = {}
for inf, (forms, participle) in strong.items():
    lemmas[inf] = set(forms)
    for prefix in INSEPARABLE + SEPARABLE:
        derived = prefix + inf
        if derived not in by_lemma or derived in strong:
            continue
        out = set()
        for f in forms:
            if f == participle and f.startswith("ge"):
                if prefix in INSEPARABLE:
                    out.add(prefix + f[2:])
                if prefix in SEPARABLE:
                    out.add(prefix + f)
            else:
                out.add(prefix + f)
        out |= {f for f in by_lemma[derived] if f.isalpha() and f.startswith(prefix)}
        lemmas[derived] = out

corpus_words = set()
for dirpath, _, files in os.walk(os.path.join(ROOT, "data")):
    for name in files:
        if name.endswith(".md"):
            text = open(os.path.join(dirpath, name), encoding="utf-8").read().lower()
            corpus_words |= set(re.findall(r"[a-zà-ÿ]+", text))

weak = {}
for lemma, forms in by_lemma.items():
    if lemma in lemmas or not lemma.endswith("en") or not lemma.isalpha() or len(lemma) < 5:
        continue
    if lemma not in corpus_words and not (forms & corpus_words) and lemma not in EXTRA:
        continue
    root = lemma[:-2]
    part = {f for f in forms if f.isalpha() and f[-1] in "td" and len(f) >= 5
            and ((f.startswith("ge") and root.startswith(f[2:-1][:max(2, len(f) - 4)]))
                 or (f.startswith(("be", "ver", "ont", "her", "mis")) and root.startswith(f[:-1])))}
    if part:
        weak[lemma] = part

owner = {}
for table in (lemmas, weak):
    for lemma, forms in table.items():
        for f in forms:
            owner.setdefault(f, set()).add(lemma)
ambiguous = {f for f, ls in owner.items() if len(ls) > 1}

def emit(title, table):
    print(f"\n[{title}]")
    for lemma in sorted(table):
        forms = sorted(f for f in table[lemma]
                       if f != lemma and f not in HOMOGRAPHS and f not in ambiguous
                       and f not in lemmas.keys() - {lemma} and f not in weak.keys() - {lemma})
        if forms:
            print(f"{lemma} = [{', '.join(chr(34) + f + chr(34) for f in forms)}]")

print("""# Dutch verb forms → lemma, applied to every word before stemming, in the index and in
# queries: *sloeg, geslagen* find *slaan*; *gegokt* finds *gokken*.
# GENERATED by scripts/gen_verbs.py (see data/README.md for sources and licences): do not edit
# by hand; change scripts/strong-verbs.txt or the script and generate again.
# [strong]: the closed list of strong and irregular verbs with their prefixed verbs.
# [weak]: past participles (ge-…-t/-d) of the weak verbs the corpus uses.""")
emit("strong", lemmas)
emit("weak", weak)
print(f"ambiguous forms left out: {len(ambiguous)}", file=sys.stderr)
