from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "hr.coaching"
    label = "coaching"
    verbose_name = _("Développeurs de talents")

    def ready(self):
        from hr.coaching import dataset, demo, myspace, services
        from hr.models import manager_changed
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PEOPLE_DEVELOPMENT, NavEntry

        manager_changed.connect(services.relationships_follow_hierarchy, dispatch_uid="coaching")
        platform_myspace.providers.register(myspace.sections, order=11)
        platform_demo.builders.register(demo.build, order=17)
        platform_datasets.builders.register(dataset.build, order=17)
        navigation.entries.register(
            NavEntry(
                _("Développeurs de talents"),
                "coaching:my_coach",
                frozenset({Role.EMPLOYEE}),
                group=PEOPLE_DEVELOPMENT,
            ),
            order=17,
        )
