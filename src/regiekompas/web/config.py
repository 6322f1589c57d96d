"""Three small typed readers of environment variables (12-factor configuration).

Settings call these with the variable's name and default; each variable is documented where
`settings.py` reads it, and listed in `.env.example`. A malformed value stops the process at
start-up with the variable's name, rather than surfacing later as an odd behaviour.
"""

from __future__ import annotations

import os

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


class ConfigError(RuntimeError):
    """An environment variable holds a value the application cannot use."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r}: expected true/false")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a whole number") from None


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated list; blanks are dropped."""
    return [part.strip() for part in env_str(name, default).split(",") if part.strip()]
