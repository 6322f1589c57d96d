"""Signals other apps may listen to, so that scans need not know them.

`next_round_created(sender=Scan, previous=<Scan>, scan=<Scan>)` is sent inside the
transaction of "copy into a next round", after the new scan and its respondents exist; a
receiver that raises undoes the copy. The targets app carries the doelposities and the
verbeteragenda over this way (docs/method.md, "Targets and agenda").
"""

from __future__ import annotations

from django.dispatch import Signal

next_round_created = Signal()
