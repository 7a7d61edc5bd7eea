"""Who may read the registrations: the postlista is public (it shows no
content and no private person's name); a case's own number and document
list show on the case's page to whoever may see that page."""

import rules

rules.add_perm("records.view_postlista", rules.always_allow)
