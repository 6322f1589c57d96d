"""Every text an import can show, in Dutch and English, keyed by message code.

Messages are stored as a code plus language-neutral parameters, so one failed import can be
shown in either language, and the wording can be reviewed in one place by someone who writes
for municipal staff rather than for programmers.
"""

from __future__ import annotations

from typing import Final

from regiekompas.core.text import Text

MESSAGES: Final[dict[str, Text]] = {
    # -- how a location is written ---------------------------------------------------------
    "plaats.blad": Text(nl="{bestand} [blad {blad}]", en="{bestand} [sheet {blad}]"),
    "plaats.rij": Text(nl="rij {rij}", en="row {rij}"),
    "plaats.kolom": Text(nl="kolom {kolom}", en="column {kolom}"),
    # -- report heading and footer ----------------------------------------------------------
    "kop.fouten": Text(
        nl="{fouten} in {bestanden}; er is niets ingelezen.",
        en="{fouten} in {bestanden}; nothing was imported.",
    ),
    "kop.fouten_zonder_bestand": Text(
        nl="{fouten}; er is niets ingelezen.",
        en="{fouten}; nothing was imported.",
    ),
    "kop.geen_fouten": Text(nl="Geen fouten.", en="No errors."),
    "kop.waarschuwingen": Text(nl="Daarnaast {waarschuwingen}.", en="Also {waarschuwingen}."),
    "telling.fout": Text(nl="1 fout", en="1 error"),
    "telling.fouten": Text(nl="{n} fouten", en="{n} errors"),
    "telling.bestand": Text(nl="1 bestand", en="1 file"),
    "telling.bestanden": Text(nl="{n} bestanden", en="{n} files"),
    "telling.waarschuwing": Text(nl="1 waarschuwing", en="1 warning"),
    "telling.waarschuwingen": Text(nl="{n} waarschuwingen", en="{n} warnings"),
    "afgekapt.fouten": Text(
        nl="… en nog {n} fouten; alleen de eerste {max} zijn bewaard.",
        en="… and {n} more errors; only the first {max} were kept.",
    ),
    "afgekapt.waarschuwingen": Text(
        nl="… en nog {n} waarschuwingen; alleen de eerste {max} zijn bewaard.",
        en="… and {n} more warnings; only the first {max} were kept.",
    ),
    # -- kinds of file -------------------------------------------------------------------------
    "soort.antwoorden_lang": Text(nl="antwoorden (lang)", en="responses (long)"),
    "soort.antwoorden_breed": Text(nl="antwoorden (breed)", en="responses (wide)"),
    "soort.gemeenten": Text(nl="gemeenten", en="gemeenten"),
    "soort.organisaties": Text(nl="organisaties", en="organisaties"),
    "soort.contracten": Text(nl="contracten", en="contracten"),
    "soort.mechanismen": Text(nl="mechanismen", en="mechanismen"),
    "soort.instrument": Text(nl="instrumentversie", en="instrument version"),
    # -- files --------------------------------------------------------------------------------
    "bestand.bestaat_niet": Text(
        nl="bestand of map bestaat niet", en="file or folder does not exist"
    ),
    "bestand.map_leeg": Text(
        nl="de map bevat geen .csv- of .xlsx-bestanden",
        en="the folder contains no .csv or .xlsx files",
    ),
    "bestand.geen_bestanden": Text(nl="er zijn geen bestanden opgegeven", en="no files were given"),
    "bestand.extensie": Text(
        nl="bestandstype '{extensie}' wordt niet ondersteund; gebruik .csv of .xlsx",
        en="file type '{extensie}' is not supported; use .csv or .xlsx",
    ),
    "bestand.onleesbaar": Text(
        nl="het bestand kan niet worden gelezen ({reden})",
        en="the file cannot be read ({reden})",
    ),
    "bestand.leeg": Text(nl="het bestand is leeg", en="the file is empty"),
    "bestand.geen_utf8": Text(
        nl="het bestand is geen UTF-8; sla het op als 'CSV UTF-8'",
        en="the file is not UTF-8; save it as 'CSV UTF-8'",
    ),
    "bestand.csv_fout": Text(
        nl="het bestand is geen geldige CSV ({reden})",
        en="the file is not valid CSV ({reden})",
    ),
    "bestand.xlsx_beschadigd": Text(
        nl="geen geldig of een beschadigd xlsx-bestand ({reden})",
        en="not a valid xlsx file, or a damaged one ({reden})",
    ),
    # -- limits (core/io/limits.py) ---------------------------------------------------------
    "grens.bestand": Text(
        nl="het bestand is {grootte}; de grens is {max}",
        en="the file is {grootte}; the limit is {max}",
    ),
    "grens.xlsx_uitgepakt": Text(
        nl="uitgepakt is het werkboek {grootte}; de grens is {max}",
        en="unpacked, the workbook is {grootte}; the limit is {max}",
    ),
    "grens.xlsx_verhouding": Text(
        nl="onderdeel {deel} pakt {factor} keer zo groot uit (grens {max}); dit lijkt een "
        "zip-bom en wordt niet gelezen",
        en="part {deel} unpacks to {factor} times its size (limit {max}); this looks like a "
        "zip bomb and is not read",
    ),
    "grens.xlsx_delen": Text(
        nl="het werkboek bestaat uit {n} onderdelen; de grens is {max}",
        en="the workbook consists of {n} parts; the limit is {max}",
    ),
    "grens.xlsx_deel": Text(
        nl="onderdeel {deel} is uitgepakt {grootte}; de grens is {max}",
        en="part {deel} is {grootte} unpacked; the limit is {max}",
    ),
    "grens.xlsx_dtd": Text(
        nl="onderdeel {deel} bevat een DTD (<!DOCTYPE of <!ENTITY); die wordt niet gelezen",
        en="part {deel} contains a DTD (<!DOCTYPE or <!ENTITY); it is not read",
    ),
    "grens.gedeelde_teksten_groot": Text(
        nl="de gedeelde teksten van het werkboek zijn uitgepakt {grootte}; de grens is {max}",
        en="the workbook's shared strings are {grootte} unpacked; the limit is {max}",
    ),
    "grens.gedeelde_teksten": Text(
        nl="het werkboek heeft meer dan {max} verschillende teksten",
        en="the workbook has more than {max} distinct texts",
    ),
    "grens.rijen": Text(
        nl="meer dan {max} rijen in deze import; splits de bestanden",
        en="more than {max} rows in this import; split the files",
    ),
    "grens.cellen": Text(
        nl="meer dan {max} cellen in deze import; splits de bestanden",
        en="more than {max} cells in this import; split the files",
    ),
    "grens.combinaties": Text(
        nl="meer dan {max} verschillende combinaties van respondent, gemeente, transitie en "
        "perspectief in deze import; splits de bestanden",
        en="more than {max} distinct combinations of respondent, gemeente, transitie and "
        "perspectief in this import; split the files",
    ),
    "grens.regel": Text(
        nl="de rij is {n} tekens lang; de grens is {max}",
        en="the row is {n} characters long; the limit is {max}",
    ),
    "grens.tijd": Text(
        nl="het lezen duurde langer dan {max} seconden en is afgebroken; splits de bestanden "
        "of lees ze met 'regiekompas analyse'",
        en="reading took longer than {max} seconds and was stopped; split the files or read "
        "them with 'regiekompas analyse'",
    ),
    # -- header row ---------------------------------------------------------------------------
    "kop.onbekend": Text(
        nl="de kopregel past bij geen enkel soort bestand; verwacht de kolommen van een van "
        "deze: antwoorden lang (respondent_id, groep, organisatie, gemeente_code, transitie, "
        "perspectief, item, antwoord); antwoorden breed (respondent_id, groep, organisatie, "
        "gemeente_code, transitie, perspectief en een kolom per itemcode, zoals cc1); "
        "gemeenten (gemeente_code, naam, regio); organisaties (organisatie, type); "
        "contracten (organisatie, gemeente_code, transitie); mechanismen (gemeente_code, "
        "naam, type, transities en eventueel cc, dc)",
        en="the header row matches no kind of file; expected the columns of one of these: "
        "long responses (respondent_id, groep, organisatie, gemeente_code, transitie, "
        "perspectief, item, antwoord); wide responses (respondent_id, groep, organisatie, "
        "gemeente_code, transitie, perspectief and a column per item code, such as cc1); "
        "gemeenten (gemeente_code, naam, regio); organisaties (organisatie, type); "
        "contracten (organisatie, gemeente_code, transitie); mechanismen (gemeente_code, "
        "naam, type, transities and optionally cc, dc)",
    ),
    "kop.kolom_ontbreekt": Text(
        nl="verplichte kolom ontbreekt (dit lijkt een {soort}-bestand)",
        en="required column is missing (this looks like a {soort} file)",
    ),
    "kop.kolom_dubbel": Text(nl="deze kolom komt twee keer voor", en="this column appears twice"),
    "kop.geen_item": Text(
        nl="'{kolom}' is geen itemcode van instrument {versie}",
        en="'{kolom}' is not an item code of instrument {versie}",
    ),
    "kop.geen_itemkolommen": Text(
        nl="er staan geen itemkolommen (zoals cc1 of amb1) in de kopregel",
        en="the header row has no item columns (such as cc1 or amb1)",
    ),
    "kop.kolom_genegeerd": Text(nl="onbekende kolom, genegeerd", en="unknown column, ignored"),
    "kop.soort_dubbel": Text(
        nl="er is al een {soort}-bestand ({eerder}); geef er maar één",
        en="there already is a {soort} file ({eerder}); give only one",
    ),
    # -- rows and cells -----------------------------------------------------------------------
    "rij.velden": Text(
        nl="de rij heeft {n} velden, de kopregel {m}",
        en="the row has {n} fields, the header row {m}",
    ),
    "cel.leeg": Text(nl="mag niet leeg zijn", en="must not be empty"),
    "cel.instrument": Text(
        nl="'{waarde}' is geen versie van de vragenlijst; kies uit {keuzes}",
        en="'{waarde}' is not a version of the questionnaire; choose from {keuzes}",
    ),
    "cel.instrument_anders": Text(
        nl="versie {waarde} wijkt af van versie {eerder} hierboven; geef één versie op",
        en="version {waarde} differs from version {eerder} above; give one version",
    ),
    "cel.nul": Text(
        nl="bevat een NUL-teken; sla het bestand opnieuw op als 'CSV UTF-8' of xlsx",
        en="contains a NUL character; save the file again as 'CSV UTF-8' or xlsx",
    ),
    "cel.te_lang": Text(
        nl="de tekst is {n} tekens lang; hier mogen er hoogstens {max}",
        en="the text is {n} characters long; at most {max} are allowed here",
    ),
    "cel.gemeentecode": Text(
        nl="'{waarde}' is geen gemeentecode (GM en 4 cijfers, zoals GM0153)",
        en="'{waarde}' is not a gemeente code (GM and 4 digits, such as GM0153)",
    ),
    "cel.gemeente_onbekend": Text(
        nl="{waarde} staat niet in het gemeentenbestand {bestand}",
        en="{waarde} is not in the gemeenten file {bestand}",
    ),
    "cel.groep": Text(
        nl="'{waarde}' is geen groep; kies uit {keuzes}",
        en="'{waarde}' is not a group; choose from {keuzes}",
    ),
    "cel.transitie": Text(
        nl="'{waarde}' is geen transitie; kies uit {keuzes}",
        en="'{waarde}' is not a transitie; choose from {keuzes}",
    ),
    "cel.perspectief": Text(
        nl="'{waarde}' is geen perspectief; kies uit {keuzes}",
        en="'{waarde}' is not a perspectief; choose from {keuzes}",
    ),
    "cel.item": Text(
        nl="'{waarde}' is geen item van instrument {versie}",
        en="'{waarde}' is not an item of instrument {versie}",
    ),
    "cel.geen_getal": Text(nl="'{waarde}' is geen getal", en="'{waarde}' is not a number"),
    "cel.geen_geheel_getal": Text(
        nl="{waarde} is geen geheel getal", en="{waarde} is not a whole number"
    ),
    "cel.buiten_bereik": Text(
        nl="{waarde} ligt buiten {lo}–{hi}", en="{waarde} is outside {lo}–{hi}"
    ),
    "cel.as_item_zonder_cel": Text(
        nl="item {item} hoort bij een transitie en perspectief; vul beide in",
        en="item {item} belongs to a transitie and perspectief; fill in both",
    ),
    "cel.gemeente_item_met_cel": Text(
        nl="item {item} geldt voor de hele gemeente; laat transitie en perspectief leeg",
        en="item {item} concerns the whole gemeente; leave transitie and perspectief empty",
    ),
    "cel.half_cel": Text(
        nl="vul transitie en perspectief allebei in of laat ze allebei leeg",
        en="fill in both transitie and perspectief, or leave both empty",
    ),
    "cel.groep_conflict": Text(
        nl="respondent {respondent} heeft groep {eerdere_waarde} in {eerder}",
        en="respondent {respondent} has group {eerdere_waarde} in {eerder}",
    ),
    "cel.organisatie_conflict": Text(
        nl="respondent {respondent} heeft organisatie '{eerdere_waarde}' in {eerder}",
        en="respondent {respondent} has organisatie '{eerdere_waarde}' in {eerder}",
    ),
    "rij.dubbel_antwoord": Text(
        nl="tweede antwoord op {item} van respondent {respondent} voor {cel}; het eerste staat "
        "in {eerder}",
        en="second answer to {item} by respondent {respondent} for {cel}; the first is in {eerder}",
    ),
    "rij.dubbele_rij": Text(
        nl="respondent {respondent} heeft al een rij voor {cel} in {eerder}",
        en="respondent {respondent} already has a row for {cel} in {eerder}",
    ),
    "cel.gemeente_item_conflict": Text(
        nl="{waarde} wijkt af van {eerdere_waarde} voor respondent {respondent} in {cel} in "
        "{eerder}",
        en="{waarde} differs from {eerdere_waarde} for respondent {respondent} in {cel} in "
        "{eerder}",
    ),
    "antwoorden.ontbreken": Text(
        nl="er is geen antwoordenbestand; dat is verplicht",
        en="there is no responses file; one is required",
    ),
    "antwoorden.vrije_tekst": Text(
        nl="vrije-tekstantwoorden ({items}) worden niet ingelezen; Regiekompas analyseert "
        "alleen de getallen",
        en="free-text answers ({items}) are not imported; Regiekompas analyses only the numbers",
    ),
    "antwoorden.geen_rijen": Text(
        nl="het antwoordenbestand bevat geen antwoorden",
        en="the responses file contains no answers",
    ),
    "cel.gemeente_dubbel": Text(
        nl="gemeentecode {waarde} staat er al in {eerder}",
        en="gemeente code {waarde} already appears in {eerder}",
    ),
    "cel.organisatie_dubbel": Text(
        nl="organisatie '{waarde}' staat er al in {eerder}",
        en="organisatie '{waarde}' already appears in {eerder}",
    ),
    "cel.organisatie_onbekend": Text(
        nl="'{waarde}' staat niet in het organisatiebestand {bestand}",
        en="'{waarde}' is not in the organisaties file {bestand}",
    ),
    "cel.organisatie_onbekend_antwoorden": Text(
        nl="organisatie '{waarde}' staat niet in het organisatiebestand {bestand} (alleen de "
        "eerste rij wordt genoemd)",
        en="organisatie '{waarde}' is not in the organisaties file {bestand} (only the first "
        "row is named)",
    ),
    "rij.contract_dubbel": Text(
        nl="zelfde contract als in {eerder}; één keer meegenomen",
        en="same contract as in {eerder}; counted once",
    ),
    "cel.plaats_half": Text(
        nl="vul cc en dc allebei in of laat ze allebei leeg",
        en="fill in both cc and dc, or leave both empty",
    ),
    "cel.plaats_bereik": Text(
        nl="{waarde} ligt niet tussen −1 en 1", en="{waarde} is not between −1 and 1"
    ),
    "rij.niet_geplaatst": Text(
        nl="mechanisme '{naam}': type '{type}' staat niet in de catalogus en cc en dc zijn "
        "leeg; niet geplaatst",
        en="mechanism '{naam}': type '{type}' is not in the catalogue and cc and dc are "
        "empty; not placed",
    ),
}
