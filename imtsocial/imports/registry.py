"""The importers the apps register from their ``AppConfig.ready()``::

    register(Importer(
        key="telework.assets", label=_("Inventaire informatique"), owner=Role.IT,
        resource=AssetResource, samples=["inventaire.csv"],
        help_text=_("type : portable, casque, ecran, poste_fixe ; vpn et visio : oui ou non."),
    ))

``key`` is stored on each job; the owner role sees and runs the importer's jobs.
"""

from dataclasses import dataclass, field

from imtsocial.accounts.roles import Role, has_role

_IMPORTERS: dict[str, "Importer"] = {}


@dataclass(frozen=True)
class Importer:
    key: str
    label: str
    owner: Role
    resource: type  # an ``imtsocial.imports.resources.ImportResource``
    samples: list[str] = field(default_factory=list)  # file names in docs/samples/
    help_text: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        return self.resource.columns

    def may_run(self, user) -> bool:
        return has_role(user, self.owner)


def register(importer: Importer) -> Importer:
    _IMPORTERS[importer.key] = importer
    return importer


def get(key: str) -> Importer | None:
    return _IMPORTERS.get(key)


def importers_for(user) -> list[Importer]:
    return [importer for importer in _IMPORTERS.values() if importer.may_run(user)]


def all_samples() -> set[str]:
    return {name for importer in _IMPORTERS.values() for name in importer.samples}
