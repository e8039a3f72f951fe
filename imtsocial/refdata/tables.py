"""The reference tables kept in the intranet, each by the role that owns it.

An app registers its tables from ``AppConfig.ready()``; the platform gives each one
the same page (« Référentiels »): the row in force highlighted, « nouvelle valeur à
partir du … » (the past is never edited in place), the history of who changed what::

    register(ReferenceTable(
        slug="smic", model=SmicRate, owner=Role.HR, title=_("SMIC"),
        fields=("hourly", "monthly"),
        description=_("Salaire minimum, brut, par date d'effet."),
    ))
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from imtsocial.accounts.roles import Role, has_role

_TABLES: dict[str, "ReferenceTable"] = {}


@dataclass(frozen=True)
class ReferenceTable:
    slug: str
    model: type
    owner: Role
    title: str
    fields: tuple[str, ...]  # the values entered for a period (besides key, dates, source)
    description: str = ""
    form_class: type | None = None  # a ModelForm of the value fields, when the default won't do
    filters: Callable | None = None  # () -> lookups of the table's rows (default: all rows)
    key_choices: dict = field(default_factory=dict)  # key field -> () -> choices
    # Who among the owner role keeps the table (default: everyone holding it).
    may_manage_check: Callable | None = None

    def queryset(self):
        return self.model._default_manager.filter(**(self.filters() if self.filters else {}))

    def history(self):
        return self.model.history.filter(**(self.filters() if self.filters else {}))

    @property
    def key_fields(self) -> tuple[str, ...]:
        return self.model.key_fields

    def may_manage(self, user) -> bool:
        if not has_role(user, self.owner):
            return False
        return self.may_manage_check is None or bool(self.may_manage_check(user))


def register(table: ReferenceTable) -> ReferenceTable:
    _TABLES[table.slug] = table
    return table


def get(slug: str) -> ReferenceTable | None:
    return _TABLES.get(slug)


def all_tables() -> list[ReferenceTable]:
    return list(_TABLES.values())


def tables_for(user) -> list[ReferenceTable]:
    return [table for table in _TABLES.values() if table.may_manage(user)]


def owner_roles() -> frozenset:
    return frozenset(table.owner for table in _TABLES.values())


def register_parameters(
    *, owner: Role, slug: str, title: str, description: str = "", may_manage_check=None
):
    """The page of the parameters an owner keeps (``imtsocial.refdata.parameters``);
    ``may_manage_check(user)`` narrows who among the owner role keeps them."""
    from imtsocial.refdata.models import Parameter
    from imtsocial.refdata.parameters import specs

    def keys():
        return [spec.key for spec in specs(owner)]

    return register(
        ReferenceTable(
            slug=slug,
            model=Parameter,
            owner=owner,
            title=title,
            fields=("value",),
            description=description,
            filters=lambda: {"key__in": keys()},
            key_choices={"key": lambda: [(spec.key, spec.label) for spec in specs(owner)]},
            may_manage_check=may_manage_check,
        )
    )
