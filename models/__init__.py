"""The TSM exercise classifier at run time (tsm, features, classify, answer); training: models.train."""
