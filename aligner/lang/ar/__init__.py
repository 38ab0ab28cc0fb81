"""Arabic word lists, written as in running text (the code that reads them folds them)."""
