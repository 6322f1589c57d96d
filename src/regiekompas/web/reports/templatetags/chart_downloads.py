"""`{% chart_downloads svg %}`: "download SVG / PNG" links under a chart on a results page.

Renders nothing outside a results page (a PDF report renders the same section templates
without a request), so the sections stay shared (`reports/downloads.py`).
"""

from __future__ import annotations

from typing import Any

from django import template

from regiekompas.web.reports.downloads import chart_links

register = template.Library()


@register.inclusion_tag("reports/_chart_downloads.html", takes_context=True)
def chart_downloads(context: template.Context, svg: Any) -> dict[str, Any]:
    return {"links": chart_links(context.get("request"), svg)}
