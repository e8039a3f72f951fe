"""The name of a body at a date (« Comité technique » in 2020, « CSA » since 2023), from
the dated ``BodyName`` rows read once (a handful of rows)."""

from collections import defaultdict
from datetime import date

from hr.dialogue.models import BodyName


class BodyNames:
    def __init__(self):
        self._rows = defaultdict(list)
        for row in BodyName.objects.order_by("valid_from"):
            self._rows[row.body_id].append(row)

    def at(self, body_id: int, day: date) -> str:
        for row in self._rows.get(body_id, []):
            if row.is_in_force(day):
                return row.name
        rows = self._rows.get(body_id)
        return rows[0].name if rows else ""

    def history(self, body_id: int) -> list[BodyName]:
        return list(reversed(self._rows.get(body_id, [])))
