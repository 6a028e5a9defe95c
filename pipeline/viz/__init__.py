"""Pictures of the actor network: one self-contained interactive HTML page, and PNG/SVG."""

from __future__ import annotations

__all__: list[str] = []
