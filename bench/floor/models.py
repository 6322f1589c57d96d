"""One table, one row per request: the least a request that stores something can do."""

from django.db import models


class Row(models.Model):
    value = models.SmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
