"""One shape for refusals that a person reads: a code, optional parameters and a translated message."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class CodedError(ValueError):
    """A refusal with a ``code``; ``message`` is ``MESSAGES[code]`` (lazy gettext) filled with ``params``.

    Subclasses set ``MESSAGES`` to their domain's table of translated texts.
    """

    MESSAGES: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        """The translated explanation."""
        text = str(self.MESSAGES[self.code])
        return text % {k: str(v) for k, v in self.params.items()} if self.params else text
