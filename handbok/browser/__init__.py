"""Everything the reader's browser loads to run the calculators: the trimmed runtime and its compressed copies."""
