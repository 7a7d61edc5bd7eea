"""Validating a package before it counts as delivered, offline.

Three checks, each error named by its rule:

* the E-ARK project's own validator (PyPI ``eark-validator``): the folder
  structure (CSIPSTR…), the METS files against their schemas and every
  CSIP and SIP rule (CSIP…, SIP…). It reads four CSIP vocabularies from the
  web while it is imported; here they come from ``archive/standards/``
  instead (only during that import, so nothing else in the process sees
  a patched ``urlopen``);
* every file a METS file lists (root and representation) exists with the
  size and SHA-256 it states (``CHECKSUM``, ``SIZE``, ``FILE``), and each
  representation METS passes the METS schema (``METS-SCHEMA``), which the
  E-ARK validator checks for the root METS only;
* every ERMS file under ``metadata/descriptive/`` against ``ERMS.xsd``
  (``ERMS-XSD``).

A ZIP is unpacked into a temporary folder first, so what is validated is
exactly what is delivered.

One rule of eark-validator 1.1.3 cannot be met by any conforming package:
its SIP14 asks the note of every agent with ROLE "CREATOR" for an
unqualified ``NOTETYPE="IDENTIFICATIONCODE"``, while CSIP10–16 require the
software agent to be that CREATOR with ``csip:NOTETYPE="SOFTWARE VERSION"``
and the METS schema allows no unqualified attribute on a note (the SIP
profile's own SIP14 is about the archival creator agent and
``csip:NOTETYPE``). When every CREATOR agent is the CSIP software agent,
SIP14 is therefore reported as a warning naming the defect
(``KNOWN_VALIDATOR_DEFECTS``); any other SIP14 stays an error."""

import hashlib
import importlib
import io
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from lxml import etree

STANDARDS = Path(__file__).resolve().parent.parent / "standards"
VOCABULARIES = STANDARDS / "eark-csip-vocabularies"
ERMS_SCHEMA = STANDARDS / "erms" / "ERMS.xsd"

METS_NS = "http://www.loc.gov/METS/"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
KNOWN_VALIDATOR_DEFECTS = {
    "SIP14": "Known defect of eark-validator 1.1.3: SIP14 is tested on the CSIP software agent's note "
             "(csip:NOTETYPE=\"SOFTWARE VERSION\", required by CSIP16), which the METS schema cannot also give "
             "an unqualified NOTETYPE.",
}

_import_lock = threading.Lock()


@dataclass(frozen=True)
class Problem:
    rule_id: str
    message: str
    location: str = ""

    def as_dict(self) -> dict:
        return {"rule": self.rule_id, "message": self.message, "location": self.location}


@dataclass(frozen=True)
class ValidationResult:
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def error_list(self) -> list[dict]:
        return [problem.as_dict() for problem in self.errors]


_real_urlopen = urllib.request.urlopen
VOCABULARY_HOST = "earkcsip.dilcis.eu"


def _vocabulary_urlopen(url, *args, **kwargs):
    """Serve the CSIP vocabularies the validator asks the web for from the
    vendored folder and never fetch one (the export runs offline); any other
    address, asked by another thread during the import, goes out as usual."""
    address = str(getattr(url, "full_url", url))
    if urllib.parse.urlsplit(address).hostname != VOCABULARY_HOST:
        return _real_urlopen(url, *args, **kwargs)
    local = VOCABULARIES / address.rsplit("/", 1)[-1]
    if not local.is_file():
        raise OSError(f"The E-ARK validator asked for {address}, which is not vendored in {VOCABULARIES}.")
    return io.BytesIO(local.read_bytes())


@lru_cache(maxsize=1)
def _eark():
    """The validator's ``packages`` module, imported with the vocabularies
    served locally. The vocabularies are read once, at import."""
    with _import_lock:
        if "eark_validator.ipxml.schematron" not in sys.modules:
            # The module binds ``urlopen`` when it is imported; swapped back at once.
            urllib.request.urlopen = _vocabulary_urlopen
            try:
                importlib.import_module("eark_validator.ipxml.schematron")
            finally:
                urllib.request.urlopen = _real_urlopen
        return importlib.import_module("eark_validator.packages"), importlib.import_module("eark_validator.ipxml.schema")


@lru_cache(maxsize=1)
def _erms_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(ERMS_SCHEMA)))


def validate_erms(path: Path) -> list[Problem]:
    """An ERMS file against ``ERMS.xsd``: one problem per schema error."""
    try:
        document = etree.parse(str(path))
    except (OSError, etree.XMLSyntaxError) as error:
        return [Problem("ERMS-XSD", f"Not well-formed XML: {error}", path.name)]
    schema = _erms_schema()
    if schema.validate(document):
        return []
    return [Problem("ERMS-XSD", entry.message, f"{path.name}:{entry.line}") for entry in schema.error_log]


def validate_package(path: Path) -> ValidationResult:
    """Validate a package folder or ZIP (one root folder inside)."""
    path = Path(path)
    if path.is_file() and zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory(prefix="eark-") as scratch:
            root, problems = _unpack(path, Path(scratch))
            if problems:
                return ValidationResult(errors=tuple(problems))
            return _validate_folder(root)
    if path.is_dir():
        return _validate_folder(path)
    return ValidationResult(errors=(Problem("CSIPSTR1", "Not a package folder or ZIP file.", path.name),))


def _unpack(archive: Path, scratch: Path) -> tuple[Path | None, list[Problem]]:
    with zipfile.ZipFile(archive) as package:
        names = package.namelist()
        for name in names:
            parts = PurePosixPath(name).parts
            if not parts or name.startswith("/") or ".." in parts:
                return None, [Problem("ZIP", f"Unsafe path in the ZIP: {name}", archive.name)]
        roots = {PurePosixPath(name).parts[0] for name in names}
        if len(roots) != 1:
            return None, [Problem("CSIPSTR2", "The ZIP must hold exactly one package folder.", archive.name)]
        package.extractall(scratch)
    return scratch / roots.pop(), []


def _validate_folder(folder: Path) -> ValidationResult:
    errors, warnings = eark_problems(folder)
    errors += _listed_file_problems(folder)
    for erms in sorted((folder / "metadata" / "descriptive").glob("*.xml")):
        errors += validate_erms(erms)
    return ValidationResult(errors=tuple(errors), warnings=tuple(warnings))


def eark_report(folder: Path):
    """The E-ARK validator's own report (its pydantic ``ValidationReport``)
    for a package folder, with the vocabularies served locally."""
    packages, _schema = _eark()
    return packages.PackageValidator(Path(folder).absolute()).validation_report


def eark_problems(folder: Path) -> tuple[list[Problem], list[Problem]]:
    """The E-ARK validator's errors and warnings for a package folder (the
    known defect above moved to the warnings)."""
    report = eark_report(folder)
    messages = list(report.structure.messages) if report.structure else []
    statuses = [report.structure.status.value] if report.structure else ["NOTWELLFORMED"]
    if report.metadata:
        for part in (report.metadata.schema_results, report.metadata.schematron_results):
            messages += part.messages
            statuses.append(part.status.value)
    errors, warnings = [], []
    for message in messages:
        problem = Problem(message.rule_id or "", message.message or "", message.location or "")
        severity = message.severity.name
        if severity == "ERROR":
            errors.append(problem)
        elif severity == "WARNING":
            warnings.append(problem)
    defects = [p for p in errors if p.rule_id in KNOWN_VALIDATOR_DEFECTS]
    if defects and _only_software_creators(folder / "METS.xml"):
        errors = [p for p in errors if p not in defects]
        warnings += [Problem(p.rule_id, KNOWN_VALIDATOR_DEFECTS[p.rule_id], p.location) for p in defects]
        defects_only = not errors
    else:
        defects_only = False
    failed = [s for s in statuses if s.upper() in ("INVALID", "NOTVALID", "NOTWELLFORMED", "UNKNOWN")]
    if failed and not errors and not defects_only:
        errors.append(Problem("EARK", f"The E-ARK validator reported {', '.join(failed)}.", folder.name))
    if report.metadata is None and report.structure and report.structure.status.value.upper() == "WELLFORMED":
        errors.append(Problem("EARK", "The E-ARK validator did not validate the metadata.", folder.name))
    return errors, warnings


def _only_software_creators(mets: Path) -> bool:
    """Every agent with ROLE "CREATOR" is the CSIP software agent (CSIP10–16)."""
    try:
        header = etree.parse(str(mets)).find(f"{{{METS_NS}}}metsHdr")
    except (OSError, etree.XMLSyntaxError):
        return False
    creators = [agent for agent in (header if header is not None else []) if agent.get("ROLE") == "CREATOR"]
    return bool(creators) and all(
        agent.get("TYPE") == "OTHER" and agent.get("OTHERTYPE") == "SOFTWARE"
        and [note.get(f"{{{CSIP_NS}}}NOTETYPE") for note in agent.findall(f"{{{METS_NS}}}note")] == ["SOFTWARE VERSION"]
        for agent in creators
    )


def _listed_file_problems(folder: Path) -> list[Problem]:
    """Every METS file's listed files exist with their size and SHA-256;
    representation METS files (found through the root's pointers) also pass
    the METS schema."""
    _packages, schema = _eark()
    problems = _check_mets_files(folder, folder / "METS.xml")
    try:
        root = etree.parse(str(folder / "METS.xml"))
    except (OSError, etree.XMLSyntaxError):
        return problems  # the E-ARK validator already says so
    for pointer in root.iter(f"{{{METS_NS}}}mptr"):
        mets = folder / pointer.get(XLINK_HREF, "")
        if not mets.is_file():
            problems.append(Problem("FILE", "A representation METS file is missing.", pointer.get(XLINK_HREF, "")))
            continue
        try:
            if not schema.IP_SCHEMA["csip"].validate(etree.parse(str(mets))):
                problems += [Problem("METS-SCHEMA", entry.message, f"{mets.relative_to(folder)}:{entry.line}")
                             for entry in schema.IP_SCHEMA["csip"].error_log]
        except etree.XMLSyntaxError as error:
            problems.append(Problem("METS-SCHEMA", f"Not well-formed XML: {error}", str(mets.relative_to(folder))))
            continue
        problems += _check_mets_files(folder, mets)
    return problems


def _check_mets_files(folder: Path, mets: Path) -> list[Problem]:
    try:
        document = etree.parse(str(mets))
    except (OSError, etree.XMLSyntaxError):
        return []
    base = mets.parent
    problems = []
    for element in document.iter(f"{{{METS_NS}}}file", f"{{{METS_NS}}}mdRef"):
        location = element.find(f"{{{METS_NS}}}FLocat") if element.tag.endswith("}file") else element
        href = location.get(XLINK_HREF, "") if location is not None else ""
        target = (base / href).resolve()
        shown = f"{mets.relative_to(folder)}: {href}"
        if not href or folder.resolve() not in target.parents or not target.is_file():
            problems.append(Problem("FILE", "A file the METS lists is missing.", shown))
            continue
        if element.get("CHECKSUMTYPE") != "SHA-256":
            problems.append(Problem("CHECKSUM", "The checksum type must be SHA-256.", shown))
        elif element.get("CHECKSUM", "").lower() != sha256_file(target):
            problems.append(Problem("CHECKSUM", "The file does not match its SHA-256 checksum.", shown))
        if element.get("SIZE") != str(target.stat().st_size):
            problems.append(Problem("SIZE", "The file does not have the size the METS states.", shown))
    return problems


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
