"""The METS files of a package, E-ARK CSIP 2.1.0 with the SIP 2.1.0 profile
(FGS Paketstruktur 2.0): the root ``METS.xml`` pointing at the descriptive
metadata (ERMS), the schema and the representation, and the
representation's own ``METS.xml`` listing its data files. Every file is
listed with its size, creation time and SHA-256 checksum."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lxml import etree

from .erms import SOFTWARE, iso, organisation
from .validation import sha256_file

METS = "http://www.loc.gov/METS/"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"mets": METS, "csip": CSIP, "sip": SIP, "xlink": XLINK, "xsi": XSI}
SCHEMA_LOCATION = (
    "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd "
    "http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd "
    "https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd "
    "https://DILCIS.eu/XML/METS/SIPExtensionMETS https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd"
)
SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
# FGS Ärendehantering 2.0 is the E-ARK CITS ERMS.
CONTENT_INFORMATION_TYPE = "citserms_v2_1"
CONTENT_CATEGORY = "Mixed"
# eark-validator 1.1.3 (rule CSIP63) accepts a file group only with
# CONTENTINFORMATIONTYPE "OTHER" and an OTHERCONTENTINFORMATIONTYPE, so every
# file group names FGS Ärendehantering 2.0 that way.
GROUP_TYPE = {"csip__CONTENTINFORMATIONTYPE": "OTHER", "csip__OTHERCONTENTINFORMATIONTYPE": "FGS Ärendehantering 2.0"}
SOFTWARE_VERSION = "1.0"


@dataclass(frozen=True)
class Listed:
    """A file as a METS file lists it: where (relative to that METS), its type."""

    path: Path
    href: str
    mimetype: str
    created: datetime


def _q(prefix: str, name: str) -> str:
    return f"{{{NSMAP[prefix]}}}{name}"


def _el(parent, name: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, _q("mets", name), _attributes(attributes))
    if text is not None:
        element.text = text
    return element


def _attributes(attributes: dict) -> dict:
    """``csip__NAME`` and ``xlink__NAME`` keywords stand for namespaced attributes."""
    out = {}
    for key, value in attributes.items():
        if value is None:
            continue
        prefix, _, name = key.rpartition("__")
        out[_q(prefix, name) if prefix else key] = value
    return out


def _file_attributes(listed: Listed, identifier: str) -> dict:
    return {"ID": identifier, "MIMETYPE": listed.mimetype, "SIZE": str(listed.path.stat().st_size),
            "CREATED": iso(listed.created), "CHECKSUM": sha256_file(listed.path), "CHECKSUMTYPE": "SHA-256"}


def _root(objid: str, label: str, created: datetime, record_status: str = "NEW"):
    root = etree.Element(_q("mets", "mets"), nsmap=NSMAP)
    root.set("OBJID", objid)
    root.set("LABEL", label)
    root.set("TYPE", CONTENT_CATEGORY)
    root.set(_q("csip", "CONTENTINFORMATIONTYPE"), CONTENT_INFORMATION_TYPE)
    root.set("PROFILE", SIP_PROFILE)
    root.set(_q("xsi", "schemaLocation"), SCHEMA_LOCATION)
    header = _el(root, "metsHdr", CREATEDATE=iso(created), LASTMODDATE=iso(created), RECORDSTATUS=record_status, csip__OAISPACKAGETYPE="SIP")
    software = _el(header, "agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _el(software, "name", SOFTWARE)
    _el(software, "note", SOFTWARE_VERSION, csip__NOTETYPE="SOFTWARE VERSION")
    archivist = _el(header, "agent", ROLE="ARCHIVIST", TYPE="ORGANIZATION")
    _el(archivist, "name", organisation())
    submitter = _el(header, "agent", ROLE="OTHER", OTHERROLE="SUBMITTER", TYPE="ORGANIZATION")
    _el(submitter, "name", organisation())
    return root


def _bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _group(parent, identifier: str, use: str, file_prefix: str, files: list[Listed]) -> None:
    group = _el(parent, "fileGrp", ID=identifier, USE=use, **GROUP_TYPE)
    for number, listed in enumerate(files, start=1):
        file = _el(group, "file", **_file_attributes(listed, f"{file_prefix}-{number}"))
        _el(file, "FLocat", LOCTYPE="URL", xlink__type="simple", xlink__href=listed.href)


def representation_mets(*, objid: str, label: str, created: datetime, data: list[Listed]) -> bytes:
    """The representation's METS: its data files in one file group."""
    root = _root(objid, label, created)
    group = _el(_el(root, "fileSec", ID="rep-file-sec"), "fileGrp", ID="rep-file-grp-data", USE="Data", **GROUP_TYPE)
    for number, listed in enumerate(data, start=1):
        file = _el(group, "file", **_file_attributes(listed, f"rep-file-{number}"))
        _el(file, "FLocat", LOCTYPE="URL", xlink__type="simple", xlink__href=listed.href)
    struct = _el(root, "structMap", ID="rep-struct-map", TYPE="PHYSICAL", LABEL="CSIP")
    division = _el(struct, "div", ID="rep-struct-map-div", LABEL=objid)
    data_division = _el(division, "div", ID="rep-struct-map-data-div", LABEL="Data")
    _el(data_division, "fptr", FILEID="rep-file-grp-data")
    return _bytes(root)


def package_mets(*, objid: str, label: str, created: datetime, descriptive: Listed, documentation: list[Listed], schemas: list[Listed],
                 representation: Listed, representation_name: str) -> bytes:
    """The root METS of the package."""
    root = _root(objid, label, created)
    dmd = _el(root, "dmdSec", ID="dmd-erms", CREATED=iso(descriptive.created), STATUS="CURRENT")
    reference = {key: value for key, value in _file_attributes(descriptive, "").items() if key != "ID"}
    _el(dmd, "mdRef", LOCTYPE="URL", MDTYPE="OTHER", OTHERMDTYPE="ERMS", xlink__type="simple",
        xlink__href=descriptive.href, **reference)
    file_sec = _el(root, "fileSec", ID="file-sec")
    _group(file_sec, "file-grp-documentation", "Documentation", "file-doc", documentation)
    _group(file_sec, "file-grp-schemas", "Schemas", "file-schema", schemas)
    use = f"Representations/{representation_name}"
    rep_group = _el(file_sec, "fileGrp", ID="file-grp-rep", USE=use, **GROUP_TYPE)
    file = _el(rep_group, "file", **_file_attributes(representation, "file-rep-mets"))
    _el(file, "FLocat", LOCTYPE="URL", xlink__type="simple", xlink__href=representation.href)
    struct = _el(root, "structMap", ID="struct-map", TYPE="PHYSICAL", LABEL="CSIP")
    division = _el(struct, "div", ID="struct-map-div", LABEL=objid)
    _el(division, "div", ID="struct-map-metadata-div", LABEL="Metadata", DMDID="dmd-erms")
    documentation_division = _el(division, "div", ID="struct-map-documentation-div", LABEL="Documentation")
    _el(documentation_division, "fptr", FILEID="file-grp-documentation")
    schema_division = _el(division, "div", ID="struct-map-schemas-div", LABEL="Schemas")
    _el(schema_division, "fptr", FILEID="file-grp-schemas")
    representations = _el(division, "div", ID="struct-map-representations-div", LABEL="Representations")
    _el(representations, "fptr", FILEID="file-grp-rep")
    rep_division = _el(representations, "div", ID="struct-map-rep-div", LABEL=use)
    _el(rep_division, "mptr", LOCTYPE="URL", xlink__type="simple", xlink__href=representation.href,
        xlink__title="file-grp-rep")
    _el(rep_division, "fptr", FILEID="file-grp-rep")
    return _bytes(root)
