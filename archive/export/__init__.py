"""The export to the e-archive (issue 16 §4): one E-ARK SIP per closed case
(FGS Paketstruktur 2.0 = E-ARK CSIP 2.1.0 with the SIP 2.1.0 profile), the
case described in ERMS (FGS Ärendehantering 2.0), validated offline before
a delivery is recorded.

``content`` the case's files, ``erms`` its ERMS document, ``mets`` the METS
files, ``package`` one package folder and ZIP, ``validation`` the offline
E-ARK validator, checksum and ERMS schema checks, ``delivery`` a delivery of
a series and its receipt, ``plan`` the records plan's rules per document."""
