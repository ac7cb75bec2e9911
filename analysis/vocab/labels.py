"""Dataset labels against catalog ids: the one place that says whether a prediction matches a label.

Datasets name exercises their own way (``labels.csv``'s ``exercise`` column, e.g. ``negative`` for no
exercise, or a family label that several catalog ids answer through ``LABEL_ALIASES``). The clip
evaluation (analysis.evaluate) and the classifier's training evaluation (models.train) both judge with
these functions.
"""

from __future__ import annotations

from analysis.vocab.catalog import CATALOG, LABEL_ALIASES

UNKNOWN = "unknown"


def norm_label(label: str) -> str:
    """A dataset label with every "no exercise" spelling as ``unknown``."""
    return UNKNOWN if label in ("negative", "", UNKNOWN) else label


def hint_for(label: str) -> str | None:
    """The exercise id to force for a dataset label (aliases → their first id); None → classifier."""
    if label in CATALOG:
        return label
    aliases = LABEL_ALIASES.get(label)
    return aliases[0] if aliases else None


def label_matches(label: str, predicted: str | None) -> bool:
    """Whether ``predicted`` (None: no exercise named) answers the dataset ``label``."""
    if label == "negative":
        return predicted is None
    return predicted == label or predicted in LABEL_ALIASES.get(label, ())


def label_hit(label: str, pred: str | None) -> bool:
    """``label_matches`` with every "no exercise" spelling of the label taken as ``negative``."""
    return label_matches("negative" if norm_label(label) == UNKNOWN else label, pred)


def supported(label: str, classes: list[str]) -> bool:
    """Whether a model with these classes can answer the label at all (itself or one of its aliases)."""
    return norm_label(label) in classes or any(a in classes for a in LABEL_ALIASES.get(label, ()))
