"""HR imports: employees, contracts and salaries from a CSV or XLSX file.

Upload (``import_job_create``) → dry run in a Celery task (``import_job_analyse``)
→ HR reads the preview → confirmation (``import_job_confirm``, one transaction).
Nothing is written before the confirmation.

- ``files``: reading CSV and XLSX files, the expected columns;
- ``widgets``: one cell → a value, or a French message;
- ``resources``: the three django-import-export ``ModelResource``s;
- ``services``: the job's state machine and the services the views and tasks call.
"""

from hr.imports.files import ImportFileError, check_headers, read_table
from hr.imports.resources import (
    COLUMNS,
    CONTRACT_COLUMNS,
    EMPLOYEE_COLUMNS,
    RESOURCES,
    SALARY_COLUMNS,
    ContractResource,
    EmployeeResource,
    SalaryResource,
    progress_note,
)
from hr.imports.services import (
    TRANSITIONS,
    ImportStateError,
    import_job_analyse,
    import_job_can_cancel,
    import_job_can_confirm,
    import_job_cancel,
    import_job_confirm,
    import_job_create,
    import_job_is_running,
    import_job_progress,
    import_job_request_confirmation,
)

__all__ = [
    "COLUMNS",
    "CONTRACT_COLUMNS",
    "EMPLOYEE_COLUMNS",
    "RESOURCES",
    "SALARY_COLUMNS",
    "TRANSITIONS",
    "ContractResource",
    "EmployeeResource",
    "ImportFileError",
    "ImportStateError",
    "SalaryResource",
    "check_headers",
    "import_job_analyse",
    "import_job_can_cancel",
    "import_job_can_confirm",
    "import_job_cancel",
    "import_job_confirm",
    "import_job_create",
    "import_job_is_running",
    "import_job_progress",
    "import_job_request_confirmation",
    "progress_note",
    "read_table",
]
