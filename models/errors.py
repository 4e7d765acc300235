"""User-facing errors and notices, with their text in English and Korean.

Every problem a user can cause (a bad file, an empty vocabulary, K too large) is an
:class:`InputError`. It carries a message *code* and parameters so the UI can show it in
the user's language; ``str(err)`` is the English text, used by the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.messages import MESSAGES

__all__ = ["InputError", "Notice", "render"]


def render(code: str, params: dict[str, Any], lang: str = "en") -> str:
    """Return the text of message ``code`` in ``lang`` ("en" or "ko") with ``params`` filled in."""
    entry = MESSAGES.get(code)
    if entry is None:
        return f"{code}: {params}" if params else code
    template = entry.get(lang) or entry["en"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class InputError(ValueError):
    """A problem with the user's input, explained for that user.

    Parameters
    ----------
    code : str
        Key of the message in :data:`models.messages.MESSAGES`.
    **params
        Values substituted into the message template.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(render(code, params, "en"))

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "ko")."""
        return render(self.code, self.params, lang)


@dataclass(frozen=True)
class Notice:
    """A warning or remark about the input that did not stop the work (e.g. a scanned PDF page)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The notice in ``lang`` ("en" or "ko")."""
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.text("en")
