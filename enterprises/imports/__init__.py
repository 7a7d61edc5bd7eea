"""Importing enterprises from CSV or XLSX: the template's columns
(``columns``), reading a file (``reading``), judging each row
(``validation``), saving the valid rows (``saving``) and the services that
move an import from upload to confirmation (``services``)."""
