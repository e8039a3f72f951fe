"""Health-and-safety trainings: the induction of every newcomer and the risk-specific
trainings, the road-risk census and the awareness quiz.

Newcomers are staff (``hr.Employee``: PhD students are employees) and also students,
apprentices and interns, who are not employees: they get a light ``Learner`` record.
Prevention agents and the advisor keep sessions, attendance, learners, the census and
the quiz; a manager reads the department's newcomers without induction; each person
sees their own trainings.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hr.models import Department, Employee
from imtsocial.history import HistoricalRecords
from safety.trainings.enums import KindFamily, LearnerKind


class Learner(models.Model):
    """A student (« élève »), apprentice or intern (« stagiaire ») followed for the safety
    induction. Data minimisation (RULES §6): names, kind, school year or arrival date, the
    hosting department or laboratory and the departure date — nothing else (no birth
    date, address, contact or school record); the record serves the safety induction
    only and is kept by prevention."""

    last_name = models.CharField(_("nom"), max_length=100)
    first_name = models.CharField(_("prénom"), max_length=100)
    kind = models.CharField(_("statut"), max_length=12, choices=LearnerKind.choices)
    school_year = models.CharField(
        _("année scolaire"), max_length=9, blank=True, help_text=_("Par exemple 2020-2021.")
    )
    arrived_on = models.DateField(_("date d'arrivée"))
    department = models.ForeignKey(
        Department,
        verbose_name=_("service ou laboratoire d'accueil"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    left_on = models.DateField(_("date de départ"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("élève, apprenti ou stagiaire")
        verbose_name_plural = _("élèves, apprentis et stagiaires")
        ordering = ["last_name", "first_name", "pk"]
        indexes = [
            models.Index(fields=["arrived_on"], name="strain_learner_arrived"),
            models.Index(fields=["kind", "department"], name="strain_learner_kind_dep"),
            models.Index(fields=["last_name", "first_name"], name="strain_learner_name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("arrived_on")),
                name="strain_learner_leaves_after_arrival",
                violation_error_message=_("La date de départ précède la date d'arrivée."),
            )
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("safety_trainings:learner_edit", kwargs={"pk": self.pk})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class TrainingKind(models.Model):
    """A kind of safety training (pre-filled by a migration, kept in the admin)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("intitulé"), max_length=150)
    family = models.CharField(_("famille"), max_length=12, choices=KindFamily.choices)
    active = models.BooleanField(_("proposée"), default=True)

    class Meta:
        verbose_name = _("type de formation sécurité")
        verbose_name_plural = _("types de formation sécurité")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["family"],
                condition=Q(family__in=[KindFamily.INDUCTION, KindFamily.ROAD_RISK]),
                name="strain_one_induction_and_one_road_kind",
                violation_error_message=_("Il existe déjà un type de formation de cette famille."),
            )
        ]

    def __str__(self):
        return self.name


class SafetySession(models.Model):
    """A session of a kind: date, place and trainer (a prevention agent or an external body)."""

    kind = models.ForeignKey(
        TrainingKind, verbose_name=_("formation"), on_delete=models.PROTECT, related_name="sessions"
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("lieu"), max_length=200)
    trainer_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("formateur (agent de prévention)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    trainer_body = models.CharField(_("organisme formateur"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("session de formation sécurité")
        verbose_name_plural = _("sessions de formation sécurité")
        ordering = ["-date", "pk"]
        indexes = [
            models.Index(fields=["date"], name="strain_session_date"),
            models.Index(fields=["kind", "date"], name="strain_session_kind_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(trainer_agent__isnull=False) & Q(trainer_body=""))
                | (Q(trainer_agent__isnull=True) & ~Q(trainer_body="")),
                name="strain_session_one_trainer",
                violation_error_message=_(
                    "Indiquez soit un agent de prévention, soit un organisme formateur."
                ),
            )
        ]

    def __str__(self):
        return _("%(kind)s, le %(date)s") % {
            "kind": self.kind.name,
            "date": self.date.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self):
        return reverse("safety_trainings:session_detail", kwargs={"pk": self.pk})

    @property
    def trainer_label(self) -> str:
        if self.trainer_agent_id:
            return self.trainer_agent.get_full_name() or self.trainer_agent.email
        return self.trainer_body


class Attendance(models.Model):
    """One person at a session: an employee or a learner, exactly one of them."""

    session = models.ForeignKey(
        SafetySession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    employee = models.ForeignKey(
        Employee,
        verbose_name=_("agent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="safety_attendances",
    )
    learner = models.ForeignKey(
        Learner,
        verbose_name=_("élève, apprenti ou stagiaire"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enregistrée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        ordering = ["session", "pk"]
        indexes = [
            models.Index(fields=["employee", "session"], name="strain_att_employee"),
            models.Index(fields=["learner", "session"], name="strain_att_learner"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(employee__isnull=False) & Q(learner__isnull=True))
                | (Q(employee__isnull=True) & Q(learner__isnull=False)),
                name="strain_attendance_one_person",
                violation_error_message=_(
                    "Une présence concerne soit un agent, soit un élève, apprenti ou stagiaire."
                ),
            ),
            models.UniqueConstraint(
                fields=["session", "employee"],
                condition=Q(employee__isnull=False),
                name="strain_attendance_once_employee",
                violation_error_message=_("Cet agent est déjà inscrit comme présent."),
            ),
            models.UniqueConstraint(
                fields=["session", "learner"],
                condition=Q(learner__isnull=False),
                name="strain_attendance_once_learner",
                violation_error_message=_("Cette personne est déjà inscrite comme présente."),
            ),
        ]

    def __str__(self):
        person = self.employee.full_name if self.employee_id else self.learner.full_name
        return f"{person} — {self.session}"


class RoadRiskExposure(models.Model):
    """The road-risk census: a person among the most exposed, from a date, for a reason."""

    employee = models.ForeignKey(
        Employee,
        verbose_name=_("agent"),
        on_delete=models.PROTECT,
        related_name="road_risk_exposures",
    )
    since = models.DateField(_("exposé depuis le"))
    reason = models.CharField(
        _("motif"),
        max_length=300,
        help_text=_("Par exemple : déplacements fréquents entre les sites."),
    )
    until = models.DateField(_("jusqu'au"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("exposition au risque routier")
        verbose_name_plural = _("expositions au risque routier")
        ordering = ["-since", "pk"]
        indexes = [
            models.Index(fields=["employee", "since"], name="strain_road_employee"),
            models.Index(fields=["until"], name="strain_road_until"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=F("since")),
                name="strain_road_ends_after_start",
                violation_error_message=_("La fin de l'exposition précède son début."),
            ),
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(until__isnull=True),
                name="strain_road_one_open_per_person",
                violation_error_message=_("Cet agent est déjà recensé comme exposé."),
            ),
        ]

    def __str__(self):
        return _("%(name)s, exposé depuis le %(date)s") % {
            "name": self.employee.full_name,
            "date": self.since.strftime("%d/%m/%Y"),
        }


class QuizQuestion(models.Model):
    text = models.CharField(_("question"), max_length=500)
    explanation = models.TextField(
        _("explication"),
        max_length=2000,
        blank=True,
        help_text=_("Montrée avec la correction."),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    active = models.BooleanField(_("posée dans le quiz"), default=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("question du quiz")
        verbose_name_plural = _("questions du quiz")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["active", "position"], name="strain_question_active")]

    def __str__(self):
        return self.text


class QuizAnswer(models.Model):
    question = models.ForeignKey(
        QuizQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    text = models.CharField(_("réponse"), max_length=300)
    correct = models.BooleanField(_("bonne réponse"), default=False)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("réponse proposée")
        verbose_name_plural = _("réponses proposées")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class QuizAttempt(models.Model):
    """One go at the quiz: the score is the number of questions fully right (every correct
    answer ticked, no wrong one) out of the questions asked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    taken_at = models.DateTimeField(_("passé le"), auto_now_add=True)
    score = models.PositiveSmallIntegerField(_("bonnes réponses"))
    total = models.PositiveSmallIntegerField(_("questions"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("passage du quiz")
        verbose_name_plural = _("passages du quiz")
        ordering = ["-taken_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "taken_at"], name="strain_attempt_user"),
            models.Index(fields=["taken_at"], name="strain_attempt_taken"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__lte=F("total")) & Q(total__gte=1),
                name="strain_attempt_score_within_total",
                violation_error_message=_("Le score dépasse le nombre de questions."),
            )
        ]

    def __str__(self):
        return _("%(score)s sur %(total)s") % {"score": self.score, "total": self.total}

    def get_absolute_url(self):
        return reverse("safety_trainings:quiz_result", kwargs={"pk": self.pk})

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0


class QuizResponse(models.Model):
    """The answers ticked to one question of an attempt."""

    attempt = models.ForeignKey(
        QuizAttempt, verbose_name=_("passage"), on_delete=models.CASCADE, related_name="responses"
    )
    question = models.ForeignKey(
        QuizQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    chosen = models.ManyToManyField(
        QuizAnswer, verbose_name=_("réponses cochées"), related_name="+", blank=True
    )
    correct = models.BooleanField(_("juste"))

    class Meta:
        verbose_name = _("réponse à une question")
        verbose_name_plural = _("réponses aux questions")
        ordering = ["attempt", "question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="strain_response_once_per_question"
            )
        ]
        indexes = [models.Index(fields=["question", "correct"], name="strain_response_question")]

    def __str__(self):
        return f"{self.attempt_id} — {self.question_id}"
