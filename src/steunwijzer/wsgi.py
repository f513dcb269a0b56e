import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunwijzer.settings")
application = get_wsgi_application()
# What a worker has loaded by now lives as long as the worker. Frozen, it is left out of the
# collector's full passes, which otherwise walk all of Django on every one of them: pauses of
# tens of milliseconds in the middle of a request.
gc.freeze()
