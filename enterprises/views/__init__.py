"""Registry pages, split by topic: the public registry, entries and their
upkeep, representation, and ASF checks. Each view declares its permission
(enterprises/rules.py); views translate HTTP into service calls and back."""
