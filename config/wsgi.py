import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Every view is imported now rather than in the first request, and what loading made (about a hundred
# thousand objects that live as long as the process) is moved out of the garbage collector's sight: its
# full collections then walk only what requests leave behind instead of the whole of Django and Kabar.
get_resolver().url_patterns  # noqa: B018 (imports the URLconf)
gc.freeze()
