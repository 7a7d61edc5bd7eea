"""Registry pages. Each view declares its permission (enterprises/rules.py); views translate HTTP into service calls and back."""
