"""``manage.py bench_load``: the archive's real processes under load from many readers, as figures.

Against the configured archive (``ARCHIVE_DATA_DIR``, migrated and filled):
starts ``manage.py index_writer`` and gunicorn (``config/gunicorn.conf.py``,
``--workers`` workers, a free loopback port), waits for ``/healthz`` and an
empty queue, then for each count of ``--clients`` runs two scenarios: readers
only, and readers while ``import_articles`` stores ``--import-articles`` new
articles and an editor saves articles through the admin. It prints requests,
requests a second, p50/p95/p99 latency and errors by status for the readers,
what became of each admin save, and how long the import took; at the end, once
the queue has drained, whether the index holds every article of the database
and no other. The machinery is in ``search/benchmarks/``.
"""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError

from search.benchmarks.constants import LoadBenchFailed
from search.benchmarks.scenarios import Plan, run

from .bench_freshness import WriterFailed
from .bench_search import QUERIES


class Command(BaseCommand):
    help = (
        "يشغّل gunicorn وكاتب الفهرس على الأرشيف المُعدّ، ويقيس الطلبات في الثانية وزمن الاستجابة "
        "(p50 وp95 وp99) والأخطاء لعدد من القرّاء المتزامنين، وحدهم ثم مع استيراد وحفظ في لوحة الإدارة، "
        "ثم يتحقق من أن الفهرس يطابق قاعدة البيانات."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--clients", type=int, nargs="+", default=[8, 32], help="أعداد القرّاء المتزامنين، سيناريو لكل عدد"
        )
        parser.add_argument("--seconds", type=float, default=15.0, help="أقصى مدة لكل سيناريو (ثوانٍ)")
        parser.add_argument(
            "--requests", type=int, default=1000, help="أقصى عدد من الطلبات لكل قارئ في السيناريو"
        )
        parser.add_argument(
            "--import-articles",
            type=int,
            default=300,
            help="عدد المقالات الجديدة التي يستوردها كل سيناريو كتابة",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "2")),
            help="عمّال gunicorn (‏WEB_CONCURRENCY، أو 2)",
        )
        parser.add_argument(
            "--timeout", type=float, default=300.0, help="أقصى ما يُنتظر (ثوانٍ) لبدء العمليات ولفراغ الطابور"
        )
        parser.add_argument("--seed", type=int, default=0, help="بذرة اختيار الصفحات والاستعلامات")

    def handle(self, *args, clients, seconds, requests, import_articles, workers, timeout, seed, **options):
        if min(clients) < 1 or requests < 1 or seconds <= 0 or import_articles < 1 or workers < 1:
            raise CommandError(
                "--clients و--requests و--import-articles و--workers أعداد موجبة، و--seconds مدة موجبة."
            )
        plan = Plan(clients, requests, seconds, import_articles, workers, timeout, seed)
        try:
            check = run(plan, QUERIES, self.stdout.write)
        except (LoadBenchFailed, WriterFailed) as error:
            raise CommandError(str(error)) from error
        except KeyboardInterrupt:
            # The processes are stopped and the imported articles deleted by then (search/benchmarks/).
            raise CommandError(
                "أُوقف القياس بـCtrl-C؛ أُوقف gunicorn وكاتب الفهرس، وحُذفت المقالات المستوردة."
            ) from None
        self.stdout.write(check.summary())
