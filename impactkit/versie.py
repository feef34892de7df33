"""The kit's version, in one place (the package, the batch fingerprint and the reports use it)."""

__version__ = "0.1.0"
