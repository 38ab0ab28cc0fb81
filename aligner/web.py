"""Web pages as articles: a saved page (``.html``, ``.htm``) or an ``http(s)://`` URL.

The article's main text is taken out of the page with trafilatura: the title as headline, the
byline as the page writes it, paragraphs, subheadings and image captions; navigation, comment
forms, share widgets, related links and footers are left out. Each piece becomes a paragraph
of the extracted text, which is the document text: offsets point into it, and reports keep it.
The page's canonical URL (its ``<link rel="canonical">`` or ``og:url``, else the address it
was fetched from) goes with it.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from aligner.records import AlignerError

PAGE_SUFFIXES = (".html", ".htm")
_URL = re.compile(r"^https?://", re.IGNORECASE)
#: Fewer words than this in what trafilatura keeps is a page without an article (a front
#: page, a menu, a login wall): refused rather than aligned as a two-word document.
MIN_WORDS = 5
FETCH_TIMEOUT_S = 30
_WORD = re.compile(r"\w+")
#: A byline longer than this is an author's biography box, not the line under the headline.
MAX_BYLINE_WORDS = 20
# where a page marks its byline: trafilatura drops these (as it drops author boxes) and keeps
# the author only as metadata, while a copied article keeps the line as written
_BYLINE = re.compile(r"(^|[\s_-])(byline|author|author-?name|article-?author|writer)($|[\s_-])",
                     re.IGNORECASE)
# a class or id naming what is around the article ("comments-area", "author-bio", "navbar"),
# from its start or after - or _ ("unavailable" is no "nav")
_NOT_ARTICLE = re.compile(r"(^|[\s_-])(comment|footer|sidebar|related|bio|profile|share|nav|menu)",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """The extracted main text of one page and its canonical URL ("" when it names none)."""

    text: str
    url: str


def is_url(name: str) -> bool:
    """Whether an input names a web address rather than a file."""
    return bool(_URL.match(name))


def is_page(name: str) -> bool:
    """Whether a file name is a saved web page, by its suffix."""
    return name.lower().endswith(PAGE_SUFFIXES)


def fetch(url: str, max_bytes: int) -> tuple[bytes, str]:
    """The page's bytes and the address it came from after redirects; any network failure is
    one ``AlignerError`` naming the URL."""
    request = urllib.request.Request(url, headers={"User-Agent": "aligner (article reader)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            data = response.read(max_bytes + 1)
            final = str(response.geturl() or url)
    except urllib.error.HTTPError as exc:
        raise AlignerError(url, f"cannot fetch the page: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise AlignerError(url, f"cannot fetch the page ({reason}); save it and give the "
                                "file instead") from exc
    if len(data) > max_bytes:
        raise AlignerError(url, f"page larger than {max_bytes / 2**20:.0f} MB; set "
                                "ALIGNER_MAX_BYTES")
    return data, final


def page_text(data: bytes, name: str, address: str = "") -> Page:
    """The main text of the page in ``data`` (any encoding its markup declares)."""
    import trafilatura
    from lxml import etree

    tree = trafilatura.load_html(data)
    if tree is None:
        raise AlignerError(name, "not a readable web page (no HTML found)")
    # trafilatura drops <figure> captions: as plain paragraphs they are kept in place
    for node in tree.iter("figcaption"):
        node.tag = "p"
    for node in tree.iter("figure"):
        node.tag = "div"
    byline = _byline(tree)
    extracted = trafilatura.extract(tree, url=address or None, output_format="xml",
                                    include_comments=False, include_tables=True,
                                    with_metadata=True)
    if not extracted:
        raise AlignerError(name, "web page with no main text (nothing but navigation, menus "
                                 "or scripts); save the article's own page")
    root = etree.fromstring(extracted.encode("utf-8"))
    main = root.find("main")
    paragraphs = _paragraphs(main) if main is not None else []
    title = " ".join((root.get("title") or "").split())
    if title and (not paragraphs or title not in paragraphs[0]):
        paragraphs.insert(0, title)
    if sum(len(_WORD.findall(p)) for p in paragraphs) < MIN_WORDS:
        raise AlignerError(name, "web page with no main text (nothing but navigation, menus "
                                 "or scripts); save the article's own page")
    if byline and not any(byline in p for p in paragraphs):
        paragraphs.insert(1 if title and paragraphs[0] == title else 0, byline)
    return Page("\n\n".join(paragraphs), root.get("url") or address)


def _paragraphs(main: object) -> list[str]:
    """The text of each block under trafilatura's ``<main>``, one paragraph each (line breaks
    inside a block are spaces: a page's lines are layout, not sentences)."""
    from lxml import etree

    assert isinstance(main, etree._Element)
    out: list[str] = []
    loose = " ".join((main.text or "").split())
    if loose:
        out.append(loose)
    for node in main:
        if node.tag in ("list", "table", "row"):
            out += _paragraphs(node)
        else:
            text = " ".join("".join(node.itertext()).split())
            if text:
                out.append(text)
        tail = " ".join((node.tail or "").split())
        if tail:
            out.append(tail)
    return out


def _byline(tree: object) -> str:
    """The page's byline as it reads ("By Waleed Abu al-Khair in Cairo", with its date when
    the line holds one), in the page's own words; "" when the page marks none. The outermost
    element marked as byline or author (class, ``itemprop``, ``rel``) outside comments,
    asides, menus and footers, and short enough to be a line rather than a biography; on a
    page with an ``<article>`` or ``<main>``, only inside it (not a site header's link)."""
    from lxml import etree

    assert isinstance(tree, etree._Element)
    found: list[tuple[bool, str]] = []
    for node in tree.iter("p", "div", "span", "address", "a"):
        marks = " ".join(node.get(a) or "" for a in ("class", "id", "itemprop", "rel"))
        if not _BYLINE.search(marks) or _NOT_ARTICLE.search(marks):
            continue
        ancestors = [up for up in node.iterancestors() if up.tag not in ("body", "html")]
        if any(up.tag in ("footer", "aside", "nav", "form") or _NOT_ARTICLE.search(
                " ".join(up.get(a) or "" for a in ("class", "id"))) for up in ancestors):
            continue
        text = " ".join("".join(node.itertext()).split())
        if 0 < len(_WORD.findall(text)) <= MAX_BYLINE_WORDS and not any(
                text in other for _, other in found):  # not inside a byline already taken
            found.append((any(up.tag in ("article", "main") for up in ancestors), text))
    marked = next(tree.iter("article", "main"), None) is not None
    return next((text for in_article, text in found if in_article or not marked), "")
