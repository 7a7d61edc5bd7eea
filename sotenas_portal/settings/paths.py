"""Where the portal keeps its files: the checkout and the var/ folder."""

from pathlib import Path

from .env import env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
# var/ holds the embedded defaults (SQLite file, filesystem broker); it must
# exist before either is touched.
VAR_DIR.mkdir(parents=True, exist_ok=True)
