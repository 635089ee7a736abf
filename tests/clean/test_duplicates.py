from presswatch.clean.duplicates import find_duplicates


def test_duplicates_caption_printed_twice_in_a_row_is_kept_once():
    cap = "Cars queue at the border crossing near Verkhny Lars on Sunday"
    paras = ["Intro sentence.", cap, cap, "Next sentence."]
    assert [(f.index, f.reason) for f in find_duplicates(paras)] == [(2, "duplicate-paragraph")]


def test_duplicates_ignore_spacing_and_case_and_skip_chrome_between():
    paras = ["A caption about the queue at the border", "Advertisement", "A  caption about the queue at the BORDER"]
    assert [f.index for f in find_duplicates(paras, skip={1})] == [2]


def test_duplicates_keep_sentences_repeated_further_on():
    # repetition is a persuasion technique: the rhetoric layer must see both copies
    long = "The ministry said more than 2,000 people had been detained in 33 towns over the weekend."
    paras = [long, "Something else happened.", long, "No.", "He asked again.", "No."]
    assert find_duplicates(paras) == []


def test_duplicates_three_copies_in_a_row_keep_one():
    paras = ["Same caption here", "Same caption here", "Same caption here", "Other."]
    assert [f.index for f in find_duplicates(paras)] == [1, 2]
