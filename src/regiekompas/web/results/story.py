"""Sentences that say what the document's figures mean, in the reader's language.

A figure such as "kloof 0,31" means little on its own; the document gives a band with it
(docs/method.md, "Bands": `laag`, `midden`, `hoog`, …) and counts of gemeenten per quadrant
(`kwadranten`). This module turns those into words. It computes no figure: every number in
a sentence is one the document holds, and every word for a band is the document's band.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regiekompas.core.model import Model
from regiekompas.core.model.bands import load_bands
from regiekompas.core.vocabulary import QUADRANTS


def band_word(measure: str, code: object, lang: str) -> str | None:
    """The reader's word for a band code of the document (None when there is no band).

    The words live next to the cut-offs in `core/model/banden.toml` (docs/method.md, "Bands").
    """
    if not isinstance(code, str) or not code:
        return None
    try:
        return load_bands()[measure].label(code, lang)
    except (KeyError, ValueError):
        return code


def _parts(row: Mapping[str, Any], model: Model, lang: str, *, zeros: bool) -> list[str]:
    counts = [(q, int(row.get(q) or 0)) for q in QUADRANTS]
    total = sum(c for _q, c in counts) + int(row.get("grens") or 0)
    shown = sorted((qc for qc in counts if qc[1] > 0), key=lambda qc: (-qc[1], qc[0]))
    parts = []
    for i, (q, count) in enumerate(shown):
        name = model.quadrant(q).name.get(lang)
        if i == 0:
            parts.append(
                _("%(count)s of %(total)s gemeenten in %(quadrant)s")
                % {"count": count, "total": total, "quadrant": name}
            )
        else:
            parts.append(_("%(count)s in %(quadrant)s") % {"count": count, "quadrant": name})
    border = int(row.get("grens") or 0)
    if border:
        parts.append(_("%(count)s on the border") % {"count": border})
    if zeros:
        for q, count in counts:
            if count == 0:
                parts.append(
                    _("none in %(quadrant)s") % {"quadrant": model.quadrant(q).name.get(lang)}
                )
    return parts


def kwadranten_sentence(
    rows: Mapping[str, Mapping[str, Any]], model: Model, lang: str
) -> str | None:
    """One sentence over the `kwadranten` rows of a transitie, keyed by perspectief.

    "Ambition: 12 of 14 gemeenten in Sturen; practice: 6 of 14 in Coördineren, …, none in
    Afspreken." Quadrants without gemeenten are named for the practice (where the source
    study's finding — nobody in Afspreken — lives), not for the ambition.
    """
    pieces = []
    ambitie = rows.get("ambitie")
    praktijk = rows.get("praktijk")
    if ambitie is not None:
        parts = _parts(ambitie, model, lang, zeros=False)
        if parts:
            pieces.append(_("Ambition: %(parts)s") % {"parts": ", ".join(parts)})
    if praktijk is not None:
        parts = _parts(praktijk, model, lang, zeros=True)
        if parts:
            pieces.append(_("practice: %(parts)s") % {"parts": ", ".join(parts)})
    if not pieces:
        return None
    sentence = "; ".join(pieces)
    unclear = [int(r.get("niet_helder") or 0) for r in (ambitie, praktijk) if r is not None]
    if sum(unclear):
        sentence += ngettext(
            " (%(count)s of these positions is not clear)",
            " (%(count)s of these positions are not clear)",
            sum(unclear),
        ) % {"count": sum(unclear)}
    return sentence[0].upper() + sentence[1:] + "."
