"""The one shape of a background job's progress, as its page's polling script reads it.

A page that follows a job (an import, an edition of the report…) puts
``data-progress-url="<status URL>"`` on a box holding a ``<progress>`` and an
``[data-progress-text]`` element, and loads ``static/js/progress.js``. The status view
answers ``progress_state(...)`` as JSON: the script moves the bar, writes the text (composed
here, translated and with French numbers) and reloads the page once ``finished``::

    JsonResponse(progress_state(value=40, maximum=100, text="En cours — 40 %",
                                finished=False, status="running"))
"""


def progress_state(*, value: int, maximum: int, text: str, finished: bool, **details) -> dict:
    """The JSON of a status view: ``value``/``max`` for the bar, ``text`` for the reader,
    ``finished`` to reload; ``details`` are the job's own fields (kept for API readers)."""
    return {
        **details,
        "value": value,
        "max": max(maximum, 1),
        "text": str(text),
        "finished": finished,
    }
