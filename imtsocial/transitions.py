"""State machines: one declarative table per model, read by services, perms and pages.

Each row says from which states a verb may be done, the state it leads to (``None``
for an action that keeps the state, such as editing a draft) and who may do it — a
name the app's ``perms.py`` gives a meaning to::

    REQUEST_FLOW = StateMachine(
        Transition("submit", {Status.DRAFT}, Status.SUBMITTED, actor="requester"),
        Transition("withdraw", {Status.DRAFT, Status.SUBMITTED}, Status.WITHDRAWN,
                   actor="requester"),
        Transition("edit", {Status.DRAFT}, None, actor="requester"),
        choices=Status,
    )

    # services.py: refuses an illegal move in French, then sets request.status
    REQUEST_FLOW.apply(request, "withdraw")

    # perms.py: can_<verb> derived from the same row
    ACTORS = {"requester": is_requester}
    def can_withdraw(user, request):
        return REQUEST_FLOW.can(user, request, "withdraw", ACTORS)

Templates receive the ``can_<verb>`` answers (or ``machine.verbs_for``): no status
string is compared in a template, no status list repeated in perms.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from imtsocial.errors import IllegalTransitionError


@dataclass(frozen=True)
class Transition:
    verb: str
    sources: frozenset
    target: str | None
    actor: str = ""

    def __init__(self, verb, sources: Iterable, target, *, actor: str = ""):
        object.__setattr__(self, "verb", verb)
        object.__setattr__(self, "sources", frozenset(str(s) for s in sources))
        object.__setattr__(self, "target", None if target is None else str(target))
        object.__setattr__(self, "actor", actor)


class StateMachine:
    def __init__(self, *transitions: Transition, field: str = "status", choices=None):
        self.transitions = {t.verb: t for t in transitions}
        if len(self.transitions) != len(transitions):
            raise ValueError("each verb appears once in a state machine")
        self.field = field
        self.labels = dict(choices.choices) if choices is not None else {}

    def __getitem__(self, verb) -> Transition:
        return self.transitions[verb]

    def _state(self, obj_or_state) -> str:
        if isinstance(obj_or_state, str):
            return str(obj_or_state)
        return str(getattr(obj_or_state, self.field))

    def label(self, state) -> str:
        return str(self.labels.get(str(state), state))

    def allows(self, obj_or_state, verb: str) -> bool:
        """True when ``verb`` may be done from the state of ``obj_or_state``."""
        return self._state(obj_or_state) in self.transitions[verb].sources

    def sources(self, verb: str) -> frozenset:
        """The states ``verb`` may start from (to filter a queryset)."""
        return self.transitions[verb].sources

    def verbs_for(self, obj_or_state, *, actor: str | None = None) -> list[str]:
        state = self._state(obj_or_state)
        return [
            t.verb
            for t in self.transitions.values()
            if state in t.sources and (actor is None or t.actor == actor)
        ]

    def targets_from(self, obj_or_state) -> list[str]:
        """The states reachable in one move, in the order of the table (for a choice list)."""
        seen = []
        for verb in self.verbs_for(obj_or_state):
            target = self.transitions[verb].target
            if target is not None and target not in seen:
                seen.append(target)
        return seen

    def can(self, user, obj, verb: str, actors: Mapping[str, Callable]) -> bool:
        """The state allows ``verb`` and ``user`` is its actor (``actors[name](user, obj)``)."""
        transition = self.transitions[verb]
        if self._state(obj) not in transition.sources:
            return False
        check = actors.get(transition.actor)
        return bool(check and check(user, obj))

    def check(self, obj, verb: str) -> Transition:
        transition = self.transitions[verb]
        state = self._state(obj)
        if state not in transition.sources:
            raise IllegalTransitionError(
                _("Cette action n'est pas possible dans l'état « %(state)s ».")
                % {"state": self.label(state)}
            )
        return transition

    def apply(self, obj, verb: str) -> None:
        """Refuse an illegal move (``IllegalTransitionError``), else set the new state."""
        transition = self.check(obj, verb)
        if transition.target is not None:
            setattr(obj, self.field, transition.target)

    def move_to(self, obj, target) -> str:
        """Apply the verb that leads from the current state to ``target``; returns the verb."""
        state = self._state(obj)
        for transition in self.transitions.values():
            if transition.target == str(target) and state in transition.sources:
                setattr(obj, self.field, transition.target)
                return transition.verb
        raise IllegalTransitionError(
            _("Impossible de passer de l'état « %(from)s » à « %(to)s ».")
            % {"from": self.label(state), "to": self.label(target)}
        )
