"""The `regiekompas` command: a thin layer over `regiekompas.core`."""
