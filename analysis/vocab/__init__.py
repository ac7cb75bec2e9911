"""The vocabulary shared by analysis and models (types, landmarks, normalisation, catalog, labels)."""
