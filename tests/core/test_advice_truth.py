"""Every advice text tells the truth about the figures it came from (product.md §5).

The advice is run on simulated regions (several seeds) and on a few constructed documents
for the rules a simulation rarely fires. Each text is then *read* the way a user reads it:
every condition, quadrant, direction, group or rationaliteit it names is looked up in the
model's vocabulary and compared with the document's own figures, computed here again from
the rows (not from the advice code):

- a condition called the lowest ("laagste", "lowest", or "zwakste"/"weakest") is the argmin
  of the gemeente's condition scores; a condition called *meest bepalend* is the one with
  the largest weighted shortfall for the gemeente's form of regie;
- a quadrant named with transitie or gemeente names after it ("Sturen (Jeugd, Wmo)") is that
  cell's praktijk quadrant; "ambitie X → praktijk Y" are the cells' quadrants; any quadrant
  named at all belongs to a cell or target of the advice's gemeente (or region);
- a direction ("richting cocreatie", "towards control", …) has the sign of praktijk − ambitie
  on that axis for every transitie the advice lists;
- group and rationaliteit names are the pair of the spraakverwarring row they came from;
- a band written after a number (0,51 (hoog)) is the band of that number.

The rules are data, so this test is the guard that a reworded rule still says what is true.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pytest

from regiekompas.core.advice import Advice, evaluate, load_rules
from regiekompas.core.analysis import Settings
from regiekompas.core.model import Model, load_model
from regiekompas.core.pipeline import analyse_with_advice
from regiekompas.core.simulate import SimulationParams, simulate_region
from regiekompas.core.vocabulary import CONDITIONS, QUADRANTS, quadrant_of

SEEDS = (3, 11, 2026, 4242)
LANGS = ("nl", "en")

Doc = Mapping[str, Any]


# --- what the document says, computed again from its rows ----------------------------------


def condition_scores(doc: Doc, gemeente: str) -> dict[str, float]:
    return {
        row["conditie"]: row["score"]
        for row in doc.get("condities", [])
        if row["gemeente_code"] == gemeente and row["groep"] is None and row["score"] is not None
    }


def cells(doc: Doc) -> dict[tuple[str, str, str], Mapping[str, Any]]:
    return {(c["gemeente_code"], c["transitie"], c["perspectief"]): c for c in doc["cellen"]}


def weighted_most_decisive(
    doc: Doc, gemeente: str, targets: Mapping[tuple[str, str], str]
) -> str | None:
    """Independent of the advice code: mean quadrant weights over the gemeente's transities
    (target, else ambitie quadrant), then the largest (100 − score) × weight."""
    gewichten = load_rules().gewichten
    scores = condition_scores(doc, gemeente)
    if not scores:
        return None
    quadrants = []
    transities = {t for (g, t, _) in cells(doc) if g == gemeente} | {
        t for (g, t) in targets if g == gemeente
    }
    for t in sorted(transities):
        target = targets.get((gemeente, t))
        amb = cells(doc).get((gemeente, t, "ambitie"))
        if target in QUADRANTS:
            quadrants.append(target)
        elif amb is not None and amb["kwadrant"] in QUADRANTS:
            quadrants.append(amb["kwadrant"])
    weights = {
        c: (sum(gewichten[q][c] for q in quadrants) / len(quadrants) if quadrants else 1.0)
        for c in CONDITIONS
    }
    return max(
        (c for c in CONDITIONS if c in scores),
        key=lambda c: ((100 - scores[c]) * weights[c], -CONDITIONS.index(c)),
    )


# --- reading a text ------------------------------------------------------------------------


def names(items: Iterable[Any], lang: str) -> dict[str, str]:
    """Display name → code, longest first so 'Gemeente: beleid' never matches inside another."""
    table = {item.name.get(lang): item.code for item in items}
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


def found(text: str, table: Mapping[str, str]) -> list[str]:
    """Codes whose display name occurs in the text as a whole word."""
    hits = []
    for name, code in table.items():
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            hits.append(code)
            text = text.replace(name, " ")
    return hits


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+", text) if s]


LOWEST_WORDS = {
    "nl": ("laagst", "zwakst"),
    "en": ("lowest", "weakest"),
}
DECISIVE_WORDS = {"nl": ("meest bepalend",), "en": ("matters most", "most decisive")}
DIRECTIONS = {
    "nl": {
        "richting cocreatie": ("cc", -1),
        "richting controle": ("cc", 1),
        "richting decentraal": ("dc", -1),
        "richting centraal": ("dc", 1),
    },
    "en": {
        "towards co-creation": ("cc", -1),
        "towards control": ("cc", 1),
        "towards decentralised": ("dc", -1),
        "towards centralised": ("dc", 1),
    },
}
BANDS = {"nl": ("laag", "midden", "hoog"), "en": ("low", "medium", "high")}


def band(value: float) -> int:
    return 0 if value < 0.10 else 1 if value < 0.25 else 2


def transities_of(item: Advice) -> list[str]:
    listed = getattr(item, "transities", None)
    if listed:
        return list(listed)
    return [item.transitie] if item.transitie else []


def check(
    item: Advice,
    doc: Doc,
    model: Model,
    gemeente_names: Mapping[str, str],
    regio_of: Mapping[str, str | None],
    targets: Mapping[tuple[str, str], str],
) -> list[str]:
    """Every claim of one advice item that the document contradicts (empty = truthful)."""
    wrong: list[str] = []
    cell_of = cells(doc)
    g = item.gemeente_code
    ts = transities_of(item)
    by_name_g = {v: k for k, v in gemeente_names.items()}
    for lang in LANGS:
        text = item.tekst.get(lang)
        where = f"{item.regel} {g or item.regio} [{lang}]: "
        cond_names = names(model.conditions, lang)
        quad_names = names(model.quadrants, lang)
        trans_names = names(model.transities, lang)
        group_names = names(model.groups, lang)
        rat_names = {f"‘{k}’": v for k, v in names(model.rationaliteiten, lang).items()}

        # 1. conditions: "laagste"/"zwakste" must be the argmin; "meest bepalend" the weighted
        if g is not None:
            scores = condition_scores(doc, g)
            for sentence in sentences(text):
                named = found(sentence, cond_names)
                if not named:
                    continue
                low = sentence.lower()
                if any(w in low for w in DECISIVE_WORDS[lang]):
                    decisive = weighted_most_decisive(doc, g, targets)
                    if named[0] != decisive:
                        wrong.append(f"{where}{named[0]} called most decisive, is {decisive}")
                elif any(w in low for w in LOWEST_WORDS[lang]) and scores:
                    lowest = min(scores, key=lambda c: (scores[c], CONDITIONS.index(c)))
                    if any(c != lowest for c in named):
                        wrong.append(f"{where}{named} called lowest/weakest, lowest is {lowest}")

        # 2. quadrants: with names in brackets, "ambitie X → praktijk Y", or at least present
        allowed: set[str] = set()
        for (cg, ct, _), c in cell_of.items():
            if (g is not None and cg == g) or (
                g is None and regio_of.get(cg) == item.regio and (not ts or ct in ts)
            ):
                allowed.add(c["kwadrant"])
        allowed |= {q for (tg, _), q in targets.items() if tg == g}
        for code in found(text, quad_names):
            if code not in allowed:
                wrong.append(f"{where}quadrant {code} is not a position of this advice")
        current = ts[0] if ts else None  # the transitie a detail segment is about
        for segment in text.split("; "):
            lead = re.match(r"(\w[\w ]*?)( \(\w+\))?( —|:)", segment)
            lead_name = lead.group(1) + (lead.group(2) or "") if lead else ""
            if lead_name in trans_names:
                current = trans_names[lead_name]
            for match in re.finditer(r"(\w+) \(((?:[^()]|\([^()]*\))*)\)", segment):
                quadrant = quad_names.get(match.group(1))
                if quadrant is None:
                    continue
                for member in match.group(2).split(", "):
                    if member in trans_names and g is not None:
                        t = trans_names[member]
                        seen = {
                            cell_of[(g, t, p)]["kwadrant"]
                            for p in ("ambitie", "praktijk")
                            if (g, t, p) in cell_of
                        }
                        if quadrant not in seen and quadrant != targets.get((g, t)):
                            wrong.append(f"{where}{member} placed in {quadrant}, cells: {seen}")
                    elif member in by_name_g and current is not None:
                        c = cell_of.get((by_name_g[member], current, "praktijk"))
                        if c is None or c["kwadrant"] != quadrant:
                            wrong.append(f"{where}{member} placed in {quadrant} for {current}")
        amb_word, prak_word = ("ambitie", "praktijk") if lang == "nl" else ("ambition", "practice")
        pair = re.compile(rf"{amb_word}:? (\w+)[ ,→-]+{prak_word}:? (\w+)")
        if g is not None and item.regel.startswith("kloof"):
            for match in pair.finditer(text):
                van, naar = quad_names.get(match.group(1)), quad_names.get(match.group(2))
                options = {
                    (
                        cell_of[(g, t, "ambitie")]["kwadrant"],
                        cell_of[(g, t, "praktijk")]["kwadrant"],
                    )
                    for t in ts
                    if (g, t, "ambitie") in cell_of and (g, t, "praktijk") in cell_of
                }
                if van and naar and (van, naar) not in options:
                    wrong.append(f"{where}shift {van}→{naar} not among {options}")

        # 3. directions: sign of praktijk − ambitie on that axis, for every listed transitie
        if g is not None:
            for phrase, (axis, sign) in DIRECTIONS[lang].items():
                if phrase not in text:
                    continue
                for t in ts:
                    amb, prak = cell_of.get((g, t, "ambitie")), cell_of.get((g, t, "praktijk"))
                    if amb is None or prak is None:
                        continue
                    delta = prak[axis] - amb[axis]
                    if delta * sign <= 0:
                        wrong.append(f"{where}'{phrase}' but {t} moved {delta:+.3f} on {axis}")

        # 4. groups and rationaliteiten: the pair of the row the advice came from
        groups_named = set(found(text, group_names))
        if groups_named and g is not None:
            pairs: set[str] = set()
            for row in doc.get("spraakverwarring", []):
                if row["gemeente_code"] == g and row["transitie"] in ts and row.get("groepen"):
                    pairs |= set(row["groepen"])
            shown = {r["groep"] for r in doc.get("condities", []) if r["gemeente_code"] == g}
            legit = pairs if item.regel.startswith("spraakverwarring") else shown | pairs
            if not groups_named <= legit:
                wrong.append(f"{where}groups {groups_named - legit} not in the document's pair")
        rats_named = set(found(text, rat_names))
        if rats_named and g is not None:
            pairs = set()
            for row in doc.get("spraakverwarring_rationaliteiten", []):
                if row["gemeente_code"] == g and row["transitie"] in ts:
                    pairs |= set(row.get("rationaliteiten") or [])
            if not rats_named <= pairs:
                wrong.append(f"{where}rationaliteiten {rats_named - pairs} not in the document")

        # 5. bands next to numbers
        for match in re.finditer(r"(\d+[.,]\d+)\s*\((\w+)", text):
            value, word = float(match.group(1).replace(",", ".")), match.group(2)
            if word in BANDS[lang] and BANDS[lang].index(word) != band(value):
                wrong.append(f"{where}{match.group(0)} has the wrong band")
    return wrong


# --- the regions ---------------------------------------------------------------------------


def simulated(seed: int) -> tuple[Doc, list[Advice], Mapping[str, str], Mapping[str, Any]]:
    region = simulate_region(SimulationParams(gemeenten=16, respondenten=40, seed=seed))
    doc, advice = analyse_with_advice(region.dataset, settings=Settings(bootstrap=60, seed=seed))
    return doc, advice, region.dataset.naam_of(), region.dataset.regio_of()


@pytest.fixture(scope="module")
def model() -> Model:
    return load_model()


@pytest.fixture(scope="module")
def regions() -> dict[int, tuple[Doc, list[Advice], Mapping[str, str], Mapping[str, Any]]]:
    return {seed: simulated(seed) for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS)
def test_every_advice_text_on_a_simulated_region_names_what_its_document_shows(
    seed: int, regions: dict[int, Any], model: Model
) -> None:
    doc, advice, gemeente_names, regio_of = regions[seed]
    assert advice
    wrong = [w for item in advice for w in check(item, doc, model, gemeente_names, regio_of, {})]
    assert wrong == [], "\n".join(wrong[:20]) + f"\n… {len(wrong)} in all"


def test_the_same_rule_for_the_same_gemeente_appears_once(regions: dict[int, Any]) -> None:
    for doc, advice, _, _ in regions.values():
        keys = [(a.gemeente_code, a.regio, a.regel) for a in advice]
        duplicated = {k for k in keys if keys.count(k) > 1}
        assert not duplicated, sorted(duplicated, key=str)[:5]
        assert len(doc["advies"]) == len(advice)


# --- constructed documents for rules a simulation rarely fires -----------------------------

G1, G2, G3 = "GM0001", "GM0002", "GM0003"
NAMES = {G1: "Aardam", G2: "Beekdorp", G3: "Cranendal"}


def cell(g: str, t: str, p: str, cc: float, dc: float, *, helder: bool = True) -> dict[str, Any]:
    return {
        "gemeente_code": g,
        "transitie": t,
        "perspectief": p,
        "n": 20,
        "cc": cc,
        "dc": dc,
        "cc_ci": [cc - 0.1, cc + 0.1],
        "dc_ci": [dc - 0.1, dc + 0.1],
        "kwadrant": quadrant_of(cc, dc),
        "helder": helder,
    }


def gap(g: str, t: str, amb: tuple[float, float], prak: tuple[float, float]) -> dict[str, Any]:
    waarde = math.dist(amb, prak) / (2 * math.sqrt(2))
    return {
        "gemeente_code": g,
        "transitie": t,
        "waarde": waarde,
        "ci": [waarde - 0.05, waarde + 0.05],
        "van": quadrant_of(*amb),
        "naar": quadrant_of(*prak),
    }


def condition_rows(g: str, scores: Mapping[str, float], groep: str | None = None) -> list[Any]:
    return [
        {"gemeente_code": g, "groep": groep, "conditie": c, "score": s, "alpha": 0.8, "n": 30}
        for c, s in scores.items()
    ]


POSITIONS = {
    # (ambitie, praktijk) per transitie: one gap in every direction, one unclear ambition
    "jeugd": ((0.6, 0.5), (-0.3, 0.4)),  # meer cocreatie
    "wmo": ((-0.5, -0.2), (0.4, -0.1)),  # meer controle
    "participatie": ((0.5, 0.5), (0.4, -0.4)),  # meer decentraal
    "eerste_lijn": ((-0.5, -0.5), (-0.4, 0.4)),  # meer centraal
}


def constructed(scores: Mapping[str, float]) -> dict[str, Any]:
    doc: dict[str, Any] = {"cellen": [], "kloof": [], "condities": []}
    for g in (G1, G2):
        for t, (amb, prak) in POSITIONS.items():
            doc["cellen"] += [
                cell(g, t, "ambitie", *amb, helder=t != "jeugd"),
                cell(g, t, "praktijk", *prak, helder=t != "wmo"),
            ]
            doc["kloof"].append(gap(g, t, amb, prak))
        doc["condities"] += condition_rows(g, scores)
    doc["cellen"] += [
        cell(G3, "jeugd", "ambitie", 0.6, 0.6),
        cell(G3, "jeugd", "praktijk", 0.5, 0.4),
    ]
    doc["condities"] += condition_rows(G3, dict.fromkeys(CONDITIONS, 40.0))
    doc["condities"] += condition_rows(G1, {"proces": 85.0}, groep="gemeente_beleid")
    doc["condities"] += condition_rows(G1, {"proces": 40.0}, groep="wijkteam")
    doc["spraakverwarring"] = [
        {
            "gemeente_code": g,
            "transitie": t,
            "perspectief": p,
            "waarde": 0.3,
            "groepen": ["gemeente_beleid", "aanbieder_professional"],
            "rwg": {"cc": 0.2, "dc": 0.9},
        }
        for g in (G1, G2)
        for t in ("jeugd", "wmo")
        for p in ("ambitie", "praktijk")
    ]
    doc["spraakverwarring_rationaliteiten"] = [
        {
            "gemeente_code": G1,
            "transitie": t,
            "perspectief": p,
            "waarde": 0.28,
            "band": "hoog",
            "rationaliteiten": ["politiek", "professioneel"],
        }
        for t in ("jeugd", "wmo")
        for p in ("ambitie", "praktijk")
    ]
    doc["spaghetti"] = [
        {
            "gemeente_code": G1,
            "n": 12,
            "kwadranten": 4,
            "entropie": 1.9,
            "transitie_inconsistentie": 3,
        }
    ]
    doc["versnippering"] = [
        {
            "regio": None,
            "transitie": t,
            "gewogen_gemiddelde": 2.4,
            "aandeel_3_of_meer": 0.5,
            "spreiding": 0.3,
        }
        for t in ("jeugd", "wmo")
    ]
    doc["regio"] = [{"regio": None, "alpha_groepen": 0.3}]
    return doc


#: One set of scores per condition being the lowest; relaties and vorm close, so under
#: Sturen vorm is the more decisive one while relaties is the lowest.
SCORE_SETS = [{c: (40.0 if c == lowest else 58.0) for c in CONDITIONS} for lowest in CONDITIONS] + [
    {"gedeelde_ambitie": 70, "belangen": 72, "relaties": 45, "vorm": 53, "proces": 71}
]

TARGETS = {(G1, "jeugd"): "Afspreken", (G2, "wmo"): "Sturen"}


def test_every_rule_fires_somewhere_and_every_text_names_what_its_document_shows(
    regions: dict[int, Any], model: Model
) -> None:
    fired = {a.regel for _, advice, _, _ in regions.values() for a in advice}
    wrong: list[str] = []
    # Afstemmen leans on belangen: decisive there while relaties is the lowest.
    afstemmen = {
        "cellen": [cell(G3, "wmo", "ambitie", 0.5, -0.5), cell(G3, "wmo", "praktijk", 0.4, -0.4)],
        "condities": condition_rows(
            G3, {"gedeelde_ambitie": 70, "belangen": 50, "relaties": 48, "vorm": 70, "proces": 70}
        ),
    }
    for doc in [constructed(scores) for scores in SCORE_SETS] + [afstemmen]:
        advice = evaluate(doc, names=NAMES, targets=TARGETS)
        fired |= {a.regel for a in advice}
        assert advice
        for item in advice:
            wrong += check(item, doc, model, NAMES, {}, TARGETS)
    assert wrong == [], "\n".join(wrong[:20]) + f"\n… {len(wrong)} in all"
    every = {rule.code for rule in load_rules().regels}
    assert every - fired == set()


def test_the_reader_catches_a_false_claim(model: Model) -> None:
    """The checks can fail: a text that calls the wrong condition lowest is reported."""
    doc = constructed(SCORE_SETS[-1])
    advice = evaluate(doc, names=NAMES)
    item = next(a for a in advice if a.gemeente_code == G1)
    relaties, vorm = model.condition("relaties").name, model.condition("vorm").name
    from regiekompas.core.text import Text

    lie = type(item)(
        **{
            **item.__dict__,
            "tekst": Text(
                f"‘{vorm.nl}’ scoort het laagst. Richting controle.",
                f"‘{vorm.en}’ scores lowest. Towards control.",
            ),
        }
    )
    wrong = check(lie, doc, model, NAMES, {}, {})
    assert any("called lowest" in w for w in wrong)
    truth = type(item)(
        **{
            **item.__dict__,
            "tekst": Text(f"‘{relaties.nl}’ scoort het laagst.", f"‘{relaties.en}’ scores lowest."),
        }
    )
    assert check(truth, doc, model, NAMES, {}, {}) == []
