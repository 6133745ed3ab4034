"""Re-anchoring: each path, refusals to guess, Unicode properties (hypothesis), speed."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from readerapp.core.anchoring import MIN_QUOTE_SIMILARITY, Anchor, anchor
from readerapp.core.annotation import TextSelector

SAMPLE = (Path(__file__).resolve().parents[2] / "data" / "articles").glob("*.txt")
ARTICLE = next(iter(sorted(SAMPLE))).read_text(encoding="utf-8")

TEXT = (
    "The minister said on Tuesday that the audit was “complete and thorough” — a claim "
    "his critics dispute. Opposition leader Farida Khan accused him of hiding the "
    "report. “We have asked for it six times,” she said. The ministry declined to comment "
    "on the allegations, saying only that an inquiry would begin in March."
)


def select(text: str, quote: str, occurrence: int = 0) -> TextSelector:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return TextSelector.from_text(text, start, start + len(quote))


def test_unchanged_text_anchors_exactly() -> None:
    sel = select(TEXT, "accused him of hiding the report")
    assert anchor(sel, TEXT) == Anchor(sel.start, sel.end, "exact")


def test_text_inserted_before_moves_the_anchor() -> None:
    sel = select(TEXT, "accused him of hiding the report")
    edited = "UPDATE: this story was corrected. " + TEXT
    found = anchor(sel, edited)
    assert found == Anchor(sel.start + 34, sel.end + 34, "moved")


def test_stored_offsets_beyond_a_shortened_text_still_find_the_quote() -> None:
    sel = select(TEXT, "an inquiry would begin in March")
    edited = TEXT[120:]
    found = anchor(sel, edited)
    assert found is not None and edited[found.start : found.end] == sel.exact


def test_context_chooses_between_occurrences_over_nearness() -> None:
    text = "He said the report was late. " * 1 + "Khan said the report was hidden from MPs."
    sel = select(text, "the report", occurrence=1)
    # Delete the first sentence's end so the first occurrence now sits at the old offset.
    edited = "Khan said the report was hidden from MPs. He said the report was late."
    found = anchor(sel, edited)
    assert found is not None and found.start == edited.index("the report")
    assert edited[found.end : found.end + 15] == " was hidden fro"


def test_identical_occurrences_without_telling_context_are_orphaned() -> None:
    paragraph = "The vote was postponed again. "
    text = paragraph + "Filler text that differs. " + paragraph
    sel = TextSelector("vote", "Some old context ", " but other words", 500, 504)
    assert anchor(sel, text) is None


def test_a_short_quote_whose_context_changed_is_not_guessed() -> None:
    sel = select(TEXT, "Khan")
    edited = TEXT.replace(
        "Opposition leader Farida Khan accused him of hiding the report.",
        "Khan, a former minister, has not commented.",
    )
    assert anchor(sel, edited) is None


def test_a_reworded_quote_is_found_fuzzily() -> None:
    sel = select(TEXT, "Opposition leader Farida Khan accused him of hiding the report.")
    edited = TEXT.replace("hiding the report", "hiding the audit report")
    found = anchor(sel, edited)
    assert found is not None and found.method == "fuzzy"
    assert edited[found.start : found.end] == (
        "Opposition leader Farida Khan accused him of hiding the audit report."
    )


def test_an_edit_straddling_the_quote_start_is_taken_in() -> None:
    sel = select(TEXT, "Farida Khan accused him of hiding the report")
    edited = TEXT.replace("leader Farida Khan", "leader Dr Farida Khan")
    found = anchor(sel, edited)
    assert found is not None
    assert edited[found.start : found.end] in (
        "Dr Farida Khan accused him of hiding the report",
        "Farida Khan accused him of hiding the report",
    )


def test_a_deleted_passage_is_orphaned() -> None:
    sel = select(TEXT, "“We have asked for it six times,” she said.")
    edited = TEXT.replace(" “We have asked for it six times,” she said.", "")
    assert anchor(sel, edited) is None


def test_a_rewritten_passage_is_orphaned() -> None:
    sel = select(TEXT, "“We have asked for it six times,” she said.")
    edited = TEXT.replace(
        "“We have asked for it six times,” she said.", "Her office has written to him twice."
    )
    assert anchor(sel, edited) is None


def test_an_empty_quote_is_orphaned() -> None:
    assert anchor(TextSelector("", "a", "b", 3, 3), TEXT) is None


def test_two_identical_passages_with_identical_context_are_orphaned() -> None:
    fill = "~" * 40
    block = fill + "Quarterly figures were revised down by the statistics office." + fill
    text = block + "x" * 2000 + block
    second = text.rindex("figures were revised")
    sel = TextSelector.from_text(text, second, second + 20)
    assert anchor(sel, text) == Anchor(second, second + 20, "exact")
    assert anchor(sel, "A short new lead. " + text) is None  # which copy is it now? unknown


def test_a_look_alike_far_away_is_not_taken_for_a_deleted_passage() -> None:
    text = (
        "In 2013, the port office reported 530 cases of fraud. "
        + "Other news filled the page. " * 30
        + "In 2016, the port office reported 721 cases of theft. The end."
    )
    sel = select(text, "reported 530 cases", 0)
    edited = text.replace("In 2013, the port office reported 530 cases of fraud. ", "")
    assert anchor(sel, edited) is None


def test_a_thousand_unchanged_annotations_all_anchor_exactly() -> None:
    """The cheap first step serves them all (its speed: benchmarks/bench_reanchor.py)."""
    n = len(ARTICLE)
    selectors = [
        TextSelector.from_text(ARTICLE, i * 7 % (n - 80), i * 7 % (n - 80) + 40)
        for i in range(1000)
    ]
    anchors = [anchor(sel, ARTICLE) for sel in selectors]
    assert all(a is not None and a.method == "exact" for a in anchors)
    assert [(a.start, a.end) for a in anchors if a] == [(s.start, s.end) for s in selectors]


# --- properties ----------------------------------------------------------------------------

WORDS = [
    "the",
    "minister",
    "said",
    "“audit”",
    "—",
    "claim",
    "don’t",
    "naïve",
    "café",
    "e\u0301lan",
    "🙂",
    "👩‍👩‍👧",
    "שלום",
    "مرحبا",
    "Ελλάδα",
    "Zürich",
    "東京",
    "…",
    "a",
    "of",
    "report",
    "Khan",
    "accused",
    "«non»",
    "𝔘𝔫𝔦",
    "x\u0308y",
    "\u200fRTL\u200f",
    "1,234",
    "O’Neill",
]
ALPHABET = "abcdeé ‘’“”—–…🙂🇵🇰שאבمرح\u0301\u0308 .,\n"

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
chunks = st.one_of(words, st.text(alphabet=ALPHABET, min_size=1, max_size=12))
texts = st.lists(chunks, min_size=12, max_size=80).map(" ".join)
inserts = st.text(alphabet=ALPHABET + "XYZ", min_size=0, max_size=30)


@st.composite
def passages(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(texts)
    assume(len(text) >= 20)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 60)))
    return text, start, end


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(passages())
def test_property_an_unchanged_text_always_anchors_exactly(p: tuple[str, int, int]) -> None:
    text, start, end = p
    assert anchor(TextSelector.from_text(text, start, end), text) == Anchor(start, end, "exact")


@PROPERTY
@given(passages(), st.data())
def test_property_an_edit_far_away_still_anchors_to_the_same_text(
    p: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = p
    sel = TextSelector.from_text(text, start, end)
    lo, hi = start - len(sel.prefix), end + len(sel.suffix)  # the passage with its context
    spots = [i for i in range(len(text) + 1) if i < lo or i > hi]
    assume(spots)
    at = data.draw(st.sampled_from(spots))
    limit = lo - at if at < lo else len(text) - at
    cut = data.draw(st.integers(0, max(0, limit)))
    inserted = data.draw(inserts)
    edited = text[:at] + inserted + text[at + cut :]
    shift = len(inserted) - cut if at < lo else 0

    found = anchor(sel, edited)
    window = sel.prefix + sel.exact + sel.suffix
    if edited.count(window) == 1 and edited.find(window) == lo + shift:
        assert found is not None and (found.start, found.end) == (start + shift, end + shift)
    if found is not None:
        assert edited[found.start : found.end] == sel.exact


@PROPERTY
@given(passages(), st.data())
def test_property_an_anchor_is_the_quote_or_close_to_it(
    p: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = p
    sel = TextSelector.from_text(text, start, end)
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, min(20, len(text) - at)))
    edited = text[:at] + data.draw(inserts) + text[at + cut :]

    found = anchor(sel, edited)
    if found is None:
        return
    got = edited[found.start : found.end]
    if found.method in ("exact", "moved"):
        assert got == sel.exact
    else:
        similarity = SequenceMatcher(None, sel.exact, got, autojunk=False).ratio()
        assert similarity >= MIN_QUOTE_SIMILARITY, (sel.exact, got)


def test_text_inserted_at_the_quotes_edge_is_left_out() -> None:
    text = "The hearing ended early.\n\nDeLuca is due in court on August 21. His lawyer declined."
    sel = select(text, "is due in court on August 21.")
    edited = text.replace("DeLuca is", "DeLuca, now in custody, is")
    found = anchor(sel, edited)
    assert found is not None and edited[found.start : found.end] == sel.exact


# --- look-alikes: the same words with other words around them ---------------------------


def test_a_deleted_sentence_does_not_move_to_its_copy_elsewhere() -> None:
    copy = "The vote was postponed until March."
    text = (
        f"The council met on Monday. {copy} Residents were angry.\n\n"
        "Other business followed.\n\n"
        f"{copy} Nobody explained why the agenda had changed."
    )
    sel = select(text, copy, 0)
    edited = text.replace(f"Monday. {copy} Residents", "Monday. Residents", 1)
    assert anchor(sel, edited) is None


def test_a_deleted_word_does_not_stick_to_a_new_sentence_starting_with_it() -> None:
    text = "The ferry left late. The captain blamed the fog. Passengers waited for hours."
    sel = select(text, "The", 1)
    edited = text.replace("The captain blamed the fog.", "The harbour reopened at noon.")
    assert anchor(sel, edited) is None


def test_a_word_whose_context_holds_on_both_sides_is_still_found() -> None:
    text = "The ferry left late. The captain blamed the fog. Passengers waited for hours."
    sel = select(text, "captain")
    edited = "UPDATE: times corrected. " + text.replace("waited for hours", "waited")
    found = anchor(sel, edited)
    assert found is not None and edited[found.start : found.end] == "captain"


def test_a_long_passage_with_one_side_intact_is_found() -> None:
    text = "The ferry left late. The captain blamed the fog on Tuesday. Passengers waited."
    sel = select(text, "The captain blamed the fog")
    edited = text.replace(" on Tuesday. Passengers waited.", ", and the company agreed.")
    found = anchor(sel, edited)
    assert found is not None and edited[found.start : found.end] == sel.exact


LEXICON = [
    "council",
    "ferry",
    "harbour",
    "minister",
    "report",
    "audit",
    "budget",
    "vote",
    "inspectors",
    "contract",
    "union",
    "board",
    "March",
    "Tuesday",
    "fog",
    "delays",
    "said",
    "denied",
    "approved",
    "blamed",
    "found",
    "missed",
    "signed",
    "published",
    "the",
    "a",
    "of",
    "for",
    "in",
    "on",
    "after",
    "before",
    "“again”",
    "Zürich",
    "—",
]
sentences = st.lists(st.sampled_from(LEXICON), min_size=4, max_size=9, unique=True).map(
    lambda ws: " ".join(ws).capitalize() + "."
)


@st.composite
def articles_with_a_doubled_sentence(draw: st.DrawFn) -> tuple[str, int, str]:
    """Sentences in paragraphs; one sentence copied into another paragraph; which copy."""
    body = draw(st.lists(sentences, min_size=6, max_size=14, unique=True))
    copy = draw(st.sampled_from(body))
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    home = next(i for i, p in enumerate(paragraphs) if copy in p)
    elsewhere = draw(st.sampled_from([i for i in range(len(paragraphs)) if i != home] or [home]))
    assume(elsewhere != home)
    paragraphs[elsewhere] = f"{copy} {paragraphs[elsewhere]}"
    return "\n\n".join(paragraphs), draw(st.integers(0, 1)), copy


LOOK_ALIKES = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@LOOK_ALIKES
@given(articles_with_a_doubled_sentence(), st.integers(0, 10), st.integers(0, 10))
def test_property_a_deleted_copy_of_a_doubled_sentence_is_orphaned(
    doubled: tuple[str, int, str], cut_before: int, cut_after: int
) -> None:
    text, which, copy = doubled
    sel = select(text, copy, which)
    lo, hi = max(0, sel.start - cut_before), min(len(text), sel.end + cut_after)
    edited = text[:lo] + " " + text[hi:]
    assume(edited.count(copy) == 1)
    left = edited.index(copy)
    # Where the copy left stands with the deleted one's words on a side ("A. A. B." less
    # one "A."), no one can tell which was deleted: that is a move, not a look-alike.
    assume(not edited[:left].endswith(sel.prefix))
    assume(not edited[left + len(copy) :].startswith(sel.suffix))
    assert anchor(sel, edited) is None


@LOOK_ALIKES
@given(st.lists(sentences, min_size=3, max_size=8, unique=True), st.data())
def test_property_a_word_is_not_kept_by_a_new_sentence_that_starts_with_it(
    body: list[str], data: st.DataObject
) -> None:
    text = " ".join(body)
    index = data.draw(st.integers(0, len(body) - 1))
    start = text.index(body[index])
    word = body[index].split(" ", 1)[0]
    sel = TextSelector.from_text(text, start, start + len(word))
    fresh = data.draw(sentences).split(" ", 1)[1]
    old_rest = body[index][len(word) :]
    # A new sentence: none of the old one's words after the first (else it is a rewording).
    assume(not set(fresh.rstrip(".").split()) & set(old_rest.rstrip(".").split()))
    edited = text[:start] + f"{word} {fresh}" + text[start + len(body[index]) :]
    found = anchor(sel, edited)
    assert found is None or found.start != start, (sel, edited)


def test_a_passage_edited_around_on_both_sides_is_found_if_one_side_holds_beside_it() -> None:
    text = "First sentence here. Second one.\n\nA third paragraph."
    sel = TextSelector.from_text(text, 0, 20)
    edited = "An inserted paragraph.\n\nFirst sentence here. Second one.\n\nIt ends otherwise."
    found = anchor(sel, edited)
    assert found is not None and edited[found.start : found.end] == "First sentence here."


def test_a_word_that_starts_a_new_sentence_is_not_kept_when_its_words_recur_nearby() -> None:
    """Hypothesis found it: the note was on 'Delays', its sentence was replaced by another
    starting 'Delays', and words of the old sentence recurred a little later, so the fuzzy
    search found the context 'around' the old word. A short quote needs its context right
    beside it on both sides, found by whichever search."""
    body = [
        "Council ferry harbour minister report audit.",
        "Delays inspectors march council.",
        "Council ferry report audit budget vote union harbour.",
        "Council contract tuesday fog inspectors march.",
    ]
    text = " ".join(body)
    start = text.index("Delays")
    sel = TextSelector.from_text(text, start, start + len("Delays"))
    edited = text.replace("Delays inspectors march council.", "Delays ferry harbour the.")
    assert anchor(sel, edited) is None
