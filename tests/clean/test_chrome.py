from presswatch.clean.chrome import find_chrome, find_datelines, is_banner, is_terminal, line_reason

TITLE = "Kremlin insists talks with Minsk went 'very well' as"


def reasons(paras, title=TITLE):
    return {paras[f.index]: f.reason for f in find_chrome(paras, title)}


def test_chrome_banner_lines_repeating_title_with_date_and_suffix():
    banner = "Monday 3 October 2022 07:15 AM Kremlin insists talks with Minsk went 'very well' as ... trends now"
    sentence = "Officials in Minsk said the talks lasted four hours."
    paras = [TITLE, banner, banner, sentence, banner, TITLE]
    found = {f.index: f.reason for f in find_chrome(paras, TITLE)}
    # banners go wherever they stand; the bare title only above the article (further down it
    # may be a rhetorical repetition)
    assert found == {0: "chrome:banner", 1: "chrome:banner", 2: "chrome:banner", 4: "chrome:banner"}


def test_chrome_is_banner_needs_title_match_or_aggregator_form():
    assert is_banner("Friday 7 October 2022 11:00 AM Some other story ... trends now", None)
    assert not is_banner("Officials in Minsk said the talks lasted four hours.", TITLE)


def test_chrome_footer_read_more_and_prev_next():
    paras = [
        "The ministry said 12 brigades were on alert near the border.",
        "'We are ready,' the general told state television.",
        "read more from dailymail.....",
        "PREV Teacher arrested after row over exam papers in ... trends now",
        "NEXT Storm batters coast as thousands lose power ... trends now",
    ]
    found = reasons(paras)
    assert found == {
        paras[2]: "chrome:read-more",
        paras[3]: "chrome:prev-next",
        paras[4]: "chrome:prev-next",
    }


def test_chrome_reply_block_takes_following_story_titles():
    paras = [
        "Polls suggest only a small share of the public backs sending troops abroad, analysts said on Monday.",
        "READ MORE: Minsk orders students to help with harvest",
        "Leave a Reply",
        "Your email address will not be published.",
        "Previous Story",
        "Striker out for six weeks after knee injury in cup final",
        "Next Story",
        "Governor race tightens as rivals clash over taxes",
        "Latest from Blog",
        "newsdesk on instagram",
    ]
    found = reasons(paras)
    assert paras[0] not in found
    assert found[paras[1]] == "chrome:related"
    assert found[paras[2]] == found[paras[3]] == "chrome:comments"
    assert found[paras[5]] == found[paras[7]] == "chrome:prev-next"
    assert found[paras[8]] == "chrome:related"
    assert found[paras[9]] == "chrome:social"


def test_chrome_comment_tail_and_title_echo_before_it():
    title = "Zelensky urges Russians to resist call-up and tells soldiers to surrender"
    paras = [
        "Estonia said it would call up 2,900 reservists for an exercise starting on Thursday.",
        "Video: Zelensky urges Russians to resist call-up and soldiers to 'surrender'",
        "View all",
        "The comments below have not been moderated.",
        "The views expressed in the contents above are those of our users and do not necessarily reflect the views of MailOnline.",
        "We are no longer accepting comments on this article.",
    ]
    found = reasons(paras, title)
    assert paras[0] not in found
    assert found[paras[1]] == "chrome:related"
    assert all(found[p] == "chrome:comments" for p in paras[2:])


def test_chrome_keeps_article_lines_that_look_a_little_like_chrome():
    paras = [
        "Next week the parliament will vote on the draft law, the speaker said.",
        "Lavrov walks out of UN session after speech attacking Kyiv",
        "The minister left before the vote, diplomats said.",
        "Lukashenko himself feels insecure, and we can see that",
        "Share prices in Moscow fell 8% on the news.",
        "He told readers to read more from the archive before judging.",
    ]
    assert reasons(paras, "Lavrov attacks Kyiv at UN") == {}


def test_chrome_terminal_marker_mid_article_does_not_eat_the_rest():
    body = [f"Paragraph {i} of the report describes another convoy seen near the border crossing today." for i in range(6)]
    paras = body[:2] + ["View all"] + body[2:]
    found = reasons(paras)
    assert found == {"View all": "chrome:comments"}


def test_chrome_short_line_above_and_below_the_text_is_page_furniture():
    body = [f"Real paragraph {i} of the story about the border." for i in range(5)]
    paras = ["Kyiv Bureau Live", *body, "Kyiv Bureau Live"]
    found = {f.index: f.reason for f in find_chrome(paras, TITLE)}
    assert found == {0: "chrome:repeated", 6: "chrome:repeated"}


def test_chrome_repeated_short_sentences_and_subheadings_stay():
    paras = ["Why?", "He paused.", "Text.", "ADVANTAGE IMMIGRANTS", "Text two.", "Why?", "ADVANTAGE IMMIGRANTS", "More.", "Last.", "Why?"]
    assert reasons(paras) == {}


def test_chrome_dateline_at_top_is_chrome_but_dates_in_sentences_are_not():
    paras = ["Published: 09:12 BST, 3 October 2022", "On 3 October 2022 the talks began in Sochi.", "More text."]
    assert [(f.index, f.reason) for f in find_datelines(paras)] == [(0, "chrome:dateline")]


def test_chrome_date_heading_inside_a_live_blog_stays():
    body = [f"Update {i}: shelling reported near the plant, officials said." for i in range(4)]
    paras = ["3 October 2022"] + body[:3] + ["4 October 2022"] + body
    assert [f.index for f in find_datelines(paras)] == [0]
    assert [f.index for f in find_datelines(paras, skip={0})] == []


def test_chrome_line_reason_and_terminal_match_whole_lines_only():
    assert line_reason("Share this article") == "chrome:social"
    assert line_reason("Share prices fell sharply on Monday.") is None
    assert line_reason("View all") == "chrome:comments"
    assert is_terminal("Leave a Reply")
    assert not is_terminal("Leave a reply if you disagree, the editor wrote to readers.")


def test_chrome_comment_header_late_in_page_drops_readers_comments():
    body = [f"Paragraph {i} of the report describes another convoy seen near the border crossing today." for i in range(6)]
    comments = [f"Reader {i} wrote that this is exactly what everyone expected to happen all along, sadly." for i in range(4)]
    paras = body + ["Leave a Reply"] + comments
    found = reasons(paras)
    assert set(found) == {"Leave a Reply", *comments}
    assert all(r == "chrome:comments" for r in found.values())


def test_chrome_copyright_line_has_its_own_reason():
    assert line_reason("© 2022 The Eastern Dispatch. All rights reserved.") == "chrome:copyright"
    assert line_reason("Copyright 2022 Example Media") == "chrome:copyright"
    assert line_reason("The copyright row went to court in 2021, lawyers for both sides said.") is None
    assert line_reason("Copyright lawyers said the ruling was wrong.") is None


def test_chrome_bare_link_line_but_not_sentence_with_link():
    assert line_reason("https://www.example.org/lrc-blog/some-story/") == "chrome:link"
    assert line_reason("Read the report at https://www.example.org/report today.") is None


def test_chrome_photo_caption_with_credit_is_not_a_copyright_line():
    assert line_reason("© 2022 AFP") == "chrome:copyright"
    assert line_reason("©2018 Example Times, Distributed by Example Content Agency, LLC.") == "chrome:copyright"
    assert line_reason("© EPA The minister arrives in Sochi for talks that were overshadowed by the row") is None


def test_chrome_caption_before_comment_tail_that_only_shares_names_with_title_stays():
    title = "Zelensky urges Russians to resist call-up and tells soldiers to surrender"
    caption = "Zelensky speaking in Kyiv today where he called on Russians to resist the partial mobilisation"
    paras = ["Estonia said it would call up 2,900 reservists for an exercise on Thursday.", caption, "View all"]
    assert caption not in reasons(paras, title)
