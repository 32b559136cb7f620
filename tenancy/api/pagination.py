from rest_framework.pagination import CursorPagination


class KabarCursorPagination(CursorPagination):
    """`{"next", "previous", "results"}`; `page_size` up to 200."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-created_at"
