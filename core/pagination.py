"""Page numbers from the query string, read the way the registry reads them."""


class ForgivingPaginationMixin:
    """For a ``ListView``: a page that is not a number shows the first page
    and one past the end shows the last, as ``Paginator.get_page`` does,
    instead of Django's 404 for a mistyped or stale link."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=self.get_allow_empty()
        )
        page = paginator.get_page(self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
