from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyTrainingsConfig(AppConfig):
    name = "safety.trainings"
    label = "safety_trainings"
    verbose_name = _("Formations santé et sécurité")

    def ready(self):
        from hr import panels as hr_panels
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety.trainings import dataset, demo, myspace, panels, parameters  # noqa: F401

        hr_panels.file_panels.register(panels.safety_panel, order=37)
        platform_myspace.providers.register(myspace.sections, order=37)
        platform_demo.builders.register(demo.build, order=37)
        platform_datasets.builders.register(dataset.build, order=37)
        navigation.entries.register(
            NavEntry(
                _("Formations sécurité"),
                "safety_trainings:session_list",
                frozenset({Role.PREVENTION}),
                group=PREVENTION,
            ),
            order=37,
        )
        navigation.entries.register(
            NavEntry(
                _("Nouveaux arrivants sans accueil sécurité"),
                "safety_trainings:newcomer_list",
                frozenset({Role.MANAGER}),
                shown_to=lambda user: not _is_prevention(user),
                group=PREVENTION,
            ),
            order=37,
        )
        navigation.entries.register(
            NavEntry(
                _("Mes formations sécurité"),
                "safety_trainings:my_trainings",
                frozenset({Role.EMPLOYEE}),
                group=PREVENTION,
            ),
            order=37,
        )
        navigation.entries.register(
            NavEntry(
                _("Quiz santé et sécurité"),
                "safety_trainings:quiz",
                frozenset({Role.EMPLOYEE}),
                group=PREVENTION,
            ),
            order=37,
        )


def _is_prevention(user) -> bool:
    from imtsocial.accounts.roles import Role, has_role

    return has_role(user, Role.PREVENTION)
