"""Personal data across every app: the download of a user's data and account deletion."""
