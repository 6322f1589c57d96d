"""Who answers: respondents per gemeente, their group, organisation and transities.

A gemeente's respondents are drawn independently from its group shares (the default shares
perturbed per gemeente by a Dirichlet draw, so gemeenten differ in who responds). Gemeente
groups, wijkteams, residents and others answer every simulated transitie; a provider's
respondent works at a provider drawn uniformly from those of the matching type that the
gemeente contracts, and answers the transities of that provider's contracts there.

Because every respondent is drawn independently, the respondents in one cell are an
independent sample from the groups with chances p_g ∝ share_g · f_gt, where f_gt is the
fraction of the gemeente's eligible providers for group g that serve transitie t. These
p_g (`cell_shares`) make the planted truth exact (see `expectation`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regiekompas.core.dataset import FloatArray, Gemeente, IntArray, Organisatie
from regiekompas.core.simulate.network import Network
from regiekompas.core.simulate.params import GEMEENTE_GROUPS, PROVIDER_GROUPS, SimulationParams

#: Organisations of respondents outside the gemeente and its providers, per group.
OTHER_ORGS: dict[str, tuple[str, ...]] = {
    "wijkteam": ("Sociaal Wijkteam {naam}",),
    "clientvertegenwoordiging": ("Adviesraad Sociaal Domein {naam}", "Cliëntenraad {naam}"),
    "overig": ("Basisschool {naam}", "Woningcorporatie {naam}", "Buurthuis {naam}"),
}


@dataclass(frozen=True, eq=False)
class Respondents:
    """Respondents in gemeente order; group indices refer to `params.groups`.

    `answers[r, t]` says whether respondent r answers transitie t (both perspectieven).
    `shares[g, j]` is group j's share of gemeente g's respondents; `cell_shares[g, t, j]`
    its share of the respondents answering transitie t there.
    """

    ids: tuple[str, ...]
    gemeente: IntArray
    group: IntArray
    org: tuple[str, ...]
    answers: npt.NDArray[np.bool_]
    shares: FloatArray
    cell_shares: FloatArray


def other_organisaties(
    respondents: Respondents, params: SimulationParams, providers: set[str]
) -> tuple[Organisatie, ...]:
    """The respondents' organisations that are not providers, so the `organisaties` file
    names every organisation in the answers (the importer warns about unknown ones).

    Their type is "gemeente" for gemeente groups, else the group code ("wijkteam",
    "clientvertegenwoordiging", "overig"); they have no contracts.
    """
    found: dict[str, str] = {}
    for org, j in zip(respondents.org, respondents.group.tolist(), strict=True):
        if org not in providers and org not in found:
            code = params.groups[j].code
            found[org] = "gemeente" if code in GEMEENTE_GROUPS else code
    return tuple(Organisatie(naam, found[naam]) for naam in sorted(found))


def _org_name(group: str, naam: str, rng: np.random.Generator) -> str:
    if group in GEMEENTE_GROUPS:
        return f"Gemeente {naam}"
    options = OTHER_ORGS.get(group, ("Overig {naam}",))
    return options[int(rng.integers(len(options)))].format(naam=naam)


def draw_respondents(
    params: SimulationParams,
    gemeenten: tuple[Gemeente, ...],
    network: Network,
    rng: np.random.Generator,
) -> Respondents:
    groups = params.groups
    n_j, n_t, n = len(groups), len(params.transitie_order), params.respondenten
    base = np.asarray([g.share for g in groups], dtype=np.float64)
    width = max(3, len(str(n)))

    ids: list[str] = []
    orgs: list[str] = []
    gem_of = np.repeat(np.arange(len(gemeenten), dtype=np.intp), n)
    group_of = np.empty(len(gemeenten) * n, dtype=np.intp)
    answers = np.ones((len(gemeenten) * n, n_t), dtype=np.bool_)
    shares = np.zeros((len(gemeenten), n_j))
    cell_shares = np.zeros((len(gemeenten), n_t, n_j))

    for g, gemeente in enumerate(gemeenten):
        eligible = [
            network.contracted(g, PROVIDER_GROUPS[p.code]) if p.code in PROVIDER_GROUPS else []
            for p in groups
        ]
        # f[j, t]: chance that a respondent of group j here answers transitie t
        serves = np.ones((n_j, n_t))
        possible = base > 0
        for j, profile in enumerate(groups):
            if profile.code not in PROVIDER_GROUPS:
                continue
            if not eligible[j]:
                possible[j] = False
                continue
            if not params.all_cells:
                for t in range(n_t):
                    serves[j, t] = np.mean(
                        [t in network.providers[i].transities for i in eligible[j]]
                    )
        drawn = np.zeros(n_j)
        alpha = params.group_concentration * base[possible] / base[possible].sum()
        drawn[possible] = rng.dirichlet(alpha)
        shares[g] = drawn
        weighted = drawn[None, :] * serves.T
        totals = weighted.sum(axis=1, keepdims=True)
        # a transitie no possible group serves gets no respondents: its shares stay 0
        np.divide(weighted, totals, out=cell_shares[g], where=totals > 0)

        rows = slice(g * n, (g + 1) * n)
        chosen = rng.choice(n_j, size=n, p=drawn / drawn.sum())
        group_of[rows] = chosen
        for k, j in enumerate(chosen.tolist()):
            ids.append(f"{gemeente.code}-R{k + 1:0{width}d}")
            code = groups[j].code
            if code in PROVIDER_GROUPS:
                provider = network.providers[eligible[j][int(rng.integers(len(eligible[j])))]]
                orgs.append(provider.naam)
                if not params.all_cells:
                    r = g * n + k
                    answers[r] = False
                    answers[r, sorted(provider.transities)] = True
            else:
                orgs.append(_org_name(code, gemeente.naam, rng))

    return Respondents(
        ids=tuple(ids),
        gemeente=gem_of,
        group=group_of,
        org=tuple(orgs),
        answers=answers,
        shares=shares,
        cell_shares=cell_shares,
    )
