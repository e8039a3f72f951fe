from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from imtsocial.accounts.models import User
from imtsocial.accounts.tasks import send_invitation


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "first_name", "last_name")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreationForm
    ordering = ("last_name", "first_name", "email")
    list_display = ("email", "first_name", "last_name", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "groups")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Identité"), {"fields": ("first_name", "last_name", "preferred_language")}),
        (
            _("Rôles et droits"),
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                "description": _(
                    "Les rôles métier s'accordent sur la page « Rôles » de l'intranet, où "
                    "chaque changement est journalisé. Ici : le groupe « role_admin » (les "
                    "administrateurs des rôles) et les droits techniques."
                ),
            },
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "first_name", "last_name", "usable_password"),
                "description": _(
                    "Sans mot de passe, la personne reçoit un e-mail pour choisir le sien."
                ),
            },
        ),
    )
    actions = ["send_invitations"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        """Business roles are granted on the roles page (journaled), not here: the admin
        offers only the role administrators' group."""
        if db_field.name == "groups":
            from django.contrib.auth.models import Group

            from imtsocial.accounts.roles import ROLE_ADMIN_GROUP

            kwargs["queryset"] = Group.objects.filter(name=ROLE_ADMIN_GROUP)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        """Keep the business roles the form does not show."""
        from imtsocial.accounts.roles import ROLE_ADMIN_GROUP

        kept = list(form.instance.groups.exclude(name=ROLE_ADMIN_GROUP)) if change else []
        super().save_related(request, form, formsets, change)
        if kept:
            form.instance.groups.add(*kept)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and not obj.has_usable_password():
            send_invitation.delay_on_commit(obj.pk)

    @admin.action(description=_("Envoyer l'e-mail de choix du mot de passe"))
    def send_invitations(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=True):
            send_invitation.delay_on_commit(user.pk)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d invitation envoyée.", "%(count)d invitations envoyées.", count)
            % {"count": count},
            messages.SUCCESS,
        )
