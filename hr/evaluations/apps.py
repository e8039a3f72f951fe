from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "hr.evaluations"
    label = "evaluations"
    verbose_name = _("Entretiens professionnels")

    def ready(self):
        from hr.evaluations import dataset, demo, myspace, services
        from hr.models import manager_changed
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PEOPLE_DEVELOPMENT, NavEntry

        manager_changed.connect(services.interviews_follow_hierarchy, dispatch_uid="evaluations")
        myspace.FOLLOW_UP_READS.connect()
        platform_myspace.providers.register(myspace.sections, order=12)
        platform_demo.builders.register(demo.build, order=15)
        platform_datasets.builders.register(dataset.build, order=15)
        navigation.entries.register(
            NavEntry(
                _("Entretiens"),
                "evaluations:interview_list",
                frozenset({Role.EMPLOYEE, Role.HR}),
                group=PEOPLE_DEVELOPMENT,
            ),
            order=14,
        )
