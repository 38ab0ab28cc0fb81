"""Language data: word lists kept apart from the code that reads them, one module per topic."""
