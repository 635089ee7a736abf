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

#: Month names per language (ISO 639-1) -> month number: the nominative and the genitive or
#: otherwise inflected forms a date is written with ("23 сентября", "21 września", "21 вересня"),
#: and the usual abbreviations. No name means two different months across languages (a test checks).
MONTHS_BY_LANGUAGE: dict[str, dict[str, int]] = {
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    },
    "fr": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
        "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
        "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    },
    "de": {
        "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mär": 3, "mai": 5, "juni": 6,
        "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    },
    "it": {
        "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
        "agosto": 8, "settembre": 9, "sett": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    },
    "pt": {
        "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5, "junho": 6,
        "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "out": 10, "novembro": 11, "dezembro": 12,
    },
    "pl": {
        "styczeń": 1, "stycznia": 1, "luty": 2, "lutego": 2, "marzec": 3, "marca": 3, "kwiecień": 4,
        "kwietnia": 4, "maj": 5, "maja": 5, "czerwiec": 6, "czerwca": 6, "lipiec": 7, "lipca": 7,
        "sierpień": 8, "sierpnia": 8, "wrzesień": 9, "września": 9, "październik": 10,
        "października": 10, "listopad": 11, "listopada": 11, "grudzień": 12, "grudnia": 12,
    },
    "ru": {
        "январь": 1, "января": 1, "февраль": 2, "февраля": 2, "март": 3, "марта": 3, "апрель": 4,
        "апреля": 4, "май": 5, "мая": 5, "июнь": 6, "июня": 6, "июль": 7, "июля": 7, "август": 8,
        "августа": 8, "сентябрь": 9, "сентября": 9, "октябрь": 10, "октября": 10, "ноябрь": 11,
        "ноября": 11, "декабрь": 12, "декабря": 12,
    },
    "uk": {
        "січень": 1, "січня": 1, "лютий": 2, "лютого": 2, "березень": 3, "березня": 3, "квітень": 4,
        "квітня": 4, "травень": 5, "травня": 5, "червень": 6, "червня": 6, "липень": 7, "липня": 7,
        "серпень": 8, "серпня": 8, "вересень": 9, "вересня": 9, "жовтень": 10, "жовтня": 10,
        "листопад": 11, "листопада": 11, "грудень": 12, "грудня": 12,
    },
    "bg": {
        "януари": 1, "февруари": 2, "април": 4, "юни": 6, "юли": 7, "септември": 9,
        "октомври": 10, "ноември": 11, "декември": 12,
        # март, май, август: spelled as in Russian
    },
}

#: Every month name of every language, as the date patterns read them.
MONTHS: dict[str, int] = {name: num for names in MONTHS_BY_LANGUAGE.values() for name, num in names.items()}

#: Weekday names per language (a date may open with one: "mercredi 21 septembre 2022").
WEEKDAYS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": ("monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur",
           "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"),
    "it": ("lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
           "venerdì", "venerdi", "sabato", "domenica"),
    "pt": ("segunda-feira", "terça-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "sabado", "domingo"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "п'ятниця", "п’ятниця", "субота", "неділя"),
    "bg": ("понеделник", "вторник", "сряда", "четвъртък", "петък", "събота", "неделя"),
}

#: Words that may introduce a dateline, per language ("Published:", "Опубликовано:", "Mis à jour le").
DATELINE_LABELS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": ("published on", "published", "updated on", "updated", "posted on", "posted", "last updated on",
           "last updated", "date"),
    "fr": ("publié le", "publié", "mis à jour le", "mis à jour", "modifié le", "mis en ligne le", "le"),
    "de": ("veröffentlicht am", "veröffentlicht", "aktualisiert am", "aktualisiert", "zuletzt aktualisiert am",
           "zuletzt aktualisiert", "erstellt am", "stand"),
    "it": ("pubblicato il", "pubblicato", "aggiornato il", "aggiornato alle", "aggiornato", "ultimo aggiornamento"),
    "pt": ("publicado em", "publicado", "atualizado em", "atualizado", "actualizado em", "actualizado"),
    "pl": ("opublikowano", "aktualizacja", "zaktualizowano", "data publikacji", "data dodania", "dodano"),
    "ru": ("опубликовано", "обновлено", "дата публикации", "дата обновления", "изменено", "дата"),
    "uk": ("опубліковано", "оновлено", "дата публікації", "дата оновлення", "змінено", "дата"),
    "bg": ("публикувано на", "публикувано", "обновено", "актуализирана", "актуализиран", "дата"),
}

_WEEKDAY = (
    r"(?:" + "|".join(sorted({w for ws in WEEKDAYS_BY_LANGUAGE.values() for w in ws}, key=len, reverse=True))
    + r")\.?,?"
)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: "st"/"nd"/"rd"/"th", French "1er", German "21." after the day
_ORDINAL = r"(?:st|nd|rd|th|er|\.)?"
#: what may follow the year: "2022 г.", "2022 года", "2022 р.", "2022 року", "2022 r.", "2022 roku"
_YEAR_WORD = r"(?:\s*(?:г\.|года|р\.|року|r\.|roku|година))?"
#: what may stand between the date and the time: "at", "à", "um", "alle", "às", "в", "о", "o"
_AT = r"(?:at|à|a|um|alle|ore|às|as|в|о|o|kl\.)"
_TIME = (
    r"(?P<hour>\d{1,2})(?:[:.]|\s?h\s?)(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<ampm>[ap]\.?m\b\.?))?"
    r"(?:\s*(?P<tz>GMT|BST|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|PST|PDT|Uhr|ч\.)(?!\w))?"
)
_THEN_TIME = rf"(?:,?\s+(?:{_AT}\s+)?{_TIME})?"

#: Date (and optional time) expressions, tried in order; each is anchored by the caller.
DATE_PATTERNS: tuple[str, ...] = (
    # Tuesday 27 September 2022 09:35 AM / 27 Sep 2022, 09:35 / 23 сентября 2022, 14:05 /
    # mercredi 21 septembre 2022 à 10h30 / 21. September 2022 / 21 de setembro de 2022
    rf"(?:{_WEEKDAY}\s+)?(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<year>\d{{4}}){_YEAR_WORD}{_THEN_TIME}",
    # Tuesday, September 27, 2022 9:35 am
    rf"(?:{_WEEKDAY}\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_THEN_TIME}",
    # 10:21 BST, 22 September 2022 (the DailyMail "Published:" order) / 14:05, 23 сентября 2022
    rf"{_TIME},?\s+(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<year>\d{{4}}){_YEAR_WORD}",
    # 2022-09-27 / 2022-09-27T09:35[:00]
    r"(?P<year>\d{4})-(?P<month_num>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?",
    # 21.09.2022 / 21.09.2022, 14:05 / 21.09.2022 в 14:05 (day first, as everywhere dots are used)
    rf"(?:{_WEEKDAY}\s+)?(?P<day>\d{{1,2}})\.(?P<month_num>\d{{1,2}})\.(?P<year>\d{{4}}){_YEAR_WORD}{_THEN_TIME}",
    # 14:05 21.09.2022 / 14:05, 21.09.2022
    rf"{_TIME},?\s+(?P<day>\d{{1,2}})\.(?P<month_num>\d{{1,2}})\.(?P<year>\d{{4}}){_YEAR_WORD}",
)

#: Words that may introduce a dateline ("Published: 10:21 BST, 22 September 2022", "Обновлено: 21.09.2022").
DATELINE_LABELS = re.compile(
    r"^(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
        {w for ws in DATELINE_LABELS_BY_LANGUAGE.values() for w in ws}, key=len, reverse=True))
    + r")(?!\w)\s*(?:on)?\s*:?\s*",
    re.I,
)

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

#: Site chrome in other languages, per language (ISO 639-1): (reason, whole-line pattern), read
#: like CHROME_LINES (which takes them all in). "Read also: <headline>" lines, share and follow
#: calls, comment headers, newsletter and cookie notices, and bare photo credits ("Фото: ТАСС";
#: a caption that only starts with its credit stays text, as with "©" in English).
_CREDIT_WORD = r"[\w©&'’«»\"./\-–]+"
_CREDIT_TAIL = rf"\s*:\s*{_CREDIT_WORD}(?:\s+{_CREDIT_WORD}){{0,4}}\s*"
CHROME_LINES_BY_LANGUAGE: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (
        ("chrome:related", r"(?:(?:читайте|смотрите) (?:также|еще|ещё)|(?:еще |ещё )?по теме|новости по теме|материалы по теме|самое (?:читаемое|популярное))(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"поделиться|поделитесь(?: (?:новостью|статьей|статьёй))?|(?:подписывайтесь|подпишитесь) на (?:нас|наш[а-я]*)\b.{0,80}"),
        ("chrome:comments", r"комментарии(?:\s*\(\d+\))?|\d+\s+комментари[а-я]*|(?:оставить|добавить|написать) комментарий"),
        ("chrome:boilerplate", r"реклама|(?:подпишитесь|подписаться) на (?:нашу )?рассылку.{0,80}|(?:мы используем|(?:этот|наш) сайт использует) (?:файлы )?cookies?.{0,200}"),
        ("chrome:copyright", r"(?:фото|фото и видео|видео|иллюстрация)" + _CREDIT_TAIL),
    ),
    "uk": (
        ("chrome:related", r"(?:читайте (?:також|ще)|дивіться також|за темою|по темі|новини за темою|найпопулярніше)(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"поділитися|(?:підписуйтесь|підпишіться) на (?:нас|наш[а-яіїє]*)\b.{0,80}"),
        ("chrome:comments", r"коментарі(?:\s*\(\d+\))?|\d+\s+коментар[а-яіїє]*|(?:залишити|додати|написати) коментар"),
        ("chrome:boilerplate", r"реклама|підпишіться на (?:нашу )?розсилку.{0,80}|(?:ми використовуємо|(?:цей|наш) сайт використовує) (?:файли )?cookies?.{0,200}"),
        ("chrome:copyright", r"(?:фото|відео|ілюстрація)" + _CREDIT_TAIL),
    ),
    "de": (
        ("chrome:related", r"(?:lesen sie (?:auch|dazu|mehr)|auch interessant|mehr zum thema|siehe auch|das könnte sie auch interessieren|meistgelesen|weitere artikel)(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"(?:jetzt |artikel )?teilen|(?:folgen sie uns|folge uns)(?: auf .{1,40})?"),
        ("chrome:comments", r"kommentare(?:\s*\(\d+\))?|\d+\s+kommentare?|(?:kommentar schreiben|jetzt kommentieren)"),
        ("chrome:boilerplate", r"anzeige|werbung|(?:newsletter abonnieren|melden sie sich (?:jetzt )?für unseren newsletter an).{0,80}|(?:wir verwenden|diese (?:website|seite) verwendet) cookies.{0,200}"),
        ("chrome:copyright", r"(?:foto|fotos|bild|bilder)" + _CREDIT_TAIL),
    ),
    "fr": (
        ("chrome:related", r"(?:(?:à )?lire (?:aussi|également)|(?:à )?voir aussi|sur le même sujet|les plus lus|dans la même rubrique)(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"partager(?: (?:cet article|sur [\w ]{1,30}))?|suivez-nous(?: sur .{1,40})?"),
        ("chrome:comments", r"commentaires?(?:\s*\(\d+\))?|\d+\s+commentaires?|(?:laisser|ajouter|écrire) un commentaire|réagir"),
        ("chrome:boilerplate", r"publicité|(?:inscrivez-vous|abonnez-vous) à (?:notre|la) newsletter.{0,80}|(?:ce site utilise|nous utilisons) des cookies.{0,200}"),
        ("chrome:copyright", r"(?:crédits? photos?)" + _CREDIT_TAIL),
    ),
    "it": (
        ("chrome:related", r"(?:leggi (?:anche|pure)|vedi anche|articoli correlati|i più letti|potrebbe interessarti(?: anche)?|ti potrebbe interessare)(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"condividi(?: (?:l'articolo|su [\w ]{1,30}))?|seguici su .{1,40}"),
        ("chrome:comments", r"commenti(?:\s*\(\d+\))?|\d+\s+commenti|(?:lascia|scrivi) un commento"),
        ("chrome:boilerplate", r"pubblicità|iscriviti alla (?:nostra )?newsletter.{0,80}|(?:questo sito utilizza|utilizziamo) (?:i )?cookie.{0,200}"),
        ("chrome:copyright", r"(?:foto|fotografia)" + _CREDIT_TAIL),
    ),
    "pl": (
        ("chrome:related", r"(?:czytaj (?:także|też|również|więcej)|przeczytaj (?:także|też|również)|zobacz (?:także|też|również)|polecamy|najczęściej czytane)(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"udostępnij|podziel się|obserwuj nas(?: na .{1,40})?"),
        ("chrome:comments", r"komentarze(?:\s*\(\d+\))?|\d+\s+komentarz[a-zęąóśłżźćń]*|(?:dodaj komentarz|skomentuj)"),
        ("chrome:boilerplate", r"reklama|zapisz się (?:do|na) (?:naszego )?newslettera?.{0,80}|(?:ta strona|serwis) (?:używa|wykorzystuje) (?:plików )?cookies?.{0,200}"),
        ("chrome:copyright", r"(?:fot\.|foto|zdjęcie|zdjęcia)" + _CREDIT_TAIL.replace(r"\s*:\s*", r"\s*:?\s*", 1)),
    ),
    "pt": (
        ("chrome:related", r"(?:leia (?:também|mais)|veja (?:também|mais)|saiba mais|mais lidas|notícias relacionadas)(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"(?:compartilhe|compartilhar|partilhe|partilhar)(?: (?:esta notícia|no [\w ]{1,30}))?|siga-nos(?: n[oa] .{1,40})?"),
        ("chrome:comments", r"comentários(?:\s*\(\d+\))?|\d+\s+comentários?|deixe (?:um|o seu|seu) comentário"),
        ("chrome:boilerplate", r"publicidade|(?:assine|subscreva|inscreva-se n)[ao] (?:nossa )?newsletter.{0,80}|(?:este site (?:usa|utiliza)|utilizamos|usamos) cookies.{0,200}"),
        ("chrome:copyright", r"(?:foto|fotografia)" + _CREDIT_TAIL),
    ),
    "bg": (
        ("chrome:related", r"(?:прочетете (?:още|също)|прочети (?:още|също)|четете (?:още|също)|вижте (?:още|също)|още по темата|свързани новини|най-четени)(?:\s*:\s*\S.*|\s*:?)"),
        ("chrome:social", r"споделете|сподели|последвайте ни(?: в .{1,40})?"),
        ("chrome:comments", r"коментари(?:\s*\(\d+\))?|\d+\s+коментара?|(?:напишете|добавете) коментар"),
        ("chrome:boilerplate", r"реклама|абонирайте се за (?:нашия )?бюлетин.{0,80}|(?:този сайт използва|ние използваме) бисквитки.{0,200}"),
        ("chrome:copyright", r"(?:снимка|снимки|фото|видео)" + _CREDIT_TAIL),
    ),
}

#: Terminal markers in other languages: comment-section headers ("Оставить комментарий") and
#: most-read lists, after which the page holds no more article text (read like TERMINAL_*).
TERMINAL_COMMENTS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "ru": (r"(?:оставить|добавить|написать) комментарий", r"комментарии(?:\s*\(\d+\))?|\d+\s+комментари[а-я]*"),
    "uk": (r"(?:залишити|додати|написати) коментар", r"коментарі(?:\s*\(\d+\))?|\d+\s+коментар[а-яіїє]*"),
    "de": (r"kommentar schreiben|jetzt kommentieren", r"kommentare(?:\s*\(\d+\))?|\d+\s+kommentare?"),
    "fr": (r"(?:laisser|ajouter|écrire) un commentaire", r"commentaires?(?:\s*\(\d+\))?|\d+\s+commentaires?"),
    "it": (r"(?:lascia|scrivi) un commento", r"commenti(?:\s*\(\d+\))?|\d+\s+commenti"),
    "pl": (r"dodaj komentarz|skomentuj", r"komentarze(?:\s*\(\d+\))?|\d+\s+komentarz[a-zęąóśłżźćń]*"),
    "pt": (r"deixe (?:um|o seu|seu) comentário", r"comentários(?:\s*\(\d+\))?|\d+\s+comentários?"),
    "bg": (r"(?:напишете|добавете) коментар", r"коментари(?:\s*\(\d+\))?|\d+\s+коментара?"),
}
TERMINAL_CHROME_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "ru": (r"самое (?:читаемое|популярное)|новости по теме|материалы по теме",),
    "uk": (r"найпопулярніше|новини за темою",),
    "de": (r"meistgelesen|weitere artikel|das könnte sie auch interessieren",),
    "fr": (r"les plus lus|dans la même rubrique|sur le même sujet",),
    "it": (r"i più letti|articoli correlati|potrebbe interessarti(?: anche)?|ti potrebbe interessare",),
    "pl": (r"najczęściej czytane",),
    "pt": (r"mais lidas|notícias relacionadas",),
    "bg": (r"най-четени|свързани новини|още по темата",),
}

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

CHROME_LINES += tuple(entry for entries in CHROME_LINES_BY_LANGUAGE.values() for entry in entries)

#: Chrome that ends the article text: from here to the end everything is chrome, unless
#: several article-like paragraphs follow (then only the marker line goes).
TERMINAL_CHROME: tuple[str, ...] = (
    r"(?:read|see|continue reading|read the full story|more)\s+(?:more\s+)?(?:from|at|on)\s+[\w.\-]+\W*",
    r"view all(?:\s+comments)?",
    r"(?:previous|next) (?:story|article|post)",
    r"latest from [\w ]+",
    r"more stories|you may also like|most read|related articles?",
)

TERMINAL_CHROME += tuple(p for ps in TERMINAL_CHROME_BY_LANGUAGE.values() for p in ps)

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

TERMINAL_COMMENTS += tuple(p for ps in TERMINAL_COMMENTS_BY_LANGUAGE.values() for p in ps)

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
#: "Автор: Иван Петров", "Autor: Jan Kowalski": the label words of other languages (a colon follows).
BYLINE_LABELS: tuple[str, ...] = ("Автор", "Авторка", "Автори", "Autor", "Autorka", "Autore", "Autrice", "Tekst", "Текст")
#: The capital a name starts with: Latin (with the letters of Polish, Czech ...) and Cyrillic.
_NAME_CAPITAL = "[A-ZÀ-ÞŁŚŻŹĆŃĘĄŠČŘŽĐА-ЯЁІЇЄҐ]"
BYLINE_RE = re.compile(
    r"^(?:(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+|(?:" + "|".join(BYLINE_LABELS) + r")\s*:\s*)"
    rf"(?P<name>{_NAME_CAPITAL}[\w'’.\-]*(?:\s+{_NAME_CAPITAL}[\w'’.\-]*){{0,3}})"
    r"(?:\s+(?:for|FOR|in|IN)\s+(?P<outlet>[\w.\-]+(?:\s+[A-Z][\w.\-]*){0,2}))?\s*(?:\|.*)?$"
)

#: Section words that stand beside a date on a byline line ("OPINION | Friday 23 September 2022 | Name").
BYLINE_SEGMENT_MAX_WORDS = 5

#: Names of share buttons; a short line of only these (and "Share this") is a widget.
SOCIAL_NAMES = frozenset({
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "email", "e-mail",
    "pinterest", "messenger", "flipboard", "instagram", "copy link", "print", "mastodon", "threads",
    "vk", "vkontakte", "вконтакте", "одноклассники", "viber",
})
SHARE_PREFIX = re.compile(
    r"^\s*(?:share(?: this(?: article| story)?)?|teilen|поделиться|поділитися|partager|condividi|udostępnij|"
    r"compartilhe|compartilhar|partilhar|споделете)\s*:?\s*",
    re.I,
)
