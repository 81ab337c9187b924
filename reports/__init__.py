"""The cross-source report built from an output folder."""
