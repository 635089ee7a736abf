from presswatch.clean.meta import find_outlet, normalize_outlet, split_title, title_key, untruncated_title


def test_meta_split_title_strips_date_prefix_and_aggregator_suffix():
    parts = split_title("Monday 3 October 2022 07:15 AM Kremlin insists talks with Minsk went 'very well' as ... trends now")
    assert parts.title == "Kremlin insists talks with Minsk went 'very well' as"
    assert parts.published == "2022-10-03T07:15:00"
    assert parts.truncated and parts.banner
    assert [r.reason for r in parts.removed] == ["title-date-prefix", "title-suffix"]
    assert parts.removed[1].text == "... trends now"


def test_meta_split_title_leaves_plain_headline_alone():
    parts = split_title("Lukashenko threatens to send troops – 'a gamble'")
    assert parts.title == "Lukashenko threatens to send troops – 'a gamble'"
    assert not parts.banner and parts.published is None and parts.removed == ()


def test_meta_split_title_takes_known_outlet_suffix():
    parts = split_title("Drone strikes hit Kyiv overnight | Daily Mail Online")
    assert parts.title == "Drone strikes hit Kyiv overnight"
    assert parts.outlet == "Daily Mail"
    assert split_title("Oil - the new weapon").title == "Oil - the new weapon"


def test_meta_outlet_normalisation_uses_masthead_names():
    assert normalize_outlet("dailymail") == "Daily Mail"
    assert normalize_outlet("MailOnline") == "Daily Mail"
    assert normalize_outlet("www.theguardian.com") == "The Guardian"
    assert normalize_outlet("kyivindependent.com") == "kyivindependent"
    assert normalize_outlet(" ... ") is None


def test_meta_find_outlet_from_chrome_lines():
    assert find_outlet(["Some text.", "read more from dailymail....."]) == "Daily Mail"
    lines = ["The views expressed in the contents above are those of our users and do not necessarily reflect the views of MailOnline."]
    assert find_outlet(lines) == "Daily Mail"
    assert find_outlet(["He said he would read more from the report."]) is None


def test_meta_untruncated_title_prefers_full_headline_printed_on_page():
    paras = ["Kremlin insists talks with Minsk went 'very well' as protests grow", "Kremlin insists talks with Minsk went 'very well' as protests grow, officials said."]
    assert untruncated_title("Kremlin insists talks with Minsk went 'very well' as", paras) == paras[0]
    assert untruncated_title("Nothing like it", paras) == "Nothing like it"


def test_meta_title_key_ignores_case_and_punctuation():
    assert title_key("Putin's  war: 'now'") == title_key("putin s war now")


def test_meta_split_title_takes_date_suffix_only_after_a_separator():
    parts = split_title("Minsk opens new checkpoint | 4 October 2022")
    assert parts.title == "Minsk opens new checkpoint"
    assert parts.published == "2022-10-04"
    assert parts.removed[0].reason == "title-date-suffix"
    assert split_title("What changed on 4 October 2022").title == "What changed on 4 October 2022"


def test_meta_find_outlet_from_comment_disclaimer():
    assert find_outlet(["Readers' comments are their own and are not endorsed by dailycourier."]) == "dailycourier"
