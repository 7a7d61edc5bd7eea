"""The copy's last safeguard: every text it writes is scrubbed of the secret
texts, so a secret quoted elsewhere in the case (a document description, the
case title) is masked there too."""

from records.secrecy import masking_note

# Shorter secret texts are masked where they stand but not hunted for
# elsewhere (a secret "Ja" must not blank every "Ja" in the copy).
SCRUB_MIN_LENGTH = 6
SCRUB_PREFIX = 40


class Scrubber:
    """Replaces every secret text (and the start of each of its lines) in
    what the copy writes."""

    def __init__(self, secrets):
        candidates = set()
        for secret in secrets:
            secret = (secret or "").strip()
            if len(secret) < SCRUB_MIN_LENGTH:
                continue
            candidates.add(secret)
            for line in secret.splitlines():
                line = line.strip()
                if len(line) >= SCRUB_MIN_LENGTH:
                    candidates.add(line)
                    candidates.add(line[:SCRUB_PREFIX])
        self.candidates = sorted(candidates, key=len, reverse=True)

    def hits(self, text: str) -> bool:
        return any(candidate in text for candidate in self.candidates)

    def __call__(self, text: str, *, provision: str) -> str:
        for candidate in self.candidates:
            if candidate in text:
                text = text.replace(candidate, f"[{masking_note(provision)}]")
        return text
