"""HTML before trafilatura: parse once, prune in-body chrome, unwrap layout tables, split the <title>."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .resources import (
    LAYOUT_CELL_CHARS,
    LAYOUT_TABLE_BLOCKS,
    LINK_DENSE_MAX_CHARS,
    LINK_DENSE_MIN_LINKS,
    LINK_DENSE_RATIO,
    LINK_DENSE_TAGS,
    PRUNE_TOKENS,
    TITLE_SEPARATORS,
)


#: libxml2 stops building the tree 256 elements deep (the rest of the page is silently lost); a tree
#: this deep is taken as cut off by the parser, and the page is re-parsed with its nesting flattened.
PARSER_DEPTH = 250
#: Nesting kept as it is when flattening: a page's own structure lives well above this.
KEEP_DEPTH = 120
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_RAW_TEXT = re.compile(r"<(script|style|textarea|title)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
#: Elements without an end tag, or whose end tag the parser infers: they never deepen the tree.
_FLAT_TAGS = frozenset(
    "area base br col colgroup embed hr img input link meta param source track wbr p li dt dd tr td th "
    "thead tbody tfoot option optgroup rb rt rp".split()
)
#: Elements that mark what is article and what is chrome: kept at any depth by the first flattening.
_SEMANTIC_TAGS = frozenset("html head body article main header footer nav aside h1 h2 h3 h4 h5 h6".split())


def too_deep(tree: HtmlElement) -> bool:
    """True when the tree reaches the parser's depth limit (so part of the page may be missing)."""
    return bool(tree.xpath(f"boolean(//*[count(ancestor::*) >= {PARSER_DEPTH}])"))


def flatten_nesting(html: str, *, keep: frozenset[str] = _SEMANTIC_TAGS) -> str:
    """The page with every start and end tag deeper than KEEP_DEPTH removed (text and the ``keep``
    tags stay): 100k nested divs become one level, and the parser reads the text inside them."""
    protected = [(m.start(), m.end()) for m in _RAW_TEXT.finditer(html)]
    out: list[str] = []
    last = depth = 0
    p = 0
    for m in _TAG.finditer(html):
        while p < len(protected) and protected[p][1] <= m.start():
            p += 1
        if p < len(protected) and protected[p][0] <= m.start():
            continue  # markup inside a script, style, title or comment is text
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _FLAT_TAGS or selfclosing or name in keep:
            continue
        if closing:
            drop = depth > KEEP_DEPTH
            depth = max(depth - 1, 0)
        else:
            depth += 1
            drop = depth > KEEP_DEPTH
        if drop:
            out.append(html[last : m.start()])
            last = m.end()
    out.append(html[last:])
    return "".join(out)


def parse(html: str) -> HtmlElement | None:
    """An lxml tree of a page (encoding declarations and broken markup tolerated), or None.

    A page nested deeper than the parser reads is re-parsed with its excess nesting flattened.
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if isinstance(tree, HtmlElement) and too_deep(tree):
        for keep in (_SEMANTIC_TAGS, frozenset()):  # then even nested articles or headings
            flat = load_html(flatten_nesting(html, keep=keep))
            if isinstance(flat, HtmlElement):
                tree = flat
                if not too_deep(flat):
                    break
    return tree if isinstance(tree, HtmlElement) else None


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def split_title(tree: HtmlElement) -> tuple[str | None, str | None]:
    """(headline, site name) when ``<title>`` is "headline SEP site" and the page shows the headline in an h1."""
    title_el = tree.find(".//title")
    if title_el is None:
        return None, None
    title = _text(title_el)
    candidates = []
    for sep in TITLE_SEPARATORS:
        head, found, site = title.rpartition(sep)
        if found and head and 0 < len(site) <= 60:
            candidates.append((head, site))
    if not candidates:
        return None, None
    # the headline must be shown on the page itself (an h1, or the bold line of an old CMS)
    shown = {_text(el) for el in tree.iter("h1", "h2", "b", "strong", "font") if isinstance(el, HtmlElement)}
    for head, site in candidates:
        if head in shown:
            return head, site
    return None, None


def _is_layout_table(table: HtmlElement) -> bool:
    for tag in LAYOUT_TABLE_BLOCKS:
        if table.find(f".//{tag}") is not None:
            return True
    return any(len(_text(td)) > LAYOUT_CELL_CHARS for td in table.iter("td"))


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn tables used for page layout into divs, so trafilatura does not render a whole page as one table."""
    for table in list(tree.iter("table")):
        if not _is_layout_table(table):
            continue
        for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            el.tag = "div"
            for attr in ("width", "valign", "cellpadding", "cellspacing", "border", "colspan", "align"):
                el.attrib.pop(attr, None)


def _tokens(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split()) | set((el.get("id") or "").split())


def prune_chrome(tree: HtmlElement) -> None:
    """Remove elements whose class or id names a known in-article chrome block."""
    wanted = set(PRUNE_TOKENS)
    for el in list(tree.iter()):
        if isinstance(el, HtmlElement) and _tokens(el) & wanted and el.getparent() is not None:
            el.drop_tree()


def _link_dense(el: HtmlElement) -> bool:
    links = el.findall(".//a")
    if len(links) < LINK_DENSE_MIN_LINKS:
        return False
    text = _text(el)
    if not text or len(text) > LINK_DENSE_MAX_CHARS:
        return False
    linked = sum(len(_text(a)) for a in links)
    return linked / len(text) >= LINK_DENSE_RATIO


def prune_link_rows(tree: HtmlElement) -> None:
    """Remove short blocks that are almost all links (print/email/share rows) inside the page body."""
    for el in list(tree.iter(*LINK_DENSE_TAGS)):
        if el.getparent() is not None and _link_dense(el):
            el.drop_tree()


def prepare(tree: HtmlElement) -> HtmlElement:
    """The page tree, rewritten in place for extraction."""
    prune_chrome(tree)
    prune_link_rows(tree)
    unwrap_layout_tables(tree)
    return tree


__all__ = ["parse", "prepare", "split_title", "too_deep", "flatten_nesting"]
