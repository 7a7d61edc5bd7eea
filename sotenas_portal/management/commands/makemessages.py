"""Django's makemessages without fuzzy matching: a guessed translation of a
similar string is worse than none (it can carry the wrong placeholders)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = ["-q", "--backup=none", "--previous", "--update", "--no-fuzzy-matching"]
