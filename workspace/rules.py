"""Who may use "Mitt arbete": everyone signed in sees their own start page."""

import rules

rules.add_perm("workspace.view_start", rules.is_authenticated)
