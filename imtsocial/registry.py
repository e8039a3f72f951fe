"""Registries: how domain apps plug into the platform without the platform importing them.

The platform declares a registry; each app fills it from its ``AppConfig.ready()``::

    # imtsocial/myspace.py
    providers = Registry("« Mon espace » sections")

    # in hr/apps.py, HrConfig.ready(), with hr's own myspace module:
    platform_myspace.providers.register(myspace.sections, order=10)

Items come back sorted by ``order`` (then in registration order), so pages do not
depend on the order of ``INSTALLED_APPS``.
"""

from dataclasses import dataclass, field


@dataclass
class Registry:
    name: str
    _items: list = field(default_factory=list)

    def register(self, item, *, order: int = 100):
        if all(existing is not item for _order, _index, existing in self._items):
            self._items.append((order, len(self._items), item))
        return item

    def __iter__(self):
        return iter([item for _order, _index, item in sorted(self._items, key=lambda t: t[:2])])

    def __len__(self):
        return len(self._items)
