"""gunicorn's settings for the archive, read by ``gunicorn -c config/gunicorn.conf.py config.wsgi``.

``PORT`` and ``WEB_CONCURRENCY`` come from the environment, as the README lists them.
"""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"
# gunicorn answers a request line over 4,094 bytes with its own English 400. A
# query at the archive's longest (500 Arabic letters, six bytes each once
# percent-encoded) with its filters is longer: take up to gunicorn's most,
# so the archive answers it, and answers a query too long in Arabic.
limit_request_line = 8190
