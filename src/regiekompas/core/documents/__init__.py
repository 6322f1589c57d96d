"""Policy documents placed in the transitiemodel: the ambitie as written (product.md §7).

Framework-free: `extract` reads PDF/DOCX/ODT/HTML/TXT with page numbers, `text` splits Dutch
sentences and marks negation and modality, `classify` defines the pluggable sentence
classifier (with the lexicon method of `lexicon`), `score` turns placed sentences into
document and gemeente positions with bootstrap CIs, and `batch` runs many files in parallel.
docs/documents.md describes the method, the score formula, the thresholds and the limits.
"""

from regiekompas.core.documents.batch import (
    Failure,
    analyse_files,
    analyse_paths,
    collect,
    gemeente_from_path,
    valid_gemeente_code,
)
from regiekompas.core.documents.classify import (
    AxisLabel,
    LexiconClassifier,
    SentenceClassifier,
    SentenceLabel,
    features,
    get_classifier,
    label_passage,
    load_method_settings,
)
from regiekompas.core.documents.errors import DocumentError
from regiekompas.core.documents.extract import Extracted, Limits, Page, extract, read_file
from regiekompas.core.documents.lexicon import load_lexicon
from regiekompas.core.documents.score import DocumentPlacement, Placed, results_document
from regiekompas.core.documents.text import Sentence, analyse, sentences_of, split_passage

__all__ = [
    "AxisLabel",
    "DocumentError",
    "DocumentPlacement",
    "Extracted",
    "Failure",
    "LexiconClassifier",
    "Limits",
    "Page",
    "Placed",
    "Sentence",
    "SentenceClassifier",
    "SentenceLabel",
    "analyse",
    "analyse_files",
    "analyse_paths",
    "collect",
    "extract",
    "features",
    "gemeente_from_path",
    "get_classifier",
    "label_passage",
    "load_lexicon",
    "load_method_settings",
    "read_file",
    "results_document",
    "sentences_of",
    "split_passage",
    "valid_gemeente_code",
]
