"""YAML data -> validated, cross-checked models -> the Handbook (`load_handbook`)."""

from __future__ import annotations

from .loader import load_handbook

__all__ = ["load_handbook"]
