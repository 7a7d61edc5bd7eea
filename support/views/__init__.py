"""Support pages. Each view declares its permission (support/rules.py);
views translate HTTP into service calls and back."""
