"""Pure extractors: article text in, cleaned text and claim spans out (no I/O, no Prefect)."""
