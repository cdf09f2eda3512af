"""A tiny Qt-free signal, so the document can announce changes to whatever view is listening."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Signal:
    """connect / disconnect / emit; handlers run in connection order on the emitting thread."""

    def __init__(self) -> None:
        self._handlers: list[Callable[..., Any]] = []

    def connect(self, handler: Callable[..., Any]) -> None:
        if handler not in self._handlers:
            self._handlers.append(handler)

    def disconnect(self, handler: Callable[..., Any]) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args: Any) -> None:
        for handler in list(self._handlers):
            handler(*args)
