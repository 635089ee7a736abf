import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presswatch.clean.encoding import normalize_spaces, repair_mac_mojibake, repair_text, weirdness

# Correct sentences in many scripts, written here; each must pass through repair untouched.
CORRECT = [
    "Minsk said the drills would end on Friday — officials called them “routine”…",
    "Der Führer-Vergleich sei „absurd“, sagte die Ministerin in Köln.",
    "Л’école? Non: l’école publique, «École normale», naïve café.",
    "Аляксандр Лукашэнка сустрэўся з Пуціным у Сочы.",
    "Президент России объявил частичную мобилизацию.",
    "Ο πρωθυπουργός μίλησε στην Αθήνα για την Ουκρανία.",
    "普京宣布部分动员，许多人离开了俄罗斯。",
    "プーチン大統領は動員を発表した。",
    "أعلن الرئيس الروسي التعبئة الجزئية.",
    "Zażółć gęślą jaźń — Wałęsa w Gdańsku.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl Dvořák.",
    "Sviatlana Tsikhanouskaya met Ørsted staff in Århus. 🇺🇦 👍🏽 😀",
    "Prices rose 3 % to 50 € (± 5 €), §12 says; 10° colder.",
    "Şeful a spus că ţara și țara sunt același lucru.",
    "שלום עולם, אמר השר.",
]


@pytest.mark.parametrize("text", CORRECT)
def test_encoding_leaves_correct_text_in_any_script_unchanged(text):
    assert repair_text(text) == text


@pytest.mark.parametrize("text", CORRECT)
@pytest.mark.parametrize("codec", ["mac_roman", "mac_latin2"])
def test_encoding_undoes_utf8_read_as_mac_code_page(text, codec):
    try:
        garbled = text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        pytest.skip("not representable")
    if garbled == text:
        pytest.skip("ASCII only")
    assert repair_text(garbled) == text


def test_encoding_repairs_mac_central_european_em_dash_that_ftfy_makes_worse():
    assert repair_text("both sides ‚ÄĒ Kyiv and Moscow ‚ÄĒ agreed") == "both sides — Kyiv and Moscow — agreed"


def test_encoding_turns_mac_nbsp_mojibake_into_plain_space():
    assert repair_text("the¬†reservists¬†¬†") == "the reservists  "


def test_encoding_repairs_mac_roman_curly_quotes_and_ellipsis():
    assert repair_text("He said ‚ÄúNo‚Äù ‚Ä¶ it‚Äôs over") == "He said “No” … it’s over"


def test_encoding_repairs_residue_of_lost_ellipsis_byte():
    assert repair_mac_mojibake("Papa‚Ķ come back") == "Papa… come back"


def test_encoding_fixes_windows_1252_mojibake_through_ftfy():
    assert repair_text("FÃ¼hrer and cafÃ©") == "Führer and café"


def test_encoding_keeps_curly_quotes_and_fullwidth_punctuation():
    assert repair_text("“Yes,” he said. 中文，好。") == "“Yes,” he said. 中文，好。"


def test_encoding_normalizes_nbsp_and_drops_soft_hyphen():
    assert normalize_spaces("a\u00a0b\u202fc mo\u00adbi\u200blise") == "a b c mobilise"


def test_encoding_weirdness_prefers_repaired_text():
    assert weirdness("‚ÄĒ") > weirdness("—")
    assert weirdness("–ü—Ä–∏–≤–µ—Ç") > weirdness("Привет")
    assert weirdness("«École»") <= weirdness("ǃcole»")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_encoding_never_fails_and_is_idempotent_on_arbitrary_unicode(text):
    once = repair_text(text)
    assert repair_text(once) == once




@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CORRECT), min_size=1, max_size=4))
def test_encoding_leaves_mixed_correct_paragraphs_unchanged(parts):
    text = "\n".join(parts)
    assert repair_text(text) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CORRECT), min_size=1, max_size=3), st.sampled_from(["mac_roman", "mac_latin2"]))
def test_encoding_repair_of_whole_mojibake_paragraphs_is_exact(parts, codec):
    text = " ".join(parts)
    try:
        garbled = text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return
    assert repair_text(garbled) == text


_MAC_HIGH = "".join(sorted(set(bytes(range(128, 256)).decode("mac_roman") + bytes(range(128, 256)).decode("mac_latin2"))))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MAC_HIGH + "ab ", max_size=30))
def test_encoding_is_idempotent_on_mojibake_alphabet_soup(text):
    once = repair_text(text)
    assert repair_text(once) == once
