from django import forms
from django.utils.translation import gettext_lazy as _

from hr.skills.models import EmployeeSkill, Skill


class SkillForm(forms.ModelForm):
    class Meta:
        model = Skill
        fields = ["name", "domain", "critical", "study_note"]


class EmployeeSkillForm(forms.ModelForm):
    class Meta:
        model = EmployeeSkill
        fields = ["skill", "level"]

    def __init__(self, *args, employee, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.employee = employee

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("skill", _("Cet agent a déjà cette compétence : changez son niveau."))


class HorizonForm(forms.Form):
    years = forms.IntegerField(label=_("Horizon (années)"), min_value=1, max_value=15)
