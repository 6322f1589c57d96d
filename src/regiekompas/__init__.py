"""Regiekompas: regie in het sociaal domein, organised with the transitiemodel."""

__version__ = "0.1.0"
