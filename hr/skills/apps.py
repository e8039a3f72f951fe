from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "hr.skills"
    label = "skills"
    verbose_name = _("Compétences")

    def ready(self):
        from hr import panels as hr_panels
        from hr.skills import dataset, demo, panels
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PEOPLE_DEVELOPMENT, NavEntry

        platform_demo.builders.register(demo.build, order=18)
        platform_datasets.builders.register(dataset.build, order=18)
        hr_panels.file_panels.register(panels.skills_panel, order=20)
        navigation.entries.register(
            NavEntry(
                _("Compétences critiques"),
                "skills:critical",
                frozenset({Role.HR, Role.DIRECTOR}),
                group=PEOPLE_DEVELOPMENT,
            ),
            order=18,
        )
