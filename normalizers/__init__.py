"""Pure normalizers: encodings, scripts, numbers, currencies and dates."""
