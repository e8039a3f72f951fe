from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "hr.onboarding"
    label = "onboarding"
    verbose_name = _("Accueil")

    def ready(self):
        from hr.models import Employee
        from hr.onboarding import dataset, demo, myspace, services
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts import roles as platform_roles
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PEOPLE_DEVELOPMENT, NavEntry

        platform_roles.register_admin_permissions(
            Role.HR,
            [
                f"onboarding.{verb}_{model}"
                for model in ("onboardingstep", "referent")
                for verb in ("add", "change", "view")
            ],
        )
        post_save.connect(services.newcomer_saved, sender=Employee, dispatch_uid="onboarding")
        platform_myspace.providers.register(myspace.sections, order=19)
        platform_demo.builders.register(demo.build, order=19)
        platform_datasets.builders.register(dataset.build, order=19)
        navigation.entries.register(
            NavEntry(
                _("Qui fait quoi ?"),
                "onboarding:who_does_what",
                frozenset({Role.EMPLOYEE, Role.HR, Role.DIRECTOR}),
                group=PEOPLE_DEVELOPMENT,
            ),
            order=19,
        )
