"""The resolved handbook and its queries; the training schedule it computes once."""

from __future__ import annotations

from .handbook import Handbook

__all__ = ["Handbook"]
