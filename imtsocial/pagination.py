from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, queryset, *, per_page: int | None = None, count: int | None = None):
    """The requested page of ``queryset`` (out-of-range pages give the last one).

    ``count``: the number of rows when the view already has it (from an aggregate it
    computes anyway, e.g. the totals above a list), so that the paginator does not run a
    second ``COUNT(*)`` over the same filter.
    """
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    if count is not None:
        paginator.count = count  # the cached property, filled
    return paginator.get_page(request.GET.get("page"))
