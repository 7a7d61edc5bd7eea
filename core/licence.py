"""The open data licence: the registry, the public agreements and the
statistics are published under CC0 1.0 (issue 15, section 5). One place for
its name and address, used by the API schema, the API page, the DCAT-AP-SE
description and the downloads' metadata."""

from django.utils.translation import gettext_lazy as _

CC0_URL = "http://creativecommons.org/publicdomain/zero/1.0/"
CC0_NAME = "CC0 1.0 Universal (Public Domain Dedication)"
PUBLISHER = "Sotenäs kommun"
# The DCAT-AP-SE description of the datasets (a stable address, issue 15).
DCAT_PATH = "/api/dcat/"


def notice():
    """One sentence for a download's metadata."""
    return _("Open data from %(publisher)s under %(licence)s: %(url)s. Free to reuse for any purpose.") % {
        "publisher": PUBLISHER, "licence": CC0_NAME, "url": CC0_URL}


def link_header(describedby: str = "") -> str:
    """An HTTP Link header naming the licence (RFC 8288 rel="license"), and
    the DCAT-AP-SE description as ``describedby`` when given."""
    links = [f'<{CC0_URL}>; rel="license"']
    if describedby:
        links.append(f'<{describedby}>; rel="describedby"; type="application/ld+json"')
    return ", ".join(links)
