"""Swedish first: the site speaks Swedish unless the visitor has chosen
English with the language switch (a cookie). The browser's
Accept-Language is ignored, so a Swedish public service does not turn
English because of how a computer happens to be set up."""


class SwedishFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
