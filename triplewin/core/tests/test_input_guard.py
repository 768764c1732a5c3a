"""The input guard: NHS numbers, control characters, dates of birth and postcodes."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nhs_number.validate import calculate_checksum, is_valid

from triplewin.core import input_guard as guard
from triplewin.core.input_guard import Kind, Severity

# A number the NHS publishes for testing: its check digit is right.
VALID = "9434765919"


def kinds(text: str) -> list[tuple[Kind, Severity, str]]:
    return [(f.kind, f.severity, f.excerpt) for f in guard.inspect_text(text)]


NHS = (Kind.NHS_NUMBER, Severity.BLOCK, "943 *** **19")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9434765919", [NHS]),
        ("943 476 5919", [NHS]),
        ("943-476-5919", [NHS]),
        ("943\u00a0476\u00a05919", [NHS]),
        ("943\u2013476\u20135919", [NHS]),
        ("Patient (NHS no. 943 476 5919) was seen twice.", [NHS]),
        ("NHS number:9434765919.", [NHS]),
        ("Two: 9434765919, 943 476 5919", [NHS, NHS]),
        # The check digit is wrong: an ordinary figure.
        ("9434765918", []),
        ("1234567890", []),
        ("Budget 4000000001 pence", []),
        # Part of a longer run of digits or a code: not a number on its own.
        ("94347659190", []),
        ("19434765919", []),
        ("REF9434765919", []),
        ("9434765919X", []),
        # Grouped the wrong way round.
        ("9434 765 919", []),
        ("94 34 76 59 19", []),
        ("", []),
        ("A patient in their 70s was seen on 3 March 2027.", []),
    ],
)
def test_nhs_numbers(text: str, expected: list[tuple[Kind, Severity, str]]) -> None:
    assert kinds(text) == expected


def test_nhs_number_message_says_what_why_and_instead() -> None:
    (finding,) = guard.inspect_text("seen 943 476 5919")
    assert "This looks like an NHS number: 943 *** **19" in finding.message
    assert "company partners can see it" in finding.message
    assert "a patient in their 70s" in finding.message
    assert VALID not in finding.message
    assert (finding.start, finding.end) == (5, 17)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Title\x07", "bell, U+0007"),
        ("\x1b[31mred", "escape, U+001B"),
        ("a\x00b", "null, U+0000"),
        ("a\x0bb", "vertical tab, U+000B"),
        ("a\x7fb", "delete, U+007F"),
        ("a\x85b", "U+0085"),
        ("a\x9bb", "U+009B"),
        ("a\ufffeb", "U+FFFE"),
        ("a\ud800b", "U+D800"),
    ],
)
def test_control_characters_block(text: str, excerpt: str) -> None:
    assert kinds(text) == [(Kind.CONTROL_CHARACTER, Severity.BLOCK, excerpt)]


def test_control_character_message_gives_its_position() -> None:
    (finding,) = guard.inspect_text("Hello\x07")
    assert "(bell, U+0007) at character 6" in finding.message


@pytest.mark.parametrize(
    "text", ["Line one\nline two", "a\tb", "Windows\r\nline", "café 😀 \u2011 \u2013"]
)
def test_ordinary_text_and_whitespace_pass(text: str) -> None:
    assert guard.inspect_text(text) == []


DOB = Kind.DATE_OF_BIRTH, Severity.WARN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 12/03/1948", [(*DOB, "** ** 1948")]),
        ("D.O.B.: 12.03.48", [(*DOB, "** ** 48")]),
        ("date of birth 3 March 1950", [(*DOB, "** ** 1950")]),
        ("Date of Birth: March 3rd, 1950", [(*DOB, "** ** 1950")]),
        ("born on 1950-03-03", [(*DOB, "**-**-1950")]),
        ("born 3rd Mar 1950", [(*DOB, "** ** 1950")]),
        # A date without a cue is just a date, even beside a name.
        ("Mrs Khan agreed on 3 March 2027 to chair the group.", []),
        ("Meeting held 12/03/2027 with Mr Jones.", []),
        ("The programme was born in 2019.", []),
        # A cue without a full date is not a date of birth.
        ("patients born in the 1940s", []),
    ],
)
def test_dates_of_birth_need_a_cue(text: str, expected: list[tuple[Kind, Severity, str]]) -> None:
    assert kinds(text) == expected


POSTCODE = Kind.POSTCODE, Severity.WARN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Smith, 12 High Street, Lincoln LN2 5QY", [(*POSTCODE, "LN2 ***")]),
        ("Patient: John Smith, LN25QY", [(*POSTCODE, "LN2 ***")]),
        ("Mr. O'Neill lives at BT1 1AA", [(*POSTCODE, "BT1 ***")]),
        ("EC1A 1BB, Ms Patel", [(*POSTCODE, "EC1A ***")]),
        # An organisation's address, a clinician at work, or a name on another line: no.
        ("Lincoln County Hospital, Greetwell Road, Lincoln LN2 5QY", []),
        ("Dr Patel, Barts Health, London E1 1BB", []),
        ("Mrs Smith chaired.\nVenue: Lincoln LN2 5QY", []),
        ("The LN2 area has the lowest screening rates; Mrs Smith agreed.", []),
        # Lower case is not how postcodes are written; too many words would match.
        ("Mrs Smith, ln2 5qy", []),
    ],
)
def test_postcodes_warn_only_beside_a_name(
    text: str, expected: list[tuple[Kind, Severity, str]]
) -> None:
    assert kinds(text) == expected


def test_findings_come_in_order_of_position() -> None:
    found = guard.inspect_text("\x07 DOB 12/03/1948 then 943 476 5919")
    assert [f.kind for f in found] == [Kind.CONTROL_CHARACTER, Kind.DATE_OF_BIRTH, Kind.NHS_NUMBER]
    assert [f.blocks for f in found] == [True, False, True]
    assert guard.blocking(found) == [found[0], found[2]]
    assert guard.warnings(found) == [found[1]]


def test_messages_are_deduplicated_and_capped() -> None:
    text = " ".join(["943 476 5919"] * 3 + ["401 023 2137", "\x07", "\x1b", "\x00"])
    found = guard.messages(guard.inspect_text(text), limit=3)
    assert len(found) == 4
    assert found[-1] == "There are 2 more like these."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen 943 476 5919 and 9434765919.", "seen 943 *** **19 and 943 *** **19."),
        ("ordinary 1234567890", "ordinary 1234567890"),
        ("bell\x07 and esc\x1b, tab\tkept\nand lines", "bell and esc, tab\tkept\nand lines"),
        ("", ""),
    ],
)
def test_safe_text(text: str, expected: str) -> None:
    assert guard.safe_text(text) == expected


def test_confirmation_token_is_bound_to_the_text() -> None:
    token = guard.confirmation_token("Mrs Smith, LN2 5QY")
    assert token == guard.confirmation_token("Mrs Smith, LN2 5QY")
    assert token != guard.confirmation_token("Mrs Smith, LN2 5QZ")
    assert len(token) == 16


# --- Property tests -----------------------------------------------------------------------

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


def with_check_digit(stem: str) -> str | None:
    check = calculate_checksum(stem)
    return None if check is None or check == 10 else f"{stem}{check}"


valid_numbers = nine_digits.map(with_check_digit).filter(lambda n: n is not None and is_valid(n))
separators = st.sampled_from(["", " ", "-", "\u00a0", "\u2013"])
surroundings = st.sampled_from(["", " ", "(", ": ", "\n", ". ", "NHS no "])


def written(number: str, sep: str) -> str:
    return f"{number[:3]}{sep}{number[3:6]}{sep}{number[6:]}"


@given(number=valid_numbers, sep=separators, before=surroundings, after=surroundings)
def test_a_valid_nhs_number_in_any_written_form_is_always_found(
    number: str, sep: str, before: str, after: str
) -> None:
    text = f"Seen today {before}{written(number, sep)}{after[::-1]} and discharged"
    found = [f for f in guard.inspect_text(text) if f.kind is Kind.NHS_NUMBER]
    assert len(found) == 1
    assert found[0].excerpt == f"{number[:3]} *** **{number[-2:]}"
    assert number not in guard.safe_text(text)
    assert written(number, sep) not in guard.safe_text(text)


@given(stem=nine_digits, wrong=st.integers(0, 9), sep=separators)
def test_a_ten_digit_number_failing_the_checksum_is_never_found(
    stem: str, wrong: int, sep: str
) -> None:
    check = calculate_checksum(stem)
    if wrong == check:
        wrong = (wrong + 1) % 10
    number = f"{stem}{wrong}"
    text = f"Reference {written(number, sep)} recorded"
    assert guard.inspect_text(text) == []
    assert guard.safe_text(text) == text


@given(st.text())
def test_safe_text_never_leaves_a_blocking_finding(text: str) -> None:
    assert guard.blocking(guard.inspect_text(guard.safe_text(text))) == []


# --- Dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (dt.date(1990, 1, 1), False),
        (dt.date(2100, 12, 31), False),
        (dt.date(2027, 3, 1), False),
        (dt.datetime(2027, 3, 1, 12, 0), False),
        (dt.date(1989, 12, 31), True),
        (dt.date(2101, 1, 1), True),
        (dt.date(1, 1, 1), True),
        (dt.date(9999, 12, 31), True),
        (None, False),
    ],
)
def test_project_dates(day: dt.date | None, problem: bool) -> None:
    message = guard.date_problem(day)
    assert (message is not None) is problem
    if message:
        assert message.startswith("Enter a date between 1 January 1990 and 31 December 2100.")


def test_personal_dates_reach_further_back() -> None:
    assert guard.date_problem(dt.date(1975, 6, 1), guard.PERSONAL_DATES) is None
    assert guard.date_problem(dt.date(1975, 6, 1)) is not None


# --- No false alarms on the product's own ordinary text -----------------------------------


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    if depth > 8:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item, depth + 1)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for name in value.__dataclass_fields__:
            yield from _strings(getattr(value, name), depth + 1)


def _corpus() -> list[str]:
    texts: list[str] = []
    for package in ("triplewin.demo.data", "triplewin.library.seeds"):
        root = importlib.import_module(package)
        for info in pkgutil.iter_modules(root.__path__):
            module = importlib.import_module(f"{package}.{info.name}")
            for name, value in vars(module).items():
                if not name.startswith("_"):
                    texts.extend(_strings(value))
    return texts


def test_the_demo_and_library_text_raises_nothing() -> None:
    """Thousands of real sentences about real partnerships: none of them is patient data."""
    texts = _corpus()
    assert len(texts) > 1000
    noisy = [(t[:80], kinds(t)) for t in texts if guard.inspect_text(t)]
    assert noisy == []


def test_cell_messages() -> None:
    assert guard.cell_messages(None) == []
    assert guard.cell_messages(dt.date(1948, 3, 12)) == []
    assert guard.cell_messages(9434765919)[0].startswith("This looks like an NHS number")
    (warned,) = guard.cell_messages("DOB 12/03/1948")
    assert warned.endswith(guard.FILE_ADVICE)
    assert guard.cell_messages("DOB 12/03/1948", warnings=False) == []


@given(st.characters())
def test_forbidden_characters_are_exactly_controls_surrogates_and_noncharacters(char: str) -> None:
    import unicodedata

    expected = char not in "\t\n\r" and (
        unicodedata.category(char) in {"Cc", "Cs"} or char in "\ufffe\uffff"
    )
    assert guard.is_forbidden_character(char) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("C:\\Users\\me\\readings.csv", "readings.csv"),
        ("/tmp/../signed.pdf", "signed.pdf"),
        ("943 476 5919 letter.pdf", "943 *** **19 letter.pdf"),
        ("bell\x07.csv", "bell.csv"),
        ("", "default"),
        ("folder/", "default"),
        ("x" * 300, "x" * 10),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert (
        guard.safe_filename(name, default="default", limit=10 if len(name) > 200 else 100)
        == expected
    )


@given(st.text(max_size=guard.MEMO_LIMIT + 40), st.integers(1, 3))
def test_remembered_answers_are_the_answers(text: str, times: int) -> None:
    # Short text is answered from memory after the first time; long text is worked out again.
    # Either way, each answer is what cleaning the text from scratch gives, every time.
    fresh = guard.mask_identifiers(guard.strip_forbidden(text))
    assert [guard.safe_text(text) for _ in range(times)] == [fresh] * times


def test_the_memory_is_bounded_and_skips_long_text() -> None:
    guard.safe_text("a short label \x07")
    long_text = "x" * (guard.MEMO_LIMIT + 1) + " 943 476 5919"
    before = guard._clean_short.cache_info().currsize
    assert guard.safe_text(long_text).endswith("943 *** **19")
    assert guard._clean_short.cache_info().currsize == before
    assert guard._clean_short.cache_info().maxsize == 8192
