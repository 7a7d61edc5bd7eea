"""The records manager's pages (``plan``, ``series``, ``disposal``) and the deliveries to the e-archive."""
