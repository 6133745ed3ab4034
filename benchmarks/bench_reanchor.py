"""Re-anchoring after random edits: how many annotations land right, orphaned, or wrong.

    python benchmarks/bench_reanchor.py [--quick]

Articles: the bundled sample(s) in data/articles, the hand-written analysis
corpus in tests/analysis_corpus, and generated news-like text with curly
quotes, em dashes and non-ASCII names. Each trial makes annotations the way a
reader selects (a sentence, a phrase, a single word), applies one random edit
to the article (an insertion, a deletion or a rewording; far from an
annotated passage, in its context, inside it, or removing it), then
re-anchors every annotation on the edited text.

Two kinds of trial give a deleted passage a look-alike, as real revisions do:
- *duplicate*: the article holds a sentence twice (copied into another
  paragraph), a reader annotates one copy, and the edit deletes that copy;
  the other copy, with other sentences around it, is not the passage.
- *look-alike*: a reader annotates the first word of a sentence ("The"), and
  the edit replaces that sentence with a new one that starts with the same word.

The truth for each annotation follows the passage through the edit: shifted
if the edit is elsewhere, stretched or shrunk if the edit is inside it, gone
if the edit removed it. An anchor is *right* when it is exactly the shifted
passage (edit elsewhere) or, when the edit changed the passage itself, lies
inside it (2 characters of slack) or overlaps it by ≥ 0.75 of their union. Any
other anchor, including any anchor for a passage that is gone, is *wrong*;
None is *orphaned*. Wrong must be 0.

Also timed (medians): anchoring 1,000 annotations on an unchanged article,
the extra work when an annotated article is opened, and on the same article
with a sentence added at the top (every passage moved); the baseline,
measured in the same run, is loading and parsing the article itself, and the
target is a ratio to it.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from readerapp.core.anchoring import SHORT_QUOTE, anchor
from readerapp.core.annotation import CONTEXT_CHARS, TextSelector
from readerapp.core.article import load_article

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ARTICLE_FILES = sorted((REPO / "data" / "articles").glob("*.txt")) + sorted(
    (REPO / "tests" / "analysis_corpus").glob("*.txt")
)
#: Anchoring an unchanged article's 1,000 annotations may cost at most this many times
#: loading and parsing the article: judged as a ratio, so a busy machine slows both.
MAX_ANCHOR_RATIO = 5.0
SENTENCE = re.compile(r"[^.!?…]+[.!?…]+[”’\"]?\s*")
WORD = re.compile(r"\S+")

NAMES = [
    "Farida Khan",
    "Łukasz Nowak",
    "Zoë Ó Briain",
    "Mehmet Yılmaz",
    "Ana María Peña",
    "Nguyễn Thị Lan",
    "Søren Dahl",
    "Aisha Al-Rashid",
    "Kofi Mensah",
    "Inês Carvalho",
    "Dmitri Volkov",
    "Hana Novák",
    "Tomás Ruiz",
    "Priya Raghunathan",
]
BODIES = [
    "the ministry",
    "the port authority",
    "the regulator",
    "the audit office",
    "the city council",
    "the union",
    "the inquiry",
    "the board",
    "the hospital trust",
    "the water company",
    "the prosecutor’s office",
    "the airline",
    "the university",
]
VERBS = [
    "said",
    "told reporters",
    "insisted",
    "denied",
    "warned",
    "added",
    "claimed",
    "wrote",
    "argued",
    "confirmed",
    "suggested",
    "conceded",
]
SUBJECTS = [
    "the figures",
    "nobody",
    "the contract",
    "the report",
    "the inspection",
    "the data",
    "the vote",
    "the minister",
    "the tender",
    "the budget",
    "the pilots",
    "the second audit",
    "the new director",
    "the engineers",
    "the emails",
]
PREDICATES = [
    "had been revised twice",
    "had seen the draft",
    "was signed too early",
    "found no faults",
    "were shared with a third party",
    "would be postponed",
    "had been offered a post abroad",
    "went €4.2m over",
    "was never tested",
    "were deleted in August",
    "failed twice",
    "was approved without a quorum",
    "had warned of delays",
    "was leaked to the press",
    "cost twice the estimate",
    "ignored the engineers",
    "was rewritten by lawyers",
    "missed every deadline",
    "broke the procurement rules",
    "kept a second ledger",
    "paid the consultants",
    "lost the backup tapes",
    "overstated the savings",
    "skipped the safety check",
    "met the bidders privately",
    "changed the scoring",
    "was moved to Lisbon",
    "hid the overtime",
    "double-counted the grants",
    "was backdated",
]
WHEN = [
    "in March",
    "last year",
    "before the election",
    "during the night shift",
    "on Tuesday",
    "in 2019",
    "within a week",
    "after the fire",
    "— again —",
    "for the first time",
    "despite the warnings",
    "according to the minutes",
    "without telling the board",
    "while the mayor was abroad",
    "in the spring of 2021",
    "two days after the audit",
    "under the old contract",
    "by mid-October",
    "at the Brussels office",
    "after the merger",
    "in front of the committee",
    "before anyone noticed",
    "over the Christmas break",
    "in the first quarter",
    "at least three times",
    "behind closed doors",
    "as early as 2017",
    "on the eve of the vote",
    "in an internal memo",
    "with the minister’s approval",
]


def claim(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} {rng.choice(WHEN)}"


def generated_article(rng: random.Random, paragraphs: int = 14) -> str:
    """News-like text: attributed quotes, claims, numbers, non-ASCII names.

    Claims are put together from parts, so that, as in real articles, whole
    clauses seldom repeat.
    """
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            name, body, verb = rng.choice(NAMES), rng.choice(BODIES), rng.choice(VERBS)
            sentences.append(
                rng.choice(
                    [
                        f"“{claim(rng).capitalize()},” {name} {verb}.",
                        f"{name}, who advises {body}, {verb} that {claim(rng)}.",
                        f"{body.capitalize()} {verb} that {claim(rng)} — a claim {name} disputes.",
                        f"In {rng.randint(1990, 2025)}, {body} reported "
                        f"{rng.randint(2, 900)} cases.",
                        f"Asked whether {claim(rng)}, {name} {verb}: “{claim(rng).capitalize()}.”",
                    ]
                )
            )
        out.append(" ".join(sentences))
    return "\n\n".join(out)


@dataclass
class Passage:
    start: int
    end: int


def choose_passage(rng: random.Random, text: str) -> Passage:
    """A selection as a reader makes one: a sentence, a phrase, or one word."""
    kind = rng.random()
    if kind < 0.35:
        sentences = [m for m in SENTENCE.finditer(text) if len(m.group().strip()) > 20]
        m = rng.choice(sentences)
        return Passage(m.start(), m.start() + len(m.group().rstrip()))
    words = list(WORD.finditer(text))
    first = rng.randrange(len(words))
    count = 1 if kind < 0.5 else rng.randint(2, 12)
    last = min(len(words) - 1, first + count - 1)
    return Passage(words[first].start(), words[last].end())


@dataclass
class Edit:
    at: int
    end: int
    replacement: str
    where: str  # "far" | "near" | "inside" | "removes"
    kind: str  # "insert" | "delete" | "reword"


def random_words(rng: random.Random, text: str, n: int) -> str:
    words = WORD.findall(text)
    return " ".join(rng.choice(words) for _ in range(n))


def choose_edit(rng: random.Random, text: str, target: Passage, other: str) -> Edit:
    """One edit placed relative to `target`: far away, in its context, inside, or over it.

    Inserted sentences come from `other` (an editor adds new material; copying a
    sentence of the same article would make two identical passages).
    """
    where = rng.choices(["far", "near", "inside", "removes"], weights=[45, 25, 22, 8])[0]
    kind = rng.choice(["insert", "delete", "reword"])
    words = list(WORD.finditer(text))
    if where == "removes":
        replacement = rng.choice(["", " ", " " + random_words(rng, text, 3)])
        return removal(rng, text, target, replacement, where)
    if where == "inside":
        inner = [w for w in words if w.start() > target.start and w.end() < target.end]
        if not inner:
            where = "near"
        else:
            w = rng.choice(inner)
            if kind == "insert":
                return Edit(
                    w.start(),
                    w.start(),
                    random_words(rng, text, rng.randint(1, 2)) + " ",
                    where,
                    kind,
                )
            if kind == "delete":
                return Edit(w.start(), min(w.end() + 1, target.end - 1), "", where, kind)
            return Edit(w.start(), w.end(), random_words(rng, text, 1), where, kind)
    context = 32 + 8
    if where == "near":
        spots = [
            w
            for w in words
            if 0 < target.start - w.end() <= context or 0 < w.start() - target.end <= context
        ]
    else:
        spots = [
            w for w in words if w.end() < target.start - context or w.start() > target.end + context
        ]
    if not spots:
        spots = [w for w in words if w.end() <= target.start or w.start() >= target.end]
    w = rng.choice(spots)
    if kind == "insert":
        if rng.random() < 0.5:
            sentence = rng.choice(SENTENCE.findall(other)).strip()
            return Edit(w.start(), w.start(), sentence + " ", where, kind)
        return Edit(
            w.start(), w.start(), random_words(rng, text, rng.randint(1, 4)) + " ", where, kind
        )
    if kind == "delete":
        stop = w.end() + 1 if w.end() + 1 <= target.start or w.start() >= target.end else w.end()
        return Edit(w.start(), stop, "", where, kind)
    return Edit(w.start(), w.end(), random_words(rng, text, rng.randint(1, 2)), where, kind)


def removal(rng: random.Random, text: str, target: Passage, replacement: str, where: str) -> Edit:
    """An edit that deletes `target` with up to ten characters of context on each side."""
    before = text.rfind(" ", 0, max(0, target.start - rng.randint(0, 10)))
    after = text.find(" ", min(len(text), target.end + rng.randint(0, 10)))
    before, after = max(0, before), len(text) if after < 0 else after
    return Edit(before, after, replacement, where, "delete")


def duplicated(rng: random.Random, text: str) -> tuple[str, Passage, Edit, list[Passage]] | None:
    """The text with one sentence copied to the start of another paragraph, one copy
    annotated (the whole sentence, as a reader selects one), an edit deleting it, and
    where the two copies are."""
    sentences = [m for m in SENTENCE.finditer(text) if len(m.group().strip()) > 30]
    starts = [m.end() for m in re.finditer(r"\n\n", text)]
    if not sentences or not starts:
        return None
    m = rng.choice(sentences)
    sentence = m.group().strip()
    others = [p for p in starts if not m.start() - 2 <= p <= m.end()]
    if not others:
        return None
    at = rng.choice(others)
    doubled = text[:at] + sentence + " " + text[at:]
    shift = len(sentence) + 1 if at <= m.start() else 0
    copies = [Passage(m.start() + shift, m.start() + shift + len(sentence))]
    copies.append(Passage(at, at + len(sentence)))
    target = rng.choice(copies)
    other = copies[1] if target is copies[0] else copies[0]
    mine = TextSelector.from_text(doubled, target.start, target.end)
    theirs = TextSelector.from_text(doubled, other.start, other.end)
    if mine.prefix == theirs.prefix or mine.suffix == theirs.suffix:
        return None  # the same words beside both copies: a move, not a look-alike
    edit = removal(rng, doubled, target, rng.choice(["", " "]), "duplicate")
    return doubled, target, edit, copies


def look_alike(rng: random.Random, text: str, other: str) -> tuple[Passage, Edit] | None:
    """The first word of a sentence annotated, and its sentence replaced by a new one
    (from another article) that starts with the same word."""
    starts = [m for m in re.finditer(r"(?:(?<=[.!?”] )|(?<=\n\n)|^)([A-Z][a-z]+)\b", text)]
    if not starts:
        return None
    m = rng.choice(starts)
    word = m.group(1)
    if len(word) >= SHORT_QUOTE:
        return None  # a long word is a passage by itself: in place, with its prefix, it is one
    end = SENTENCE.match(text, m.start())
    stop = m.start() + len(end.group().rstrip()) if end else m.end()
    fresh = [s.strip() for s in SENTENCE.findall(other) if len(s.split()) > 3]
    rest = rng.choice(fresh).split(" ", 1)[1]
    if text.startswith(f"{word} {rest[:8]}", m.start()):
        return None  # the "new" sentence would begin as the old one did: no look-alike
    target = Passage(m.start(), m.end())
    return target, Edit(m.start(), stop, f"{word} {rest}", "look-alike", "reword")


def follow(passage: Passage, edit: Edit) -> tuple[int, int, bool] | None:
    """Where the passage is after the edit (and whether the edit changed it), or None if gone."""
    delta = len(edit.replacement) - (edit.end - edit.at)
    if edit.end <= passage.start:
        return passage.start + delta, passage.end + delta, False
    if edit.at >= passage.end:
        return passage.start, passage.end, False
    if edit.at <= passage.start and edit.end >= passage.end:
        return None  # replaced or deleted as a whole
    start = passage.start if edit.at > passage.start else edit.at
    end = passage.end + delta if edit.end < passage.end else edit.at + len(edit.replacement)
    return (start, end, True) if end > start else None


def verdict(found: tuple[int, int] | None, truth: tuple[int, int, bool] | None) -> str:
    """Right: the very span if the edit was elsewhere; if the edit changed the passage,
    a span inside it (2 characters of slack) or overlapping ≥ 0.75 of the union."""
    if found is None:
        return "orphaned"
    if truth is None:
        return "wrong"
    start, end = found
    want_start, want_end, touched = truth
    if not touched:
        return "right" if (start, end) == (want_start, want_end) else "wrong"
    inside = want_start - 2 <= start and end <= want_end + 2
    overlap = max(0, min(end, want_end) - max(start, want_start))
    union = max(end, want_end) - min(start, want_start)
    return "right" if inside or overlap / union >= 0.75 else "wrong"


def articles(rng: random.Random) -> list[str]:
    texts = [load_article(path).text for path in ARTICLE_FILES]
    texts += [generated_article(rng) for _ in range(4)]
    return texts


def trial(rng: random.Random, texts: list[str]) -> tuple[str, list[Passage], Edit]:
    """An article, six passages a reader annotated (the first one the edit aims at), and
    the edit: a random one, or one that leaves the deleted passage a look-alike."""
    text = rng.choice(texts)
    other = rng.choice([t for t in texts if t is not text])
    scenario = rng.choices(["random", "duplicate", "look-alike"], weights=[80, 10, 10])[0]
    if scenario == "duplicate" and (made := duplicated(rng, text)) is not None:
        text, target, edit, copies = made
        # Elsewhere only: a passage inside one copy of a sentence that is in the text twice,
        # or with its context in one, has the same words around it in both copies, so
        # which one it was is anyone's guess.
        others: list[Passage] = []
        reach = CONTEXT_CHARS
        while len(others) < 5:
            p = choose_passage(rng, text)
            if all(p.end + reach <= c.start or p.start - reach >= c.end for c in copies):
                others.append(p)
        return text, [target, *others], edit
    if scenario == "look-alike" and (found := look_alike(rng, text, other)) is not None:
        target, edit = found
        return text, [target] + [choose_passage(rng, text) for _ in range(5)], edit
    passages = [choose_passage(rng, text) for _ in range(6)]
    return text, passages, choose_edit(rng, text, passages[0], other)


def measure_edits(trials: int, seed: int = 2026) -> tuple[Counter[str], Counter[str], list[str]]:
    """Counts by verdict, by (where, verdict), and a description of every wrong anchor."""
    rng = random.Random(seed)
    texts = articles(rng)
    totals: Counter[str] = Counter()
    by_where: Counter[str] = Counter()
    wrongs: list[str] = []
    for _ in range(trials):
        text, passages, edit = trial(rng, texts)
        edited = text[: edit.at] + edit.replacement + text[edit.end :]
        for i, passage in enumerate(passages):
            selector = TextSelector.from_text(text, passage.start, passage.end)
            result = anchor(selector, edited)
            found = None if result is None else (result.start, result.end)
            truth = follow(passage, edit)
            outcome = verdict(found, truth)
            totals[outcome] += 1
            if i == 0:
                by_where[f"{edit.where}/{outcome}"] += 1
            if outcome == "wrong":
                got = edited[found[0] : found[1]] if found else ""
                want = edited[truth[0] : truth[1]] if truth else None
                wrongs.append(
                    f"{edit.where} {edit.kind}: {selector.exact!r} → {got!r}, wanted {want!r}"
                )
    return totals, by_where, wrongs


def time_anchoring(runs: int) -> tuple[float, float, float]:
    """Seconds to anchor 1,000 annotations on the unchanged article, on the article with
    a sentence added at the top (every passage moved), and to load the article."""
    path = ARTICLE_FILES[0]
    text = load_article(path).text
    moved = "An editor’s note was added at the top of this article. " + text
    rng = random.Random(7)
    selectors = []
    for _ in range(1000):
        p = choose_passage(rng, text)
        selectors.append(TextSelector.from_text(text, p.start, p.end))
    unchanged, shifted, loading = [], [], []
    for _ in range(runs):
        began = time.perf_counter()
        for sel in selectors:
            anchor(sel, text)
        unchanged.append(time.perf_counter() - began)
        began = time.perf_counter()
        for sel in selectors:
            anchor(sel, moved)
        shifted.append(time.perf_counter() - began)
        began = time.perf_counter()
        load_article(path)
        loading.append(time.perf_counter() - began)
    return statistics.median(unchanged), statistics.median(shifted), statistics.median(loading)


def run(quick: bool = False) -> list[dict]:
    trials = 1000 if quick else 2000
    totals, by_where, wrongs = measure_edits(trials)
    n = sum(totals.values())
    look_alike = {
        kind: sum(v for k, v in by_where.items() if k.startswith(f"{kind}/"))
        for kind in ("duplicate", "look-alike")
    }
    look_alike_wrong = sum(by_where[f"{kind}/wrong"] for kind in look_alike)
    anchoring, shifted, loading = time_anchoring(5 if quick else 15)

    def share(name: str, target: str, ok: bool) -> dict:
        return {
            "measure": f"re-anchor after {trials} edits: {name}",
            "figure": f"{totals[name]} of {n} ({100 * totals[name] / n:.1f} %)",
            "baseline": "—",
            "ratio": "—",
            "target": target,
            "ok": ok,
        }

    return [
        share("right", "—", True),
        share("orphaned", "—", True),
        share("wrong", "0", totals["wrong"] == 0),
        {
            "measure": "  of them, deleted passages with a look-alike",
            "figure": f"{look_alike_wrong} wrong of {look_alike['duplicate']} duplicated "
            f"sentences + {look_alike['look-alike']} same first words",
            "baseline": "—",
            "ratio": "—",
            "target": "0 wrong",
            "ok": look_alike_wrong == 0,
        },
        {
            "measure": "anchor 1,000 annotations, unchanged text",
            "figure": f"{anchoring * 1000:.1f} ms",
            "baseline": f"{loading * 1000:.1f} ms (load article)",
            "ratio": f"{anchoring / loading:.2f}×",
            "target": f"≤ {MAX_ANCHOR_RATIO:.0f}× load",
            "ok": anchoring / loading <= MAX_ANCHOR_RATIO,
        },
        {
            "measure": "anchor 1,000 annotations, sentence added on top",
            "figure": f"{shifted * 1000:.1f} ms",
            "baseline": f"{loading * 1000:.1f} ms (load article)",
            "ratio": f"{shifted / loading:.2f}×",
            "target": "—",
            "ok": True,
        },
    ]


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from table import print_table

    quick = "--quick" in sys.argv
    failed = print_table(run(quick))
    if "--detail" in sys.argv:
        totals, by_where, wrongs = measure_edits(1000 if quick else 2000)
        for key in sorted(by_where):
            print(f"  {key:<24} {by_where[key]}")
        for line in wrongs:
            print("  WRONG", line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
