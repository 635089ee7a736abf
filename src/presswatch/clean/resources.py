"""Data for the clean layer: phrase lists, patterns and tables, kept apart from the code.

Every pattern here matches a WHOLE line (paragraph) after whitespace normalisation, never a
substring of an article sentence: a chrome line is a line that is nothing but chrome.
"""

from __future__ import annotations

import re

# -- encoding --------------------------------------------------------------------------------

#: Legacy Mac code pages whose reading of UTF-8 bytes produces mojibake that ftfy does not
#: repair (Mac Central European is not among ftfy's charmaps; it turns `‚ÄĒ` into `'ÄĒ`).
MAC_CODECS: tuple[str, ...] = ("mac_roman", "mac_latin2")

#: Leftovers of mojibake whose bytes were partly lost, so no code page round trip can undo them.
#: `‚Ķ` is what remains of `…` (UTF-8 E2 80 A6) read as Mac Central European once a byte is gone.
MOJIBAKE_RESIDUES: dict[str, str] = {
    "‚Ķ": "…",
}

#: Characters that legacy Mac code pages produce from UTF-8 bytes and that are rare in correct
#: running text; each counts as "weird" when deciding on a repair. Lead-byte symbols (what a
#: UTF-8 sequence starts with: `‚` for E2, `√` for C3, `¬` for C2) weigh more.
MOJIBAKE_LEAD_SYMBOLS = frozenset("‚‰¬√ƒ≈∆◊⁄‡\uf8ff")
#: Letters that Mac Central European shows for the UTF-8 lead bytes of Polish/Czech letters
#: (C4, C5); in correct text they are not followed by another non-ASCII letter.
MOJIBAKE_LEAD_LETTERS = frozenset("ńŇ")
MOJIBAKE_SYMBOLS = frozenset("‹›ﬁﬂ·†•¶§¢£¥®©™´¨≠∞±≤≥µ∂∑∏π∫ªºΩ¿¡°\u00a0")

#: Horizontal space characters normalised to a plain space (NBSP and its relatives).
#: The ideographic space U+3000 is left alone: it is correct CJK typography.
SPACE_CHARS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t"

#: Invisible characters dropped outright (soft hyphen, zero-width space, byte order mark).
INVISIBLE_CHARS = "\u00ad\u200b\ufeff"

# -- layout -----------------------------------------------------------------------------------

#: Glyphs that open a bullet line ("  • Zelensky cited ...").
BULLET_RE = re.compile(r"^\s*[•◦▪▫●■‣∙⁃*]\s+")

#: A line ending like this ends a sentence; a hard-wrapped line does not.
TERMINAL_PUNCT = tuple(".!?:;\"'”’)]»…")

# -- dates ------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\b\.?)?(?:\s*(?P<tz>GMT|BST|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|PST|PDT)\b)?"

#: Date (and optional time) expressions, tried in order; each is anchored by the caller.
DATE_PATTERNS: tuple[str, ...] = (
    # Tuesday 27 September 2022 09:35 AM / 27 Sep 2022, 09:35
    rf"(?:{_WEEKDAY}\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})(?:,?\s+(?:at\s+)?{_TIME})?",
    # Tuesday, September 27, 2022 9:35 am
    rf"(?:{_WEEKDAY}\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?:,?\s+(?:at\s+)?{_TIME})?",
    # 10:21 BST, 22 September 2022 (the DailyMail "Published:" order)
    rf"{_TIME},?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})",
    # 2022-09-27 / 2022-09-27T09:35[:00]
    r"(?P<year>\d{4})-(?P<month_num>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?",
)

#: Words that may introduce a dateline ("Published: 10:21 BST, 22 September 2022").
DATELINE_LABELS = re.compile(r"^(?:published|updated|posted|last updated|date)\s*(?:on)?\s*:?\s*", re.I)

# -- titles and banners -----------------------------------------------------------------------

#: Aggregator suffixes glued to a repeated headline ("<date> <headline> ... trends now").
BANNER_SUFFIXES: tuple[str, ...] = ("trends now",)

#: A headline cut short by an aggregator: "... from ...".
TRUNCATION_RE = re.compile(r"\s*(?:\.\.\.|…)\s*$")

# -- site chrome ------------------------------------------------------------------------------
# Each entry: (reason, pattern over the whole normalised line). Matching ignores case unless the
# pattern starts with "(?-i)" (PREV/NEXT headlines are recognised by their capitals only, so a
# sentence that starts "Next week ..." is never taken for one).

_OUTLET = r"(?P<outlet>[\w.\-]+?)"

# "read more from dailymail", "Read more at WSJ" name the outlet; "More on Putin" names a topic.
READ_MORE_FROM = re.compile(rf"^(?:read|see|continue reading|read the full story|more)\s+(?:more\s+)?(?:from|at)\s+{_OUTLET}\W*$", re.I)

CHROME_LINES: tuple[tuple[str, str], ...] = (
    ("chrome:prev-next", r"(?:prev|previous|next)(?:\s+(?:story|article|post|page))?\s*[:»›>]?"),
    ("chrome:prev-next", r"(?-i:PREV|NEXT|Prev:|Next:|Previous:|Previous article:|Next article:)\s+\S.*"),
    ("chrome:read-more", r"(?:read|see|continue reading|read the full story|more)\s+(?:more\s+)?(?:from|at|on)\s+[\w.\-]+\W*"),
    ("chrome:read-more", r"(?:read more|continue reading|read full (?:story|article))\W*"),
    ("chrome:related", r"(?:related|see also|also read|also see|related articles?|recommended|most read|more stories|latest from [\w ]{1,40}|trending|you may also like|more from [\w ]{1,40})\s*:?"),
    ("chrome:related", r"(?:read more|related|see also|also read|watch|more on this story)\s*:\s*\S.*"),
    ("chrome:related", r"read more(?: [\w']+)? (?:stories|news|articles)"),
    ("chrome:comments", r"leave a (?:reply|comment)|post a comment|add (?:a|your) comment|comments?(?:\s*\(\d+\))?|\d+\s+comments?|view all(?:\s+comments)?|show (?:all|more) comments|join the (?:discussion|conversation)"),
    ("chrome:comments", r"your email address will not be published\.?(?:\s*required fields are marked \*?)?"),
    ("chrome:comments", r"the comments below have not been moderated\.?"),
    ("chrome:comments", r"we are no longer accepting comments on this article\.?"),
    ("chrome:comments", r"comments are (?:closed|now closed)\.?"),
    ("chrome:comments", r"the views expressed in the contents above are those of our users and do not necessarily reflect the views of .{1,40}"),
    ("chrome:comments", r"by posting your comment you agree to our house rules\.?"),
    ("chrome:social", r"[\w.\-]+ on (?:instagram|twitter|facebook|x|tiktok|youtube|pinterest|telegram)"),
    ("chrome:social", r"(?:share|follow us|follow|like us|tweet|pin it|email|print|share this(?: article| story| page)?|share or comment on this article|click to share)(?:\s+(?:on|via)\s+[\w ]+)?\s*:?"),
    ("chrome:boilerplate", r"advertisement|scroll down for (?:video|more)|click here to resize this module|sign up for our newsletter"),
    ("chrome:link", r"(?:https?://|www\.)\S+"),  # a bare address on its own line
    # a credit line, not a photo caption that starts with its credit ("© EPA Pope Francis's trip ...")
    ("chrome:copyright", r"©\W*(?:\d{4}\s*)?[^.]{0,40}\.?|(?:\(c\)|copyright)\s*\d{4}\b.{0,80}|.{0,100}\b(?:all rights reserved|distributed by [\w ]+)\b.{0,40}"),
)

#: Chrome that ends the article text: from here to the end everything is chrome, unless
#: several article-like paragraphs follow (then only the marker line goes).
TERMINAL_CHROME: tuple[str, ...] = (
    r"(?:read|see|continue reading|read the full story|more)\s+(?:more\s+)?(?:from|at|on)\s+[\w.\-]+\W*",
    r"view all(?:\s+comments)?",
    r"(?:previous|next) (?:story|article|post)",
    r"latest from [\w ]+",
    r"more stories|you may also like|most read|related articles?",
)

#: Comment-section headers: what follows them is readers' comments, however article-like, so
#: they end the article wherever they stand in its second half.
TERMINAL_COMMENTS: tuple[str, ...] = (
    r"leave a (?:reply|comment)",
    r"post a comment|add (?:a|your) comment|join the (?:discussion|conversation)",
    r"the comments below have not been moderated\.?",
    r"we are no longer accepting comments on this article\.?",
    r"comments are (?:closed|now closed)\.?",
    r"your email address will not be published\.?.*",
    r"\d+\s+comments?|comments?(?:\s*\(\d+\))?",
)

#: The outlet named by chrome ("... the views of MailOnline", "read more from dailymail").
OUTLET_PATTERNS: tuple[re.Pattern[str], ...] = (
    READ_MORE_FROM,
    re.compile(r"^.{0,120}\b(?:do not necessarily reflect the views of|are not endorsed by) (?P<outlet>[\w .&'\-]{1,40}?)\.?$", re.I),
)

#: One documented normalisation: outlets are named by their masthead. Keys are lower-case
#: names with spaces, dots and the "www."/TLD parts removed. Unknown names are kept as written.
OUTLET_ALIASES: dict[str, str] = {
    "dailymail": "Daily Mail",
    "dailymailcouk": "Daily Mail",
    "dailymailonline": "Daily Mail",
    "mailonline": "Daily Mail",
    "mailonsunday": "Daily Mail",
    "politico": "Politico",
    "politicoeu": "Politico",
    "theguardian": "The Guardian",
    "guardian": "The Guardian",
    "bbc": "BBC",
    "bbccouk": "BBC",
    "bbcnews": "BBC",
    "reuters": "Reuters",
    "apnews": "AP",
    "ap": "AP",
    "express": "Daily Express",
    "expresscouk": "Daily Express",
    "dailyexpress": "Daily Express",
    "independent": "The Independent",
    "independentcouk": "The Independent",
    "thesun": "The Sun",
    "nytimes": "The New York Times",
    "washingtonpost": "The Washington Post",
    "rt": "RT",
    "tass": "TASS",
}

#: Longest line (in words) that can be a headline-like chrome line (a related-story title).
#: Two-label public suffixes: the registrable domain of news.bbc.co.uk is bbc.co.uk (a short list
#: of the common ones; any other host's registrable domain is its last two labels).
PUBLIC_SUFFIXES_2: frozenset[str] = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "com.br", "com.ar",
    "com.mx", "co.jp", "co.in", "co.za", "com.tr", "com.ua", "com.cn", "com.hk", "com.sg", "co.kr", "co.il",
    "com.pl", "com.ru", "org.ru", "com.es", "com.my", "com.ph", "com.pk", "com.ng", "co.ke",
})
#: A site name split by this many separators or more is a menu or a tag list, not an outlet name.
OUTLET_LIST_SEPARATORS = 2
OUTLET_LIST_SEPARATOR_RE = re.compile(r"\s[|•·/]\s|\s*\|\s*")
#: An outlet name longer than this (words) is a slogan, not a name.
OUTLET_MAX_WORDS = 6

HEADLINE_MAX_WORDS = 30

#: How much a trailing headline must share with the article title to count as its echo.
TITLE_ECHO_OVERLAP = 0.75

#: After a terminal marker, this many article-like paragraphs mean the marker was a false
#: alarm: the tail is kept and only the marker line itself goes.
TAIL_ARTICLE_PARAGRAPHS = 3

#: Longest line (in words) that counts as furniture when printed both above and below the text.
REPEATED_LINE_MAX_WORDS = 6

# -- bylines and share widgets ------------------------------------------------------------------

#: How many leading paragraphs are searched for a byline (header: after a title and standfirst bullets).
BYLINE_HEAD_PARAGRAPHS = 6

#: At most this many words on a byline or share-widget line.
BYLINE_MAX_WORDS = 20

#: "By DANIEL HARGREAVES FOR DAILYCOURIER", "By Marta Vilkaite | Sunday, ...": a name only, in capitals.
BYLINE_RE = re.compile(
    r"^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+(?P<name>[A-ZÀ-Þ][\w'’.\-]*(?:\s+[A-ZÀ-Þ][\w'’.\-]*){0,3})"
    r"(?:\s+(?:for|FOR|in|IN)\s+(?P<outlet>[\w.\-]+(?:\s+[A-Z][\w.\-]*){0,2}))?\s*(?:\|.*)?$"
)

#: Section words that stand beside a date on a byline line ("OPINION | Friday 23 September 2022 | Name").
BYLINE_SEGMENT_MAX_WORDS = 5

#: Names of share buttons; a short line of only these (and "Share this") is a widget.
SOCIAL_NAMES = frozenset({
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "email", "e-mail",
    "pinterest", "messenger", "flipboard", "instagram", "copy link", "print", "mastodon", "threads",
})
SHARE_PREFIX = re.compile(r"^\s*(?:share(?: this(?: article| story)?)?|teilen)\s*:?\s*", re.I)
