"""Deadline follow-up (/stod/uppfoljning/): per month for the last twelve
months, how many requests were answered within their first-response
deadline, the median working days to first response and to decision, and
how many are overdue now; per department and per kind of support."""
