"""Reads the forms a page shows, as a browser would: their action, method
and fields with the values a person could pick."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

from django.urls import Resolver404, resolve


@dataclass
class FormField:
    name: str
    kind: str  # input type, "select" or "textarea"
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class HtmlForm:
    action: str
    method: str
    fields: dict[str, FormField] = field(default_factory=dict)

    @property
    def target(self) -> str | None:
        try:
            return resolve(self.action.split("?")[0]).view_name
        except Resolver404:
            return None


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__()
        self.page_url = page_url
        self.forms: list[HtmlForm] = []
        self.select: FormField | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            action = urljoin(self.page_url, a.get("action") or self.page_url)
            self.forms.append(HtmlForm(action=action, method=(a.get("method") or "get").lower()))
            return
        if not self.forms or not a.get("name"):
            if tag == "option" and self.select is not None and a.get("value") is not None:
                self.select.options.append(a["value"])
            return
        fields = self.forms[-1].fields
        name = a["name"]
        if tag == "select":
            self.select = fields.setdefault(name, FormField(name, "select", multiple="multiple" in a))
        elif tag in ("input", "textarea", "button"):
            kind = a.get("type", "text") if tag == "input" else tag
            entry = fields.setdefault(name, FormField(name, kind))
            if a.get("value") is not None:
                entry.options.append(a["value"])
            entry.multiple = entry.multiple or kind == "checkbox" and len(entry.options) > 1

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def forms_on(html: str, page_url: str) -> list[HtmlForm]:
    parser = _FormParser(page_url)
    parser.feed(html)
    return parser.forms
